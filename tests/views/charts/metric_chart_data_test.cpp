// Chart data of the Metrics panel from hand-built span stats and metric stores.
#include <QTest>
#include <cmath>

#include "views/charts/metric_chart_builder.h"

using namespace tg;

namespace {

constexpr int64_t kSecond = 1'000'000'000;
constexpr int64_t kT0 = 1'700'000'000 * kSecond; // 2023-11-14 22:13:20 UTC

const view::ChartData* find(const std::vector<view::ChartData>& charts, const QString& key) {
    for (const auto& c : charts)
        if (c.key == key) return &c;
    return nullptr;
}

// One counter, one gauge and one histogram of service "checkout", one gauge of "cart".
void buildMetrics(model::MetricStore& m) {
    m.addSource("metrics.txt", "test");
    const model::FamilyId counter =
        m.addFamily({"http_requests", model::MetricType::Counter, "", "", 0});
    const model::LabelInput checkout200[] = {{"code", "200"}, {"service", "checkout"}};
    const model::SeriesId c =
        m.addSeries(counter, "http_requests_total", model::SeriesRole::Total, checkout200);
    // 10 at 0 s, 30 at 10 s, 5 at 20 s (a reset).
    m.addSample(c, kT0, 10);
    m.addSample(c, kT0 + 10 * kSecond, 30);
    m.addSample(c, kT0 + 20 * kSecond, 5);

    const model::FamilyId gauge = m.addFamily({"queue_depth", model::MetricType::Gauge, "", "", 0});
    const model::LabelInput checkout[] = {{"service", "checkout"}};
    const model::SeriesId g = m.addSeries(gauge, "queue_depth", model::SeriesRole::Value, checkout);
    m.addSample(g, kT0 + 5 * kSecond, 7);

    const model::FamilyId hist =
        m.addFamily({"latency_seconds", model::MetricType::Histogram, "", "seconds", 0});
    const model::SeriesId sum =
        m.addSeries(hist, "latency_seconds_sum", model::SeriesRole::Sum, checkout);
    const model::SeriesId count =
        m.addSeries(hist, "latency_seconds_count", model::SeriesRole::Count, checkout);
    const model::LabelInput bucketLabels[] = {{"le", "0.5"}, {"service", "checkout"}};
    const model::SeriesId bucket =
        m.addSeries(hist, "latency_seconds_bucket", model::SeriesRole::Bucket, bucketLabels);
    // sum 1 s over 10 requests, then 3 s over 20: 0.2 s = 200 ms per request in between.
    m.addSample(sum, kT0, 1);
    m.addSample(count, kT0, 10);
    m.addSample(sum, kT0 + 10 * kSecond, 3);
    m.addSample(count, kT0 + 10 * kSecond, 20);
    const uint32_t bucketSample = m.addSample(bucket, kT0 + 10 * kSecond, 18);
    model::ExemplarInput ex;
    ex.series = bucket;
    ex.sample = bucketSample;
    ex.value = 0.25;
    ex.timeNs = kT0 + 9 * kSecond;
    ex.hasTime = true;
    ex.trace = model::parseTraceId("4bf92f3577b34da6a3ce929d0e0e4736");
    ex.span = model::parseSpanId("00f067aa0ba902b7");
    m.addExemplar(ex);

    const model::LabelInput cart[] = {{"service", "cart"}};
    const model::SeriesId other = m.addSeries(gauge, "queue_depth", model::SeriesRole::Value, cart);
    m.addSample(other, kT0, 1);
    m.buildIndex();
}

} // namespace

class MetricChartDataTest : public QObject {
    Q_OBJECT
private slots:
    void spanRatesPerBucket();
    void noCallsSaysSo();
    void importedFamilies();
};

void MetricChartDataTest::spanRatesPerBucket() {
    // 4 buckets of 2 s. Bucket 0: two OK calls of 10 ms; bucket 2: one failed call of 30 ms
    // and one OK call of 50 ms; buckets 1 and 3: nothing.
    model::TimeBuckets buckets{kT0, 2 * kSecond, 4};
    model::CallStats stats;
    stats.add(0, 10'000'000, false);
    stats.add(0, 10'000'000, false);
    stats.add(2, 30'000'000, true);
    stats.add(2, 50'000'000, false);
    const auto charts = view::spanRateCharts(stats, buckets);
    QCOMPARE(charts.size(), size_t(3));
    const view::ChartData* requests = find(charts, QStringLiteral("requests"));
    QVERIFY(requests);
    QCOMPARE(requests->unit, QStringLiteral("req/s"));
    const auto& rate = requests->lines.at(0);
    // 2 calls / 2 s = 1 req/s, 0, 2 / 2 s = 1 req/s, 0; drawn at the buckets' middles.
    QCOMPARE(rate.y, (std::vector<double>{1, 0, 1, 0}));
    QCOMPARE(rate.xMs.at(0), double(kT0 + kSecond) / 1e6);
    QCOMPARE(rate.xMs.at(3), double(kT0 + 7 * kSecond) / 1e6);

    const view::ChartData* errors = find(charts, QStringLiteral("errors"));
    QVERIFY(errors && errors->percent);
    const auto& e = errors->lines.at(0).y;
    QCOMPARE(e.at(0), 0.0);
    QVERIFY(std::isnan(e.at(1))); // no calls: no error rate
    QCOMPARE(e.at(2), 50.0);

    const view::ChartData* latency = find(charts, QStringLiteral("latency"));
    QVERIFY(latency);
    QCOMPARE(latency->lines.size(), size_t(3)); // p50, p95, p99
    QCOMPARE(latency->lines[0].name, QStringLiteral("p50"));
    // Bucket 0: both calls 10 ms; bucket 2: p99 is the 50 ms call (sketch accuracy ~2%).
    QVERIFY(std::fabs(latency->lines[0].y.at(0) - 10.0) < 0.2);
    QVERIFY(std::fabs(latency->lines[2].y.at(2) - 50.0) < 1.0);
    QVERIFY(std::isnan(latency->lines[0].y.at(1)));
}

void MetricChartDataTest::noCallsSaysSo() {
    const auto charts = view::spanRateCharts({}, model::TimeBuckets{kT0, kSecond, 3});
    QVERIFY(!charts.at(0).note.isEmpty());
    QCOMPARE(charts.at(0).lines.at(0).y, (std::vector<double>{0, 0, 0}));
}

void MetricChartDataTest::importedFamilies() {
    model::MetricStore m;
    buildMetrics(m);
    // The checkout series: counter (0), gauge (1), histogram sum, count, bucket (2, 3, 4).
    const uint32_t series[] = {0, 1, 2, 3, 4};
    size_t hidden = 99;
    const auto charts = view::importedMetricCharts(m, series, nullptr, &hidden);
    QCOMPARE(hidden, size_t(0));
    QCOMPARE(charts.size(),
             size_t(3)); // by family name: http_requests, latency_seconds, queue_depth
    QCOMPARE(charts[0].key, QStringLiteral("metric:http_requests"));
    QCOMPARE(charts[1].key, QStringLiteral("metric:latency_seconds"));
    QCOMPARE(charts[2].key, QStringLiteral("metric:queue_depth"));

    // Counter as a rate: (30 - 10) / 10 s = 2 /s at 10 s; reset to 5: 5 / 10 s = 0.5 /s at 20 s.
    const auto& rate = charts[0].lines.at(0);
    QCOMPARE(rate.y, (std::vector<double>{2.0, 0.5}));
    QCOMPARE(rate.xMs.at(0), double(kT0 + 10 * kSecond) / 1e6);
    QCOMPARE(rate.name, QStringLiteral("code=200")); // the service label is left out
    QCOMPARE(charts[0].unit, QStringLiteral("/s"));

    // Histogram: mean per interval (3 - 1) / (20 - 10) = 0.2 s, shown as 200 ms; the bucket
    // series is not drawn, its exemplar is: 0.25 s = 250 ms at 9 s, trace 4bf92f35...
    const auto& hist = charts[1];
    QCOMPARE(hist.unit, QStringLiteral("ms"));
    QCOMPARE(hist.lines.size(), size_t(1));
    QCOMPARE(hist.lines[0].y.size(), size_t(1));
    QVERIFY(std::fabs(hist.lines[0].y[0] - 200.0) < 1e-9);
    QCOMPARE(hist.exemplars.size(), size_t(1));
    QVERIFY(std::fabs(hist.exemplars[0].y - 250.0) < 1e-9);
    QCOMPARE(hist.exemplars[0].xMs, double(kT0 + 9 * kSecond) / 1e6);
    QCOMPARE(hist.exemplars[0].trace, model::parseTraceId("4bf92f3577b34da6a3ce929d0e0e4736").id);
    QCOMPARE(hist.exemplars[0].span, model::SpanId(0x00f067aa0ba902b7));
    QVERIFY(!hist.exemplars[0].traceLoaded); // no correlation index: not known to be loaded

    // Gauge as stored: one sample 7 at 5 s.
    QCOMPARE(charts[2].lines.at(0).y, (std::vector<double>{7}));
}

QTEST_GUILESS_MAIN(MetricChartDataTest)
#include "metric_chart_data_test.moc"
