// Request rate, error rate and latency percentiles from a node's or edge's per-bucket stats.
#include <QObject>
#include <cmath>
#include <limits>

#include "views/charts/metric_chart_builder.h"

namespace tg::view {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

} // namespace

std::vector<ChartData> spanRateCharts(const model::CallStats& stats,
                                      const model::TimeBuckets& buckets) {
    const size_t n = buckets.count;
    const double widthS = double(buckets.widthNs) / 1e9;
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
    // Every bucket gets a point (the line must drop to zero where nothing was called); the
    // sparse per-bucket stats are walked alongside.
    size_t next = 0;
    for (uint32_t b = 0; b < n; ++b) {
        // A bucket's value is drawn at its middle.
        const double xMs =
            (double(buckets.startNs) + (double(b) + 0.5) * double(buckets.widthNs)) / 1e6;
        const model::BucketStats* s = nullptr;
        if (next < stats.buckets.size() && stats.buckets[next].bucket == b)
            s = &stats.buckets[next++];
        const uint64_t calls = s ? s->calls : 0;
        rate.xMs.push_back(xMs);
        rate.y.push_back(double(calls) / widthS);
        errorRate.xMs.push_back(xMs);
        errorRate.y.push_back(calls ? 100.0 * double(s->errors) / double(calls) : kNaN);
        for (int q = 0; q < 3; ++q) {
            percentiles[q].xMs.push_back(xMs);
            percentiles[q].y.push_back(calls ? s->latency.quantileNs(kQuantiles[q]) / 1e6 : kNaN);
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
