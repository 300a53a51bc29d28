#pragma once
// Private to models/layout: where the grouped sfdp layout (graphviz_layout.cpp) starts each
// group's box before Graphviz pushes the boxes apart, and where the nodes in no group go once
// the boxes are placed. No Graphviz here, so tests can call it. Pure functions; any thread.
#include <cmath>
#include <cstdint>
#include <vector>

#include "models/layout/graph_layout.h"

namespace tg::model::detail {

// A Graphviz coordinate rounded to 1/64 point. Graphviz's positions differ from run to run in
// the last bits (about 1e-9 points); choices made on them (a swap, the nearer of two spots)
// would follow such differences now and then, so they start from rounded values.
inline double stableCoordinate(double v) {
    return std::round(v * 64) / 64;
}

// The mean of the members' centres in the whole-graph pass. The centre of the members'
// bounding box, used before, follows a group's outliers: over four generated graphs of the
// topology benchmark it crossed 1-8% more edges at 1000-3000 services (BENCHMARKS.md, run C).
// `members` index `nodes`; an empty list gives (0, 0).
PointF groupStart(const std::vector<NodeBox>& nodes, const std::vector<uint32_t>& members);

// Moves each node of `movable` (indices into `nodes`, placed in that order) to the free spot
// nearest the mean of its neighbours' centres (`neighbours[u]` index `nodes`; a node without
// neighbours searches around its own centre). Free: the node's box is at least `gap` clear
// of every rectangle in `obstacles` and of the boxes of the other movable nodes. Spots lie on
// a grid of `step` points, searched in square rings around the target; the search always ends
// (beyond the obstacles everything is free). Other nodes are read, never moved.
void placeNearNeighbours(std::vector<NodeBox>& nodes, const std::vector<uint32_t>& movable,
                         const std::vector<std::vector<uint32_t>>& neighbours,
                         const std::vector<RectF>& obstacles, double gap, double step);

} // namespace tg::model::detail
