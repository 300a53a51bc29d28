// ExplorerController's background jobs: searches (with the map's scope), opening a trace
// (waterfall data) and comparing two traces. Each result is dropped when a newer request of
// its kind, or a new dataset, superseded it (generation counters).
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

#include "app/explorer/explorer_controller.h"
#include "app/explorer/trace_page.h"
#include "models/trace/trace_compare.h"
#include "views/explorer/trace_compare_view.h"
#include "views/explorer/trace_query_form.h"
#include "views/explorer/trace_search_panel.h"
#include "views/trace/waterfall_data.h"

namespace tg::app {
namespace {

std::vector<uint32_t> rowsOf(const ExplorerData& data, size_t traceIndex) {
    const auto rows = data.index->rowsOf(data.index->traces[traceIndex]);
    return {rows.begin(), rows.end()};
}

} // namespace

void ExplorerController::search(const model::TraceQuery& query) {
    if (!m_data) return; // the search runs with the form's query once the index is ready
    const quint64 generation = ++m_searchGeneration;
    m_panel->setBusy(tr("Searching…"));
    QtConcurrent::run(&m_pool, [data = m_data, query, scope = m_scope] {
        model::TraceQuery q = query;
        if (scope.active()) q.limit = 0; // the limit applies after the scope
        auto hits = model::searchTraces(*data->dataset, *data->index, q);
        hits =
            filterByScope(*data->dataset, data->structure(), *data->index, std::move(hits), scope);
        if (query.limit && hits.size() > query.limit) hits.resize(query.limit);
        return hits;
    }).then(this, [this, generation, data = m_data](std::vector<size_t> hits) {
        if (generation != m_searchGeneration || data != m_data) return;
        const int count = int(hits.size());
        m_panel->setResults(std::move(hits));
        emit resultsShown(count);
    });
}

void ExplorerController::searchService(const QString& service) {
    startScopedSearch({service, {}, {}});
}

void ExplorerController::searchEdge(const QString& caller, const QString& callee,
                                    bool inferredCallee) {
    if (inferredCallee) {
        // The callee is not instrumented: the caller's client spans that name it.
        startScopedSearch(
            {caller,
             {TraceScope::Kind::Peer, caller.toStdString(), callee.toStdString()},
             tr("Calls from %1 to %2 (inferred from client spans)").arg(caller, callee)});
    } else {
        startScopedSearch({callee,
                           {TraceScope::Kind::Edge, caller.toStdString(), callee.toStdString()},
                           tr("Calls from %1 to %2").arg(caller, callee)});
    }
}

void ExplorerController::searchPeer(const QString& name) {
    startScopedSearch({QString(),
                       {TraceScope::Kind::Peer, {}, name.toStdString()},
                       tr("Calls to %1 (inferred from client spans)").arg(name)});
}

void ExplorerController::startScopedSearch(const Prefill& prefill) {
    showSearchDock();
    if (!m_data) {
        m_pendingPrefill = prefill; // applied once the index is ready
        return;
    }
    m_scope = prefill.scope;
    m_panel->form()->reset();
    m_panel->form()->setService(prefill.service);
    m_panel->setScope(prefill.chip);
    m_panel->requestSearch();
}

void ExplorerController::openTrace(size_t traceIndex) {
    if (!m_data || traceIndex >= m_data->index->traces.size()) return;
    const quint64 generation = ++m_openGeneration;
    const QString title = traceTitle(*m_data, traceIndex);
    m_page->showOpening(title);
    m_tabs->setCurrentWidget(m_page);
    QtConcurrent::run(&m_pool,
                      [data = m_data, traceIndex] {
                          return view::WaterfallData::build(data->dataset, data->structure(),
                                                            rowsOf(*data, traceIndex));
                      })
        .then(this,
              [this, generation, traceIndex, title](std::shared_ptr<const view::WaterfallData> w) {
                  if (generation != m_openGeneration) return;
                  m_openTrace = traceIndex;
                  m_panel->setOpenTrace(traceIndex);
                  m_page->showTrace(std::move(w), title);
                  emit traceShown(traceIndex);
              })
        .onFailed(this, [this, generation] {
            // e.g. out of memory on a giant trace: say so, keep the session.
            if (generation == m_openGeneration)
                m_page->showFailure(tr("The trace could not be opened (not enough memory?)."));
        });
}

void ExplorerController::compareTraces(size_t left, size_t right) {
    if (!m_data || left == right) return;
    const size_t count = m_data->index->traces.size();
    if (left >= count || right >= count) return;
    const quint64 generation = ++m_compareGeneration;
    const QString leftTitle = traceTitle(*m_data, left), rightTitle = traceTitle(*m_data, right);
    m_tabs->setCurrentWidget(m_compare);
    QtConcurrent::run(
        &m_pool,
        [data = m_data, left, right] {
            const auto& d = *data->dataset;
            const auto a = model::TraceTree::build(d, data->structure(), rowsOf(*data, left));
            const auto b = model::TraceTree::build(d, data->structure(), rowsOf(*data, right));
            return std::make_shared<const model::TraceComparison>(model::compareTraces(d, a, b));
        })
        .then(this, [this, generation, leftTitle,
                     rightTitle](std::shared_ptr<const model::TraceComparison> cmp) {
            if (generation != m_compareGeneration) return;
            m_compare->setComparison(std::move(cmp), leftTitle, rightTitle);
            emit comparisonShown();
        });
}

} // namespace tg::app
