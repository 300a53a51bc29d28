#pragma once
// Folding of sub-pixel intervals, as Tracy folds zones on a timeline row: over sorted, disjoint
// intervals, a binary search finds the first one reaching the visible window; an interval at
// least minPx wide is drawn on its own; a run of narrower ones whose gaps are under minPx is
// merged into one folded block, jumping over the run with binary searches on the end times, so
// the work per row grows with the pixels of the window, not with the number of intervals.
// Pure functions; any thread.
#include <cstdint>
#include <functional>
#include <span>

namespace tg::view {

struct FoldedBlock {
    int64_t startNs = 0, endNs = 0;
    size_t first = 0; // index of the first interval in the block
    size_t count = 1; // intervals merged (1: a single interval, drawn as is)
};

// Calls emit for every block touching [windowStartNs, windowEndNs], in time order. starts and
// ends: same length, sorted, disjoint (ends[i] <= starts[i+1]). nsPerPx > 0.
void foldIntervals(std::span<const int64_t> starts, std::span<const int64_t> ends,
                   int64_t windowStartNs, int64_t windowEndNs, double nsPerPx, double minPx,
                   const std::function<void(const FoldedBlock&)>& emit);

} // namespace tg::view
