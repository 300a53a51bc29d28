#include "models/layout/crossing_reduction.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "models/layout/edge_crossings.h"
#include "models/layout/graphviz_pass.h"

namespace tg::model::detail {

namespace {

struct Segment {
    PointF a, b;
    bool valid = false; // self-loops and coincident boxes have no line
};

// The line straightEdge() draws from one box to another: from the source's border to the
// arrow tip (centre to centre when the boxes touch).
Segment segmentBetween(const NodeBox& from, const NodeBox& to) {
    const EdgePath path = straightEdge(from, to);
    if (path.points.empty()) return {};
    return {path.points.front(), path.hasArrow ? path.arrowTip : path.points.back(), true};
}

// A uniform grid over the drawing. Each cell lists the items (edges or nodes) that touch it.
class Grid {
public:
    Grid(double x0, double y0, double x1, double y1, double cell)
        : m_x0(x0), m_y0(y0), m_cell(std::max(cell, 1e-3)), m_cols(int64_t((x1 - x0) / m_cell) + 1),
          m_rows(int64_t((y1 - y0) / m_cell) + 1), m_cells(size_t(m_cols * m_rows)) {}

    // Cells a rectangle touches (clamped to the grid).
    template <typename F> void forCells(double x0, double y0, double x1, double y1, F f) const {
        const int64_t c0 = col(x0), c1 = col(x1), r0 = row(y0), r1 = row(y1);
        for (int64_t r = r0; r <= r1; ++r)
            for (int64_t c = c0; c <= c1; ++c)
                f(size_t(r * m_cols + c));
    }
    // Cells a segment passes through (cut into pieces no longer than a cell; sorted, unique).
    void segmentCells(const Segment& s, std::vector<size_t>& out) const {
        out.clear();
        if (!s.valid) return;
        const double len = std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
        const int parts = std::max(1, int(std::ceil(len / m_cell)));
        for (int k = 0; k < parts; ++k) {
            const double f0 = double(k) / parts, f1 = double(k + 1) / parts;
            const double xa = s.a.x + (s.b.x - s.a.x) * f0, xb = s.a.x + (s.b.x - s.a.x) * f1;
            const double ya = s.a.y + (s.b.y - s.a.y) * f0, yb = s.a.y + (s.b.y - s.a.y) * f1;
            forCells(std::min(xa, xb), std::min(ya, yb), std::max(xa, xb), std::max(ya, yb),
                     [&](size_t cell) { out.push_back(cell); });
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    std::vector<uint32_t>& at(size_t cell) { return m_cells[cell]; }
    const std::vector<uint32_t>& at(size_t cell) const { return m_cells[cell]; }
    void erase(size_t cell, uint32_t item) {
        auto& list = m_cells[cell];
        if (auto it = std::find(list.begin(), list.end(), item); it != list.end()) list.erase(it);
    }

private:
    int64_t col(double x) const {
        return std::clamp(int64_t((x - m_x0) / m_cell), int64_t(0), m_cols - 1);
    }
    int64_t row(double y) const {
        return std::clamp(int64_t((y - m_y0) / m_cell), int64_t(0), m_rows - 1);
    }

    double m_x0, m_y0, m_cell;
    int64_t m_cols, m_rows;
    std::vector<std::vector<uint32_t>> m_cells;
};

RectF inflated(const RectF& r, double by) {
    return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

RectF boxAt(const NodeBox& size, double x, double y) {
    return {x - size.width / 2, y - size.height / 2, size.width, size.height};
}

// The pass's state: node boxes, edge segments indexed in a grid, nodes indexed in another.
class Reducer {
public:
    Reducer(const ServiceGraph& graph, std::vector<NodeBox>& nodes,
            const std::vector<std::vector<uint32_t>>& groups, const std::vector<RectF>& keepOut,
            const CrossingReductionOptions& options)
        : m_graph(graph), m_nodes(nodes), m_groups(groups), m_keepOut(keepOut), m_options(options),
          m_setOf(nodes.size(), -1), m_incident(nodes.size()), m_ends(graph.edges.size()),
          m_segments(graph.edges.size()), m_edgeCells(graph.edges.size()),
          m_count(graph.edges.size(), 0), m_mark(graph.edges.size(), 0),
          m_inMove(graph.edges.size(), 0), m_edges(makeEdgeGrid()), m_nodeGrid(makeNodeGrid()) {
        for (size_t g = 0; g < groups.size(); ++g)
            for (uint32_t m : groups[g])
                m_setOf[m] = int(g);
        for (uint32_t e = 0; e < graph.edges.size(); ++e) {
            const GraphEdge& edge = graph.edges[e];
            m_ends[e] = {edge.source, edge.target};
            if (edge.source == edge.target) continue;
            m_incident[edge.source].push_back(e);
            m_incident[edge.target].push_back(e);
            m_segments[e] = segmentOf(e);
            m_edges.segmentCells(m_segments[e], m_edgeCells[e]);
            for (size_t cell : m_edgeCells[e])
                m_edges.at(cell).push_back(e);
        }
        for (uint32_t n = 0; n < nodes.size(); ++n)
            addNode(n);
        for (const auto& members : groups)
            m_inner.push_back(coverOf(members));
        m_everything = coverOf({});
    }

    CrossingReductionStats run() {
        m_stats.before = countAll();
        m_stats.after = m_stats.before;
        for (int round = 0; round < 4 && withinBudget(); ++round) {
            const int kept = m_stats.swapsKept + m_stats.movesKept;
            for (uint32_t u : byCrossings()) {
                improve(u);
                if (!withinBudget()) break;
            }
            if (m_stats.swapsKept + m_stats.movesKept == kept) break;
        }
        return m_stats;
    }

private:
    Grid makeEdgeGrid() const {
        const RectF box = coverOf({});
        const double area = std::max(1.0, box.width * box.height);
        const double edges = double(std::max<size_t>(1, m_graph.edges.size()));
        double cell = std::sqrt(area / edges) * 2; // about a quarter cell per edge
        cell = std::max({cell, box.width / edges, box.height / edges}); // thin drawings too
        return Grid(box.x, box.y, box.right(), box.bottom(), cell);
    }

    // Cells as large as the largest box, but never more than about four cells per node: a
    // sparse drawing (far-apart components) must not allocate an enormous grid.
    Grid makeNodeGrid() const {
        const RectF box = coverOf({});
        double cell = 1;
        for (const NodeBox& n : m_nodes)
            cell = std::max({cell, n.width, n.height});
        const double cells = double(std::max<size_t>(1, m_nodes.size())) * 4;
        cell = std::max(cell, std::sqrt(std::max(1.0, box.width * box.height) / cells));
        cell = std::max({cell, box.width / cells, box.height / cells});
        return Grid(box.x, box.y, box.right(), box.bottom(), cell);
    }

    // The rectangle the given nodes' boxes cover (every node's when `members` is empty).
    RectF coverOf(const std::vector<uint32_t>& members) const {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        auto cover = [&](const NodeBox& n) {
            const RectF r = n.rect();
            x0 = std::min(x0, r.x), y0 = std::min(y0, r.y);
            x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
        };
        if (members.empty())
            for (const NodeBox& n : m_nodes)
                cover(n);
        for (uint32_t m : members)
            cover(m_nodes[m]);
        if (x0 > x1) return {};
        return {x0, y0, x1 - x0, y1 - y0};
    }

    Segment segmentOf(uint32_t e) const {
        const GraphEdge& edge = m_graph.edges[e];
        if (edge.source == edge.target) return {};
        return segmentBetween(m_nodes[edge.source], m_nodes[edge.target]);
    }

    bool shareNode(uint32_t e, uint32_t f) const {
        const auto [a0, a1] = m_ends[e];
        const auto [b0, b1] = m_ends[f];
        return a0 == b0 || a0 == b1 || a1 == b0 || a1 == b1;
    }

    static bool crosses(const Segment& s, const Segment& t) {
        // Most candidates from the grid are far apart: reject by bounding boxes first.
        if (!s.valid || !t.valid || std::max(s.a.x, s.b.x) < std::min(t.a.x, t.b.x) ||
            std::max(t.a.x, t.b.x) < std::min(s.a.x, s.b.x) ||
            std::max(s.a.y, s.b.y) < std::min(t.a.y, t.b.y) ||
            std::max(t.a.y, t.b.y) < std::min(s.a.y, s.b.y))
            return false;
        return segmentsCross(s.a, s.b, t.a, t.b);
    }

    bool withinBudget() const { return m_stats.work < m_options.workBudget; }

    // Fills m_count for every edge; returns the drawing's crossings.
    long countAll() {
        long twice = 0;
        std::vector<size_t>& cells = m_scratchCells;
        for (uint32_t e = 0; e < m_segments.size(); ++e) {
            ++m_markToken;
            m_edges.segmentCells(m_segments[e], cells);
            for (size_t cell : cells)
                for (uint32_t f : m_edges.at(cell)) {
                    if (f == e || m_mark[f] == m_markToken) continue;
                    m_mark[f] = m_markToken;
                    if (crosses(m_segments[e], m_segments[f]) && !shareNode(e, f)) ++m_count[e];
                }
            twice += m_count[e];
        }
        m_stats.work += long(m_segments.size());
        return twice / 2;
    }

    // Crossings involving the edges `moved` (their lines in `lines`, same order): against every
    // other edge (found through the grid, which must not list `moved` under other lines than
    // the ones m_segments holds), and among themselves once. With adjust = +1 or -1 the
    // crossing counts of the partners change by that much and those of `moved` are set (+1) to
    // what was found: used when a move is kept (-1 with the old lines, +1 with the new).
    long tally(const std::vector<uint32_t>& moved, const std::vector<Segment>& lines, int adjust) {
        ++m_token;
        for (uint32_t e : moved)
            m_inMove[e] = m_token;
        std::vector<long> own(moved.size(), 0);
        long count = 0;
        std::vector<size_t>& cells = m_scratchCells;
        for (size_t i = 0; i < moved.size(); ++i) {
            const uint32_t e = moved[i];
            ++m_markToken;
            m_edges.segmentCells(lines[i], cells);
            for (size_t cell : cells)
                for (uint32_t f : m_edges.at(cell)) {
                    if (m_mark[f] == m_markToken || m_inMove[f] == m_token) continue;
                    m_mark[f] = m_markToken;
                    if (!crosses(lines[i], m_segments[f]) || shareNode(e, f)) continue;
                    ++own[i];
                    m_count[f] += adjust;
                }
            count += own[i];
        }
        m_stats.work += long(moved.size());
        const long within = crossingsAmong(moved, lines, &own);
        if (adjust > 0)
            for (size_t i = 0; i < moved.size(); ++i)
                m_count[moved[i]] = own[i];
        return count + within;
    }

    // Crossings among the edges `moved` themselves (each pair once); adds them to `own`.
    long crossingsAmong(const std::vector<uint32_t>& moved, const std::vector<Segment>& lines,
                        std::vector<long>* own) const {
        long count = 0;
        for (size_t i = 0; i < moved.size(); ++i)
            for (size_t j = i + 1; j < moved.size(); ++j)
                if (!shareNode(moved[i], moved[j]) && crosses(lines[i], lines[j])) {
                    ++count;
                    if (own) ++(*own)[i], ++(*own)[j];
                }
        return count;
    }

    // Nodes with crossing edges, most crossings first (ties: lower index first).
    std::vector<uint32_t> byCrossings() const {
        std::vector<std::pair<long, uint32_t>> order;
        for (uint32_t n = 0; n < m_nodes.size(); ++n) {
            long sum = 0;
            for (uint32_t e : m_incident[n])
                sum += m_count[e];
            if (sum > 0) order.emplace_back(-sum, n);
        }
        std::sort(order.begin(), order.end());
        std::vector<uint32_t> out;
        for (const auto& item : order)
            out.push_back(item.second);
        return out;
    }

    // Edges touching any of the nodes (each once).
    std::vector<uint32_t> edgesOf(const std::vector<uint32_t>& nodes) {
        ++m_token;
        std::vector<uint32_t> out;
        for (uint32_t n : nodes)
            for (uint32_t e : m_incident[n])
                if (m_inMove[e] != m_token) m_inMove[e] = m_token, out.push_back(e);
        std::sort(out.begin(), out.end());
        return out;
    }

    std::vector<Segment> currentLines(const std::vector<uint32_t>& edges) const {
        std::vector<Segment> out;
        for (uint32_t e : edges)
            out.push_back(m_segments[e]);
        return out;
    }

    // Moves nodes to new centres if that lowers the crossings of their edges; true if kept.
    bool tryMove(const std::vector<uint32_t>& nodes, const std::vector<PointF>& centres) {
        const std::vector<uint32_t> edges = edgesOf(nodes);
        if (edges.empty()) return false;
        const std::vector<Segment> oldLines = currentLines(edges);
        long before = -crossingsAmong(edges, oldLines, nullptr); // counted twice below
        for (uint32_t e : edges)
            before += m_count[e];
        std::vector<PointF> old;
        for (size_t i = 0; i < nodes.size(); ++i) {
            old.push_back({m_nodes[nodes[i]].x, m_nodes[nodes[i]].y});
            m_nodes[nodes[i]].x = centres[i].x, m_nodes[nodes[i]].y = centres[i].y;
        }
        std::vector<Segment> lines;
        for (uint32_t e : edges)
            lines.push_back(segmentOf(e));
        const long after = tally(edges, lines, 0);
        for (size_t i = 0; i < nodes.size(); ++i)
            m_nodes[nodes[i]].x = old[i].x, m_nodes[nodes[i]].y = old[i].y;
        if (after >= before) return false;
        tally(edges, oldLines, -1);
        m_stats.after -= before - after;
        for (uint32_t n : nodes)
            removeNode(n);
        for (size_t i = 0; i < nodes.size(); ++i)
            m_nodes[nodes[i]].x = centres[i].x, m_nodes[nodes[i]].y = centres[i].y;
        for (uint32_t n : nodes)
            addNode(n);
        for (size_t i = 0; i < edges.size(); ++i) {
            for (size_t cell : m_edgeCells[edges[i]])
                m_edges.erase(cell, edges[i]);
            m_segments[edges[i]] = lines[i];
            m_edges.segmentCells(lines[i], m_edgeCells[edges[i]]);
            for (size_t cell : m_edgeCells[edges[i]])
                m_edges.at(cell).push_back(edges[i]);
        }
        tally(edges, lines, +1);
        return true;
    }

    // The rectangle u's box must stay in: its group's, or all nodes' for a free node.
    RectF areaOf(uint32_t u) const {
        return m_setOf[u] >= 0 ? m_inner[size_t(m_setOf[u])] : m_everything;
    }

    // u's box centred at p: inside u's area, `gap` clear of every box but u's and `except`'s
    // (and, for a free node, of the keep-out rectangles).
    bool freeAt(uint32_t u, PointF p, uint32_t except = UINT32_MAX) const {
        const RectF box = boxAt(m_nodes[u], p.x, p.y);
        if (!areaOf(u).contains(box)) return false;
        const RectF clear = inflated(box, m_options.gap);
        if (m_setOf[u] < 0)
            for (const RectF& r : m_keepOut)
                if (clear.intersects(r)) return false;
        bool ok = true;
        m_nodeGrid.forCells(clear.x, clear.y, clear.right(), clear.bottom(), [&](size_t cell) {
            for (uint32_t w : m_nodeGrid.at(cell))
                if (w != u && w != except && clear.intersects(m_nodes[w].rect())) ok = false;
        });
        return ok;
    }

    // u's box fits at v's centre once v has taken u's place.
    bool fitsAt(uint32_t u, uint32_t v) const {
        const NodeBox& a = m_nodes[u];
        const NodeBox& b = m_nodes[v];
        if (a.width <= b.width && a.height <= b.height) return true; // inside v's old box
        return freeAt(u, {b.x, b.y}, v) &&
               !inflated(boxAt(a, b.x, b.y), m_options.gap).intersects(boxAt(b, a.x, a.y));
    }

    // Where u's neighbours pull it: the mean of their centres.
    PointF barycentre(uint32_t u) const {
        double x = 0, y = 0;
        for (uint32_t e : m_incident[u]) {
            const auto [s, t] = m_ends[e];
            const NodeBox& w = m_nodes[s == u ? t : s];
            x += w.x, y += w.y;
        }
        const double n = double(m_incident[u].size());
        return {x / n, y / n};
    }

    // u moves toward its neighbours' barycentre (kept inside its area): to a free spot all,
    // half or a quarter of the way there; then it tries to swap with the nodes of its set that
    // are nearest the barycentre.
    void improve(uint32_t u) {
        if (m_incident[u].empty()) return;
        const PointF pull = barycentre(u);
        const std::vector<uint32_t> partners = nearestInSet(u, pull, m_options.swapCandidates);
        const NodeBox& a = m_nodes[u];
        const RectF area = areaOf(u);
        auto within = [](double v, double lo, double hi) {
            return std::clamp(v, lo, std::max(lo, hi));
        };
        const PointF target{within(pull.x, area.x + a.width / 2, area.right() - a.width / 2),
                            within(pull.y, area.y + a.height / 2, area.bottom() - a.height / 2)};
        for (double part : {1.0, 0.5, 0.25}) {
            const PointF p{a.x + (target.x - a.x) * part, a.y + (target.y - a.y) * part};
            if (freeAt(u, p) && tryMove({u}, {p})) {
                ++m_stats.movesKept;
                break;
            }
        }
        for (uint32_t v : partners) {
            if (!withinBudget()) return;
            if (!fitsAt(u, v) || !fitsAt(v, u)) continue;
            const NodeBox& b = m_nodes[v];
            if (tryMove({u, v}, {{b.x, b.y}, {a.x, a.y}})) ++m_stats.swapsKept;
        }
    }

    // Up to `count` nodes of u's set (u excepted) nearest to `a` (ties by index).
    std::vector<uint32_t> nearestInSet(uint32_t u, PointF a, int count) const {
        std::vector<std::pair<double, uint32_t>> found;
        auto consider = [&](uint32_t v) {
            if (v != u && m_setOf[v] == m_setOf[u])
                found.emplace_back(std::hypot(m_nodes[v].x - a.x, m_nodes[v].y - a.y), v);
        };
        if (m_setOf[u] >= 0) {
            for (uint32_t v : m_groups[size_t(m_setOf[u])])
                consider(v);
        } else {
            const double reach = 3 * std::max(m_nodes[u].width, m_nodes[u].height);
            m_nodeGrid.forCells(a.x - reach, a.y - reach, a.x + reach, a.y + reach,
                                [&](size_t cell) {
                                    for (uint32_t v : m_nodeGrid.at(cell))
                                        consider(v);
                                });
        }
        const size_t keep = std::min(found.size(), size_t(std::max(0, count)));
        std::partial_sort(found.begin(), found.begin() + long(keep), found.end());
        std::vector<uint32_t> out;
        for (size_t i = 0; i < keep; ++i)
            out.push_back(found[i].second);
        return out;
    }

    void addNode(uint32_t n) {
        const RectF r = m_nodes[n].rect();
        m_nodeGrid.forCells(r.x, r.y, r.right(), r.bottom(),
                            [&](size_t cell) { m_nodeGrid.at(cell).push_back(n); });
    }
    void removeNode(uint32_t n) {
        const RectF r = m_nodes[n].rect();
        m_nodeGrid.forCells(r.x, r.y, r.right(), r.bottom(),
                            [&](size_t cell) { m_nodeGrid.erase(cell, n); });
    }

    const ServiceGraph& m_graph;
    std::vector<NodeBox>& m_nodes;
    const std::vector<std::vector<uint32_t>>& m_groups;
    const std::vector<RectF>& m_keepOut;
    const CrossingReductionOptions& m_options;
    std::vector<int> m_setOf;                          // node → group index, -1 = free
    std::vector<std::vector<uint32_t>> m_incident;     // node → edges (self-loops left out)
    std::vector<std::pair<uint32_t, uint32_t>> m_ends; // edge → its nodes (compact)
    std::vector<Segment> m_segments;                   // edge → its current line
    std::vector<std::vector<size_t>> m_edgeCells;      // edge → grid cells it is listed in
    std::vector<long> m_count;                         // edge → crossings of its current line
    std::vector<uint32_t> m_mark, m_inMove;            // per-edge stamps (dedupe, membership)
    uint32_t m_markToken = 0, m_token = 0;
    std::vector<size_t> m_scratchCells;
    std::vector<RectF> m_inner; // per group: what its members covered before the pass
    RectF m_everything;         // what all nodes covered (the area free nodes may use)
    Grid m_edges, m_nodeGrid;
    CrossingReductionStats m_stats;
};

} // namespace

CrossingReductionStats reduceCrossings(const ServiceGraph& graph, std::vector<NodeBox>& nodes,
                                       const std::vector<std::vector<uint32_t>>& groups,
                                       const std::vector<RectF>& keepOut,
                                       const CrossingReductionOptions& options) {
    if (nodes.size() != graph.nodes.size() || graph.edges.empty()) return {};
    return Reducer(graph, nodes, groups, keepOut, options).run();
}

} // namespace tg::model::detail
