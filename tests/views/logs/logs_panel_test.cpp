// The Logs panel offscreen: what it says when nothing is loaded, in scope or matching; scope,
// severity and search (typed) on the records of logs_test_data.h; a trace cell click; and a
// million rows in the virtualized table.
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "tests/views/logs/logs_test_data.h"
#include "views/logs/log_table_model.h"
#include "views/logs/logs_panel.h"

using namespace tg;

namespace {

// Runs `action` and waits until the panel shows the query it started (a query over a few
// records may finish before the continuation is attached, and then shows at once).
#define SHOWN_AFTER(panel, spy, action)                                                            \
    do {                                                                                           \
        const qsizetype before = (spy).count();                                                    \
        action;                                                                                    \
        QTRY_VERIFY_WITH_TIMEOUT((spy).count() > before && !(panel).isQuerying(), 60000);          \
    } while (0)

int modelRowOfStoreRow(const view::LogTableModel* model, uint32_t storeRow) {
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->storeRow(r) == storeRow) return r;
    return -1;
}

} // namespace

class LogsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void saysWhenNoLogsAreLoaded();
    void scopeSeverityAndSearch();
    void traceCellRequestsTrace();
    void millionRows();
};

void LogsPanelTest::saysWhenNoLogsAreLoaded() {
    view::LogsPanel panel;
    panel.show();
    QVERIFY(panel.isMessageShown());
    QVERIFY(panel.messageLabel()->text().startsWith(QStringLiteral("No logs are loaded")));
    // Empty stores say the same.
    view::LogsSources empty;
    empty.logs = std::make_shared<model::LogStore>();
    panel.setSources(empty);
    QVERIFY(panel.isMessageShown());
    QCOMPARE(panel.model()->rowCount(), 0);
}

void LogsPanelTest::scopeSeverityAndSearch() {
    view::LogsPanel panel;
    panel.resize(900, 400);
    panel.show();
    QSignalSpy shown(&panel, &view::LogsPanel::rowsShown);
    SHOWN_AFTER(panel, shown, panel.setSources(test::buildSources()));
    QCOMPARE(panel.model()->rowCount(), 7); // every record
    QVERIFY(!panel.isMessageShown());
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("7 lines"));

    view::LogScope checkout = test::serviceScope({"checkout"});
    checkout.label = QStringLiteral("service checkout");
    SHOWN_AFTER(panel, shown, panel.setScope(checkout));
    QCOMPARE(panel.model()->rows(), (std::vector<uint32_t>{1, 2, 4, 5}));

    SHOWN_AFTER(panel, shown, panel.setMinSeverity(model::LogSeverity::Warn));
    QCOMPARE(panel.model()->rows(), std::vector<uint32_t>{2}); // the one ERROR
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("1 of 4 lines"));
    SHOWN_AFTER(panel, shown, panel.setMinSeverity(model::LogSeverity::Unspecified));

    // Typing runs the search a moment after the last key.
    SHOWN_AFTER(panel, shown, QTest::keyClicks(panel.searchBox(), QStringLiteral("CART")));
    QCOMPARE(panel.model()->rows(), (std::vector<uint32_t>{1, 4}));

    SHOWN_AFTER(panel, shown, panel.setSearchText(QStringLiteral("zzz")));
    QVERIFY(panel.isMessageShown());
    QCOMPARE(panel.messageLabel()->text(),
             QStringLiteral("None of the 4 log lines of service checkout contain “zzz”."));

    SHOWN_AFTER(panel, shown, panel.setSearchText({}));
    view::LogScope inventory = test::serviceScope({"inventory"});
    inventory.label = QStringLiteral("service inventory");
    SHOWN_AFTER(panel, shown, panel.setScope(inventory));
    QCOMPARE(panel.messageLabel()->text(), QStringLiteral("No log lines for service inventory."));
}

void LogsPanelTest::traceCellRequestsTrace() {
    view::LogsPanel panel;
    panel.resize(1000, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy shown(&panel, &view::LogsPanel::rowsShown);
    SHOWN_AFTER(panel, shown, panel.setSources(test::buildSources()));
    QSignalSpy requested(&panel, &view::LogsPanel::traceRequested);
    // Record 2 (trace A, span A2): a click on its trace cell.
    const int row = modelRowOfStoreRow(panel.model(), 2);
    QVERIFY(row >= 0);
    const QModelIndex traceCell = panel.model()->index(row, view::LogTableModel::kTrace);
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {},
                      panel.table()->visualRect(traceCell).center());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested[0][0].value<model::TraceId>(), model::parseTraceId(test::kTraceA).id);
    QCOMPARE(requested[0][1].value<model::SpanId>(), model::SpanId(test::kSpanA2));
    // Enter on record 6 (no trace) requests nothing; on record 4 (trace B, span B1) it does.
    panel.table()->setFocus();
    panel.table()->setCurrentIndex(panel.model()->index(modelRowOfStoreRow(panel.model(), 6), 0));
    QTest::keyClick(panel.table(), Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    panel.table()->setCurrentIndex(panel.model()->index(modelRowOfStoreRow(panel.model(), 4), 0));
    QTest::keyClick(panel.table(), Qt::Key_Return);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested[1][0].value<model::TraceId>(), model::parseTraceId(test::kTraceB).id);
}

void LogsPanelTest::millionRows() {
    // 1,000,000 records, one in five with a trace ID, levels cycling.
    auto logs = std::make_shared<model::LogStore>();
    logs->addSource("big.log", "test");
    const model::LabelInput stream[] = {{"service", "checkout"}};
    const model::StreamId s = logs->addStream(stream);
    model::LogInput in;
    std::string body;
    for (uint32_t i = 0; i < 1'000'000; ++i) {
        in.clear();
        in.timeNs = test::kT0 + int64_t(i) * 1000;
        in.severity = model::LogSeverity(1 + i % 6);
        body = "request " + std::to_string(i) + " done";
        in.body = body;
        if (i % 5 == 0) in.trace = {{0, i + 1}, model::IdSpelling::Hex};
        logs->addRecord(s, in);
    }
    logs->buildIndex();
    view::LogsSources sources;
    sources.logs = logs;
    view::LogsPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy shown(&panel, &view::LogsPanel::rowsShown);
    QElapsedTimer timer;
    timer.start();
    SHOWN_AFTER(panel, shown, panel.setSources(sources));
    const qint64 showMs = timer.elapsed();
    QCOMPARE(panel.model()->rowCount(), 1'000'000);
    // Scroll to the end and paint: the last record is on screen.
    timer.restart();
    QTableView* table = panel.table();
    table->scrollToBottom();
    table->viewport()->repaint();
    const qint64 scrollMs = timer.elapsed();
    const QModelIndex last = table->indexAt(QPoint(5, table->viewport()->height() - 3));
    QCOMPARE(last.row(), 999'999);
    QCOMPARE(panel.model()
                 ->data(panel.model()->index(last.row(), view::LogTableModel::kMessage))
                 .toString(),
             QStringLiteral("request 999999 done"));
    // Page through the middle, painting each page (figures printed, never asserted).
    timer.restart();
    QScrollBar* bar = table->verticalScrollBar();
    for (int page = 0; page < 50; ++page) {
        bar->setValue(bar->maximum() / 50 * page);
        table->viewport()->repaint();
    }
    qInfo("1M rows: query and model reset %lld ms, scroll to end and paint %lld ms, "
          "50 page jumps with paint %lld ms",
          showMs, scrollMs, timer.elapsed());
    // A search over the million bodies on the worker: "request 99999" matches 99999 and
    // 999990..999999 (11 records).
    SHOWN_AFTER(panel, shown, panel.setSearchText(QStringLiteral("\"request 99999\"")));
    QCOMPARE(panel.model()->rowCount(), 11);
}

QTEST_MAIN(LogsPanelTest)
#include "logs_panel_test.moc"
