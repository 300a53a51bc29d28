#include "models/trace/trace_tree.h"

#include <algorithm>
#include <unordered_map>

namespace tg::model {

std::vector<uint32_t> rowsOfTrace(const Dataset& d, const TraceId& trace) {
    std::vector<uint32_t> rows;
    for (size_t i = 0; i < d.spanCount(); ++i)
        if (d.traceId[i] == trace) rows.push_back(static_cast<uint32_t>(i));
    return rows;
}

TraceTree TraceTree::build(const Dataset& d, const TraceStructure& ts,
                           const std::vector<uint32_t>& rows) {
    TraceTree tree;
    if (rows.empty()) return tree;
    tree.trace = d.traceId[rows.front()];
    tree.nodes.resize(rows.size());
    // Dataset row → tree node. A dense table when the trace is a good part of the dataset (one
    // 1M-span trace: a hash map cost ~0.5 s there), a hash map for a small trace in a big one.
    const bool dense = rows.size() * 4 >= d.spanCount();
    std::vector<int32_t> denseNodeOfRow(dense ? d.spanCount() : 0, -1);
    std::unordered_map<uint32_t, uint32_t> sparseNodeOfRow;
    if (!dense) sparseNodeOfRow.reserve(rows.size());
    for (uint32_t i = 0; i < rows.size(); ++i) {
        tree.nodes[i].row = rows[i];
        if (dense)
            denseNodeOfRow[rows[i]] = static_cast<int32_t>(i);
        else
            sparseNodeOfRow.emplace(rows[i], i);
    }
    auto nodeOfRow = [&](uint32_t row) -> int32_t {
        if (dense) return row < denseNodeOfRow.size() ? denseNodeOfRow[row] : -1;
        const auto it = sparseNodeOfRow.find(row);
        return it == sparseNodeOfRow.end() ? -1 : static_cast<int32_t>(it->second);
    };
    // A FOLLOWS_FROM parent is not in TraceStructure (it is a root for the graph): find it by
    // span ID. Built only when such a span exists.
    std::unordered_map<SpanId, uint32_t> nodeOfSpanId;
    auto spanIdIndex = [&]() -> const std::unordered_map<SpanId, uint32_t>& {
        if (nodeOfSpanId.empty()) {
            nodeOfSpanId.reserve(rows.size());
            for (uint32_t i = 0; i < rows.size(); ++i)
                nodeOfSpanId.emplace(d.spanId[rows[i]], i); // first occurrence wins
        }
        return nodeOfSpanId;
    };
    tree.startNs = d.startNs[rows.front()];
    tree.endNs = tree.startNs;
    for (uint32_t i = 0; i < rows.size(); ++i) {
        const uint32_t row = rows[i];
        tree.startNs = std::min(tree.startNs, d.startNs[row]);
        tree.endNs = std::max(tree.endNs, d.startNs[row] + d.durationNs[row]);
        const int32_t p = row < ts.parentRow.size() ? ts.parentRow[row] : TraceStructure::kRoot;
        if (p >= 0) {
            tree.nodes[i].parent = nodeOfRow(static_cast<uint32_t>(p));
        } else if (p == TraceStructure::kRoot && (d.flags[row] & kSpanParentFollowsFrom)) {
            const auto& index = spanIdIndex();
            if (auto it = index.find(d.parentId[row]); it != index.end() && it->second != i) {
                tree.nodes[i].parent = static_cast<int32_t>(it->second);
                tree.nodes[i].followsFrom = true;
            }
        }
    }
    // Guard against cycles from hostile data (A's parent B, B's parent A): walk up from each node
    // until reaching a node already known to lead to a root; a walk that meets itself is a
    // cycle, broken by making the node where it closed a root. Linear overall.
    enum : uint8_t { kUnknown, kOnWalk, kRooted };
    std::vector<uint8_t> state(tree.nodes.size(), kUnknown);
    std::vector<uint32_t> walk;
    for (uint32_t i = 0; i < tree.nodes.size(); ++i) {
        walk.clear();
        int32_t cursor = static_cast<int32_t>(i);
        while (cursor >= 0 && state[static_cast<size_t>(cursor)] == kUnknown) {
            state[static_cast<size_t>(cursor)] = kOnWalk;
            walk.push_back(static_cast<uint32_t>(cursor));
            cursor = tree.nodes[static_cast<size_t>(cursor)].parent;
        }
        if (cursor >= 0 && state[static_cast<size_t>(cursor)] == kOnWalk)
            tree.nodes[static_cast<size_t>(cursor)].parent = -1; // close of a cycle
        for (uint32_t n : walk)
            state[n] = kRooted;
    }
    for (uint32_t i = 0; i < tree.nodes.size(); ++i) {
        const int32_t p = tree.nodes[i].parent;
        if (p >= 0)
            tree.nodes[static_cast<size_t>(p)].children.push_back(i);
        else
            tree.roots.push_back(i);
    }
    auto byStart = [&](uint32_t a, uint32_t b) {
        const int64_t sa = d.startNs[tree.nodes[a].row], sb = d.startNs[tree.nodes[b].row];
        return sa != sb ? sa < sb : a < b;
    };
    for (auto& n : tree.nodes)
        std::sort(n.children.begin(), n.children.end(), byStart);
    std::sort(tree.roots.begin(), tree.roots.end(), byStart);
    return tree;
}

} // namespace tg::model
