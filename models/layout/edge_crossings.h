#pragma once
// Edge crossings of a drawing: the number of points where two edges that share no endpoint
// cross. It is the readability measure the layout chooses engines by and the topology benchmark
// compares against Graphviz's own layouts. Béziers are flattened to polylines first (straight
// ones to their chord); pairs of edges with a common node are skipped (they meet at the node,
// which is not a crossing). A uniform grid keeps thousands of edges fast (near-linear for
// spread-out drawings; ~200 M instructions for the 7700 edges and 220 000 crossings of a
// 3000-service drawing).
// Pure functions; any thread.
#include <cstdint>
#include <vector>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"

namespace tg::model {

struct CrossingEdge {
    uint32_t from = 0; // endpoint identities (node indices; any ids that compare equal)
    uint32_t to = 0;
    std::vector<PointF> points; // polyline
};

long countEdgeCrossings(const std::vector<CrossingEdge>& edges);

// Whether segments a-b and c-d cross at a point inside both (touching ends, collinear overlaps
// and parallels do not count): the test countEdgeCrossings applies to pairs of segments that
// share a grid cell. Segments with a non-finite end are left out of the count.
bool segmentsCross(const PointF& a, const PointF& b, const PointF& c, const PointF& d);

// A Graphviz-style cubic B-spline (p0, then (c1, c2, p) triples) as a polyline of 8 steps per
// piece; a piece whose control points lie on its chord is a straight line, one step.
std::vector<PointF> flattenBezier(const std::vector<PointF>& control);

// The edges of a layout as polylines (arrow tips included), ready for countEdgeCrossings.
std::vector<CrossingEdge> layoutPolylines(const ServiceGraph& graph, const LayoutGeometry& geo);

} // namespace tg::model
