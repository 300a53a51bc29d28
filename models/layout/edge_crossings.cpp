#include "models/layout/edge_crossings.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tg::model {

namespace {

struct Segment {
    PointF a, b;
    uint32_t edge = 0;
};

// Proper intersection of two segments (touching ends and parallel overlaps do not count).
bool intersect(const Segment& s, const Segment& t, PointF& at) {
    const double dx1 = s.b.x - s.a.x, dy1 = s.b.y - s.a.y;
    const double dx2 = t.b.x - t.a.x, dy2 = t.b.y - t.a.y;
    const double den = dx1 * dy2 - dy1 * dx2;
    if (std::abs(den) < 1e-12) return false;
    const double u = ((t.a.x - s.a.x) * dy2 - (t.a.y - s.a.y) * dx2) / den;
    const double v = ((t.a.x - s.a.x) * dy1 - (t.a.y - s.a.y) * dx1) / den;
    constexpr double kEps = 1e-9;
    if (u <= kEps || u >= 1 - kEps || v <= kEps || v >= 1 - kEps) return false;
    at = {s.a.x + u * dx1, s.a.y + u * dy1};
    return true;
}

struct Bounds {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void cover(const PointF& p) {
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
};

// Cuts segments into pieces no longer than a cell, so each piece touches at most four cells.
std::vector<Segment> cellPieces(const std::vector<Segment>& segments, double cell) {
    std::vector<Segment> pieces;
    pieces.reserve(segments.size());
    for (const Segment& s : segments) {
        const double len = std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
        const int parts = std::max(1, int(std::ceil(len / cell)));
        for (int k = 0; k < parts; ++k) {
            const double f0 = double(k) / parts, f1 = double(k + 1) / parts;
            pieces.push_back({{s.a.x + (s.b.x - s.a.x) * f0, s.a.y + (s.b.y - s.a.y) * f0},
                              {s.a.x + (s.b.x - s.a.x) * f1, s.a.y + (s.b.y - s.a.y) * f1},
                              s.edge});
        }
    }
    return pieces;
}

} // namespace

bool segmentsCross(const PointF& a, const PointF& b, const PointF& c, const PointF& d) {
    PointF at;
    return intersect({a, b, 0}, {c, d, 0}, at);
}

long countEdgeCrossings(const std::vector<CrossingEdge>& edges) {
    std::vector<Segment> segments;
    Bounds box;
    for (uint32_t e = 0; e < edges.size(); ++e) {
        const std::vector<PointF>& p = edges[e].points;
        for (size_t i = 1; i < p.size(); ++i) {
            segments.push_back({p[i - 1], p[i], e});
            box.cover(p[i - 1]);
            box.cover(p[i]);
        }
    }
    if (segments.size() < 2) return 0;
    const double area = std::max(1.0, (box.x1 - box.x0) * (box.y1 - box.y0));
    const double cell = std::max(1e-6, std::sqrt(area / double(segments.size())) * 2);
    const std::vector<Segment> pieces = cellPieces(segments, cell);
    const int64_t cols = int64_t((box.x1 - box.x0) / cell) + 1;
    auto cellOf = [&](const PointF& p, int64_t& cx, int64_t& cy) {
        cx = int64_t((p.x - box.x0) / cell);
        cy = int64_t((p.y - box.y0) / cell);
    };
    std::unordered_map<int64_t, std::vector<uint32_t>> grid;
    for (uint32_t i = 0; i < pieces.size(); ++i) {
        int64_t ax, ay, bx, by;
        cellOf(pieces[i].a, ax, ay);
        cellOf(pieces[i].b, bx, by);
        for (int64_t cy = std::min(ay, by); cy <= std::max(ay, by); ++cy)
            for (int64_t cx = std::min(ax, bx); cx <= std::max(ax, bx); ++cx)
                grid[cy * cols + cx].push_back(i);
    }
    long crossings = 0;
    for (const auto& [key, list] : grid) {
        for (size_t i = 0; i < list.size(); ++i) {
            for (size_t j = i + 1; j < list.size(); ++j) {
                const Segment& s = pieces[list[i]];
                const Segment& t = pieces[list[j]];
                if (s.edge == t.edge) continue;
                const CrossingEdge& e1 = edges[s.edge];
                const CrossingEdge& e2 = edges[t.edge];
                if (e1.from == e2.from || e1.from == e2.to || e1.to == e2.from || e1.to == e2.to)
                    continue;
                PointF at;
                if (!intersect(s, t, at)) continue;
                // A crossing is seen from every cell both pieces share: count it in the one
                // cell that holds the crossing point.
                int64_t cx, cy;
                cellOf(at, cx, cy);
                if (cy * cols + cx == key) ++crossings;
            }
        }
    }
    return crossings;
}

std::vector<PointF> flattenBezier(const std::vector<PointF>& c) {
    std::vector<PointF> out;
    if (c.empty()) return out;
    out.push_back(c.front());
    for (size_t i = 1; i + 2 < c.size(); i += 3) {
        const PointF p0 = c[i - 1], p1 = c[i], p2 = c[i + 1], p3 = c[i + 2];
        for (int s = 1; s <= 8; ++s) {
            const double t = s / 8.0, v = 1 - t;
            const double a = v * v * v, b = 3 * v * v * t, d = 3 * v * t * t, e = t * t * t;
            out.push_back({a * p0.x + b * p1.x + d * p2.x + e * p3.x,
                           a * p0.y + b * p1.y + d * p2.y + e * p3.y});
        }
    }
    return out;
}

std::vector<CrossingEdge> layoutPolylines(const ServiceGraph& graph, const LayoutGeometry& geo) {
    std::vector<CrossingEdge> out;
    const size_t n = std::min(graph.edges.size(), geo.edges.size());
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        CrossingEdge edge{graph.edges[i].source, graph.edges[i].target,
                          flattenBezier(geo.edges[i].points)};
        if (geo.edges[i].hasArrow) edge.points.push_back(geo.edges[i].arrowTip);
        out.push_back(std::move(edge));
    }
    return out;
}

} // namespace tg::model
