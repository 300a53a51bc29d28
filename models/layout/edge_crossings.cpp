#include "models/layout/edge_crossings.h"

#include <algorithm>
#include <cmath>

namespace tg::model {

namespace {

struct Segment {
    PointF a, b;
    uint32_t edge = 0;
};

// Where two segments cross, as fractions u along s and v along t; false when they do not cross
// at a point inside both (touching ends, collinear overlaps and parallels do not count).
bool crossAt(const Segment& s, const Segment& t, double& u, double& v) {
    const double dx1 = s.b.x - s.a.x, dy1 = s.b.y - s.a.y;
    const double dx2 = t.b.x - t.a.x, dy2 = t.b.y - t.a.y;
    const double den = dx1 * dy2 - dy1 * dx2;
    if (std::abs(den) < 1e-12) return false;
    u = ((t.a.x - s.a.x) * dy2 - (t.a.y - s.a.y) * dx2) / den;
    v = ((t.a.x - s.a.x) * dy1 - (t.a.y - s.a.y) * dx1) / den;
    constexpr double kEps = 1e-9;
    return u > kEps && u < 1 - kEps && v > kEps && v < 1 - kEps;
}

struct Bounds {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void cover(const PointF& p) {
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
};

// A stretch [t0, t1) of a segment no longer than a grid cell, so its bounding box touches at
// most four cells. Crossings are tested on whole segments; a crossing belongs to the one piece
// of each segment whose stretch holds it, so it is counted once however many cells the two
// segments share. The box and the edge's endpoints sit inline for the counting loop.
struct Piece {
    uint32_t segment;
    uint32_t from, to; // the edge's endpoints
    double t0, t1;
    double x0, y0, x1, y1;
};

std::vector<Piece> cellPieces(const std::vector<Segment>& segments,
                              const std::vector<CrossingEdge>& edges, double cell) {
    std::vector<Piece> pieces;
    pieces.reserve(segments.size());
    for (uint32_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        const double len = std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
        const int parts = std::max(1, int(std::ceil(len / cell)));
        for (int k = 0; k < parts; ++k) {
            const double f0 = double(k) / parts, f1 = k + 1 == parts ? 1.0 : double(k + 1) / parts;
            const PointF a{s.a.x + (s.b.x - s.a.x) * f0, s.a.y + (s.b.y - s.a.y) * f0};
            const PointF b{s.a.x + (s.b.x - s.a.x) * f1, s.a.y + (s.b.y - s.a.y) * f1};
            pieces.push_back({i, edges[s.edge].from, edges[s.edge].to, f0,
                              k + 1 == parts ? 2.0 : f1, std::min(a.x, b.x), std::min(a.y, b.y),
                              std::max(a.x, b.x), std::max(a.y, b.y)});
        }
    }
    return pieces;
}

bool finite(const PointF& p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

// Whether control point c lies on the chord a-b (within a millionth of a point): Béziers drawn
// as straight lines (straightEdge, Graphviz's splines=line) count as one segment, not eight.
bool onChord(const PointF& a, const PointF& c, const PointF& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len = std::hypot(dx, dy);
    if (len == 0) return c.x == a.x && c.y == a.y;
    const double off = std::abs((c.x - a.x) * dy - (c.y - a.y) * dx) / len;
    const double along = ((c.x - a.x) * dx + (c.y - a.y) * dy) / (len * len);
    return off < 1e-6 && along >= 0 && along <= 1;
}

} // namespace

bool segmentsCross(const PointF& a, const PointF& b, const PointF& c, const PointF& d) {
    double u, v;
    return crossAt({a, b, 0}, {c, d, 0}, u, v);
}

long countEdgeCrossings(const std::vector<CrossingEdge>& edges) {
    std::vector<Segment> segments;
    Bounds box;
    for (uint32_t e = 0; e < edges.size(); ++e) {
        const std::vector<PointF>& p = edges[e].points;
        for (size_t i = 1; i < p.size(); ++i) {
            if (!finite(p[i - 1]) || !finite(p[i])) continue; // no place on the grid
            segments.push_back({p[i - 1], p[i], e});
            box.cover(p[i - 1]);
            box.cover(p[i]);
        }
    }
    if (segments.size() < 2) return 0;
    const double area = std::max(1.0, (box.x1 - box.x0) * (box.y1 - box.y0));
    // About four segments a cell in a roughly square drawing; in a flat one (a chain drawn in
    // one rank, all points on a line) the area says little, so no more than sqrt(n) cells along
    // the longer side: pieces stay within n (sqrt(n) + 1) and the grid within n cells.
    const double n = double(segments.size());
    const double side = std::max(box.x1 - box.x0, box.y1 - box.y0);
    const double cell = std::max({1e-6, std::sqrt(area / n) * 2, side / std::sqrt(n)});
    const std::vector<Piece> pieces = cellPieces(segments, edges, cell);
    const int64_t cols = int64_t((box.x1 - box.x0) / cell) + 1;
    const int64_t rows = int64_t((box.y1 - box.y0) / cell) + 1;
    auto column = [&](double x) {
        return std::clamp<int64_t>(int64_t((x - box.x0) / cell), 0, cols - 1);
    };
    auto row = [&](double y) {
        return std::clamp<int64_t>(int64_t((y - box.y0) / cell), 0, rows - 1);
    };
    // Every piece in each cell its box touches, as one array ordered by cell (a count per
    // cell, offsets, then a second pass to fill in).
    auto eachCell = [&](const Piece& piece, auto&& visit) {
        for (int64_t cy = row(piece.y0); cy <= row(piece.y1); ++cy)
            for (int64_t cx = column(piece.x0); cx <= column(piece.x1); ++cx)
                visit(size_t(cy * cols + cx));
    };
    std::vector<uint32_t> start(size_t(cols * rows) + 1, 0);
    for (const Piece& piece : pieces)
        eachCell(piece, [&](size_t c) { ++start[c + 1]; });
    for (size_t c = 1; c < start.size(); ++c)
        start[c] += start[c - 1];
    std::vector<uint32_t> members(start.back());
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t i = 0; i < pieces.size(); ++i)
        eachCell(pieces[i], [&](size_t c) { members[fill[c]++] = i; });
    long crossings = 0;
    for (size_t key = 0; key + 1 < start.size(); ++key) {
        const uint32_t* list = members.data() + start[key];
        const size_t size = start[key + 1] - start[key];
        for (size_t i = 0; i < size; ++i) {
            const Piece& p = pieces[list[i]];
            for (size_t j = i + 1; j < size; ++j) {
                const Piece& q = pieces[list[j]];
                if (q.x0 > p.x1 || q.x1 < p.x0 || q.y0 > p.y1 || q.y1 < p.y0) continue;
                if (p.from == q.from || p.from == q.to || p.to == q.from || p.to == q.to) continue;
                const Segment& s = segments[p.segment];
                const Segment& t = segments[q.segment];
                double u, v;
                if (!crossAt(s, t, u, v)) continue;
                // The pair is met in every cell both pieces touch, and other pieces of the
                // same segments may meet elsewhere: count it where these pieces hold the
                // crossing, in the cell the crossing lies in.
                if (u < p.t0 || u >= p.t1 || v < q.t0 || v >= q.t1) continue;
                const PointF at{s.a.x + u * (s.b.x - s.a.x), s.a.y + u * (s.b.y - s.a.y)};
                if (size_t(row(at.y) * cols + column(at.x)) == key) ++crossings;
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
        if (onChord(p0, p1, p3) && onChord(p0, p2, p3)) { // a straight piece: its chord
            out.push_back(p3);
            continue;
        }
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
