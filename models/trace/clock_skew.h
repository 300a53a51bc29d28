#pragma once
// Clock-skew adjustment of one trace, as Jaeger does it: a child span on another process (here:
// another resource) that starts before or ends after its parent is shifted so it fits — its
// start aligned with the parent's when it is longer than the parent, otherwise centred in the
// parent — and the shift carries down to its subtree. Times are never changed in the dataset:
// the result is an offset per tree node, and the waterfall offers raw times with a toggle.
// Pure function; any thread.
#include <cstdint>
#include <vector>

#include "models/trace/trace_tree.h"

namespace tg::model {

struct SkewAdjustment {
    std::vector<int64_t> offsetNs; // per tree node: add to the span's start (0 = unchanged)
    std::vector<bool> adjusted;    // per tree node: this span itself was shifted
    size_t adjustedCount = 0;
    int64_t adjustedStart(const Dataset& d, const TraceTree& t, uint32_t node) const {
        return d.startNs[t.nodes[node].row] + offsetNs[node];
    }
};

SkewAdjustment adjustClockSkew(const Dataset& dataset, const TraceTree& tree);

// Per tree node: the span's duration minus the time covered by its children (clipped to the
// span, overlaps counted once). Uses raw times.
std::vector<int64_t> selfTimes(const Dataset& dataset, const TraceTree& tree);

} // namespace tg::model
