#include "app/panels/panels_controller.h"

#include <QDockWidget>
#include <QMainWindow>

#include "app/gui/session_controller.h"
#include "app/panels/workspace_log_search.h"
#include "views/charts/metrics_panel.h"
#include "views/charts/telemetry_text.h"
#include "views/logs/logs_panel.h"
#include "views/topology/topology_view.h"

namespace tg::app {
namespace {

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

PanelsController::PanelsController(QMainWindow* window, SessionController* session,
                                   view::TopologyView* topology)
    : QObject(window), m_session(session) {
    setObjectName(QStringLiteral("panelsController"));
    createDocks(window);
    connect(session, &SessionController::sessionChanged, this, [this] { syncSnapshot(); });
    connect(session, &SessionController::layoutChanged, this, [this] { syncSnapshot(); });
    // "Save workspace as…" attaches a workspace holding this session's records.
    connect(session, &SessionController::workspaceSaved, this, [this] { useWorkspaceSearch(); });
    if (topology) {
        connect(topology, &view::TopologyView::nodeSelected, this, &PanelsController::showNode);
        connect(topology, &view::TopologyView::edgeSelected, this, &PanelsController::showEdge);
        connect(topology, &view::TopologyView::selectionCleared, this,
                &PanelsController::clearSelection);
    }
    connect(m_metrics, &view::MetricsPanel::traceRequested, this,
            &PanelsController::traceRequested);
    connect(m_logs, &view::LogsPanel::traceRequested, this, &PanelsController::traceRequested);
    syncSnapshot();
}

void PanelsController::createDocks(QMainWindow* window) {
    m_metrics = new view::MetricsPanel(window);
    m_logs = new view::LogsPanel(window);
    m_metricsDock = new QDockWidget(tr("Metrics"), window);
    m_metricsDock->setObjectName(QStringLiteral("metricsDock"));
    m_metricsDock->setWidget(m_metrics);
    m_logsDock = new QDockWidget(tr("Logs"), window);
    m_logsDock->setObjectName(QStringLiteral("logsDock"));
    m_logsDock->setWidget(m_logs);
    // The logs below the central tabs, where they get the width (sharing a tab group with the
    // trace search when the window has one there); the metrics in the right column next to
    // the Inspector, which describes the same selection (sharing a tab group with Sources).
    auto* traces = window->findChild<QDockWidget*>(QStringLiteral("tracesDock"));
    if (traces && window->dockWidgetArea(traces) == Qt::BottomDockWidgetArea)
        window->tabifyDockWidget(traces, m_logsDock);
    else
        window->addDockWidget(Qt::BottomDockWidgetArea, m_logsDock);
    auto* sources = window->findChild<QDockWidget*>(QStringLiteral("sourcesDock"));
    if (sources && window->dockWidgetArea(sources) == Qt::RightDockWidgetArea)
        window->tabifyDockWidget(sources, m_metricsDock);
    else
        window->addDockWidget(Qt::RightDockWidgetArea, m_metricsDock);
    m_metricsDock->raise();
    m_logsDock->raise();
}

bool PanelsController::syncSnapshot() {
    const std::shared_ptr<const SessionSnapshot> s = m_session->snapshot();
    if (s == m_snapshot) return false;
    // A re-layout replaces the snapshot but keeps its data: the selection stays.
    const bool sameData = s && m_snapshot && s->inputs == m_snapshot->inputs &&
                          s->graph == m_snapshot->graph &&
                          s->telemetry.correlation == m_snapshot->telemetry.correlation &&
                          s->telemetry.logs == m_snapshot->telemetry.logs;
    m_snapshot = s;
    if (sameData) return false;
    view::MetricsSources metrics;
    view::LogsSources logs;
    if (s && s->inputs) {
        const std::shared_ptr<const model::Dataset> dataset(s->inputs, &s->inputs->dataset);
        metrics = {dataset, s->graph, s->telemetry.metrics, s->telemetry.correlation};
        logs = {dataset, s->telemetry.logs, s->telemetry.correlation};
    }
    m_metrics->setSources(std::move(metrics));
    m_logs->setSources(std::move(logs));
    useWorkspaceSearch();
    emit sourcesChanged();
    return true;
}

void PanelsController::useWorkspaceSearch() {
    const QString path = m_session->workspacePath();
    if (!m_snapshot || !m_snapshot->telemetry.logs || path.isEmpty()) return;
    m_logs->setTextSearch(workspaceLogSearch(path, m_snapshot->telemetry.logs),
                          tr("full-text index"));
}

void PanelsController::showNode(uint32_t node) {
    syncSnapshot();
    if (!m_snapshot || !m_snapshot->graph || node >= m_snapshot->graph->nodes.size()) return;
    const model::GraphNode& n = m_snapshot->graph->nodes[node];
    m_metrics->setSelection({view::MetricsSelection::Kind::Node, node, {}});
    view::LogScope scope;
    scope.kind = view::LogScope::Kind::Services;
    scope.services = {n.name};
    scope.label =
        n.inferred() ? tr("%1 %2").arg(QString::fromUtf8(model::nodeKindName(n.kind)), text(n.name))
                     : tr("service %1").arg(text(n.name));
    m_logs->setScope(std::move(scope));
}

void PanelsController::showEdge(uint32_t edge) {
    syncSnapshot();
    if (!m_snapshot || !m_snapshot->graph || edge >= m_snapshot->graph->edges.size()) return;
    const model::ServiceGraph& g = *m_snapshot->graph;
    const model::GraphEdge& e = g.edges[edge];
    m_metrics->setSelection({view::MetricsSelection::Kind::Edge, edge, {}});
    view::LogScope scope;
    scope.kind = view::LogScope::Kind::Services;
    scope.services = {g.nodes[e.source].name, g.nodes[e.target].name};
    scope.label =
        tr("calls %1 → %2").arg(text(g.nodes[e.source].name), text(g.nodes[e.target].name));
    m_logs->setScope(std::move(scope));
}

void PanelsController::showTrace(const model::TraceId& trace) {
    syncSnapshot();
    if (!m_snapshot) return;
    m_metrics->setSelection({view::MetricsSelection::Kind::Trace, 0, trace});
    view::LogScope scope;
    scope.kind = view::LogScope::Kind::Trace;
    scope.trace = trace;
    scope.label = tr("trace %1").arg(view::shortTraceIdText(trace));
    m_logs->setScope(std::move(scope));
}

void PanelsController::showSpan(uint32_t datasetRow) {
    syncSnapshot();
    if (!m_snapshot || !m_snapshot->inputs || datasetRow >= m_snapshot->inputs->dataset.spanCount())
        return;
    const model::Dataset& d = m_snapshot->inputs->dataset;
    m_metrics->setSelection({view::MetricsSelection::Kind::Span, datasetRow, {}});
    view::LogScope scope;
    scope.kind = view::LogScope::Kind::Span;
    scope.trace = d.traceId[datasetRow];
    scope.span = d.spanId[datasetRow];
    scope.label = tr("span %1").arg(text(d.operationName(datasetRow)));
    m_logs->setScope(std::move(scope));
}

void PanelsController::clearSelection() {
    syncSnapshot();
    m_metrics->setSelection({});
    m_logs->setScope({});
}

} // namespace tg::app
