#include "views/trace/waterfall_data.h"

#include <algorithm>

namespace tg::view {
namespace {

// Depth-first order (iterative: a million-deep trace must not overflow the stack).
void buildPreorder(WaterfallData& w) {
    const auto& nodes = w.tree.nodes;
    const size_t n = nodes.size();
    w.preorder.reserve(n);
    w.positionOf.assign(n, 0);
    w.subtreeEnd.assign(n, 0);
    w.depth.assign(n, 0);
    struct Item {
        uint32_t node, depth;
    };
    std::vector<Item> stack;
    for (auto it = w.tree.roots.rbegin(); it != w.tree.roots.rend(); ++it)
        stack.push_back({*it, 0});
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const auto pos = static_cast<uint32_t>(w.preorder.size());
        w.preorder.push_back(item.node);
        w.positionOf[item.node] = pos;
        w.depth[pos] = item.depth;
        w.maxDepth = std::max(w.maxDepth, item.depth);
        const auto& children = nodes[item.node].children;
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.push_back({*it, item.depth + 1});
    }
    // A subtree ends where the next position of depth <= its own starts: sweep from the back,
    // each position's end is the end of its last child's subtree (or itself + 1).
    for (size_t p = n; p-- > 0;) {
        const auto& children = nodes[w.preorder[p]].children;
        w.subtreeEnd[p] =
            children.empty() ? uint32_t(p + 1) : w.subtreeEnd[w.positionOf[children.back()]];
    }
}

// The critical path's segments grouped by tree node (counting sort, stable: time order kept).
void groupCriticalPath(WaterfallData& w) {
    const size_t n = w.tree.nodes.size();
    std::vector<uint32_t> nodeOfSegment(w.criticalPath.size());
    w.criticalBegin.assign(n + 1, 0);
    for (size_t i = 0; i < w.criticalPath.size(); ++i) {
        const int64_t node = w.nodeOfRow(w.criticalPath[i].row);
        nodeOfSegment[i] = static_cast<uint32_t>(node);
        ++w.criticalBegin[size_t(node) + 1];
    }
    for (size_t i = 0; i < n; ++i)
        w.criticalBegin[i + 1] += w.criticalBegin[i];
    std::vector<uint32_t> fill(w.criticalBegin.begin(), w.criticalBegin.end() - 1);
    w.criticalStartNs.resize(w.criticalPath.size());
    w.criticalEndNs.resize(w.criticalPath.size());
    for (size_t i = 0; i < w.criticalPath.size(); ++i) {
        const uint32_t at = fill[nodeOfSegment[i]]++;
        w.criticalStartNs[at] = w.criticalPath[i].startNs;
        w.criticalEndNs[at] = w.criticalPath[i].endNs;
    }
}

void computeRanges(WaterfallData& w) {
    w.rawStartNs = w.tree.startNs;
    w.rawEndNs = w.tree.endNs;
    w.adjustedStartNs = w.startNs(0, false);
    w.adjustedEndNs = w.endNs(0, false);
    for (uint32_t node = 0; node < w.tree.nodes.size(); ++node) {
        w.adjustedStartNs = std::min(w.adjustedStartNs, w.startNs(node, false));
        w.adjustedEndNs = std::max(w.adjustedEndNs, w.endNs(node, false));
        if (w.isError(node)) ++w.errorCount;
    }
}

// Coverage per (band of positions, column of time) with difference arrays: O(spans + grid).
void buildMinimap(WaterfallData& w) {
    WaterfallMinimapGrid& g = w.minimap;
    const size_t n = w.preorder.size();
    g.columns = WaterfallMinimapGrid::kColumns;
    g.bands = int(std::min<size_t>(WaterfallMinimapGrid::kMaxBands, n));
    const size_t cells = size_t(g.bands) * size_t(g.columns + 1);
    std::vector<int32_t> diff(cells, 0), errorDiff(cells, 0);
    g.bandRows.assign(size_t(g.bands), 0);
    g.bandService.assign(size_t(g.bands), 0);
    const int64_t start = w.adjustedStartNs;
    const double perNs = double(g.columns) / double(std::max<int64_t>(1, w.adjustedEndNs - start));
    auto column = [&](int64_t t) {
        return std::clamp(int(double(t - start) * perNs), 0, g.columns - 1);
    };
    for (size_t p = 0; p < n; ++p) {
        const uint32_t node = w.preorder[p];
        const auto band = size_t(p * size_t(g.bands) / n);
        if (g.bandRows[band]++ == 0) g.bandService[band] = w.dataset->service[w.rowOf(node)];
        const int c0 = column(w.startNs(node, false)), c1 = column(w.endNs(node, false));
        const size_t base = band * size_t(g.columns + 1);
        ++diff[base + size_t(c0)];
        --diff[base + size_t(c1) + 1];
        if (w.isError(node)) {
            ++errorDiff[base + size_t(c0)];
            --errorDiff[base + size_t(c1) + 1];
        }
    }
    g.cover.assign(size_t(g.bands) * size_t(g.columns), 0);
    g.errorCover.assign(g.cover.size(), 0);
    for (size_t b = 0; b < size_t(g.bands); ++b) {
        int64_t run = 0, errorRun = 0;
        for (size_t c = 0; c < size_t(g.columns); ++c) {
            run += diff[b * size_t(g.columns + 1) + c];
            errorRun += errorDiff[b * size_t(g.columns + 1) + c];
            g.cover[b * size_t(g.columns) + c] = uint32_t(run);
            g.errorCover[b * size_t(g.columns) + c] = uint32_t(errorRun);
        }
    }
}

} // namespace

int64_t WaterfallData::nodeOfRow(uint32_t datasetRow) const {
    const auto& nodes = tree.nodes;
    auto it = std::lower_bound(nodes.begin(), nodes.end(), datasetRow,
                               [](const model::TraceTreeNode& n, uint32_t r) { return n.row < r; });
    if (it == nodes.end() || it->row != datasetRow) return -1;
    return it - nodes.begin();
}

std::shared_ptr<const WaterfallData>
WaterfallData::build(std::shared_ptr<const model::Dataset> dataset,
                     const model::TraceStructure& structure, const model::TraceId& trace) {
    if (!dataset) return nullptr;
    std::vector<uint32_t> rows = model::rowsOfTrace(*dataset, trace);
    return build(std::move(dataset), structure, std::move(rows));
}

std::shared_ptr<const WaterfallData>
WaterfallData::build(std::shared_ptr<const model::Dataset> dataset,
                     const model::TraceStructure& structure, std::vector<uint32_t> rows) {
    if (!dataset || rows.empty()) return nullptr;
    // Tree nodes in dataset-row order make nodeOfRow() a binary search.
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    auto w = std::make_shared<WaterfallData>();
    w->dataset = std::move(dataset);
    const model::Dataset& d = *w->dataset;
    w->tree = model::TraceTree::build(d, structure, rows);
    w->criticalPath = model::computeCriticalPath(d, w->tree);
    w->skew = model::adjustClockSkew(d, w->tree);
    w->selfNs = model::selfTimes(d, w->tree);
    buildPreorder(*w);
    groupCriticalPath(*w);
    computeRanges(*w);
    buildMinimap(*w);
    return w;
}

} // namespace tg::view
