#pragma once
// Private to models/layout: a ServiceGraph → one or more Graphviz passes (graphviz_pass.h) →
// LayoutGeometry. dot gets the whole graph with "cluster_N" subgraphs per group; sfdp (which has
// no clusters) lays out the whole graph with hidden group hubs, then boxes each group and pushes
// the boxes apart. Every sfdp drawing then gets the crossing post-pass (crossing_reduction.h).
//
// Thread affinity: Graphviz is not thread-safe; only LayoutWorker's thread calls this, with the
// GVC_t context that thread owns.
#include <graphviz/gvc.h>

#include "models/layout/graph_layout.h"

namespace tg::model::detail {

Result<LayoutGeometry> runGraphvizLayout(GVC_t* gvc, const ServiceGraph& graph,
                                         const LayoutOptions& options);

} // namespace tg::model::detail
