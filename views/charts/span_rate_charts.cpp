// Request rate, error rate and latency percentiles from a node's or edge's per-bucket stats.
#include <QObject>
#include <algorithm>
#include <cmath>
#include <limits>

#include "views/charts/metric_chart_builder.h"

namespace tg::view {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kCallsPerPoint = 10;
constexpr uint32_t kMinPoints = 30;

ChartLine line(const QString& name, int colour, size_t size) {
    ChartLine l;
    l.name = name;
    l.colour = colour;
    l.xMs.reserve(size);
    l.y.reserve(size);
    return l;
}

ChartData chart(const QString& key, const QString& title, const QString& unit) {
    ChartData c;
    c.key = key;
    c.title = title;
    c.unit = unit;
    return c;
}

// How many adjacent buckets one point merges, so that a point stands for about ten calls
// (a few calls per bucket make error rates jump between 0 and 100 %), keeping at least 30
// points across the window.
uint32_t mergeFactor(const model::CallStats& stats, uint32_t buckets) {
    if (buckets == 0 || stats.calls == 0) return 1;
    const double perBucket = double(stats.calls) / double(buckets);
    const auto wanted = uint32_t(std::ceil(kCallsPerPoint / perBucket));
    return std::max<uint32_t>(1, std::min(wanted, buckets / kMinPoints));
}

} // namespace

std::vector<ChartData> spanRateCharts(const model::CallStats& stats,
                                      const model::TimeBuckets& buckets, int64_t* pointWidthNs) {
    const uint32_t k = mergeFactor(stats, buckets.count);
    // The last point also takes the buckets left over (a last point of fewer buckets would
    // stand for a shorter time at the window's ragged end and drop misleadingly).
    const size_t n = buckets.count == 0 ? 0 : std::max<size_t>(1, buckets.count / k);
    const int64_t widthNs = buckets.widthNs * k;
    if (pointWidthNs) *pointWidthNs = widthNs;
    ChartData requests =
        chart(QStringLiteral("requests"), QObject::tr("Request rate"), QObject::tr("req/s"));
    ChartData errors =
        chart(QStringLiteral("errors"), QObject::tr("Error rate"), QStringLiteral("%"));
    errors.percent = true;
    ChartData latency = chart(QStringLiteral("latency"), QObject::tr("Latency"), QObject::tr("ms"));
    ChartLine rate = line(QObject::tr("requests"), 0, n);
    ChartLine errorRate = line(QObject::tr("errors"), 3, n);
    static const double kQuantiles[] = {0.50, 0.95, 0.99};
    ChartLine percentiles[] = {line(QStringLiteral("p50"), 0, n), line(QStringLiteral("p95"), 1, n),
                               line(QStringLiteral("p99"), 3, n)};
    // Every point gets a value (the rate must drop to zero where nothing was called); the
    // sparse per-bucket stats are walked alongside and summed k buckets at a time.
    size_t next = 0;
    for (size_t p = 0; p < n; ++p) {
        const uint32_t first = uint32_t(p * k);
        const uint32_t last = p + 1 == n ? buckets.count : first + k; // exclusive
        model::CallStats sum;
        for (; next < stats.buckets.size() && stats.buckets[next].bucket < last; ++next) {
            sum.calls += stats.buckets[next].calls;
            sum.errors += stats.buckets[next].errors;
            sum.latency.merge(stats.buckets[next].latency);
        }
        // A point's value is drawn at the middle of the buckets it sums.
        const double xMs = (double(buckets.startNs) +
                            (double(first) + double(last - first) / 2) * double(buckets.widthNs)) /
                           1e6;
        const double seconds = double(last - first) * double(buckets.widthNs) / 1e9;
        rate.xMs.push_back(xMs);
        rate.y.push_back(double(sum.calls) / seconds);
        errorRate.xMs.push_back(xMs);
        errorRate.y.push_back(sum.calls ? 100.0 * double(sum.errors) / double(sum.calls) : kNaN);
        for (int q = 0; q < 3; ++q) {
            percentiles[q].xMs.push_back(xMs);
            percentiles[q].y.push_back(sum.calls ? sum.latency.quantileNs(kQuantiles[q]) / 1e6
                                                 : kNaN);
        }
    }
    requests.lines.push_back(std::move(rate));
    errors.lines.push_back(std::move(errorRate));
    for (ChartLine& l : percentiles)
        latency.lines.push_back(std::move(l));
    if (stats.calls == 0) {
        const QString none = QObject::tr("no calls recorded");
        requests.note = errors.note = latency.note = none;
    }
    return {std::move(requests), std::move(errors), std::move(latency)};
}

} // namespace tg::view
