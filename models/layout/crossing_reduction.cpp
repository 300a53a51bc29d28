#include "models/layout/crossing_reduction.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <span>

#include "models/layout/edge_crossings.h"
#include "models/layout/graphviz_pass.h"

namespace tg::model::detail {

namespace {

// A line with its bounding box first: most candidates a lookup meets are rejected by the box
// alone, so that is the part read first. A segment with no line has an empty box.
struct Segment {
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    PointF a, b;
    bool valid = false; // self-loops and coincident boxes have no line
};

Segment lineFrom(PointF a, PointF b) {
    return {
        std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), a, b, true};
}

// The line straightEdge() draws from one box to another: from the source's border to the
// arrow tip (centre to centre when the boxes touch).
Segment segmentBetween(const NodeBox& from, const NodeBox& to) {
    const EdgePath path = straightEdge(from, to);
    if (path.points.empty()) return {};
    return lineFrom(path.points.front(), path.hasArrow ? path.arrowTip : path.points.back());
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
    // Cells a segment passes through, each once: column by column, the rows between the
    // segment's heights at the column's sides. The sides are widened and the heights padded by
    // a hair, so rounding never leaves out a cell where the segment could cross another (two
    // crossing segments always share the cell of their crossing point). Walking the columns
    // lists fewer cells than covering cell-long pieces with their bounding boxes did, and needs
    // no sort (the order of a lookup's cells changes no count).
    void segmentCells(const Segment& s, std::vector<size_t>& out) const {
        out.clear();
        if (!s.valid) return;
        const bool forward = s.a.x <= s.b.x;
        const PointF p = forward ? s.a : s.b, q = forward ? s.b : s.a;
        const double hair = m_cell * 1e-9;
        const double slope = q.x - p.x > 0 ? (q.y - p.y) / (q.x - p.x) : 0;
        const int64_t c0 = col(p.x), c1 = col(q.x);
        for (int64_t c = c0; c <= c1; ++c) {
            const double xl = std::max(p.x, m_x0 + double(c) * m_cell - hair);
            const double xr = std::min(q.x, m_x0 + double(c + 1) * m_cell + hair);
            const double yl = c == c0 ? p.y : p.y + (xl - p.x) * slope;
            const double yr = c == c1 ? q.y : p.y + (xr - p.x) * slope;
            const int64_t r0 = row(std::min(yl, yr) - hair), r1 = row(std::max(yl, yr) + hair);
            for (int64_t r = r0; r <= r1; ++r)
                out.push_back(size_t(r * m_cols + c));
        }
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
        // About one edge per cell (was four): smaller cells bring fewer far-off candidates per
        // lookup (post-pass at 3000 nodes: 11 % fewer instructions); cells a quarter as large
        // again saved only 4 % more.
        double cell = std::sqrt(area / edges);
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

    // Where t's ends lie against the line through s: -1 clearly on one side (then the two
    // cannot cross), +1 clearly on both sides, 0 too close to tell. "Clearly" is by a margin of
    // 1e-6 of the sizes involved, far beyond what rounding could change and far inside the
    // 1e-9 that segmentsCross() leaves at the ends, so where both tests are clear they agree
    // with it, and only the unclear pairs pay for its call and two divisions.
    static int sides(const Segment& s, const Segment& t) {
        const double dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
        const double c1 = dx * (t.a.y - s.a.y) - dy * (t.a.x - s.a.x);
        const double c2 = dx * (t.b.y - s.a.y) - dy * (t.b.x - s.a.x);
        const double margin = 1e-6 * (std::abs(dx) + std::abs(dy)) *
                              (std::abs(t.b.x - t.a.x) + std::abs(t.b.y - t.a.y) +
                               std::abs(t.a.x - s.a.x) + std::abs(t.a.y - s.a.y));
        if ((c1 > margin && c2 > margin) || (c1 < -margin && c2 < -margin)) return -1;
        const bool apart = (c1 > margin && c2 < -margin) || (c1 < -margin && c2 > margin);
        return apart && margin > 1e-9 ? 1 : 0;
    }

    static bool crosses(const Segment& s, const Segment& t) {
        // Most candidates from the grid are far apart: reject by bounding boxes first (an
        // empty box, a segment with no line, fails this too).
        if (s.x1 < t.x0 || t.x1 < s.x0 || s.y1 < t.y0 || t.y1 < s.y0) return false;
        const int st = sides(s, t);
        if (st < 0) return false;
        const int ts = sides(t, s);
        if (ts < 0) return false;
        return (st > 0 && ts > 0) || segmentsCross(s.a, s.b, t.a, t.b);
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
    // what was found: used when a move is kept (-1 with the old lines, +1 with the new). With
    // adjust = 0 the count stops as soon as it reaches `enough` (the move is then rejected
    // whatever the rest would add); the lookups are charged in full either way, so the pass
    // makes the same choices for the same budget.
    long tally(const std::vector<uint32_t>& moved, const std::vector<Segment>& lines, int adjust,
               long enough = LONG_MAX) {
        std::vector<long>& own = m_own;
        own.assign(moved.size(), 0);
        m_stats.work += long(moved.size());
        long count = 0;
        std::vector<size_t>& cells = m_scratchCells;
        for (size_t i = 0; i < moved.size(); ++i) {
            const uint32_t e = moved[i];
            ++m_markToken;
            for (uint32_t m : moved) // met as marked: one test per candidate instead of two
                m_mark[m] = m_markToken;
            m_edges.segmentCells(lines[i], cells);
            for (size_t cell : cells)
                for (uint32_t f : m_edges.at(cell)) {
                    if (m_mark[f] == m_markToken) continue;
                    m_mark[f] = m_markToken;
                    if (!crosses(lines[i], m_segments[f]) || shareNode(e, f)) continue;
                    ++own[i];
                    m_count[f] += adjust;
                }
            count += own[i];
            if (adjust == 0 && count >= enough) return count;
        }
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
    void edgesOf(std::span<const uint32_t> nodes, std::vector<uint32_t>& out) {
        ++m_token;
        out.clear();
        for (uint32_t n : nodes)
            for (uint32_t e : m_incident[n])
                if (m_inMove[e] != m_token) m_inMove[e] = m_token, out.push_back(e);
        std::sort(out.begin(), out.end());
    }

    // Moves nodes to new centres if that lowers the crossings of their edges; true if kept.
    bool tryMove(std::span<const uint32_t> nodes, std::span<const PointF> centres) {
        std::vector<uint32_t>& edges = m_moveEdges;
        edgesOf(nodes, edges);
        if (edges.empty()) return false;
        std::vector<Segment>& oldLines = m_oldLines;
        oldLines.clear();
        for (uint32_t e : edges)
            oldLines.push_back(m_segments[e]);
        long before = -crossingsAmong(edges, oldLines, nullptr); // counted twice below
        for (uint32_t e : edges)
            before += m_count[e];
        std::vector<PointF>& old = m_oldCentres;
        old.clear();
        for (size_t i = 0; i < nodes.size(); ++i) {
            old.push_back({m_nodes[nodes[i]].x, m_nodes[nodes[i]].y});
            m_nodes[nodes[i]].x = centres[i].x, m_nodes[nodes[i]].y = centres[i].y;
        }
        std::vector<Segment>& lines = m_newLines;
        lines.clear();
        for (uint32_t e : edges)
            lines.push_back(segmentOf(e));
        const long after = tally(edges, lines, 0, before);
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
            const uint32_t one[] = {u};
            const PointF to[] = {p};
            if (freeAt(u, p) && tryMove(one, to)) {
                ++m_stats.movesKept;
                break;
            }
        }
        for (uint32_t v : partners) {
            if (!withinBudget()) return;
            if (!fitsAt(u, v) || !fitsAt(v, u)) continue;
            const NodeBox& b = m_nodes[v];
            const uint32_t pair[] = {u, v};
            const PointF to[] = {{b.x, b.y}, {a.x, a.y}};
            if (tryMove(pair, to)) ++m_stats.swapsKept;
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
    std::vector<long> m_own;                     // tally(): crossings per moved edge
    std::vector<uint32_t> m_moveEdges;           // tryMove(): the edges it moves,
    std::vector<Segment> m_oldLines, m_newLines; // their lines before and after,
    std::vector<PointF> m_oldCentres;            // and the nodes' centres before
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
