#include "views/charts/line_decimation.h"

#include <algorithm>
#include <cmath>

namespace tg::view {
namespace {

// The pixel column of `x` among `columns` over [xMin, xMin + width].
int columnOf(double x, double xMin, double width, int columns) {
    const double c = (x - xMin) / width * double(columns);
    return std::clamp(int(c), 0, columns - 1);
}

} // namespace

QList<QPointF> decimateMinMax(std::span<const double> x, std::span<const double> y, double xMin,
                              double xMax, int columns) {
    columns = std::max(columns, 1);
    const size_t n = std::min(x.size(), y.size());
    const auto first =
        size_t(std::lower_bound(x.begin(), x.begin() + ptrdiff_t(n), xMin) - x.begin());
    const auto last =
        size_t(std::upper_bound(x.begin(), x.begin() + ptrdiff_t(n), xMax) - x.begin());
    QList<QPointF> out;
    size_t finite = 0;
    for (size_t i = first; i < last; ++i)
        finite += std::isfinite(y[i]) ? 1 : 0;
    if (finite <= size_t(columns) * 2) {
        out.reserve(qsizetype(finite));
        for (size_t i = first; i < last; ++i)
            if (std::isfinite(y[i])) out.append(QPointF(x[i], y[i]));
        return out;
    }
    out.reserve(qsizetype(columns) * 2);
    const double width = xMax > xMin ? xMax - xMin : 1.0;
    // One pass: x is sorted, so the samples of a column are contiguous. Flush the column's
    // minimum and maximum (in time order) when the next column starts.
    int column = -1;
    size_t low = 0, high = 0;
    auto flush = [&] {
        if (column < 0) return;
        const size_t a = std::min(low, high), b = std::max(low, high);
        out.append(QPointF(x[a], y[a]));
        if (b != a) out.append(QPointF(x[b], y[b]));
    };
    for (size_t i = first; i < last; ++i) {
        if (!std::isfinite(y[i])) continue;
        const int c = columnOf(x[i], xMin, width, columns);
        if (c != column) {
            flush();
            column = c;
            low = high = i;
            continue;
        }
        if (y[i] < y[low]) low = i;
        if (y[i] > y[high]) high = i;
    }
    flush();
    return out;
}

} // namespace tg::view
