#pragma once
// Connects the Metrics and Logs panels with the trace explorer both ways: the trace opened in
// the explorer's Trace tab and the span selected in its waterfall scope the panels; a trace the
// panels ask for (an exemplar, a log line) opens in the explorer with its span selected, or the
// window says why it cannot (still indexing, trace not loaded).
//
// Thread affinity: GUI thread (a QObject owned by the panels controller).
#include <QObject>
#include <optional>

#include "models/core/ids.h"

namespace tg::app {

class ExplorerController;
class PanelsController;

class PanelsExplorerLink : public QObject {
    Q_OBJECT
public:
    PanelsExplorerLink(PanelsController* panels, ExplorerController* explorer);

    // Opens the trace in the explorer and, once shown, selects the span (0: the root).
    void openTrace(const model::TraceId& trace, model::SpanId span);

private:
    void onTraceShown(size_t traceIndex);

    PanelsController* m_panels = nullptr;
    ExplorerController* m_explorer = nullptr;
    struct Pending {
        size_t traceIndex = 0;
        model::SpanId span = 0;
    };
    std::optional<Pending> m_pending; // a requested trace being opened
};

} // namespace tg::app
