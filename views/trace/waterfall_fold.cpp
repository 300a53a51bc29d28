#include "views/trace/waterfall_fold.h"

#include <algorithm>

namespace tg::view {

void foldIntervals(std::span<const int64_t> starts, std::span<const int64_t> ends,
                   int64_t windowStartNs, int64_t windowEndNs, double nsPerPx, double minPx,
                   const std::function<void(const FoldedBlock&)>& emit) {
    const size_t n = std::min(starts.size(), ends.size());
    const auto minNs = int64_t(std::max(1.0, nsPerPx * minPx));
    // Disjoint and sorted, so ends are sorted too: the first interval reaching the window.
    size_t i =
        size_t(std::lower_bound(ends.begin(), ends.begin() + std::ptrdiff_t(n), windowStartNs) -
               ends.begin());
    while (i < n && starts[i] <= windowEndNs) {
        FoldedBlock block{starts[i], ends[i], i, 1};
        if (ends[i] - starts[i] >= minNs) { // wide enough to show on its own
            emit(block);
            ++i;
            continue;
        }
        size_t j = i + 1;
        for (;;) {
            // Everything ending less than a pixel after the block joins it (each such interval
            // starts after the block's end, so it is narrower than a pixel).
            const int64_t limit = block.endNs + minNs;
            const auto k = size_t(std::lower_bound(ends.begin() + std::ptrdiff_t(j),
                                                   ends.begin() + std::ptrdiff_t(n), limit) -
                                  ends.begin());
            if (k > j) block.endNs = ends[k - 1];
            j = k;
            // The next one joins too when it is narrow and close; the block then grows by at
            // least a pixel, so this loop runs at most once per pixel of the window.
            if (j >= n || ends[j] - starts[j] >= minNs || starts[j] - block.endNs >= minNs) break;
            block.endNs = ends[j];
            ++j;
            if (block.startNs > windowEndNs || block.endNs > windowEndNs) break;
        }
        block.count = j - i;
        emit(block);
        i = j;
    }
}

} // namespace tg::view
