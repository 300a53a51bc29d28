#pragma once
// Private to models/layout: a ServiceGraph → one or more Graphviz passes (graphviz_pass.h) →
// LayoutGeometry. dot gets the whole graph with "cluster_N" subgraphs per group; sfdp (which has
// no clusters) lays out each group, then the groups as boxes, and composes the two levels.
//
// Thread affinity: Graphviz is not thread-safe; only LayoutWorker's thread calls this, with the
// GVC_t context that thread owns.
#include <graphviz/gvc.h>

#include "models/layout/graph_layout.h"

namespace tg::model::detail {

Result<LayoutGeometry> runGraphvizLayout(GVC_t* gvc, const ServiceGraph& graph,
                                         const LayoutOptions& options);

} // namespace tg::model::detail
