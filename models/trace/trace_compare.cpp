#include "models/trace/trace_compare.h"

#include <algorithm>
#include <map>

#include "models/trace/clock_skew.h"

namespace tg::model {
namespace {

struct Side {
    const TraceTree& tree;
    std::vector<int64_t> self;
};

using Key = std::pair<StringId, StringId>; // service, operation

Key keyOf(const Dataset& d, const TraceTree& t, uint32_t node) {
    const uint32_t row = t.nodes[node].row;
    return {d.service[row], d.operation[row]};
}

// Pairs two child lists: the k-th child with a key on the left with the k-th on the right.
std::vector<std::pair<int32_t, int32_t>> alignChildren(const Dataset& d, const Side& l,
                                                       const std::vector<uint32_t>& lc,
                                                       const Side& r,
                                                       const std::vector<uint32_t>& rc) {
    std::vector<std::pair<int32_t, int32_t>> pairs;
    std::map<Key, std::vector<uint32_t>> rightByKey;
    for (uint32_t c : rc)
        rightByKey[keyOf(d, r.tree, c)].push_back(c);
    std::map<Key, size_t> used;
    std::vector<bool> rightTaken(r.tree.nodes.size(), false);
    for (uint32_t c : lc) {
        const Key k = keyOf(d, l.tree, c);
        auto it = rightByKey.find(k);
        size_t& n = used[k];
        if (it != rightByKey.end() && n < it->second.size()) {
            rightTaken[it->second[n]] = true;
            pairs.emplace_back(static_cast<int32_t>(c), static_cast<int32_t>(it->second[n++]));
        } else {
            pairs.emplace_back(static_cast<int32_t>(c), -1);
        }
    }
    for (uint32_t c : rc)
        if (!rightTaken[c]) pairs.emplace_back(-1, static_cast<int32_t>(c));
    return pairs;
}

} // namespace

TraceComparison compareTraces(const Dataset& d, const TraceTree& leftTree,
                              const TraceTree& rightTree) {
    TraceComparison out;
    const Side l{leftTree, selfTimes(d, leftTree)}, r{rightTree, selfTimes(d, rightTree)};
    out.leftDurationNs = leftTree.endNs - leftTree.startNs;
    out.rightDurationNs = rightTree.endNs - rightTree.startNs;
    std::map<StringId, int64_t> delta;

    struct Pending {
        int32_t left, right;
        int32_t parent; // comparison node index, -1 for roots
        int depth;
    };
    std::vector<Pending> stack;
    const auto roots = alignChildren(d, l, leftTree.roots, r, rightTree.roots);
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.push_back({it->first, it->second, -1, 0});
    while (!stack.empty()) {
        const Pending p = stack.back();
        stack.pop_back();
        CompareNode node;
        node.depth = p.depth;
        node.left = p.left;
        node.right = p.right;
        const uint32_t anyRow = p.left >= 0 ? leftTree.nodes[static_cast<size_t>(p.left)].row
                                            : rightTree.nodes[static_cast<size_t>(p.right)].row;
        node.service = std::string(d.serviceName(anyRow));
        node.operation = std::string(d.operationName(anyRow));
        if (p.left >= 0) {
            node.leftDurationNs = d.durationNs[leftTree.nodes[static_cast<size_t>(p.left)].row];
            node.leftSelfNs = l.self[static_cast<size_t>(p.left)];
        }
        if (p.right >= 0) {
            node.rightDurationNs = d.durationNs[rightTree.nodes[static_cast<size_t>(p.right)].row];
            node.rightSelfNs = r.self[static_cast<size_t>(p.right)];
        }
        delta[d.service[anyRow]] += node.rightSelfNs - node.leftSelfNs;
        const auto index = static_cast<uint32_t>(out.nodes.size());
        out.nodes.push_back(std::move(node));
        if (p.parent >= 0)
            out.nodes[static_cast<size_t>(p.parent)].children.push_back(index);
        else
            out.roots.push_back(index);

        static const std::vector<uint32_t> kNone;
        const auto& lc = p.left >= 0 ? leftTree.nodes[static_cast<size_t>(p.left)].children : kNone;
        const auto& rc =
            p.right >= 0 ? rightTree.nodes[static_cast<size_t>(p.right)].children : kNone;
        const auto children = alignChildren(d, l, lc, r, rc);
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.push_back({it->first, it->second, static_cast<int32_t>(index), p.depth + 1});
    }
    for (const auto& [service, ns] : delta)
        if (ns != 0) out.byService.push_back({std::string(d.strings.view(service)), ns});
    std::sort(out.byService.begin(), out.byService.end(),
              [](const ServiceDelta& a, const ServiceDelta& b) {
                  return std::llabs(a.selfDeltaNs) != std::llabs(b.selfDeltaNs)
                             ? std::llabs(a.selfDeltaNs) > std::llabs(b.selfDeltaNs)
                             : a.service < b.service;
              });
    return out;
}

} // namespace tg::model
