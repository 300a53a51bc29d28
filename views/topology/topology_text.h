#pragma once
// Texts of the interactive topology view: edge captions for each caption mode and the hover
// tooltips of nodes and edges (rich text). The export captions stay model::edgeCaption (the Rps
// mode shows exactly that, so the workbench and the exports agree).
//
// Thread affinity: pure functions of their arguments; any thread.
#include <QString>

#include "models/graph/service_graph.h"

namespace tg::view {

enum class CaptionKind { Rps, ErrorRate, P95, None };

// "850 µs", "12 ms", "1.4 s" (empty for 0).
QString formatDuration(double nanoseconds);

// Rps: "12 rps · 3.1% err" (model::edgeCaption); ErrorRate: "3.1% err" / "0% err"; P95:
// "p95 12 ms"; None or no calls: empty.
QString edgeCaptionText(const model::GraphEdge& edge, const model::TimeBuckets& buckets,
                        CaptionKind kind);

QString nodeToolTip(const model::GraphNode& node, const model::TimeBuckets& buckets);
QString edgeToolTip(const model::ServiceGraph& graph, const model::GraphEdge& edge);

} // namespace tg::view
