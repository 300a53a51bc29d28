#include "models/layout/graphviz_layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "models/layout/crossing_reduction.h"
#include "models/layout/edge_crossings.h"
#include "models/layout/graphviz_pass.h"
#include "models/layout/group_placement.h"

namespace tg::model::detail {

namespace {

struct Group {
    std::string label;
    std::vector<uint32_t> members; // graph node indices, ascending
};

std::vector<Group> collectGroups(const ServiceGraph& graph, LayoutOptions::Grouping grouping) {
    std::vector<Group> groups;
    if (grouping == LayoutOptions::Grouping::None) return groups;
    std::map<std::string, size_t> index;
    for (uint32_t i = 0; i < graph.nodes.size(); ++i) {
        const std::string& key = groupOf(graph.nodes[i], grouping);
        if (key.empty()) continue;
        auto [it, fresh] = index.try_emplace(key, groups.size());
        if (fresh) groups.push_back({key, {}});
        groups[it->second].members.push_back(i);
    }
    return groups;
}

PassNode passNode(const ServiceGraph& graph, uint32_t i, const LayoutOptions& options) {
    const GraphNode& node = graph.nodes[i];
    const NodeSize size = estimateNodeSize(node, graph.buckets, options.fontSize);
    return {size.width, size.height, node.kind == NodeKind::Database, node.name, std::nullopt};
}

LayoutGeometry fromPass(PassOutput&& pass, const std::vector<Group>& groups) {
    LayoutGeometry geo;
    geo.nodes = std::move(pass.nodes);
    geo.edges = std::move(pass.edges);
    for (size_t k = 0; k < pass.clusters.size() && k < groups.size(); ++k)
        geo.clusters.push_back({groups[k].label, pass.clusters[k], groups[k].members});
    geo.width = pass.width;
    geo.height = pass.height;
    return geo;
}

// How hard the crossing post-pass (crossing_reduction.h) may work. Lookups: 125 000 up to 1000
// nodes (smaller graphs run out of improvements first), then less as graphs grow, since each lookup
// costs more in a larger, denser drawing and 3000 services must still show within 2 s. The grouped
// layout keeps the full budget up to 3000 nodes (was 26 666 lookups at 3000): leaving the ungrouped
// nodes out of the group boxes' pass saved more instructions than the extra lookups cost (layout at
// 3000: 5 % fewer instructions than before both, but 8 % more wall time, as lookups miss the cache
// more), and each further 26 666 lookups took 2-3 % of the crossings off at 3000 (BENCHMARKS.md,
// topology run G). Up to 1000 nodes each node tries four swap partners instead of two: over four
// generated graphs 1-9 % fewer crossings at 300 and ~1 % at 1000, but at 3000 swaps find less per
// lookup than moves (~0.8 % more crossings). The budget was 80 000 until lookups got ~40 % cheaper
// (smaller grid cells, a column walk, a side test before the exact one, rejected moves counted only
// until they lose): 125 000 of them cost less than 80 000 did (layout instructions at 3000 -0.6 to
// -1.3 %, wall -2 %; at 1000 wall -10 %), for 2-3 % fewer crossings at 1000 and 3000 (run H).
CrossingReductionOptions crossingOptions(size_t nodes, bool grouped) {
    constexpr long kBudget = 125000, kFourPartnersUpTo = 1000;
    const long fullUpTo = grouped ? 3000 : 1000;
    const long n = std::max(long(nodes), 1L);
    CrossingReductionOptions options;
    options.workBudget = n <= fullUpTo ? kBudget : kBudget * fullUpTo / n;
    options.swapCandidates = n <= kFourPartnersUpTo ? 4 : 2;
    return options;
}

// Points kept clear around each box when overlaps are removed. Large drawings keep Graphviz's
// default of 4: more room costs crossings there (with +11, and esep +5, the benchmark's graphs
// crossed 18 % more edges at 300 services, 4-6 % at 1000-3000). Drawings small enough for dot
// get 24, about dot's gap between neighbours: the view floats edge captions at the midpoints of
// the lines, and with 4 points the demo's captions lay on top of each other and of the boxes.
// Crossings at 30 services with 24: 11 / 25 / 31 / 21 (with 4: 15 / 27 / 30 / 20; four
// generated graphs of the topology benchmark).
int separationFor(size_t nodes, const LayoutOptions& options) {
    constexpr int kGraphvizDefault = 4, kRoomy = 24;
    return nodes <= options.dotMaxNodes ? kRoomy : kGraphvizDefault;
}

long crossingsOf(const ServiceGraph& graph, const LayoutGeometry& geo) {
    return countEdgeCrossings(layoutPolylines(graph, geo));
}

// Swaps nodes of a straight-edge drawing to cross fewer edges, then redraws the edges of the
// nodes that moved (the others keep the lines Graphviz clipped to their shapes).
void reduceDrawingCrossings(const ServiceGraph& graph, LayoutGeometry& geo,
                            const std::vector<Group>& groups) {
    std::vector<std::vector<uint32_t>> members;
    std::vector<RectF> boxes;
    for (size_t k = 0; k < groups.size(); ++k) {
        members.push_back(groups[k].members);
        if (k < geo.clusters.size()) boxes.push_back(geo.clusters[k].rect);
    }
    for (NodeBox& n : geo.nodes) // the pass's choices must not follow Graphviz's last bits
        n.x = stableCoordinate(n.x), n.y = stableCoordinate(n.y);
    const std::vector<NodeBox> before = geo.nodes;
    reduceCrossings(graph, geo.nodes, members, boxes,
                    crossingOptions(graph.nodes.size(), !groups.empty()));
    for (size_t i = 0; i < graph.edges.size() && i < geo.edges.size(); ++i) {
        const GraphEdge& e = graph.edges[i];
        auto moved = [&](uint32_t n) {
            return geo.nodes[n].x != before[n].x || geo.nodes[n].y != before[n].y;
        };
        if (e.source != e.target && (moved(e.source) || moved(e.target)))
            geo.edges[i] = straightEdge(geo.nodes[e.source], geo.nodes[e.target]);
    }
}

// One pass over the whole graph: dot (with clusters) or sfdp without grouping.
Result<LayoutGeometry> wholeGraph(GVC_t* gvc, const ServiceGraph& graph,
                                  const std::vector<Group>& groups, const std::string& engine,
                                  bool edgeLabels, unsigned seed, const LayoutOptions& options) {
    PassInput in;
    in.engine = engine;
    in.edgeLabels = edgeLabels;
    in.seed = seed;
    in.separation = separationFor(graph.nodes.size(), options);
    for (uint32_t i = 0; i < graph.nodes.size(); ++i)
        in.nodes.push_back(passNode(graph, i, options));
    for (const GraphEdge& e : graph.edges)
        in.edges.push_back({e.source, e.target, edgeLabels ? edgeCaption(e, graph.buckets) : ""});
    for (const Group& g : groups)
        in.clusters.push_back({g.label, g.members});
    auto pass = runPass(gvc, in, options);
    if (!pass) return pass.error();
    LayoutGeometry geo = fromPass(std::move(pass.value()), groups);
    if (engine == "sfdp") reduceDrawingCrossings(graph, geo, {});
    return geo;
}

// sfdp has no clusters. The whole graph is laid out once by sfdp, which gives the shape: every
// node keeps its place relative to the other members of its group, and every group its place
// relative to the other groups, so edges between groups run about as sfdp draws them (laying
// out each group on its own, then the groups as boxes, crossed 15% more edges at 1000
// services). Overlaps are removed inside each group, then the group boxes and the ungrouped
// nodes are pushed apart from where the global layout put them, spread out by a few factors
// in turn (Graphviz's "nop" engine: given positions, prism; see kSpreads). Then each
// ungrouped node moves to the free spot nearest its neighbours: prism flung them out to the
// edges of the drawing, where their long edges (13 % of the edges) took part in 25-30 % of the
// crossings at 1000-3000 services. Last, members of a group swap places where that crosses
// fewer edges (crossing_reduction.h). Of the spreads, the drawing crossing fewest edges is
// kept. Groups never overlap, members stay inside their box, edges are straight.
class GroupedSfdp {
public:
    GroupedSfdp(GVC_t* gvc, const ServiceGraph& graph, const std::vector<Group>& groups,
                unsigned seed, const LayoutOptions& options)
        : m_gvc(gvc), m_graph(graph), m_groups(groups), m_options(options), m_seed(seed),
          m_itemOf(graph.nodes.size(), -1) {}

    Result<LayoutGeometry> run() {
        m_freeInBoxPass = m_graph.nodes.size() <= kFreeInBoxPassUpTo;
        m_neighbours.resize(m_graph.nodes.size());
        for (const GraphEdge& e : m_graph.edges)
            if (e.source != e.target)
                m_neighbours[e.source].push_back(e.target),
                    m_neighbours[e.target].push_back(e.source);
        for (size_t k = 0; k < m_groups.size(); ++k)
            for (uint32_t m : m_groups[k].members)
                m_itemOf[m] = int(k);
        int next = int(m_groups.size());
        for (int& item : m_itemOf)
            if (item < 0) item = next++;
        auto global = globalPass();
        if (!global) return global.error();
        m_global = std::move(global.value().nodes);
        for (const Group& g : m_groups) {
            auto part = separateMembers(g);
            if (!part) return part.error();
            m_parts.push_back(std::move(part.value()));
        }
        return bestSpread();
    }

private:
    // Up to this many nodes the ungrouped nodes take part in pushing the group boxes apart
    // (before they move near their neighbours); beyond, the boxes are pushed apart alone and
    // end closer together. Leaving them out, over four generated graphs (BENCHMARKS.md, run
    // G): 3 % fewer crossings at 3000 services; at 1000 3 % fewer in sum but 2 % more on the
    // benchmark's default graph; at 300 3 % more.
    static constexpr size_t kFreeInBoxPassUpTo = 1000;

    // A group's members where the global layout put them, overlaps removed, relative to
    // their bounding box (nodes[j] belongs to the group's j-th member).
    struct Part {
        PointF start; // where the box starts: groupStart() of the members in the global layout
        std::vector<NodeBox> nodes;
        double width = 0, height = 0;
    };

    double labelRoom() const { return m_options.fontSize * 1.6; }

    // The whole graph by sfdp, with one small hidden hub per group tied to its members, so
    // the members of a group come out near each other (measured at 1000 services: 9% fewer
    // crossings than without hubs). Overlaps are kept here and removed per group below, which
    // costs a third of removing them over the whole graph.
    Result<PassOutput> globalPass() const {
        PassInput in;
        in.engine = "sfdp";
        in.overlap = "true";
        in.seed = m_seed;
        for (uint32_t i = 0; i < m_graph.nodes.size(); ++i)
            in.nodes.push_back(passNode(m_graph, i, m_options));
        for (const GraphEdge& e : m_graph.edges)
            in.edges.push_back({e.source, e.target, {}});
        for (const Group& g : m_groups) {
            const uint32_t hub = uint32_t(in.nodes.size());
            in.nodes.push_back({1, 1, false, {}, std::nullopt});
            for (uint32_t m : g.members)
                in.edges.push_back({hub, m, {}});
        }
        return runPass(m_gvc, in, m_options);
    }

    Result<Part> separateMembers(const Group& group) const {
        Part part;
        PassInput in;
        in.engine = "nop";
        in.separation = separationFor(m_graph.nodes.size(), m_options);
        for (uint32_t m : group.members) {
            PassNode node = passNode(m_graph, m, m_options);
            node.start = PointF{m_global[m].x, m_global[m].y};
            in.nodes.push_back(node);
        }
        part.start = groupStart(m_global, group.members);
        auto pass = runPass(m_gvc, in, m_options);
        if (!pass) return pass.error();
        part.nodes = std::move(pass.value().nodes);
        part.width = pass.value().width;
        part.height = pass.value().height;
        return part;
    }

    // How far apart the group boxes start before prism pushes them apart: the global layout's
    // places times a spread. Boxes are 5-9x wider than the spots the global layout gives their
    // groups (square root of the areas, 300-3000 services), so prism moves them a long way, and
    // how much of the global arrangement survives depends on where they start: at 1000 and 3000
    // services each spread was best on some of the topology benchmark's four graphs and up to
    // 12 % worse on others (BENCHMARKS.md, topology run I). So there each is tried and the
    // drawing crossing fewest edges kept, judged before the crossing post-pass (only the winner
    // is post-passed: four post-passes would cost ~0.6 s more at 1000; the count before picked
    // the best spread or one within 1 % of it on all eight graphs). Spread 1 was never picked
    // there; 1.75 took seed 2 at 3000 from 1.004 to 0.996 of sfdp's crossings (1.25, 2.5 and 4
    // brought no graph under it), for ~80 ms, what each spread costs there (a box pass and a
    // crossing count). Up to kSpreadFrom nodes only spread 1: wider spreads there gained 0-8 % at
    // 300 services when judged after the post-pass (and lost on two graphs of four judged before
    // it), and drew the demo twice as wide for 41 crossings instead of 44.
    static constexpr double kSpreads[] = {1.5, 1.75, 2, 3};
    static constexpr size_t kSpreadFrom = 300;

    // The drawing crossing fewest edges of the spreads tried (spreads whose pass fails are
    // passed over; the first error if all fail).
    Result<LayoutGeometry> bestSpread() const {
        static constexpr double kOneSpread[] = {1};
        const std::span<const double> spreads = m_graph.nodes.size() <= kSpreadFrom
                                                    ? std::span<const double>(kOneSpread)
                                                    : std::span<const double>(kSpreads);
        // With several, each drawing's crossings are counted on a thread of its own while this
        // one runs the next box pass (Graphviz stays on this thread): at 3000 services a count
        // takes ~55 ms and a box pass with its arrangement ~27. A deque: counting threads hold
        // references to the drawings while more are appended.
        std::deque<LayoutGeometry> drawn;
        std::vector<std::future<long>> counts;
        std::optional<Error> firstError;
        for (double spread : spreads) {
            auto top = separateItems(spread);
            if (!top) {
                if (drawn.empty() && !firstError) firstError = top.error();
                continue;
            }
            const LayoutGeometry& geo = drawn.emplace_back(arrange(top.value()));
            if (spreads.size() > 1)
                counts.push_back(std::async(std::launch::async,
                                            [this, &geo] { return crossingsOf(m_graph, geo); }));
        }
        if (drawn.empty()) return *firstError;
        size_t best = 0;
        long fewest = 0;
        for (size_t k = 0; k < counts.size(); ++k) {
            const long crossings = counts[k].get();
            if (k == 0 || crossings < fewest) best = k, fewest = crossings;
        }
        LayoutGeometry winner = std::move(drawn[best]);
        reduceDrawingCrossings(m_graph, winner, m_groups);
        return winner;
    }

    // Group boxes (members plus margins and label room), at their global places times
    // `spread`, pushed apart until nothing overlaps; with them the ungrouped nodes if
    // m_freeInBoxPass.
    Result<PassOutput> separateItems(double spread) const {
        PassInput in;
        in.engine = "nop";
        in.separation = separationFor(m_graph.nodes.size(), m_options);
        const double margin = m_options.clusterMargin;
        for (const Part& part : m_parts) {
            PassNode box{part.width + 2 * margin,
                         part.height + 2 * margin + labelRoom(),
                         false,
                         {},
                         std::nullopt};
            box.start = PointF{spread * part.start.x, spread * part.start.y - labelRoom() / 2};
            in.nodes.push_back(box);
        }
        for (uint32_t i = 0; i < m_graph.nodes.size() && m_freeInBoxPass; ++i) {
            if (m_itemOf[i] < int(m_groups.size())) continue;
            PassNode node = passNode(m_graph, i, m_options);
            node.start = PointF{spread * m_global[i].x, spread * m_global[i].y};
            in.nodes.push_back(node);
        }
        return runPass(m_gvc, in, m_options);
    }

    // Members into their boxes, the ungrouped nodes near their neighbours, straight edges.
    LayoutGeometry arrange(const PassOutput& top) const {
        LayoutGeometry geo;
        geo.nodes.resize(m_graph.nodes.size());
        const double margin = m_options.clusterMargin;
        for (size_t k = 0; k < m_groups.size(); ++k) {
            const RectF box = top.nodes[k].rect();
            const double dx = box.x + margin, dy = box.y + margin + labelRoom();
            geo.clusters.push_back({m_groups[k].label, box, m_groups[k].members});
            const std::vector<uint32_t>& members = m_groups[k].members;
            for (size_t j = 0; j < members.size(); ++j) {
                NodeBox n = m_parts[k].nodes[j];
                n.x += dx;
                n.y += dy;
                geo.nodes[members[j]] = n;
            }
        }
        placeFreeNodes(top, geo);
        fitToOrigin(geo);
        geo.edges.reserve(m_graph.edges.size());
        for (const GraphEdge& e : m_graph.edges)
            geo.edges.push_back(straightEdge(geo.nodes[e.source], geo.nodes[e.target]));
        return geo;
    }

    bool isFree(uint32_t i) const { return m_itemOf[i] >= int(m_groups.size()); }

    // The ungrouped nodes start where the box pass put them (or, if they were not in it, at
    // their global place mapped onto the boxes' drawing), then each moves to the free spot
    // nearest its neighbours, clear of the group boxes and of each other.
    void placeFreeNodes(const PassOutput& top, LayoutGeometry& geo) const {
        std::vector<uint32_t> free;
        for (uint32_t i = 0; i < m_graph.nodes.size(); ++i)
            if (isFree(i)) free.push_back(i);
        if (free.empty()) return;
        const RectF global = coverOf(m_global);
        for (uint32_t i : free) {
            if (m_freeInBoxPass) {
                geo.nodes[i] = top.nodes[m_itemOf[i]];
                continue;
            }
            const PassNode size = passNode(m_graph, i, m_options);
            const double fx = global.width > 0 ? (m_global[i].x - global.x) / global.width : 0.5;
            const double fy = global.height > 0 ? (m_global[i].y - global.y) / global.height : 0.5;
            geo.nodes[i] = {fx * top.width, fy * top.height, size.width, size.height};
        }
        std::vector<RectF> boxes;
        for (const ClusterBox& c : geo.clusters)
            boxes.push_back(c.rect);
        // A node without calls has no neighbours to sit near, and sfdp packs such lone nodes
        // beside the rest of the drawing, which the box pass then pushed far out (the fitted
        // view shrank the map into a corner). They start at the nearest point of the area the
        // group boxes cover instead, and take the free spot nearest that.
        RectF drawn;
        bool any = false;
        for (const RectF& box : boxes)
            unite(drawn, box, any);
        for (uint32_t i : free)
            if (any && m_neighbours[i].empty()) {
                geo.nodes[i].x = std::clamp(geo.nodes[i].x, drawn.x, drawn.right());
                geo.nodes[i].y = std::clamp(geo.nodes[i].y, drawn.y, drawn.bottom());
            }
        placeNearNeighbours(geo.nodes, free, m_neighbours, boxes, kFreeGap, kFreeStep);
    }

    // The smallest rectangle holding both; `into` empty (no area, at the origin) takes `r`.
    static void unite(RectF& into, const RectF& r, bool& any) {
        if (!any) {
            into = r, any = true;
            return;
        }
        const double x1 = std::max(into.right(), r.right()),
                     y1 = std::max(into.bottom(), r.bottom());
        into.x = std::min(into.x, r.x), into.y = std::min(into.y, r.y);
        into.width = x1 - into.x, into.height = y1 - into.y;
    }

    static RectF coverOf(const std::vector<NodeBox>& nodes) {
        RectF all;
        bool any = false;
        for (const NodeBox& n : nodes)
            unite(all, n.rect(), any);
        return all;
    }

    // Shifts nodes and boxes so the drawing starts at (0, 0); sets its size.
    static void fitToOrigin(LayoutGeometry& geo) {
        RectF all;
        bool any = false;
        for (const NodeBox& n : geo.nodes)
            unite(all, n.rect(), any);
        for (const ClusterBox& c : geo.clusters)
            unite(all, c.rect, any);
        for (NodeBox& n : geo.nodes)
            n.x -= all.x, n.y -= all.y;
        for (ClusterBox& c : geo.clusters)
            c.rect.x -= all.x, c.rect.y -= all.y;
        geo.width = all.width;
        geo.height = all.height;
    }

    // Where the ungrouped nodes may go: this far clear of boxes and each other (points; the
    // gap Graphviz's default sep leaves between boxes), on a grid of this step. Not wider for
    // small drawings: with their wider sep (separationFor) the demo's ungrouped nodes pushed the
    // two groups far apart (3545 x 1098 points, against 2268 x 930).
    static constexpr double kFreeGap = 8, kFreeStep = 16;

    GVC_t* m_gvc;
    const ServiceGraph& m_graph;
    const std::vector<Group>& m_groups;
    const LayoutOptions& m_options;
    unsigned m_seed;
    std::vector<int> m_itemOf;     // node → item: group index, or a top-level slot for ungrouped
    std::vector<NodeBox> m_global; // the whole-graph sfdp layout, per node
    std::vector<Part> m_parts;
    std::vector<std::vector<uint32_t>> m_neighbours; // per node, self-calls left out
    bool m_freeInBoxPass = true;
};

} // namespace

namespace {

Result<LayoutGeometry> layoutWith(GVC_t* gvc, const ServiceGraph& graph,
                                  const std::vector<Group>& groups, const std::string& engine,
                                  unsigned seed, const LayoutOptions& options) {
    const bool edgeLabels = options.edgeLabels && engine == "dot";
    auto result = engine == "sfdp" && !groups.empty()
                      ? GroupedSfdp(gvc, graph, groups, seed, options).run()
                      : wholeGraph(gvc, graph, groups, engine, edgeLabels, seed, options);
    if (!result) return result.error();
    LayoutGeometry geo = std::move(result.value());
    geo.engine = engine;
    geo.fontSize = options.fontSize;
    geo.edgeLabels = edgeLabels;
    return geo;
}

// How many random starts a force-directed drawing gets; the one crossing fewest edges is kept.
// sfdp's drawing, and what the post-pass makes of it, depends on where it starts. On the
// topology benchmark's default graph and seeds 1-3 (BENCHMARKS.md, topology run I), at 30
// services one start crossed 17 / 33 / 38 / 31 edges (sfdp's own drawing 37 / 31 / 60 / 26),
// the best of four 11 / 33 / 32 / 24, of eight 11 / 25 / 31 / 21; at 100, one 500 / 416 / 315 /
// 306, eight 451 / 353 / 273 / 263 (sfdp 533 / 430 / 339 / 327). A start costs ~5 ms at 30
// services; at 100 the layout takes 0.4-0.8 s with eight (dot's included). At 300 four starts
// took 4x the time for 0-3 % fewer crossings, so from the size where dot stops only one.
size_t forceStarts(size_t nodes, const LayoutOptions& options) {
    constexpr size_t kSmallGraphStarts = 8;
    return nodes <= options.dotMaxNodes ? kSmallGraphStarts : 1;
}

struct Drawing {
    LayoutGeometry geo;
    long crossings = 0;
};

// The force-directed drawing (grouped if there are groups) of the start crossing fewest edges;
// the first start's error if it fails (later starts that fail are passed over). Crossings are
// counted when there is more than one start or `counted` asks for them (else 0).
Result<Drawing> bestForceDrawing(GVC_t* gvc, const ServiceGraph& graph,
                                 const std::vector<Group>& groups, const LayoutOptions& options,
                                 bool counted) {
    std::optional<Drawing> best;
    const size_t starts = forceStarts(graph.nodes.size(), options);
    for (size_t k = 0; k < starts; ++k) {
        auto drawn =
            layoutWith(gvc, graph, groups, "sfdp", PassInput::kDefaultSeed + unsigned(k), options);
        if (!drawn) {
            if (k == 0) return drawn.error();
            continue;
        }
        const long crossings = starts > 1 || counted ? crossingsOf(graph, drawn.value()) : 0;
        if (!best || crossings < best->crossings)
            best = Drawing{std::move(drawn.value()), crossings};
    }
    return std::move(*best);
}

} // namespace

Result<LayoutGeometry> runGraphvizLayout(GVC_t* gvc, const ServiceGraph& graph,
                                         const LayoutOptions& options) {
    const std::string engine = chooseEngine(graph.nodes.size(), options);
    if (graph.nodes.empty()) {
        LayoutGeometry geo;
        geo.engine = engine;
        geo.fontSize = options.fontSize;
        return geo;
    }
    if (!gvc)
        return Error{ErrorCode::Internal, "Graphviz context could not be created", {}, -1, -1};
    const std::vector<Group> groups =
        collectGroups(graph, effectiveGrouping(graph, options.grouping));
    if (engine == "sfdp") {
        auto force = bestForceDrawing(gvc, graph, groups, options, false);
        if (!force) return force.error();
        return std::move(force.value().geo);
    }
    auto ranked = layoutWith(gvc, graph, groups, "dot", PassInput::kDefaultSeed, options);
    if (!ranked || !options.engine.empty()) return ranked;
    // Chosen by size, small graphs get dot's ranked drawing (calls flow one way, captions have
    // room) unless the force-directed one crosses fewer edges: dense graphs with back edges
    // cross 2-4x more edges ranked (30 services, four generated graphs) and 2.5-11x more from a
    // hundred nodes on (BENCHMARKS.md, topology runs E and I). A tree, or any graph that dot
    // draws as well, stays ranked. LayoutOptions::dotMaxNodes (100 by default) ends the
    // comparison: beyond it dot alone costs seconds.
    auto force = bestForceDrawing(gvc, graph, groups, options, true);
    if (!force) return ranked;
    return force.value().crossings < crossingsOf(graph, ranked.value())
               ? std::move(force.value().geo)
               : std::move(ranked);
}

} // namespace tg::model::detail
