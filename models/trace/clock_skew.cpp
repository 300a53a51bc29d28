#include "models/trace/clock_skew.h"

#include <algorithm>

namespace tg::model {
namespace {

// Jaeger's rule for the shift that makes a child fit its (already adjusted) parent.
int64_t skewOf(int64_t parentStart, int64_t parentDuration, int64_t childStart,
               int64_t childDuration) {
    if (parentDuration < childDuration) return parentStart - childStart;
    const int64_t parentEnd = parentStart + parentDuration, childEnd = childStart + childDuration;
    if (childStart >= parentStart && childEnd <= parentEnd) return 0;
    const int64_t latency = (parentDuration - childDuration) / 2;
    return parentStart + latency - childStart;
}

} // namespace

SkewAdjustment adjustClockSkew(const Dataset& d, const TraceTree& tree) {
    SkewAdjustment result;
    result.offsetNs.assign(tree.nodes.size(), 0);
    result.adjusted.assign(tree.nodes.size(), false);
    std::vector<uint32_t> stack(tree.roots.rbegin(), tree.roots.rend());
    while (!stack.empty()) { // parents before children: offsets accumulate downwards
        const uint32_t n = stack.back();
        stack.pop_back();
        const TraceTreeNode& node = tree.nodes[n];
        if (node.parent >= 0 && !node.followsFrom) {
            const auto p = static_cast<uint32_t>(node.parent);
            const uint32_t row = node.row, prow = tree.nodes[p].row;
            int64_t offset = result.offsetNs[p]; // inherited shift
            // Only spans reported by another process can disagree with their parent's clock.
            if (d.resource[row] != d.resource[prow]) {
                const int64_t skew =
                    skewOf(d.startNs[prow] + result.offsetNs[p], d.durationNs[prow],
                           d.startNs[row] + offset, d.durationNs[row]);
                if (skew != 0) {
                    offset += skew;
                    result.adjusted[n] = true;
                    ++result.adjustedCount;
                }
            }
            result.offsetNs[n] = offset;
        } else if (node.parent >= 0) {
            result.offsetNs[n] = result.offsetNs[static_cast<size_t>(node.parent)];
        }
        for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
            stack.push_back(*it);
    }
    return result;
}

std::vector<int64_t> selfTimes(const Dataset& d, const TraceTree& tree) {
    std::vector<int64_t> self(tree.nodes.size(), 0);
    for (uint32_t n = 0; n < tree.nodes.size(); ++n) {
        const uint32_t row = tree.nodes[n].row;
        const int64_t start = d.startNs[row], end = start + d.durationNs[row];
        // Children are sorted by start: sweep their clipped intervals, merging overlaps.
        int64_t covered = 0, runStart = 0, runEnd = 0;
        bool inRun = false;
        for (uint32_t c : tree.nodes[n].children) {
            const uint32_t crow = tree.nodes[c].row;
            const int64_t cs = std::max(start, d.startNs[crow]);
            const int64_t ce = std::min(end, d.startNs[crow] + d.durationNs[crow]);
            if (ce <= cs) continue;
            if (inRun && cs <= runEnd) {
                runEnd = std::max(runEnd, ce);
            } else {
                if (inRun) covered += runEnd - runStart;
                runStart = cs;
                runEnd = ce;
                inRun = true;
            }
        }
        if (inRun) covered += runEnd - runStart;
        self[n] = std::max<int64_t>(0, (end - start) - covered);
    }
    return self;
}

} // namespace tg::model
