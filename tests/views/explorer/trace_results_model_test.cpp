// The results table model on four hand-built traces (explorer_test_data.h): cell texts,
// sorting on every numeric column (expected orders worked out by hand from the durations,
// span counts and errors listed there), persistent indexes following a sort, and Qt's model
// consistency checks (QAbstractItemModelTester) through every change.
#include <QAbstractItemModelTester>
#include <QTest>

#include "tests/views/explorer/explorer_test_data.h"
#include "views/explorer/trace_results_model.h"

using tg::view::TraceResultsModel;

class TraceResultsModelTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void showsTextsOfEachTrace();
    void sortsByEachColumn_data();
    void sortsByEachColumn();
    void persistentIndexFollowsSort();
    void dropsInvalidIndicesAndClears();

private:
    std::vector<size_t> order() const;
    tg::test::ExplorerTestData m_data;
    std::unique_ptr<TraceResultsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TraceResultsModelTest::init() {
    m_data = {};
    tg::test::buildFourTraces(m_data);
    QCOMPARE(m_data.index->traces.size(), size_t(4));
    m_model = std::make_unique<TraceResultsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setIndex(m_data.dataset, m_data.index);
    m_model->setResults({0, 1, 2, 3});
}

std::vector<size_t> TraceResultsModelTest::order() const {
    std::vector<size_t> out;
    for (int r = 0; r < m_model->rowCount(); ++r)
        out.push_back(m_model->index(r, 0).data(TraceResultsModel::kTraceIndexRole).toULongLong());
    return out;
}

void TraceResultsModelTest::showsTextsOfEachTrace() {
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->columnCount(), int(TraceResultsModel::kColumnCount));
    auto text = [this](int row, int column) {
        return m_model->index(row, column).data().toString();
    };
    QCOMPARE(text(0, TraceResultsModel::kTrace), QStringLiteral("frontend: GET /checkout"));
    QCOMPARE(text(0, TraceResultsModel::kStart), QStringLiteral("2023-11-14 22:13:20.000"));
    QCOMPARE(text(0, TraceResultsModel::kDuration), QStringLiteral("120 ms"));
    QCOMPARE(text(0, TraceResultsModel::kSpans), QStringLiteral("2"));
    QCOMPARE(text(0, TraceResultsModel::kErrors), QStringLiteral("1"));
    QCOMPARE(text(0, TraceResultsModel::kServices), QStringLiteral("checkout, frontend"));
    QCOMPARE(text(1, TraceResultsModel::kErrors), QString()); // no errors: empty cell
    QCOMPARE(text(2, TraceResultsModel::kTrace), QStringLiteral("frontend: GET /home"));
    QCOMPARE(text(2, TraceResultsModel::kDuration), QStringLiteral("5.00 ms"));
    QCOMPARE(text(3, TraceResultsModel::kStart), QStringLiteral("2023-11-14 22:13:23.000"));
    QCOMPARE(text(3, TraceResultsModel::kDuration), QStringLiteral("1.00 s"));
    QCOMPARE(text(3, TraceResultsModel::kServices), QStringLiteral("checkout, frontend, payments"));
    // The error trace's count is coloured; a clean trace's is not.
    QVERIFY(m_model->index(0, TraceResultsModel::kErrors).data(Qt::ForegroundRole).isValid());
    QVERIFY(!m_model->index(1, TraceResultsModel::kErrors).data(Qt::ForegroundRole).isValid());
}

void TraceResultsModelTest::sortsByEachColumn_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("sortOrder");
    QTest::addColumn<std::vector<size_t>>("expected");
    // Durations 120, 30, 5, 1000 ms; spans 2, 2, 1, 3; errors 1, 0, 0, 0; services 2, 2, 1, 3.
    QTest::newRow("duration asc") << int(TraceResultsModel::kDuration) << int(Qt::AscendingOrder)
                                  << std::vector<size_t>{2, 1, 0, 3};
    QTest::newRow("duration desc") << int(TraceResultsModel::kDuration) << int(Qt::DescendingOrder)
                                   << std::vector<size_t>{3, 0, 1, 2};
    QTest::newRow("spans asc (ties by start)")
        << int(TraceResultsModel::kSpans) << int(Qt::AscendingOrder)
        << std::vector<size_t>{2, 0, 1, 3};
    QTest::newRow("errors desc") << int(TraceResultsModel::kErrors) << int(Qt::DescendingOrder)
                                 << std::vector<size_t>{0, 1, 2, 3};
    QTest::newRow("start desc") << int(TraceResultsModel::kStart) << int(Qt::DescendingOrder)
                                << std::vector<size_t>{3, 2, 1, 0};
    QTest::newRow("services desc") << int(TraceResultsModel::kServices) << int(Qt::DescendingOrder)
                                   << std::vector<size_t>{3, 0, 1, 2};
    // "frontend: GET /checkout" ×3 (ties by start), then "frontend: GET /home".
    QTest::newRow("root asc") << int(TraceResultsModel::kTrace) << int(Qt::AscendingOrder)
                              << std::vector<size_t>{0, 1, 3, 2};
}

void TraceResultsModelTest::sortsByEachColumn() {
    QFETCH(int, column);
    QFETCH(int, sortOrder);
    QFETCH(std::vector<size_t>, expected);
    m_model->sort(column, Qt::SortOrder(sortOrder));
    QCOMPARE(order(), expected);
    // New results keep the chosen order.
    m_model->setResults({3, 2, 1, 0});
    QCOMPARE(order(), expected);
}

void TraceResultsModelTest::persistentIndexFollowsSort() {
    const QPersistentModelIndex slowest = m_model->index(3, TraceResultsModel::kDuration);
    QCOMPARE(slowest.data().toString(), QStringLiteral("1.00 s"));
    m_model->sort(TraceResultsModel::kDuration, Qt::DescendingOrder);
    QCOMPARE(slowest.row(), 0);
    QCOMPARE(slowest.column(), int(TraceResultsModel::kDuration));
    QCOMPARE(slowest.data().toString(), QStringLiteral("1.00 s"));
    QCOMPARE(m_model->rowOfTrace(3), 0);
    QCOMPARE(m_model->rowOfTrace(2), 3);
}

void TraceResultsModelTest::dropsInvalidIndicesAndClears() {
    m_model->setResults({1, 99, 3});
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOfTrace(99), -1);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setIndex(nullptr, nullptr);
    m_model->setResults({0});
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_MAIN(TraceResultsModelTest)
#include "trace_results_model_test.moc"
