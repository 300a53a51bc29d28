#include "views/explorer/scatter_decimation.h"

#include <algorithm>

namespace tg::view {

std::vector<uint32_t> decimateScatter(std::span<const double> x, std::span<const double> y,
                                      double xMin, double xMax, int columns) {
    std::vector<uint32_t> inside;
    inside.reserve(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        if (x[i] >= xMin && x[i] <= xMax) inside.push_back(uint32_t(i));
    columns = std::max(columns, 1);
    if (inside.size() <= size_t(columns) * 2) return inside;

    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> low(size_t(columns), kNone), high(size_t(columns), kNone);
    const double width = xMax > xMin ? xMax - xMin : 1.0;
    for (uint32_t i : inside) {
        const auto c =
            std::min(size_t(columns) - 1, size_t((x[i] - xMin) / width * double(columns)));
        if (low[c] == kNone || y[i] < y[low[c]]) low[c] = i;
        if (high[c] == kNone || y[i] > y[high[c]]) high[c] = i;
    }
    std::vector<uint32_t> kept;
    kept.reserve(size_t(columns) * 2);
    for (size_t c = 0; c < size_t(columns); ++c) {
        if (low[c] == kNone) continue;
        kept.push_back(low[c]);
        if (high[c] != low[c]) kept.push_back(high[c]);
    }
    return kept;
}

} // namespace tg::view
