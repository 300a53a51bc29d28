// The Logs table model on the hand-built records of logs_test_data.h, checked by Qt's
// QAbstractItemModelTester and against the cell texts read off that table.
#include <QAbstractItemModelTester>
#include <QTest>

#include "tests/views/logs/logs_test_data.h"
#include "views/logs/log_table_model.h"

using namespace tg;
using M = view::LogTableModel;

class LogTableModelTest : public QObject {
    Q_OBJECT
private slots:
    void passesModelTester();
    void cellTexts();
    void traceOfRows();
};

void LogTableModelTest::passesModelTester() {
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSources(test::buildSources());
    model.setRows({6, 0, 1, 2, 3, 4, 5});
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.columnCount(), int(M::kColumnCount));
    model.setRows({1, 2});
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    model.setRows({4, 99}); // 99 is not a record: dropped
    QCOMPARE(model.rowCount(), 1);
    model.setSources({});
    QCOMPARE(model.rowCount(), 0);
}

void LogTableModelTest::cellTexts() {
    M model;
    model.setSources(test::buildSources());
    model.setRows({6, 2, 5});
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role);
    };
    // Row 6: 2 ms after 2023-11-14 22:13:20 UTC, ERROR, inventory (its stream label: not a
    // service of the traces), no trace.
    QCOMPARE(cell(0, M::kTime).toString(), QStringLiteral("2023-11-14 22:13:20.002000"));
    QCOMPARE(cell(0, M::kSeverity).toString(), QStringLiteral("ERROR"));
    QCOMPARE(cell(0, M::kService).toString(), QStringLiteral("inventory"));
    QCOMPARE(cell(0, M::kTrace).toString(), QString());
    QCOMPARE(cell(0, M::kMessage).toString(), QStringLiteral("inventory sync failed"));
    // Row 2: checkout, trace A (shortened in the cell, whole in TraceIdRole), span A2.
    QCOMPARE(cell(1, M::kService).toString(), QStringLiteral("checkout"));
    QCOMPARE(cell(1, M::kTrace).toString(), QStringLiteral("4bf92f35") + QChar(0x2026));
    QCOMPARE(cell(1, M::kTrace, M::TraceIdRole).toString(), QString::fromLatin1(test::kTraceA));
    QCOMPARE(cell(1, M::kTrace, M::SpanIdRole).toString(), QStringLiteral("00000000000000a2"));
    QVERIFY(cell(1, M::kTrace, M::TraceLoadedRole).toBool());
    QCOMPARE(cell(1, M::kMessage, M::StoreRowRole).toUInt(), 2u);
    QVERIFY(cell(1, M::kMessage, Qt::ForegroundRole).isValid()); // errors stand out
    // Row 5: no level (empty), no trace.
    QCOMPARE(cell(2, M::kSeverity).toString(), QString());
    QVERIFY(!cell(2, M::kTrace, M::TraceLoadedRole).toBool());
    QCOMPARE(model.headerData(M::kMessage, Qt::Horizontal).toString(), QStringLiteral("Message"));
}

void LogTableModelTest::traceOfRows() {
    M model;
    model.setSources(test::buildSources());
    model.setRows({4, 5});
    const auto [trace, span] = model.traceOf(0);
    QCOMPARE(trace, model::parseTraceId(test::kTraceB).id);
    QCOMPARE(span, model::SpanId(test::kSpanB1));
    QVERIFY(model.traceOf(1).first.isZero());
    QVERIFY(model.traceOf(7).first.isZero()); // out of range
}

QTEST_MAIN(LogTableModelTest)
#include "log_table_model_test.moc"
