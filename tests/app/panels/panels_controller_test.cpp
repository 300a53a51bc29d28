// Metrics and logs in the workbench, offscreen: the OpenTelemetry example trace opened together
// with the example logs and metrics, a Loki response and a Prometheus range query (shared
// fixtures) goes to the right stores; the Sources dock lists them with the correlation; the
// panels show the hand-counted rows and charts for the selected service, and everything again
// when nothing is selected. Expected numbers are counted by reading the fixtures.
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "app/explorer/explorer_controller.h"
#include "app/explorer/trace_page.h"
#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "app/gui/view_models.h"
#include "app/panels/panels_controller.h"
#include "models/workspace/workspace.h"
#include "tests/test_support.h"
#include "views/charts/metrics_panel.h"
#include "views/charts/time_chart_view.h"
#include "views/logs/log_table_model.h"
#include "views/logs/logs_panel.h"
#include "views/sources/sources_dock.h"
#include "views/topology/topology_view.h"
#include "views/trace/span_details_widget.h"
#include "views/trace/waterfall_view.h"

using namespace tg;
using app::PanelsController;
using app::SessionController;

namespace {

constexpr int kTimeout = 60000;
const QString kTrace = QStringLiteral("otlp/otel-proto-examples_trace.json");
const QString kLogs = QStringLiteral("otlp/otel-proto-examples_logs.json");
const QString kMetrics = QStringLiteral("otlp/otel-proto-examples_metrics.json");
const QString kLoki = QStringLiteral("loki/grafana-tsdb-loki_query_range_streams_simple.json");
const QString kProm = QStringLiteral("prometheus/api/prom-docs_api-v1-query_range_matrix.json");

QStringList fixtures(const QStringList& relative) {
    QStringList out;
    for (const QString& r : relative)
        out << test::fixturePath(r);
    return out;
}

bool openAndWait(SessionController& session, const QStringList& paths) {
    QSignalSpy changed(&session, &SessionController::sessionChanged);
    session.openFiles(paths);
    return changed.wait(kTimeout) && !session.isBusy();
}

// Waits until both panels have shown what the last selection asked for.
void settle(PanelsController& panels) {
    QTRY_VERIFY_WITH_TIMEOUT(
        !panels.logsPanel()->isQuerying() && !panels.metricsPanel()->isBuilding(), kTimeout);
}

const view::TimeChartView* chart(PanelsController& panels, const QString& key) {
    return panels.metricsPanel()->chart(key);
}

} // namespace

class PanelsControllerTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void telemetryGoesToItsStores();
    void sourcesListTelemetryAndCorrelation();
    void panelsFollowTheSelection();
    void logLineRequestsItsTrace();
    void failedTelemetryFileIsShownAndNotKept();
    void logsAloneOpen();
    void workspaceKeepsTelemetryAndSearchesIt();
    void mainWindowHasTheDocks();
    void inTheWindowWithTheExplorer();

private:
    QTemporaryDir m_tmp;
};

void PanelsControllerTest::initTestCase() {
    QVERIFY(m_tmp.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test"));
    QCoreApplication::setApplicationName(QStringLiteral("panels_controller_test"));
}

void PanelsControllerTest::telemetryGoesToItsStores() {
    for (const QString& f : {kTrace, kLogs, kMetrics, kLoki, kProm})
        TG_REQUIRE_FIXTURE(f);
    SessionController session;
    // Given in mixed order: the trace file is told apart by its content.
    QVERIFY(openAndWait(session, fixtures({kLogs, kLoki, kTrace, kMetrics, kProm})));
    const auto s = session.snapshot();
    QCOMPARE(s->paths, fixtures({kTrace}));
    QCOMPARE(s->spans(), uint64_t(1)); // the example trace has one span
    QCOMPARE(s->telemetry.paths, fixtures({kLogs, kLoki, kMetrics, kProm}));
    QCOMPARE(s->telemetry.reports.size(), size_t(4));
    for (const auto& r : s->telemetry.reports)
        QVERIFY2(!r.failed, r.error.toString().c_str());
    // 1 OTLP log record + 6 Loki entries (1 in the first stream, 5 in the second, one of them
    // a verbatim repeat that is still a record).
    QCOMPARE(s->telemetry.logCount(), uint64_t(7));
    // The range query: two series of `up`, three samples each.
    QCOMPARE(s->telemetry.reports[3].series, uint64_t(2));
    QCOMPARE(s->telemetry.reports[3].samples, uint64_t(6));
    QVERIFY(s->telemetry.correlation);
    // Only the OTLP record names a trace, and that trace is loaded.
    QCOMPARE(s->telemetry.correlation->report().logs, uint64_t(7));
    QCOMPARE(s->telemetry.correlation->report().logsLinked(), uint64_t(1));
    // Every input is kept for the next re-import.
    QCOMPARE(session.inputPaths().size(), 5);
    QVERIFY(!session.isShowingDemo());
}

void PanelsControllerTest::sourcesListTelemetryAndCorrelation() {
    for (const QString& f : {kTrace, kLogs, kLoki})
        TG_REQUIRE_FIXTURE(f);
    SessionController session;
    QVERIFY(openAndWait(session, fixtures({kTrace, kLogs, kLoki})));
    const QList<view::SourceItem> items = app::sourceItems(session.snapshot().get(), {});
    QStringList titles;
    for (const auto& item : items)
        titles << item.title;
    QCOMPARE(titles,
             (QStringList{QStringLiteral("otel-proto-examples_trace.json"),
                          QStringLiteral("Trace structure"),
                          QStringLiteral("otel-proto-examples_logs.json"),
                          QStringLiteral("grafana-tsdb-loki_query_range_streams_simple.json"),
                          QStringLiteral("Correlation")}));
    QVERIFY2(items[2].detail.contains(QStringLiteral("1 log line")), qPrintable(items[2].detail));
    QVERIFY2(items[3].detail.contains(QStringLiteral("6 log lines")), qPrintable(items[3].detail));
    QCOMPARE(items[4].kind, view::SourceItem::Kind::Correlation);
    QVERIFY2(items[4].detail.startsWith(QStringLiteral("1 of 7 log lines linked to traces")),
             qPrintable(items[4].detail));
    // The 6 Loki entries carry no trace ID: counted with a first sample.
    bool noId = false;
    for (const auto& d : items[4].diagnostics)
        noId |= d.code == QStringLiteral("log_no_id") && d.count == 6;
    QVERIFY(noId);
    QVERIFY(app::summaryText(*session.snapshot()).contains(QStringLiteral("7 log lines")));
}

void PanelsControllerTest::panelsFollowTheSelection() {
    for (const QString& f : {kTrace, kLogs, kMetrics, kLoki, kProm})
        TG_REQUIRE_FIXTURE(f);
    QMainWindow window;
    SessionController session;
    PanelsController panels(&window, &session, nullptr);
    window.resize(1400, 900);
    window.show();
    QVERIFY(openAndWait(session, fixtures({kTrace, kLogs, kMetrics, kLoki, kProm})));
    settle(panels);
    // Nothing selected: all 7 log lines, a hint instead of charts.
    QCOMPARE(panels.logsPanel()->model()->rowCount(), 7);
    QVERIFY(panels.metricsPanel()->charts().isEmpty());

    const auto graph = session.snapshot()->graph;
    const auto node = graph->findNode("my.service");
    QVERIFY(node);
    panels.showNode(*node);
    settle(panels);
    // Logs of my.service: the one OTLP record.
    view::LogsPanel* logs = panels.logsPanel();
    QCOMPARE(logs->model()->rowCount(), 1);
    QCOMPARE(logs->model()->data(logs->model()->index(0, view::LogTableModel::kMessage)).toString(),
             QStringLiteral("Example log record"));
    QCOMPARE(
        logs->model()->data(logs->model()->index(0, view::LogTableModel::kSeverity)).toString(),
        QStringLiteral("INFO")); // severityNumber 10
    // Metrics: the three span charts, then the example's four metrics of my.service (my.counter,
    // my.exponential.histogram, my.gauge, my.histogram); the `up` series name no service.
    QStringList keys;
    for (const view::TimeChartView* c : panels.metricsPanel()->charts())
        keys << c->data().key;
    QCOMPARE(keys.mid(0, 3), (QStringList{QStringLiteral("requests"), QStringLiteral("errors"),
                                          QStringLiteral("latency")}));
    QCOMPARE(keys.size(), 7);
    for (const char* name : {"my.counter", "my.gauge", "my.histogram", "my.exponential.histogram"})
        QVERIFY2(keys.contains(QStringLiteral("metric:") + QLatin1String(name)), name);
    // One server span in one 1 s bucket: 1 req/s there, no errors.
    const auto& rate = chart(panels, QStringLiteral("requests"))->data().lines.at(0).y;
    QCOMPARE(*std::max_element(rate.begin(), rate.end()), 1.0);
    QCOMPARE(std::count(rate.begin(), rate.end(), 1.0), 1);
    QCOMPARE(panels.metricsPanel()->data().scope, QStringLiteral("Service my.service"));

    // Back to nothing selected.
    panels.clearSelection();
    settle(panels);
    QCOMPARE(logs->model()->rowCount(), 7);
    QVERIFY(panels.metricsPanel()->charts().isEmpty());
}

void PanelsControllerTest::logLineRequestsItsTrace() {
    for (const QString& f : {kTrace, kLogs})
        TG_REQUIRE_FIXTURE(f);
    QMainWindow window;
    SessionController session;
    PanelsController panels(&window, &session, nullptr);
    window.show();
    QVERIFY(openAndWait(session, fixtures({kTrace, kLogs})));
    settle(panels);
    QSignalSpy requested(&panels, &PanelsController::traceRequested);
    view::LogsPanel* logs = panels.logsPanel();
    QCOMPARE(logs->model()->rowCount(), 1);
    logs->table()->setFocus();
    logs->table()->setCurrentIndex(logs->model()->index(0, 0));
    QTest::keyClick(logs->table(), Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    // The record's traceId and spanId, upper-case hex in the file.
    QCOMPARE(requested[0][0].value<model::TraceId>(),
             model::parseTraceId("5B8EFFF798038103D269B633813FC60C").id);
    QCOMPARE(requested[0][1].value<model::SpanId>(), model::SpanId(0xEEE19B7EC3C1B174));
    // The span selection (as the trace explorer reports it) scopes the logs to that span.
    panels.showSpan(0);
    settle(panels);
    QCOMPARE(logs->model()->rowCount(), 1);
    QVERIFY(logs->scope().kind == view::LogScope::Kind::Span);
}

void PanelsControllerTest::failedTelemetryFileIsShownAndNotKept() {
    TG_REQUIRE_FIXTURE(kTrace);
    SessionController session;
    const QString bad = test::testDataPath(QStringLiteral("panels/truncated_prometheus.json"));
    QVERIFY(openAndWait(session, {test::fixturePath(kTrace), bad}));
    const auto s = session.snapshot();
    QCOMPARE(s->telemetry.reports.size(), size_t(1));
    QVERIFY(s->telemetry.reports[0].failed);
    // The error names the file.
    QVERIFY2(s->telemetry.reports[0].error.toString().find("truncated_prometheus.json") !=
                 std::string::npos,
             s->telemetry.reports[0].error.toString().c_str());
    QCOMPARE(s->telemetry.seriesCount(), uint64_t(0)); // rolled back
    const auto items = app::sourceItems(s.get(), {});
    bool shownFailed = false;
    for (const auto& item : items)
        shownFailed |= item.title == QStringLiteral("truncated_prometheus.json") && item.failed;
    QVERIFY(shownFailed);
    QCOMPARE(session.inputPaths(), fixtures({kTrace})); // not read again next time
}

void PanelsControllerTest::logsAloneOpen() {
    TG_REQUIRE_FIXTURE(kLoki);
    QMainWindow window;
    SessionController session;
    PanelsController panels(&window, &session, nullptr);
    QVERIFY(openAndWait(session, fixtures({kLoki})));
    settle(panels);
    QCOMPARE(session.snapshot()->spans(), uint64_t(0));
    QVERIFY(!session.isShowingDemo());
    QCOMPARE(panels.logsPanel()->model()->rowCount(), 6);
}

void PanelsControllerTest::workspaceKeepsTelemetryAndSearchesIt() {
    for (const QString& f : {kTrace, kLogs, kLoki, kProm})
        TG_REQUIRE_FIXTURE(f);
    const QString file = m_tmp.filePath(QStringLiteral("incident.topograph"));
    {
        SessionController session;
        QVERIFY(openAndWait(session, fixtures({kTrace, kLogs, kLoki, kProm})));
        QSignalSpy saved(&session, &SessionController::workspaceSaved);
        session.saveWorkspaceAs(file);
        QVERIFY(saved.wait(kTimeout));
        // Everything now lives in the file: it is the only input to read again.
        QCOMPARE(session.inputPaths(), QStringList{file});
    }
    {
        auto ws = model::Workspace::open(file.toStdString(), false);
        QVERIFY(ws);
        QCOMPARE((*ws)->storedLogs(), uint64_t(7));    // 1 OTLP record + 6 Loki entries
        QCOMPARE((*ws)->storedSamples(), uint64_t(6)); // the range query's 2 x 3 samples
    }
    // Opened alone, the workspace brings back its logs and metrics, correlated again.
    QMainWindow window;
    SessionController session;
    PanelsController panels(&window, &session, nullptr);
    QVERIFY(openAndWait(session, {file}));
    settle(panels);
    const auto s = session.snapshot();
    QCOMPARE(s->telemetry.logCount(), uint64_t(7));
    QCOMPARE(s->telemetry.seriesCount(), uint64_t(2));
    QVERIFY(s->telemetry.correlation);
    QCOMPARE(s->telemetry.correlation->report().logsLinked(), uint64_t(1));
    view::LogsPanel* logs = panels.logsPanel();
    QCOMPARE(logs->model()->rowCount(), 7);
    // The search goes through the file's FTS5 index: "info" is a word of the five Loki lines
    // "log line info N" (one of them twice); "inf" is no word there (a scan would match it).
    logs->setSearchText(QStringLiteral("info"));
    settle(panels);
    QCOMPARE(logs->model()->rowCount(), 5);
    QVERIFY2(logs->statusLabel()->text().contains(QStringLiteral("full-text index")),
             qPrintable(logs->statusLabel()->text()));
    logs->setSearchText(QStringLiteral("inf"));
    settle(panels);
    QCOMPARE(logs->model()->rowCount(), 0);
    logs->setSearchText(QStringLiteral("inf*"));
    settle(panels);
    QCOMPARE(logs->model()->rowCount(), 5);

    // A metrics file added to the workspace session is written into the file too, and then
    // read from there (not from the file again).
    TG_REQUIRE_FIXTURE(kMetrics);
    QSignalSpy changed(&session, &SessionController::sessionChanged);
    QSignalSpy saved(&session, &SessionController::workspaceSaved);
    session.addFiles(fixtures({kMetrics}));
    QVERIFY(changed.wait(kTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
    QCOMPARE(session.inputPaths(), QStringList{file});
    auto ws = model::Workspace::open(file.toStdString(), false);
    QVERIFY(ws);
    QVERIFY((*ws)->storedSamples() > uint64_t(6));
    QCOMPARE((*ws)->storedLogs(), uint64_t(7)); // no log record written twice
}

void PanelsControllerTest::mainWindowHasTheDocks() {
    app::MainWindow window;
    auto* panels = window.findChild<PanelsController*>();
    if (!panels) QSKIP("the main window does not create the panels yet");
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("metricsDock")));
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("logsDock")));
}

void PanelsControllerTest::inTheWindowWithTheExplorer() {
    for (const QString& f : {kTrace, kLogs, kLoki})
        TG_REQUIRE_FIXTURE(f);
    app::MainWindow window;
    window.resize(1400, 900);
    window.show();
    auto* panels = window.findChild<PanelsController*>();
    QVERIFY(panels);
    QVERIFY(openAndWait(*window.controller(), fixtures({kTrace, kLogs, kLoki})));
    settle(*panels);
    QCOMPARE(panels->logsPanel()->model()->rowCount(), 7); // nothing selected: all
    // A click on the service map scopes both panels.
    const auto node = window.controller()->snapshot()->graph->findNode("my.service");
    QVERIFY(node);
    window.topologyView()->selectNode(*node);
    settle(*panels);
    QCOMPARE(panels->logsPanel()->model()->rowCount(), 1);
    QCOMPARE(panels->metricsPanel()->data().scope, QStringLiteral("Service my.service"));
    // The log line's trace opens in the explorer's Trace tab with the line's span selected,
    // and the panels follow that span.
    app::ExplorerController* explorer = window.explorer();
    QTRY_VERIFY_WITH_TIMEOUT(explorer->data() != nullptr, kTimeout);
    view::LogsPanel* logs = panels->logsPanel();
    logs->table()->setFocus();
    logs->table()->setCurrentIndex(logs->model()->index(0, 0));
    QTest::keyClick(logs->table(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->openTraceIndex().has_value(), kTimeout);
    QCOMPARE(window.centralTabs()->currentWidget(), explorer->tracePage());
    const auto selected = explorer->tracePage()->waterfall()->selectedSpanRow();
    QVERIFY(selected);
    QCOMPARE(window.controller()->snapshot()->inputs->dataset.spanId[*selected],
             model::SpanId(0xEEE19B7EC3C1B174));
    // The span details list the span's correlated log line (the fixture's only record on it:
    // severity "Information", body "Example log record").
    const QString detailsLogs = explorer->tracePage()->details()->logsText();
    QVERIFY2(detailsLogs.contains(QStringLiteral("Example log record")), qPrintable(detailsLogs));
    QCOMPARE(detailsLogs.count(QLatin1Char('\n')), 0);
    settle(*panels);
    QVERIFY(logs->scope().kind == view::LogScope::Kind::Span);
    QCOMPARE(logs->model()->rowCount(), 1);
    QVERIFY(panels->metricsPanel()->data().scope.startsWith(QStringLiteral("Span ")));
    // A trace that is not loaded is said so in the status bar, nothing opens.
    QSignalSpy message(panels, &PanelsController::message);
    emit panels->traceRequested(model::parseTraceId("0123456789abcdef0123456789abcdef").id, 0);
    QCOMPARE(message.count(), 1);
    QVERIFY(message[0][0].toString().contains(QStringLiteral("not among the loaded traces")));
}

QTEST_MAIN(PanelsControllerTest)
#include "panels_controller_test.moc"
