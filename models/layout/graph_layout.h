#pragma once
// Layout of a ServiceGraph as a plain geometry value (DESIGN §1 models/layout).
//
// layoutGraph() asks Graphviz (cgraph + gvc) for positions: up to dotMaxNodes nodes, `dot`
// (ranked, clustered, clear for reviews; at 100 nodes, only if `sfdp` does not cross fewer
// edges on that graph); `sfdp`
// beyond (scales to thousands; with grouping, the whole graph is laid out once and each group
// boxed around its members, the boxes then pushed apart, so groups never overlap; edges are
// straight lines; last, nodes move or swap within their group where fewer edges cross). The
// result is a
// LayoutGeometry in Qt's orientation (points, origin top-left, y growing down) that every view and
// export draws from, so the GUI and the SVG/PNG/PDF exports look the same. Graphviz's own
// renderers are never used.
//
// This header is deliberately free of Graphviz includes: views include it for the geometry types
// and link topograph_layout_geometry (the pure helpers); layoutGraph() itself is in
// topograph_layout (the only Graphviz user).
// Thread affinity: value types, no affinity. layoutGraph() may be called from any thread except
// the layout worker's own; it runs the Graphviz calls on LayoutWorker (Graphviz is not
// thread-safe) and blocks until done. Use LayoutWorker::submit() to get a future instead.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/result.h"
#include "models/graph/service_graph.h"

namespace tg::model {

struct PointF {
    double x = 0;
    double y = 0;
};

// Axis-aligned rectangle: top-left corner, y growing down.
struct RectF {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool contains(const RectF& other, double slack = 0) const;
    bool intersects(const RectF& other) const;
};

// One box per graph node (index = graph node index).
struct NodeBox {
    double x = 0; // centre
    double y = 0;
    double width = 0;
    double height = 0;
    RectF rect() const { return {x - width / 2, y - height / 2, width, height}; }
};

// One path per graph edge (index = graph edge index).
struct EdgePath {
    // Cubic Bezier control points as Graphviz gives them: p0, then (c1, c2, p) triples; the
    // path ends at the base of the arrow head when hasArrow is set.
    std::vector<PointF> points;
    bool hasArrow = false;
    PointF arrowTip;         // end point of the arrow head (on the target's border)
    bool hasLabel = false;   // Graphviz placed the caption (dot reserves room for it)
    PointF labelCenter;      // valid when hasLabel
    PointF midpoint() const; // a point halfway along the path (for captions without hasLabel)
};

struct ClusterBox {
    std::string label;
    RectF rect;
    std::vector<uint32_t> members; // graph node indices
};

struct LayoutGeometry {
    std::vector<NodeBox> nodes;
    std::vector<EdgePath> edges;
    std::vector<ClusterBox> clusters;
    double width = 0; // bounding box of everything, from (0, 0)
    double height = 0;
    std::string engine;      // "dot" or "sfdp"
    double fontSize = 12;    // pixel size node names were measured with (painters use it)
    bool edgeLabels = false; // room was reserved for edge captions
};

struct LayoutOptions {
    enum class Grouping { None, Namespace, Cluster, Region, Auto };
    enum class Direction { LeftToRight, TopToBottom };

    // Auto: the first of namespace, cluster, region with more than one distinct value.
    Grouping grouping = Grouping::Auto;
    Direction direction = Direction::LeftToRight;
    // Beyond this, sfdp; up to it, dot's ranked drawing or the force-directed one, whichever
    // crosses fewer edges (graphviz_layout.cpp, runGraphvizLayout). Not higher: with clusters, dot
    // took 0.3-2 s at 150 services, 0.4-36 s at 200 and 12-62 s at 300 on four generated graphs,
    // crossing 2.5-11x more edges than sfdp on each (BENCHMARKS.md, topology run E).
    size_t dotMaxNodes = 100;
    std::string engine;  // "" = choose (size, then crossings); "dot" or "sfdp" to force
    double nodeSep = 22; // points between neighbours in a rank (dot)
    double rankSep = 60; // points between ranks (dot)
    double clusterMargin = 14;
    double fontSize = 12;   // node name pixel size; subtitles are smaller (see nodeSubtitle)
    bool edgeLabels = true; // reserve room for edgeCaption() texts (dot only)
};

// Returns the layout or an Error (Internal: Graphviz failed; Cancelled: worker shut down).
Result<LayoutGeometry> layoutGraph(const ServiceGraph& graph, const LayoutOptions& options = {});

// DOT text of the graph for `--format dot` (accepted by the `dot` command). With positions, nodes
// carry pos/width/height and edges their splines (in Graphviz's y-up points), so `neato -n2`
// reproduces the layout.
std::string toDot(const ServiceGraph& graph, const LayoutGeometry* positions = nullptr);

// --- Pure helpers shared with painters and tests -------------------------------------------

// The grouping actually applied: Auto resolved, None when fewer than two groups exist.
LayoutOptions::Grouping effectiveGrouping(const ServiceGraph& graph,
                                          LayoutOptions::Grouping requested);
// The group value of a node for a concrete grouping ("" = no group).
const std::string& groupOf(const GraphNode& node, LayoutOptions::Grouping grouping);
std::string chooseEngine(size_t nodeCount, const LayoutOptions& options);

// Caption texts: node subtitle ("120 rps · 3.1% err") and edge caption ("12 rps · 3.1% err").
// Layout sizes boxes for them; painters draw exactly these strings.
std::string rateText(const CallStats& stats, const TimeBuckets& buckets);
std::string nodeSubtitle(const GraphNode& node, const TimeBuckets& buckets);
std::string edgeCaption(const GraphEdge& edge, const TimeBuckets& buckets);
double errorRate(const CallStats& stats); // errors / calls, 0 when no calls

// Width in pixels of UTF-8 text in DejaVu Sans (ASCII from the font's advance table; other
// code points estimated wide), so boxes fit the text painters draw.
double estimateTextWidth(std::string_view utf8, double pixelSize, bool bold);
inline constexpr double kSubtitleScale = 0.8; // subtitle size relative to the name

struct NodeSize {
    double width = 0;
    double height = 0;
};
NodeSize estimateNodeSize(const GraphNode& node, const TimeBuckets& buckets, double fontSize);

} // namespace tg::model
