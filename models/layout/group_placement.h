#pragma once
// Private to models/layout: where the grouped sfdp layout (graphviz_layout.cpp) starts each
// group's box before Graphviz pushes the boxes apart. No Graphviz here, so tests can call it.
// Pure functions; any thread.
#include <cstdint>
#include <vector>

#include "models/layout/graph_layout.h"

namespace tg::model::detail {

// The mean of the members' centres in the whole-graph pass. The centre of the members'
// bounding box, used before, follows a group's outliers: over four generated graphs of the
// topology benchmark it crossed 1-8% more edges at 1000-3000 services (BENCHMARKS.md, run C).
// `members` index `nodes`; an empty list gives (0, 0).
PointF groupStart(const std::vector<NodeBox>& nodes, const std::vector<uint32_t>& members);

} // namespace tg::model::detail
