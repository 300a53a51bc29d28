#pragma once
// The Metrics and Logs docks of the workbench (issue 4) and what they follow: each new session
// snapshot gives the panels their sources (dataset, service graph, metric and log stores,
// correlation index), and the selection — a service or call on the service map, a trace or span
// opened in the trace explorer — gives them their scope: a service's rates, metrics and logs, a
// call's two services, a trace's or a span's log lines with its time window highlighted.
// Nothing selected: all logs, and a hint in the metrics panel. With a workspace, the log search
// goes through its full-text index (workspace_log_search.h). Exemplar markers and log lines
// with a trace ID come back as traceRequested, which the window routes to the trace explorer
// (panels_explorer_link.h).
//
// Thread affinity: GUI thread (a QObject owned by the window). The panels run their own jobs
// on workers; this class only hands them immutable snapshot data.
#include <QObject>
#include <memory>
#include <optional>

#include "models/core/ids.h"

class QDockWidget;
class QMainWindow;

namespace tg::view {
class LogsPanel;
class MetricsPanel;
class TopologyView;
} // namespace tg::view

namespace tg::app {

class SessionController;
struct SessionSnapshot;

class PanelsController : public QObject {
    Q_OBJECT
public:
    // Adds the docks to `window` (bottom area, side by side) and follows `session` and the
    // selection of `topology` (may be null).
    PanelsController(QMainWindow* window, SessionController* session, view::TopologyView* topology);

    // The selection to follow (the topology view's signals arrive here too).
    void showNode(uint32_t node);
    void showEdge(uint32_t edge);
    void showTrace(const model::TraceId& trace);
    void showSpan(uint32_t datasetRow);
    void clearSelection();

    view::MetricsPanel* metricsPanel() const { return m_metrics; }
    view::LogsPanel* logsPanel() const { return m_logs; }
    QDockWidget* metricsDock() const { return m_metricsDock; }
    QDockWidget* logsDock() const { return m_logsDock; }
    // The snapshot whose data the panels show (null before the first session).
    std::shared_ptr<const SessionSnapshot> snapshot() const { return m_snapshot; }

signals:
    // A log line's or exemplar's trace (and span, 0 when none) should be opened.
    void traceRequested(const model::TraceId& trace, model::SpanId span);
    void message(const QString& text); // for the status bar
    void sourcesChanged();             // a new session's data (not a re-layout) reached the panels

private:
    void createDocks(QMainWindow* window);
    // Hands the panels the current snapshot's data when it is a new session (not a re-layout).
    bool syncSnapshot();
    // With a workspace attached, the Logs panel searches through its FTS5 index.
    void useWorkspaceSearch();

    SessionController* m_session = nullptr;
    std::shared_ptr<const SessionSnapshot> m_snapshot; // what the panels were given
    view::MetricsPanel* m_metrics = nullptr;
    view::LogsPanel* m_logs = nullptr;
    QDockWidget* m_metricsDock = nullptr;
    QDockWidget* m_logsDock = nullptr;
};

} // namespace tg::app
