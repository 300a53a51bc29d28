#include "models/layout/group_placement.h"

#include <algorithm>
#include <cmath>

namespace tg::model::detail {

PointF groupStart(const std::vector<NodeBox>& nodes, const std::vector<uint32_t>& members) {
    if (members.empty()) return {0, 0};
    double x = 0, y = 0;
    for (uint32_t m : members)
        x += nodes[m].x, y += nodes[m].y;
    return {x / double(members.size()), y / double(members.size())};
}

namespace {

RectF grown(const RectF& r, double by) {
    return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

// The cells of a grid that a set of rectangles touch, with a summed-area table so that
// whether a rectangle touches any of them is four lookups. Outside the grid nothing is
// covered. Cells are coarse: a rectangle that only comes near a covered one may count as
// touching it, never the reverse.
class Occupancy {
public:
    Occupancy(const std::vector<RectF>& rects, double cell) : m_cell(cell) {
        if (rects.empty()) return;
        double x1 = -1e300, y1 = -1e300;
        m_x0 = m_y0 = 1e300;
        for (const RectF& r : rects) {
            m_x0 = std::min(m_x0, r.x), m_y0 = std::min(m_y0, r.y);
            x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
        }
        m_cols = int((x1 - m_x0) / cell) + 1;
        m_rows = int((y1 - m_y0) / cell) + 1;
        m_sum.assign(size_t(m_cols + 1) * size_t(m_rows + 1), 0);
        for (const RectF& r : rects) // mark, then sum up below
            for (int y = row(r.y); y <= row(r.bottom()); ++y)
                for (int x = col(r.x); x <= col(r.right()); ++x)
                    at(x + 1, y + 1) = 1;
        for (int y = 1; y <= m_rows; ++y)
            for (int x = 1; x <= m_cols; ++x)
                at(x, y) += at(x - 1, y) + at(x, y - 1) - at(x - 1, y - 1);
    }

    bool touches(const RectF& r) const {
        if (m_sum.empty() || r.right() < m_x0 || r.bottom() < m_y0 ||
            r.x >= m_x0 + m_cols * m_cell || r.y >= m_y0 + m_rows * m_cell)
            return false;
        const int c0 = col(r.x), c1 = col(r.right()), r0 = row(r.y), r1 = row(r.bottom());
        return at(c1 + 1, r1 + 1) - at(c0, r1 + 1) - at(c1 + 1, r0) + at(c0, r0) > 0;
    }

private:
    int col(double x) const { return std::clamp(int((x - m_x0) / m_cell), 0, m_cols - 1); }
    int row(double y) const { return std::clamp(int((y - m_y0) / m_cell), 0, m_rows - 1); }
    int& at(int x, int y) { return m_sum[size_t(y) * size_t(m_cols + 1) + size_t(x)]; }
    int at(int x, int y) const { return m_sum[size_t(y) * size_t(m_cols + 1) + size_t(x)]; }

    double m_cell, m_x0 = 0, m_y0 = 0;
    int m_cols = 0, m_rows = 0;
    std::vector<int> m_sum;
};

// Where u's search starts (stableCoordinate: the choice between spots equally far away must
// not follow Graphviz's last bits).
PointF targetOf(const std::vector<NodeBox>& nodes, uint32_t u,
                const std::vector<uint32_t>& neighbours) {
    double x = nodes[u].x, y = nodes[u].y;
    if (!neighbours.empty()) {
        x = y = 0;
        for (uint32_t w : neighbours)
            x += nodes[w].x, y += nodes[w].y;
        x /= double(neighbours.size()), y /= double(neighbours.size());
    }
    return {stableCoordinate(x), stableCoordinate(y)};
}

} // namespace

void placeNearNeighbours(std::vector<NodeBox>& nodes, const std::vector<uint32_t>& movable,
                         const std::vector<std::vector<uint32_t>>& neighbours,
                         const std::vector<RectF>& obstacles, double gap, double step) {
    std::vector<RectF> blocked;
    for (const RectF& r : obstacles)
        blocked.push_back(grown(r, gap));
    // Cells of two steps: the grid costs little to build, and spots next to a box are
    // rarely the nearest free ones anyway (measured: the same crossings as one step).
    const Occupancy occupied(blocked, 2 * step);
    std::vector<RectF> placed; // every movable node's box, grown by the gap
    for (uint32_t u : movable)
        placed.push_back(grown(nodes[u].rect(), gap));
    for (size_t k = 0; k < movable.size(); ++k) {
        const uint32_t u = movable[k];
        const PointF target = targetOf(nodes, u, neighbours[u]);
        const double w = nodes[u].width, h = nodes[u].height;
        auto freeAt = [&](double x, double y) {
            const RectF r{x - w / 2, y - h / 2, w, h};
            if (occupied.touches(r)) return false;
            for (size_t j = 0; j < placed.size(); ++j)
                if (j != k && placed[j].intersects(r)) return false;
            return true;
        };
        for (int ring = 0;; ++ring) {
            // The grid points `ring` steps out (a square ring); the nearest free one wins.
            double best = 1e300;
            PointF spot;
            auto consider = [&](int gx, int gy) {
                const double x = target.x + gx * step, y = target.y + gy * step;
                const double d = std::hypot(x - target.x, y - target.y);
                if (d < best && freeAt(x, y)) best = d, spot = {x, y};
            };
            for (int i = -ring; i <= ring; ++i) {
                consider(i, -ring);
                if (ring > 0) consider(i, ring);
            }
            for (int i = -ring + 1; i <= ring - 1; ++i) {
                consider(-ring, i);
                consider(ring, i);
            }
            if (best < 1e300) {
                nodes[u].x = spot.x, nodes[u].y = spot.y;
                placed[k] = grown(nodes[u].rect(), gap);
                break;
            }
        }
    }
}

} // namespace tg::model::detail
