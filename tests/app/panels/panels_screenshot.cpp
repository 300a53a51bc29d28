// Person-like check of the Metrics and Logs docks (DESIGN §7): opens the bundled demo incident
// (traces, logs and metrics generated together) in the workbench, selects the service with the
// most errors as an SRE would, waits until both panels show it, puts the time cursor on the
// error peak, and saves a grab of the whole window. Fails when a panel stayed empty.
// usage: panels_screenshot OUTPUT.png [WIDTH HEIGHT]
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QPalette>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>

#include "app/explorer/explorer_controller.h"
#include "app/explorer/trace_page.h"
#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "app/panels/panels_controller.h"
#include "views/charts/metrics_panel.h"
#include "views/charts/time_chart_view.h"
#include "views/logs/log_table_model.h"
#include "views/logs/logs_panel.h"
#include "views/topology/topology_view.h"
#include "views/trace/span_details_widget.h"
#include "views/trace/waterfall_view.h"

using namespace tg;

namespace {

// Runs the event loop until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    return QTest::qWaitFor(done, timeoutMs);
}

uint32_t worstService(const model::ServiceGraph& graph) {
    uint32_t worst = 0;
    for (uint32_t i = 1; i < graph.nodes.size(); ++i)
        if (!graph.nodes[i].inferred() &&
            graph.nodes[i].stats.errors > graph.nodes[worst].stats.errors)
            worst = i;
    return worst;
}

// The time (UTC ms) of the highest error rate on the errors chart, if any.
std::optional<double> errorPeak(const view::MetricsPanel& panel) {
    const view::TimeChartView* errors = panel.chart(QStringLiteral("errors"));
    if (!errors || errors->data().lines.empty()) return std::nullopt;
    const view::ChartLine& line = errors->data().lines.front();
    std::optional<double> at;
    double best = -1;
    for (size_t i = 0; i < line.y.size(); ++i)
        if (line.y[i] > best) best = line.y[i], at = line.xMs[i];
    return at;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: panels_screenshot OUTPUT.png [WIDTH HEIGHT]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const int width = argc >= 4 ? std::atoi(argv[2]) : 1600;
    const int height = argc >= 4 ? std::atoi(argv[3]) : 1000;
    QTemporaryDir settings; // a clean dock layout, whatever a developer's own runs saved
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-screenshot"));

    if (qEnvironmentVariableIsSet("TOPOGRAPH_SCREENSHOT_DARK")) { // the dark-palette look
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
        dark.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc4));
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
        QApplication::setPalette(dark);
    }
    app::MainWindow window;
    window.resize(width, height);
    window.show();
    if (!window.openDemo()) return 3;
    app::SessionController* session = window.controller();
    if (!waitFor([&] { return session->snapshot() && !session->isBusy(); }, 120000)) return 4;
    auto* panels = window.findChild<app::PanelsController*>();
    if (!panels) return 5;
    window.topologyView()->resetZoom();
    window.topologyView()->selectNode(worstService(*session->snapshot()->graph));
    auto settled = [&] {
        return !panels->logsPanel()->isQuerying() && !panels->metricsPanel()->isBuilding() &&
               !panels->metricsPanel()->charts().isEmpty();
    };
    if (!waitFor(settled, 60000)) return 6;
    if (const auto peak = errorPeak(*panels->metricsPanel()))
        panels->metricsPanel()->setCursorTime(*peak);
    QTest::qWait(600); // let every chart paint at its final size
    const int rows = panels->logsPanel()->model()->rowCount();
    const auto charts = panels->metricsPanel()->charts().size();
    std::printf("%s: %d log lines, %d charts for %s\n", qPrintable(out), rows, int(charts),
                qPrintable(panels->metricsPanel()->data().scope));
    if (!window.grab().save(out, "PNG")) return 7;
    // A closer look at the charts, beside the window's grab (e.g. panels.png ->
    // panels-metrics.png).
    if (qEnvironmentVariableIsSet("TOPOGRAPH_SCREENSHOT_METRICS")) {
        panels->metricsDock()->setFloating(true);
        panels->metricsDock()->resize(900, 1100);
        QTest::qWait(600);
        panels->metricsPanel()->grab().save(
            QString(out).replace(QLatin1String(".png"), QLatin1String("-metrics.png")));
    }
    if (rows <= 0 || charts < 3) return 8;
    // The Trace tab reached from an error log line: the waterfall with the line's span selected
    // and its log lines in the span details (e.g. panels.png -> panels-trace.png).
    if (qEnvironmentVariableIsSet("TOPOGRAPH_SCREENSHOT_TRACE")) {
        const auto snapshot = session->snapshot();
        const model::LogStore& logs = *snapshot->telemetry.logs;
        const model::CorrelationIndex& links = *snapshot->telemetry.correlation;
        for (uint32_t row = 0; row < logs.recordCount(); ++row) {
            const model::LogLink link = links.logLink(row);
            if (logs.severity[row] != model::LogSeverity::Error ||
                link.status != model::LinkStatus::Span)
                continue;
            emit panels->traceRequested(link.trace, snapshot->inputs->dataset.spanId[link.spanRow]);
            break;
        }
        app::TracePage* page = window.explorer()->tracePage();
        if (!waitFor([&] { return page->waterfall()->selectedSpanRow().has_value(); }, 60000))
            return 9;
        QTest::qWait(600);
        const QString logsText = page->details()->logsText();
        std::printf("trace tab: %lld log line(s) for the selected span\n",
                    static_cast<long long>(logsText.isEmpty() ? 0 : logsText.count('\n') + 1));
        if (!window.grab().save(
                QString(out).replace(QLatin1String(".png"), QLatin1String("-trace.png"))))
            return 7;
        if (logsText.isEmpty()) return 10;
    }
    return 0;
}
