// The search panel as a user drives it, on the four traces of explorer_test_data.h: Find
// emits the form's query, a double-click opens a row's trace, a click on a plot point selects
// and opens it, two selected rows compare with the faster one as A, one row compares with the
// open trace, the scope chip clears, and a bad field shows why nothing was searched.
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include "tests/views/explorer/explorer_test_data.h"
#include "views/explorer/trace_query_form.h"
#include "views/explorer/trace_results_model.h"
#include "views/explorer/trace_scatter_view.h"
#include "views/explorer/trace_search_panel.h"

using tg::view::TraceResultsModel;
using tg::view::TraceSearchPanel;

class TraceSearchPanelTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void findEmitsQuery();
    void badFieldShowsProblem();
    void doubleClickOpensTrace();
    void plotPointSelectsAndOpens();
    void comparesTwoRowsFasterFirst();
    void comparesWithOpenTrace();
    void scopeChipClears();

private:
    void selectRows(std::initializer_list<int> rows);
    tg::test::ExplorerTestData m_data;
    TraceSearchPanel* m_panel = nullptr;
};

void TraceSearchPanelTest::init() {
    m_data = {};
    tg::test::buildFourTraces(m_data);
    m_panel = new TraceSearchPanel;
    m_panel->resize(1300, 420);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->setIndex(m_data.dataset, m_data.index);
    m_panel->setResults({0, 1, 2, 3});
}

void TraceSearchPanelTest::cleanup() {
    delete m_panel;
    m_panel = nullptr;
}

void TraceSearchPanelTest::selectRows(std::initializer_list<int> rows) {
    QTableView* table = m_panel->table();
    table->clearSelection();
    for (int r : rows)
        table->selectionModel()->select(m_panel->model()->index(r, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void TraceSearchPanelTest::findEmitsQuery() {
    QSignalSpy requested(m_panel, &TraceSearchPanel::searchRequested);
    m_panel->form()->setService(QStringLiteral("checkout"));
    m_panel->form()->minDurationEdit()->setText(QStringLiteral("100ms"));
    QTest::mouseClick(m_panel->form()->findButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    const auto q = requested.at(0).at(0).value<tg::model::TraceQuery>();
    QCOMPARE(q.service, std::string("checkout"));
    QCOMPARE(*q.minDurationNs, int64_t(100'000'000));
    // The status counts what setResults shows: 4 traces, 1 with errors.
    QCOMPARE(m_panel->statusLabel()->text(), QStringLiteral("4 traces, 1 with errors"));
    m_panel->setResults({0, 3});
    QCOMPARE(m_panel->statusLabel()->text(), QStringLiteral("2 traces, 1 with errors (of 4)"));
}

void TraceSearchPanelTest::badFieldShowsProblem() {
    QSignalSpy requested(m_panel, &TraceSearchPanel::searchRequested);
    m_panel->form()->maxDurationEdit()->setText(QStringLiteral("soon"));
    m_panel->requestSearch();
    QCOMPARE(requested.count(), 0);
    QVERIFY2(m_panel->statusLabel()->text().contains(QStringLiteral("soon")),
             qPrintable(m_panel->statusLabel()->text()));
}

void TraceSearchPanelTest::doubleClickOpensTrace() {
    QSignalSpy activated(m_panel, &TraceSearchPanel::traceActivated);
    // Sorted by duration, descending: the 1 s trace (index 3) is on top.
    m_panel->table()->sortByColumn(TraceResultsModel::kDuration, Qt::DescendingOrder);
    QTableView* table = m_panel->table();
    const QRect cell = table->visualRect(m_panel->model()->index(0, TraceResultsModel::kDuration));
    // A real double-click: press and release, then the second press arrives as a double-click.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<size_t>(), size_t(3));
    // Return on the current row opens it too.
    table->setFocus();
    table->setCurrentIndex(m_panel->model()->index(1, 0)); // 120 ms: trace 0
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).value<size_t>(), size_t(0));
}

void TraceSearchPanelTest::plotPointSelectsAndOpens() {
    QSignalSpy activated(m_panel, &TraceSearchPanel::traceActivated);
    tg::view::TraceScatterView* plot = m_panel->scatter();
    QTRY_VERIFY(plot->pointPosition(2).has_value());
    QTest::mouseClick(plot->viewport(), Qt::LeftButton, {}, *plot->pointPosition(2));
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<size_t>(), size_t(2));
    QCOMPARE(m_panel->selectedTraces(), std::vector<size_t>{2});
}

void TraceSearchPanelTest::comparesTwoRowsFasterFirst() {
    QSignalSpy compare(m_panel, &TraceSearchPanel::compareRequested);
    selectRows({0});
    QVERIFY(!m_panel->compareButton()->isEnabled()); // one row and no open trace
    selectRows({0, 1});                              // 120 ms (index 0) and 30 ms (index 1)
    QVERIFY(m_panel->compareButton()->isEnabled());
    QTest::mouseClick(m_panel->compareButton(), Qt::LeftButton);
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.at(0).at(0).value<size_t>(), size_t(1)); // A: the faster
    QCOMPARE(compare.at(0).at(1).value<size_t>(), size_t(0));
    selectRows({0, 1, 2});
    QVERIFY(!m_panel->compareButton()->isEnabled());
}

void TraceSearchPanelTest::comparesWithOpenTrace() {
    QSignalSpy compare(m_panel, &TraceSearchPanel::compareRequested);
    m_panel->setOpenTrace(3); // 1 s
    selectRows({2});          // 5 ms
    QVERIFY(m_panel->compareButton()->isEnabled());
    QTest::mouseClick(m_panel->compareButton(), Qt::LeftButton);
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.at(0).at(0).value<size_t>(), size_t(2));
    QCOMPARE(compare.at(0).at(1).value<size_t>(), size_t(3));
    selectRows({3}); // the open trace itself: nothing to compare
    QVERIFY(!m_panel->compareButton()->isEnabled());
}

void TraceSearchPanelTest::scopeChipClears() {
    QSignalSpy cleared(m_panel, &TraceSearchPanel::scopeCleared);
    m_panel->setScope(QStringLiteral("Calls from frontend to checkout"));
    QVERIFY(m_panel->hasScope());
    auto* chip = m_panel->findChild<QWidget*>(QStringLiteral("searchScope"));
    QVERIFY(chip && chip->isVisible());
    QTest::mouseClick(m_panel->findChild<QToolButton*>(QStringLiteral("searchScopeClear")),
                      Qt::LeftButton);
    QCOMPARE(cleared.count(), 1);
    QVERIFY(!m_panel->hasScope());
    QVERIFY(!chip->isVisible());
}

QTEST_MAIN(TraceSearchPanelTest)
#include "trace_search_panel_test.moc"
