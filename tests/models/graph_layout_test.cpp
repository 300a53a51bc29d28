// Layout: Graphviz geometry for small and large graphs, clusters, the serial worker, DOT text.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <thread>

#include "models/layout/crossing_reduction.h"
#include "models/layout/edge_crossings.h"
#include "models/layout/graph_layout.h"
#include "models/layout/group_placement.h"
#include "models/layout/layout_worker.h"

using namespace tg::model;

namespace {

void setCalls(CallStats& stats, uint64_t calls, uint64_t errors) {
    stats.calls = calls;
    stats.errors = errors;
}

// frontend -> checkout -> {payments, orders-db}; checkout -> events (queue); payments -> stripe.
ServiceGraph fiveNodeGraph() {
    ServiceGraph g;
    g.buckets.count = 60;
    const uint32_t fe = g.addNode("frontend", NodeKind::Service);
    const uint32_t co = g.addNode("checkout", NodeKind::Service);
    const uint32_t pay = g.addNode("payments", NodeKind::Service);
    const uint32_t db = g.addNode("orders-db", NodeKind::Database);
    const uint32_t q = g.addNode("events", NodeKind::Queue);
    g.nodes[fe].namespaceName = "web";
    g.nodes[co].namespaceName = "shop";
    g.nodes[pay].namespaceName = "shop";
    setCalls(g.nodes[fe].stats, 6000, 6);
    setCalls(g.nodes[co].stats, 1200, 40);
    setCalls(g.nodes[pay].stats, 600, 60);
    setCalls(g.edges[g.edgeIndex(fe, co, false)].stats, 1200, 40);
    setCalls(g.edges[g.edgeIndex(co, pay, false)].stats, 600, 60);
    setCalls(g.edges[g.edgeIndex(co, db, true)].stats, 2400, 0);
    setCalls(g.edges[g.edgeIndex(co, q, true)].stats, 300, 0);
    setCalls(g.edges[g.edgeIndex(fe, pay, false)].stats, 10, 0);
    return g;
}

ServiceGraph generatedGraph(int n) {
    ServiceGraph g;
    for (int i = 0; i < n; ++i)
        g.addNode("svc-" + std::to_string(i), NodeKind::Service);
    // A tree plus a few cross links, deterministic.
    for (int i = 1; i < n; ++i) {
        setCalls(g.edges[g.edgeIndex(uint32_t((i - 1) / 3), uint32_t(i), false)].stats, 10 + i, 0);
        if (i % 7 == 0) g.edgeIndex(uint32_t(i), uint32_t((i * 13) % n), false);
    }
    return g;
}

// Nodes a, b, c, d on the corners of a w x h rectangle (a top-left, b top-right, c bottom-left,
// d bottom-right), 20x10 boxes, edges a->d and b->c: the two diagonals, one crossing. Swapping
// a with b (or c with d) leaves two parallel sides: no crossing.
struct Square {
    ServiceGraph graph;
    std::vector<NodeBox> nodes;
    uint32_t a = 0, b = 0, c = 0, d = 0;
};

Square crossedSquare(double w, double h) {
    Square s;
    s.a = s.graph.addNode("a", NodeKind::Service);
    s.b = s.graph.addNode("b", NodeKind::Service);
    s.c = s.graph.addNode("c", NodeKind::Service);
    s.d = s.graph.addNode("d", NodeKind::Service);
    s.graph.edgeIndex(s.a, s.d, false);
    s.graph.edgeIndex(s.b, s.c, false);
    s.nodes = {{0, 0, 20, 10}, {w, 0, 20, 10}, {0, h, 20, 10}, {w, h, 20, 10}};
    return s;
}

long straightCrossings(const ServiceGraph& g, const std::vector<NodeBox>& nodes) {
    std::vector<CrossingEdge> lines;
    for (const GraphEdge& e : g.edges)
        lines.push_back(
            {e.source,
             e.target,
             {{nodes[e.source].x, nodes[e.source].y}, {nodes[e.target].x, nodes[e.target].y}}});
    return countEdgeCrossings(lines);
}

double distanceToBox(const PointF& p, const NodeBox& b) {
    const RectF r = b.rect();
    const double dx = std::max({r.x - p.x, 0.0, p.x - r.right()});
    const double dy = std::max({r.y - p.y, 0.0, p.y - r.bottom()});
    return std::hypot(dx, dy);
}

void checkGeometry(const ServiceGraph& g, const LayoutGeometry& geo, double endSlack) {
    QCOMPARE(geo.nodes.size(), g.nodes.size());
    QCOMPARE(geo.edges.size(), g.edges.size());
    const RectF all{0, 0, geo.width, geo.height};
    for (size_t i = 0; i < geo.nodes.size(); ++i) {
        const RectF r = geo.nodes[i].rect();
        QVERIFY2(r.width > 0 && r.height > 0, g.nodes[i].name.c_str());
        QVERIFY2(all.contains(r, 0.5), g.nodes[i].name.c_str());
        for (size_t j = i + 1; j < geo.nodes.size(); ++j)
            QVERIFY2(!r.intersects(geo.nodes[j].rect()),
                     (g.nodes[i].name + " overlaps " + g.nodes[j].name).c_str());
    }
    for (size_t i = 0; i < geo.edges.size(); ++i) {
        const EdgePath& p = geo.edges[i];
        QVERIFY(p.points.size() >= 4);
        QCOMPARE((p.points.size() - 1) % 3, size_t(0));
        const PointF end = p.hasArrow ? p.arrowTip : p.points.back();
        QVERIFY2(distanceToBox(p.points.front(), geo.nodes[g.edges[i].source]) <= endSlack,
                 "edge starts away from its source");
        QVERIFY2(distanceToBox(end, geo.nodes[g.edges[i].target]) <= endSlack,
                 "edge ends away from its target");
    }
}

} // namespace

class GraphLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void smallGraphDot() {
        const ServiceGraph g = fiveNodeGraph();
        LayoutOptions options;
        options.grouping = LayoutOptions::Grouping::None;
        auto result = layoutGraph(g, options);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        const LayoutGeometry& geo = result.value();
        QCOMPARE(geo.engine, std::string("dot"));
        QVERIFY(geo.clusters.empty());
        checkGeometry(g, geo, 2.0);
        // Boxes are wide enough for their names (DejaVu Sans Bold at the layout font size).
        for (size_t i = 0; i < g.nodes.size(); ++i)
            QVERIFY(geo.nodes[i].width >=
                    estimateTextWidth(g.nodes[i].name, geo.fontSize, true) + 10);
        // dot placed the edge captions.
        QVERIFY(geo.edgeLabels);
        QVERIFY(geo.edges[0].hasLabel);
    }

    void groupingByNamespace() {
        const ServiceGraph g = fiveNodeGraph();
        QCOMPARE(effectiveGrouping(g, LayoutOptions::Grouping::Auto),
                 LayoutOptions::Grouping::Namespace);
        QCOMPARE(effectiveGrouping(g, LayoutOptions::Grouping::Region),
                 LayoutOptions::Grouping::None);
        LayoutOptions options;
        options.grouping = LayoutOptions::Grouping::Namespace;
        auto result = layoutGraph(g, options);
        QVERIFY(result.ok());
        const LayoutGeometry& geo = result.value();
        checkGeometry(g, geo, 2.0);
        QCOMPARE(geo.clusters.size(), size_t(2));
        const RectF all{0, 0, geo.width, geo.height};
        for (const ClusterBox& c : geo.clusters) {
            QVERIFY(all.contains(c.rect, 0.5));
            for (uint32_t m : c.members) {
                QCOMPARE(g.nodes[m].namespaceName, c.label);
                QVERIFY2(c.rect.contains(geo.nodes[m].rect()), c.label.c_str());
            }
            // Non-members stay outside the box.
            for (uint32_t i = 0; i < g.nodes.size(); ++i)
                if (g.nodes[i].namespaceName != c.label)
                    QVERIFY(!c.rect.intersects(geo.nodes[i].rect()));
        }
        const auto shop = std::find_if(geo.clusters.begin(), geo.clusters.end(),
                                       [](const ClusterBox& c) { return c.label == "shop"; });
        QVERIFY(shop != geo.clusters.end());
        QCOMPARE(shop->members.size(), size_t(2));
    }

    void largeGraphUsesSfdp() {
        const ServiceGraph g = generatedGraph(400);
        auto result = layoutGraph(g, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        const LayoutGeometry& geo = result.value();
        QCOMPARE(geo.engine, std::string("sfdp"));
        QVERIFY(!geo.edgeLabels);
        checkGeometry(g, geo, 6.0);
    }

    // Below dotMaxNodes the drawing crossing fewer edges wins. A dense 30-service mesh (each
    // service calls three others, half of them back up the chain) crosses fewer edges
    // force-directed, so it is drawn so; the five-node tree stays ranked (smallGraphDot).
    void smallGraphTakesTheDrawingCrossingFewer() {
        ServiceGraph g;
        for (int i = 0; i < 30; ++i)
            g.addNode("svc-" + std::to_string(i), NodeKind::Service);
        uint32_t state = 7;
        auto next = [&state](uint32_t n) { return (state = state * 1103515245u + 12345u) % n; };
        for (uint32_t i = 0; i < 30; ++i)
            for (int k = 0; k < 3; ++k) {
                const uint32_t j = next(30);
                if (j != i) setCalls(g.edges[g.edgeIndex(i, j, false)].stats, 10 + int(j), 0);
            }
        for (size_t i = 0; i < g.nodes.size(); ++i)
            g.nodes[i].namespaceName = i < 15 ? "shop" : "identity";
        auto crossingsWith = [&g](const std::string& engine, std::string* chosen) {
            LayoutOptions options;
            options.engine = engine;
            auto laid = layoutGraph(g, options);
            if (!laid.ok()) return -1L;
            if (chosen) *chosen = laid.value().engine;
            return countEdgeCrossings(layoutPolylines(g, laid.value()));
        };
        std::string chosen;
        const long automatic = crossingsWith("", &chosen);
        const long ranked = crossingsWith("dot", nullptr);
        const long force = crossingsWith("sfdp", nullptr);
        QVERIFY(automatic >= 0 && ranked >= 0 && force >= 0);
        qInfo("crossings: automatic %ld (%s), dot %ld, sfdp %ld", automatic, chosen.c_str(), ranked,
              force);
        QVERIFY2(force < ranked, "the mesh was expected to cross fewer edges force-directed");
        QCOMPARE(chosen, std::string("sfdp"));
        QCOMPARE(automatic, force);
    }

    // Ranked layouts (dot with clusters) stop at 100 nodes: beyond, dot alone took seconds on
    // generated graphs and never crossed fewer edges than sfdp (BENCHMARKS.md, run E). Even a
    // tree, which dot draws well, gets sfdp at 150 nodes.
    void dotStopsAtHundredNodes() {
        const LayoutOptions defaults;
        QCOMPARE(defaults.dotMaxNodes, size_t(100));
        QCOMPARE(chooseEngine(100, defaults), std::string("dot"));
        QCOMPARE(chooseEngine(101, defaults), std::string("sfdp"));
        LayoutOptions wider;
        wider.dotMaxNodes = 300;
        QCOMPARE(chooseEngine(150, wider), std::string("dot"));
        LayoutOptions forced;
        forced.engine = "dot";
        QCOMPARE(chooseEngine(1000, forced), std::string("dot"));

        const ServiceGraph g = generatedGraph(150);
        auto result = layoutGraph(g, defaults);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(result.value().engine, std::string("sfdp"));
        checkGeometry(g, result.value(), 6.0);
    }

    // Services without calls sit at the rim of the group boxes, not wherever sfdp packed their
    // lone components (the box pass had pushed those out by thousands of points, and the
    // fitted view shrank the map into a corner).
    void loneNodesStayByTheGroups() {
        for (int n : {30, 150, 400}) {
            ServiceGraph g = generatedGraph(n);
            for (size_t i = 0; i < g.nodes.size(); ++i)
                g.nodes[i].namespaceName = i % 2 ? "shop" : "identity";
            std::vector<uint32_t> lone;
            for (int k = 0; k < 3; ++k)
                lone.push_back(g.addNode("lone-" + std::to_string(k), NodeKind::Service));
            LayoutOptions options;
            options.engine = "sfdp";
            auto result = layoutGraph(g, options);
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
            const LayoutGeometry& geo = result.value();
            QCOMPARE(geo.clusters.size(), size_t(2));
            RectF groups = geo.clusters[0].rect;
            const RectF& other = geo.clusters[1].rect;
            const double right = std::max(groups.right(), other.right()),
                         bottom = std::max(groups.bottom(), other.bottom());
            groups.x = std::min(groups.x, other.x), groups.y = std::min(groups.y, other.y);
            groups.width = right - groups.x, groups.height = bottom - groups.y;
            for (uint32_t i : lone) {
                const NodeBox& box = geo.nodes[i];
                const double dx = std::max({groups.x - box.x, 0.0, box.x - groups.right()});
                const double dy = std::max({groups.y - box.y, 0.0, box.y - groups.bottom()});
                const std::string what = std::to_string(n) + " nodes: " + g.nodes[i].name + " is " +
                                         std::to_string(int(std::hypot(dx, dy))) +
                                         " points from the groups";
                QVERIFY2(std::hypot(dx, dy) < 2 * (box.width + box.height), what.c_str());
            }
        }
    }

    void largeGroupedGraphKeepsGroupsApart() {
        ServiceGraph g = generatedGraph(400);
        const char* namespaces[] = {"shop", "identity", "orders", "edge"};
        for (size_t i = 0; i < g.nodes.size(); ++i)
            if (i % 10 != 9) g.nodes[i].namespaceName = namespaces[(i / 3) % 4]; // some ungrouped
        auto result = layoutGraph(g, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        const LayoutGeometry& geo = result.value();
        QCOMPARE(geo.engine, std::string("sfdp"));
        checkGeometry(g, geo, 6.0);
        QCOMPARE(geo.clusters.size(), size_t(4));
        const RectF all{0, 0, geo.width, geo.height};
        for (size_t a = 0; a < geo.clusters.size(); ++a) {
            const ClusterBox& c = geo.clusters[a];
            QVERIFY(all.contains(c.rect, 0.5));
            for (uint32_t m : c.members)
                QVERIFY(c.rect.contains(geo.nodes[m].rect()));
            for (size_t b = a + 1; b < geo.clusters.size(); ++b)
                QVERIFY2(!c.rect.intersects(geo.clusters[b].rect), "group boxes overlap");
            for (uint32_t i = 0; i < g.nodes.size(); ++i)
                if (g.nodes[i].namespaceName.empty())
                    QVERIFY(!c.rect.intersects(geo.nodes[i].rect()));
        }
        // Ungrouped nodes sit near their neighbours: on average less than two and a half box
        // sizes from the mean of their neighbours' centres (here 2.0; 3.4 when they were pushed
        // apart with the group boxes and stayed where that left them).
        std::vector<std::vector<uint32_t>> neighbours(g.nodes.size());
        for (const GraphEdge& e : g.edges)
            if (e.source != e.target)
                neighbours[e.source].push_back(e.target), neighbours[e.target].push_back(e.source);
        double away = 0, size = 0;
        for (uint32_t i = 0; i < g.nodes.size(); ++i) {
            if (!g.nodes[i].namespaceName.empty() || neighbours[i].empty()) continue;
            const PointF mean = detail::groupStart(geo.nodes, neighbours[i]);
            const NodeBox& n = geo.nodes[i];
            away += std::hypot(n.x - mean.x, n.y - mean.y);
            size += n.width + n.height;
        }
        QVERIFY(size > 0);
        QVERIFY2(away < 2.5 * size, "ungrouped nodes far from their neighbours");
    }

    // Each engine gives the same drawing however many layouts ran before: dot alternated between
    // two drawings with cgraph's default IDs, and sfdp's second layout of a graph differed from
    // the first until runPass reseeded the C library's generators before each pass (fails
    // without the srand/srand48 there: the grouped sfdp drawing moves).
    void layoutIsRepeatable() {
        ServiceGraph g = generatedGraph(120);
        for (size_t i = 0; i < g.nodes.size(); ++i)
            if (i % 5 != 4) g.nodes[i].namespaceName = i % 2 ? "shop" : "identity";
        for (const char* engine : {"dot", "sfdp"}) {
            for (auto grouping : {LayoutOptions::Grouping::None, LayoutOptions::Grouping::Auto}) {
                LayoutOptions options;
                options.engine = engine;
                options.grouping = grouping;
                auto first = layoutGraph(g, options);
                auto second = layoutGraph(g, options);
                auto third = layoutGraph(g, options); // dot alternated between two drawings
                QVERIFY(first.ok() && second.ok() && third.ok());
                QCOMPARE(first.value().engine, second.value().engine);
                const std::string what = std::string("engine '") + engine + "', grouping " +
                                         std::to_string(int(grouping));
                for (size_t i = 0; i < g.nodes.size(); ++i) {
                    const NodeBox &a = first.value().nodes[i], &b = second.value().nodes[i],
                                  &c = third.value().nodes[i];
                    QVERIFY2(a.x == b.x && a.y == b.y && a.x == c.x && a.y == c.y, what.c_str());
                }
            }
        }
    }

    // Crossings counted by hand: the two diagonals of a square cross once; edges meeting at a
    // node do not count; a polyline crossing two edges counts twice.
    void edgeCrossingsCountedByHand() {
        using E = CrossingEdge;
        QCOMPARE(countEdgeCrossings({E{0, 1, {{0, 0}, {10, 10}}}, E{2, 3, {{0, 10}, {10, 0}}}}),
                 1L);
        QCOMPARE(countEdgeCrossings({E{0, 1, {{0, 0}, {10, 10}}}, E{0, 3, {{0, 10}, {10, 0}}}}),
                 0L);
        QCOMPARE(countEdgeCrossings({E{0, 1, {{0, 0}, {10, 0}}}, E{2, 3, {{0, 5}, {10, 5}}}}), 0L);
        QCOMPARE(countEdgeCrossings({E{0, 1, {{5, -5}, {5, 20}}}, E{2, 3, {{0, 0}, {10, 0}}},
                                     E{4, 5, {{0, 10}, {4, 10}, {10, 10}}}}),
                 2L);
        // A zigzag crossing a long straight edge three times, far from the origin.
        QCOMPARE(
            countEdgeCrossings({E{0, 1, {{1000, 1000}, {1100, 1000}}},
                                E{2, 3, {{1010, 990}, {1020, 1010}, {1030, 990}, {1040, 1010}}}}),
            3L);
    }

    // The grid count equals the count of every pair tested (3000 random straight edges
    // between 600 nodes, with clusters and long edges: the grid's cells, pieces and
    // one-cell-per-crossing rule against plain enumeration).
    void edgeCrossingsMatchEveryPairTested() {
        uint32_t state = 12345;
        auto next = [&state](uint32_t n) { return (state = state * 1664525u + 1013904223u) % n; };
        std::vector<PointF> at(600);
        for (size_t i = 0; i < at.size(); ++i) // dense corner, sparse rest
            at[i] = i % 3 ? PointF{double(next(400)), double(next(300))}
                          : PointF{double(next(5000)), double(next(4000))};
        std::vector<CrossingEdge> edges;
        for (int k = 0; k < 3000; ++k) {
            const uint32_t a = next(600), b = next(600);
            if (a != b) edges.push_back({a, b, {at[a], at[b]}});
        }
        long expected = 0;
        for (size_t i = 0; i < edges.size(); ++i)
            for (size_t j = i + 1; j < edges.size(); ++j) {
                const CrossingEdge &e = edges[i], &f = edges[j];
                if (e.from == f.from || e.from == f.to || e.to == f.from || e.to == f.to) continue;
                if (segmentsCross(e.points[0], e.points[1], f.points[0], f.points[1])) ++expected;
            }
        QVERIFY(expected > 10000);
        QCOMPARE(countEdgeCrossings(edges), expected);
    }

    // A flat drawing (a chain dot drew in one rank): 2000 long edges of up to a million points
    // on a band one point high, as polylines of two segments, counted as every pair tested
    // counts them. Sized by its area the grid had ~30 000 columns and ~2.7e7 pieces; now the
    // longer side caps it. An edge with an infinite or NaN point is left out, not a crash.
    void edgeCrossingsOfAFlatDrawing() {
        uint32_t state = 99;
        auto next = [&state](uint32_t n) { return (state = state * 1664525u + 1013904223u) % n; };
        std::vector<CrossingEdge> edges;
        for (uint32_t k = 0; k < 2000; ++k) {
            const PointF a{double(next(1000000)), next(2) * 1.0};
            const PointF b{double(next(1000000)), next(2) * 1.0};
            const PointF mid{(a.x + b.x) / 2, 0.5};
            edges.push_back({2 * k, 2 * k + 1, {a, mid, b}});
        }
        long expected = 0;
        for (size_t i = 0; i < edges.size(); ++i)
            for (size_t j = i + 1; j < edges.size(); ++j)
                for (size_t a = 1; a < 3; ++a)
                    for (size_t b = 1; b < 3; ++b)
                        if (segmentsCross(edges[i].points[a - 1], edges[i].points[a],
                                          edges[j].points[b - 1], edges[j].points[b]))
                            ++expected;
        QVERIFY(expected > 1000);
        QCOMPARE(countEdgeCrossings(edges), expected);
        const double inf = std::numeric_limits<double>::infinity();
        edges.push_back({9000, 9001, {{0, 0}, {inf, 1}}});
        edges.push_back({9002, 9003, {{std::nan(""), 0}, {5, 1}}});
        QCOMPARE(countEdgeCrossings(edges), expected);
    }

    // A straight Bézier (control points on the chord, as straightEdge() draws edges) is one
    // segment; a curved one, or one whose control point lies on the line beyond the chord, is
    // eight.
    void straightBezierFlattensToItsChord() {
        QCOMPARE(flattenBezier({{0, 0}, {10, 5}, {20, 10}, {30, 15}}).size(), size_t(2));
        QCOMPARE(flattenBezier({{0, 0}, {10, 20}, {20, -20}, {30, 0}}).size(), size_t(9));
        QCOMPARE(flattenBezier({{0, 0}, {40, 0}, {20, 0}, {30, 0}}).size(), size_t(9));
        QCOMPARE(
            flattenBezier({{0, 0}, {10, 0}, {20, 0}, {30, 0}, {30, 10}, {30, 20}, {30, 30}}).size(),
            size_t(3));
    }

    // The crossed 100-point square in one group. All four nodes have one crossing; a goes
    // first (ties by index). Its barycentre is d's centre (taken); halfway, (50, 50), is free
    // (8 points clear of every box), and a's edge then starts at a's border (55, 55), past the
    // point where b->c crosses the diagonal: no crossing left.
    void moveRemovesACrossing() {
        Square s = crossedSquare(100, 100);
        QCOMPARE(straightCrossings(s.graph, s.nodes), 1L);
        const auto stats = detail::reduceCrossings(s.graph, s.nodes, {{s.a, s.b, s.c, s.d}});
        QCOMPARE(stats.before, 1L);
        QCOMPARE(stats.after, 0L);
        QCOMPARE(stats.movesKept, 1);
        QCOMPARE(stats.swapsKept, 0);
        QCOMPARE(s.nodes[s.a].x, 50.0);
        QCOMPARE(s.nodes[s.a].y, 50.0);
        QCOMPARE(s.nodes[s.b].x, 100.0); // the others stay
        QCOMPARE(s.nodes[s.c].y, 100.0);
        QCOMPARE(s.nodes[s.d].x, 100.0);
    }

    // A tight 30x20 square (10 points between boxes): no spot on a's way to d is 8 points
    // clear of b. The nodes of a's group nearest d's centre are d (swapping an edge's two
    // ends keeps the crossing) and b: a and b trade places, both diagonals become sides.
    void swapRemovesACrossing() {
        Square s = crossedSquare(30, 20);
        const auto stats = detail::reduceCrossings(s.graph, s.nodes, {{s.a, s.b, s.c, s.d}});
        QCOMPARE(stats.before, 1L);
        QCOMPARE(stats.after, 0L);
        QCOMPARE(stats.swapsKept, 1);
        QCOMPARE(stats.movesKept, 0);
        QCOMPARE(s.nodes[s.a].x, 30.0);
        QCOMPARE(s.nodes[s.a].y, 0.0);
        QCOMPARE(s.nodes[s.b].x, 0.0);
        QCOMPARE(s.nodes[s.c].x, 0.0);
        QCOMPARE(s.nodes[s.d].x, 30.0);
        QCOMPARE(straightCrossings(s.graph, s.nodes), 0L);
    }

    // The tight square with groups {a, d} and {b, c}: the swaps that uncross it pair nodes of
    // different groups, the ones inside a group swap an edge's ends, and no spot is free.
    void swapsStayInsideGroups() {
        Square s = crossedSquare(30, 20);
        const std::vector<NodeBox> start = s.nodes;
        const auto stats = detail::reduceCrossings(s.graph, s.nodes, {{s.a, s.d}, {s.b, s.c}});
        QCOMPARE(stats.after, 1L);
        QCOMPARE(stats.swapsKept + stats.movesKept, 0);
        for (size_t i = 0; i < start.size(); ++i)
            QVERIFY(s.nodes[i].x == start[i].x && s.nodes[i].y == start[i].y);
    }

    // The tight square with a 24 points wide (x -12..12) in a group with b and g (far right,
    // (100, 0)); c and d alone. At b's place a spans x 18..42, 8 points clear of everything:
    // a and b swap and the crossing goes. With a member e at (58, 0) (x 48..68) that place is
    // taken; so is e's (a would touch b), and b swapping with e keeps the crossing (hand-drawn:
    // the diagonals still meet at (19.75, 13.2)), so nothing moves.
    void swapNeverOverlapsBoxes() {
        for (bool blocked : {false, true}) {
            Square s = crossedSquare(30, 20);
            s.nodes[s.a].width = 24;
            const uint32_t g = s.graph.addNode("g", NodeKind::Service);
            s.nodes.push_back({100, 0, 20, 10});
            std::vector<uint32_t> group{s.a, s.b, g};
            if (blocked) {
                group.push_back(s.graph.addNode("e", NodeKind::Service));
                s.nodes.push_back({58, 0, 20, 10});
            }
            const auto stats = detail::reduceCrossings(s.graph, s.nodes, {group, {s.c}, {s.d}});
            QCOMPARE(stats.after, blocked ? 1L : 0L);
            QCOMPARE(s.nodes[s.a].x, blocked ? 0.0 : 30.0);
            for (size_t i = 0; i < s.nodes.size(); ++i)
                for (size_t j = i + 1; j < s.nodes.size(); ++j)
                    QVERIFY(!s.nodes[i].rect().intersects(s.nodes[j].rect()));
        }
    }

    // Boxes 20x10 on the corners of a 10 000 000-point square: the grids are sized by the
    // number of nodes and edges, not by the extent in box widths (that would be 2.5e11 cells),
    // and the move is the same as at 100 points: a goes halfway, the crossing goes.
    void farApartNodes() {
        Square s = crossedSquare(1e7, 1e7);
        const auto stats = detail::reduceCrossings(s.graph, s.nodes, {{s.a, s.b, s.c, s.d}});
        QCOMPARE(stats.after, 0L);
        QCOMPARE(s.nodes[s.a].x, 5e6);
        QCOMPARE(s.nodes[s.a].y, 5e6);
    }

    // Free nodes (no group) never move into a keep-out rectangle. Without one, a moves halfway
    // to d as in moveRemovesACrossing. A keep-out box over x 40..60, y 40..60 blocks that
    // spot; a quarter of the way, (25, 25), is free but still on the diagonal the other edge
    // crosses, and the same holds for b, c and d: the crossing stays.
    void freeNodesKeepOutOfGroupBoxes() {
        for (bool keepOut : {false, true}) {
            Square s = crossedSquare(100, 100);
            std::vector<RectF> rects;
            if (keepOut) rects.push_back({40, 40, 20, 20});
            const auto stats = detail::reduceCrossings(s.graph, s.nodes, {}, rects);
            QCOMPARE(stats.after, keepOut ? 1L : 0L);
            QCOMPARE(s.nodes[s.a].x, keepOut ? 0.0 : 50.0);
            for (const NodeBox& n : s.nodes)
                QVERIFY(!keepOut || !n.rect().intersects(rects[0]));
        }
    }

    // A group of four in a row at x = 0, 10, 20, 100 (boxes 20 wide), plus a node outside it.
    // The box starts at the members' mean, (0 + 10 + 20 + 100) / 4 = 32.5 and
    // (0 + 4 + 8 + 0) / 4 = 3, not at the centre of their bounding box (x -10..110: 50).
    void groupStartsAtMembersMean() {
        const std::vector<NodeBox> nodes{
            {0, 0, 20, 10}, {10, 4, 20, 10}, {500, 500, 20, 10}, {20, 8, 20, 10}, {100, 0, 20, 10}};
        const PointF start = detail::groupStart(nodes, {0, 1, 3, 4});
        QCOMPARE(start.x, 32.5);
        QCOMPARE(start.y, 3.0);
        QCOMPARE(detail::groupStart(nodes, {2}).x, 500.0);
        QCOMPARE(detail::groupStart(nodes, {}).x, 0.0);
    }

    // A group box over x 0..100, y 0..40 (grown by the gap of 8: -8..108, -8..48) holds a at
    // (50, 20). u and v, 20x10, have only a as neighbour; w has no neighbour and starts inside
    // the box at (10, 10). Spots lie on a 16-point grid around the target. u: the nearest spots
    // clear of the box are three steps up, (50, -28), and down, (50, 68), equally far; up is
    // searched first (left or right takes five steps). v: up is u's now, so down. w: from its
    // own centre, two steps up, (10, -22), clear of the box and of u.
    void freeNodesPlacedNearNeighbours() {
        std::vector<NodeBox> nodes{
            {50, 20, 20, 10}, {1000, 1000, 20, 10}, {-1000, 1000, 20, 10}, {10, 10, 20, 10}};
        const std::vector<std::vector<uint32_t>> neighbours{{1, 2}, {0}, {0}, {}};
        const std::vector<RectF> boxes{{0, 0, 100, 40}};
        detail::placeNearNeighbours(nodes, {1, 2, 3}, neighbours, boxes, 8, 16);
        QCOMPARE(nodes[0].x, 50.0); // not movable
        QCOMPARE(nodes[1].x, 50.0);
        QCOMPARE(nodes[1].y, -28.0);
        QCOMPARE(nodes[2].x, 50.0);
        QCOMPARE(nodes[2].y, 68.0);
        QCOMPARE(nodes[3].x, 10.0);
        QCOMPARE(nodes[3].y, -22.0);
        const RectF grownBox{-8, -8, 116, 56};
        for (size_t i = 1; i < nodes.size(); ++i) {
            const RectF r = nodes[i].rect();
            QVERIFY(!grownBox.intersects(r));
            const RectF clear{r.x - 8, r.y - 8, r.width + 16, r.height + 16};
            for (size_t j = i + 1; j < nodes.size(); ++j)
                QVERIFY(!clear.intersects(nodes[j].rect()));
        }
    }

    void emptyGraph() {
        auto result = layoutGraph(ServiceGraph{}, {});
        QVERIFY(result.ok());
        QVERIFY(result.value().nodes.empty());
        QCOMPARE(result.value().width, 0.0);
    }

    void workerSerialisesConcurrentSubmits() {
        LayoutWorker& worker = LayoutWorker::instance();
        const size_t before = worker.completedJobs();
        constexpr int kThreads = 4, kJobsPerThread = 3;
        std::vector<std::thread> threads;
        std::atomic<int> ok{0};
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                std::vector<std::future<Result<LayoutGeometry>>> futures;
                for (int j = 0; j < kJobsPerThread; ++j) {
                    LayoutOptions options;
                    options.grouping = (t + j) % 2 ? LayoutOptions::Grouping::Namespace
                                                   : LayoutOptions::Grouping::None;
                    futures.push_back(
                        worker.submit(j == 1 ? generatedGraph(30 + t) : fiveNodeGraph(), options));
                }
                for (auto& f : futures)
                    if (auto r = f.get(); r.ok() && !r.value().nodes.empty()) ++ok;
            });
        for (auto& th : threads)
            th.join();
        QCOMPARE(ok.load(), kThreads * kJobsPerThread);
        QCOMPARE(worker.completedJobs() - before, size_t(kThreads * kJobsPerThread));
    }

    void privateWorkerCancelsOnShutdown() {
        std::vector<std::future<Result<LayoutGeometry>>> futures;
        {
            LayoutWorker worker;
            for (int i = 0; i < 5; ++i)
                futures.push_back(worker.submit(generatedGraph(60), {}));
        }
        // Every future resolves: done, or cancelled by the shutdown.
        for (auto& f : futures) {
            auto r = f.get();
            QVERIFY(r.ok() || r.error().code == ErrorCode::Cancelled);
        }
    }

    void captions() {
        ServiceGraph g = fiveNodeGraph();
        QCOMPARE(nodeSubtitle(g.nodes[0], g.buckets), std::string("100 rps \xC2\xB7 0.1% err"));
        QCOMPARE(nodeSubtitle(g.nodes[2], g.buckets), std::string("10 rps \xC2\xB7 10% err"));
        QCOMPARE(edgeCaption(g.edges[2], g.buckets), std::string("40 rps"));
        g.buckets.count = 0;
        QCOMPARE(edgeCaption(g.edges[2], g.buckets), std::string("2.4k calls"));
        QCOMPARE(nodeSubtitle(g.nodes[3], g.buckets), std::string());
        QVERIFY(estimateTextWidth("W", 12, false) > 2 * estimateTextWidth("i", 12, false));
    }

    void dotTextAcceptedByDot() {
        ServiceGraph g = fiveNodeGraph();
        // Names that need quoting and escaping.
        const uint32_t odd = g.addNode("we\"ird \\ name\nx", NodeKind::External);
        const uint32_t uni = g.addNode("zahlungs-dienst-\xC3\xBC", NodeKind::Service);
        g.addNode("graph", NodeKind::Service);
        g.addNode("bad-\xFF-utf8\\", NodeKind::Service);
        g.edgeIndex(0, odd, true);
        g.edgeIndex(odd, uni, false);
        const std::string plain = toDot(g);
        QVERIFY(plain.find("digraph") == 0);
        QVERIFY(plain.find("subgraph \"cluster_shop\"") != std::string::npos);
        auto layout = layoutGraph(g, {});
        QVERIFY(layout.ok());
        const std::string placed = toDot(g, &layout.value());
        QVERIFY(placed.find("pos=") != std::string::npos);

        if (!QFile::exists("/usr/bin/dot")) QSKIP("/usr/bin/dot not installed");
        for (const std::string& text : {plain, placed}) {
            QProcess dot;
            dot.start("/usr/bin/dot", {"-Tplain"});
            QVERIFY(dot.waitForStarted());
            dot.write(text.data(), qint64(text.size()));
            dot.closeWriteChannel();
            QVERIFY(dot.waitForFinished(30000));
            const QByteArray err = dot.readAllStandardError();
            QVERIFY2(dot.exitCode() == 0, err.constData());
            QVERIFY2(!err.contains("syntax error"), err.constData());
            const QByteArray out = dot.readAllStandardOutput();
            QCOMPARE(out.count("\nnode "), qsizetype(g.nodes.size()));
            QCOMPARE(out.count("\nedge "), qsizetype(g.edges.size()));
        }
    }
};

QTEST_GUILESS_MAIN(GraphLayoutTest)
#include "graph_layout_test.moc"
