#include "app/panels/panels_explorer_link.h"

#include "app/explorer/explorer_controller.h"
#include "app/explorer/trace_page.h"
#include "app/panels/panels_controller.h"
#include "app/panels/span_logs_source.h"
#include "views/charts/telemetry_text.h"
#include "views/trace/waterfall_view.h"

namespace tg::app {

PanelsExplorerLink::PanelsExplorerLink(PanelsController* panels, ExplorerController* explorer)
    : QObject(panels), m_panels(panels), m_explorer(explorer) {
    connect(explorer, &ExplorerController::traceShown, this, &PanelsExplorerLink::onTraceShown);
    view::WaterfallView* waterfall = explorer->tracePage()->waterfall();
    connect(waterfall, &view::WaterfallView::spanSelected, panels, &PanelsController::showSpan);
    // No span selected any more: back to the whole trace.
    connect(waterfall, &view::WaterfallView::selectionCleared, this, [this] {
        const auto data = m_explorer->data();
        const auto open = m_explorer->openTraceIndex();
        if (data && open && *open < data->index->traces.size())
            m_panels->showTrace(data->index->traces[*open].id);
    });
    connect(panels, &PanelsController::traceRequested, this, &PanelsExplorerLink::openTrace);
    // The span details in the Trace tab list the span's correlated log lines.
    const auto useSessionLogs = [this] {
        m_explorer->tracePage()->setLogsForSpan(spanLogsSource(m_panels->snapshot()));
    };
    connect(panels, &PanelsController::sourcesChanged, this, useSessionLogs);
    useSessionLogs();
}

void PanelsExplorerLink::openTrace(const model::TraceId& trace, model::SpanId span) {
    const auto data = m_explorer->data();
    if (!data) {
        emit m_panels->message(tr("The traces are still being indexed; try again in a moment."));
        return;
    }
    const std::optional<size_t> index = data->index->find(trace);
    if (!index) {
        emit m_panels->message(
            tr("Trace %1 is not among the loaded traces.").arg(view::traceIdText(trace)));
        return;
    }
    m_pending = Pending{*index, span};
    m_explorer->openTrace(*index);
}

void PanelsExplorerLink::onTraceShown(size_t traceIndex) {
    const auto data = m_explorer->data();
    if (!data || traceIndex >= data->index->traces.size()) return;
    const model::TraceSummary& summary = data->index->traces[traceIndex];
    m_panels->showTrace(summary.id);
    const std::optional<Pending> pending = std::exchange(m_pending, std::nullopt);
    if (!pending || pending->traceIndex != traceIndex || pending->span == 0) return;
    for (uint32_t row : data->index->rowsOf(summary))
        if (data->dataset->spanId[row] == pending->span)
            return m_explorer->tracePage()->waterfall()->selectSpanRow(row); // scopes to the span
}

} // namespace tg::app
