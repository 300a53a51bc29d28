// LatencySketch (log-bucketed, mergeable), CallStats per time bucket and TimeBuckets.
// Expected quantiles come from the distributions themselves (nearest rank), the tolerance from
// the sketch's documented ~1% relative accuracy (gamma = 1.02: (gamma-1)/(gamma+1) < 1%).
#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>

#include "models/graph/latency_sketch.h"
#include "models/graph/service_graph.h"

using namespace tg::model;

namespace {

// qint64 (not int64_t, which is `long` here) so QTest data rows get the column's exact type.
constexpr qint64 kMs = 1'000'000;
constexpr qint64 kSecond = 1'000'000'000;

bool within(double got, double want, double relative) {
    return std::abs(got - want) <= relative * std::abs(want);
}

QString describe(double got, double want) {
    return QStringLiteral("got %1 ns, want %2 ns (%3%)")
        .arg(got, 0, 'f', 0)
        .arg(want, 0, 'f', 0)
        .arg(100.0 * (got - want) / want, 0, 'f', 3);
}

} // namespace

class LatencySketchTest : public QObject {
    Q_OBJECT
private slots:
    void uniformQuantiles_data();
    void uniformQuantiles();
    void singleValueRelativeAccuracy_data();
    void singleValueRelativeAccuracy();
    void skewedDistribution();
    void mergeEqualsAddingEverything();
    void mergeWithEmpty();
    void emptySketch();
    void zeroAndNegativeDurations();
    void weightedAddAndFromBins();
    void binsStaySortedForAnyOrder();

    void callStatsTotalsAndBuckets();
    void callStatsWindow();
    void coverPicksRoundWidths_data();
    void coverPicksRoundWidths();
    void coverStaysWithinMaxBuckets_data();
    void coverStaysWithinMaxBuckets();
    void bucketOfClamps();
};

void LatencySketchTest::uniformQuantiles_data() {
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expectedMs");
    // 1..10000 ms, one each: the nearest-rank q-quantile is ceil(q * 10000) ms.
    QTest::newRow("p0") << 0.0 << 1.0;
    QTest::newRow("p1") << 0.01 << 100.0;
    QTest::newRow("p25") << 0.25 << 2500.0;
    QTest::newRow("p50") << 0.5 << 5000.0;
    QTest::newRow("p90") << 0.9 << 9000.0;
    QTest::newRow("p99") << 0.99 << 9900.0;
    QTest::newRow("p999") << 0.999 << 9990.0;
    QTest::newRow("p100") << 1.0 << 10000.0;
}

void LatencySketchTest::uniformQuantiles() {
    QFETCH(double, q);
    QFETCH(double, expectedMs);
    LatencySketch s;
    for (int64_t ms = 1; ms <= 10000; ++ms)
        s.add(ms * kMs);
    QCOMPARE(s.count(), uint64_t(10000));
    const double got = s.quantileNs(q);
    const double want = expectedMs * kMs;
    QVERIFY2(within(got, want, 0.02), qPrintable(describe(got, want)));
    // The documented accuracy is ~1%; allow for the rank landing one value off.
    QVERIFY2(within(got, want, 0.011), qPrintable(describe(got, want)));
}

void LatencySketchTest::singleValueRelativeAccuracy_data() {
    QTest::addColumn<qint64>("ns");
    QTest::newRow("2 ns") << Q_INT64_C(2);
    QTest::newRow("7 ns") << Q_INT64_C(7);
    QTest::newRow("1 us") << Q_INT64_C(1000);
    QTest::newRow("1 ms") << kMs;
    QTest::newRow("123456789 ns") << Q_INT64_C(123456789);
    QTest::newRow("1 h") << 3600 * kSecond;
    QTest::newRow("30 days") << 30 * 86400 * kSecond;
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max();
}

void LatencySketchTest::singleValueRelativeAccuracy() {
    QFETCH(qint64, ns);
    LatencySketch s;
    s.add(ns);
    for (double q : {0.0, 0.5, 1.0}) {
        const double got = s.quantileNs(q);
        QVERIFY2(within(got, static_cast<double>(ns), 0.01),
                 qPrintable(describe(got, static_cast<double>(ns))));
    }
}

void LatencySketchTest::skewedDistribution() {
    // 990 fast calls at 10 ms and 10 slow ones at 2 s: p50 and p99 are 10 ms, p99.5 is 2 s.
    LatencySketch s;
    s.add(10 * kMs, 990);
    for (int i = 0; i < 10; ++i)
        s.add(2 * kSecond);
    QVERIFY(within(s.quantileNs(0.5), 10.0 * kMs, 0.01));
    QVERIFY(within(s.quantileNs(0.99), 10.0 * kMs, 0.01));
    QVERIFY(within(s.quantileNs(0.995), 2.0 * kSecond, 0.01));
    QVERIFY(within(s.quantileNs(1.0), 2.0 * kSecond, 0.01));
    QCOMPARE(s.bins().size(), size_t(2));
}

void LatencySketchTest::mergeEqualsAddingEverything() {
    LatencySketch a, b, all;
    // Overlapping ranges so some bins exist on both sides, some only on one.
    for (int64_t v = 1; v <= 5000; v += 7) {
        a.add(v * 1000);
        all.add(v * 1000);
    }
    for (int64_t v = 3000; v <= 90000; v += 13) {
        b.add(v * 1000);
        all.add(v * 1000);
    }
    b.add(0);
    all.add(0);
    LatencySketch merged = a;
    merged.merge(b);
    QCOMPARE(merged.count(), all.count());
    QCOMPARE(merged.count(), a.count() + b.count());
    QVERIFY(merged.bins() == all.bins());
    // Merge is symmetric.
    LatencySketch other = b;
    other.merge(a);
    QVERIFY(other.bins() == all.bins());
    for (double q : {0.0, 0.1, 0.5, 0.9, 0.99, 1.0})
        QCOMPARE(merged.quantileNs(q), all.quantileNs(q));
}

void LatencySketchTest::mergeWithEmpty() {
    LatencySketch s, empty;
    s.add(5 * kMs);
    s.add(50 * kMs);
    const auto bins = s.bins();
    s.merge(empty);
    QVERIFY(s.bins() == bins);
    QCOMPARE(s.count(), uint64_t(2));
    empty.merge(s);
    QVERIFY(empty.bins() == bins);
    QCOMPARE(empty.count(), uint64_t(2));
}

void LatencySketchTest::emptySketch() {
    const LatencySketch s;
    QVERIFY(s.empty());
    QCOMPARE(s.count(), uint64_t(0));
    QVERIFY(s.bins().empty());
    for (double q : {0.0, 0.5, 1.0, -1.0, 2.0})
        QCOMPARE(s.quantileNs(q), 0.0);
}

void LatencySketchTest::zeroAndNegativeDurations() {
    LatencySketch s;
    s.add(0);
    s.add(-5);
    s.add(std::numeric_limits<int64_t>::min());
    s.add(1);
    QCOMPARE(s.count(), uint64_t(4));
    QCOMPARE(s.bins().size(), size_t(1)); // all at or below 1 ns share bin 0
    QCOMPARE(s.bins().front().first, int16_t(0));
    QCOMPARE(s.bins().front().second, uint32_t(4));
    QCOMPARE(s.quantileNs(0.5), 0.0);
    QCOMPARE(s.quantileNs(1.0), 0.0);
    s.add(kSecond);
    QCOMPARE(s.quantileNs(0.0), 0.0);
    QVERIFY(within(s.quantileNs(1.0), 1.0 * kSecond, 0.01));
    // q outside [0,1] is clamped.
    QCOMPARE(s.quantileNs(-3.0), 0.0);
    QCOMPARE(s.quantileNs(7.0), s.quantileNs(1.0));
}

void LatencySketchTest::weightedAddAndFromBins() {
    LatencySketch s;
    s.add(3 * kMs, 5);
    s.add(40 * kMs, 2);
    s.add(3 * kMs, 1);
    QCOMPARE(s.count(), uint64_t(8));
    QCOMPARE(s.bins().size(), size_t(2));
    QCOMPARE(s.bins()[0].second, uint32_t(6));
    QVERIFY(within(s.quantileNs(0.75), 3.0 * kMs, 0.01));  // rank 6 of 8
    QVERIFY(within(s.quantileNs(0.76), 40.0 * kMs, 0.01)); // rank 7 of 8
    const LatencySketch copy = LatencySketch::fromBins(s.bins());
    QCOMPARE(copy.count(), s.count());
    QVERIFY(copy.bins() == s.bins());
    for (double q : {0.0, 0.5, 1.0})
        QCOMPARE(copy.quantileNs(q), s.quantileNs(q));
}

void LatencySketchTest::binsStaySortedForAnyOrder() {
    LatencySketch up, down, mixed;
    for (int64_t v = 1; v <= 2000; ++v)
        up.add(v * 997);
    for (int64_t v = 2000; v >= 1; --v)
        down.add(v * 997);
    for (int64_t i = 0; i < 2000; ++i)
        mixed.add(((i * 7919) % 2000 + 1) * 997);
    QVERIFY(up.bins() == down.bins());
    QVERIFY(up.bins() == mixed.bins());
    for (size_t i = 1; i < up.bins().size(); ++i)
        QVERIFY(up.bins()[i - 1].first < up.bins()[i].first);
}

// --- CallStats ---------------------------------------------------------------------------------

void LatencySketchTest::callStatsTotalsAndBuckets() {
    CallStats c;
    c.add(5, 10 * kMs, false);
    c.add(2, 20 * kMs, true);
    c.add(5, 30 * kMs, true);
    c.add(0, 40 * kMs, false);
    c.add(2, 50 * kMs, false);
    QCOMPARE(c.calls, uint64_t(5));
    QCOMPARE(c.errors, uint64_t(2));
    QCOMPARE(c.latency.count(), uint64_t(5));
    QCOMPARE(c.buckets.size(), size_t(3));
    QCOMPARE(c.buckets[0].bucket, uint32_t(0));
    QCOMPARE(c.buckets[1].bucket, uint32_t(2));
    QCOMPARE(c.buckets[2].bucket, uint32_t(5));
    QCOMPARE(c.buckets[1].calls, uint64_t(2));
    QCOMPARE(c.buckets[1].errors, uint64_t(1));
    QCOMPARE(c.buckets[2].calls, uint64_t(2));
    QCOMPARE(c.buckets[2].errors, uint64_t(1));
    QCOMPARE(c.buckets[0].latency.count(), uint64_t(1));
}

void LatencySketchTest::callStatsWindow() {
    CallStats c;
    // bucket b gets b+1 calls of (b+1)*10 ms; every call in odd buckets is an error.
    for (uint32_t b = 0; b < 10; ++b)
        for (uint32_t i = 0; i <= b; ++i)
            c.add(b, (b + 1) * 10 * kMs, b % 2 == 1);
    const CallStats w = c.window(3, 5); // 4 + 5 + 6 calls; errors from 3 and 5
    QCOMPARE(w.calls, uint64_t(15));
    QCOMPARE(w.errors, uint64_t(4 + 6));
    QCOMPARE(w.latency.count(), uint64_t(15));
    QCOMPARE(w.buckets.size(), size_t(3));
    LatencySketch expected;
    expected.add(40 * kMs, 4);
    expected.add(50 * kMs, 5);
    expected.add(60 * kMs, 6);
    QVERIFY(w.latency.bins() == expected.bins());

    const CallStats all = c.window(0, std::numeric_limits<uint32_t>::max());
    QCOMPARE(all.calls, c.calls);
    QCOMPARE(all.errors, c.errors);
    QVERIFY(all.latency.bins() == c.latency.bins());

    const CallStats one = c.window(7, 7);
    QCOMPARE(one.calls, uint64_t(8));
    QCOMPARE(one.errors, uint64_t(8));

    const CallStats none = c.window(20, 30);
    QCOMPARE(none.calls, uint64_t(0));
    QVERIFY(none.latency.empty());
    QVERIFY(none.buckets.empty());
    const CallStats reversed = c.window(5, 3);
    QCOMPARE(reversed.calls, uint64_t(0));
}

// --- TimeBuckets -------------------------------------------------------------------------------

void LatencySketchTest::coverPicksRoundWidths_data() {
    QTest::addColumn<qint64>("minNs");
    QTest::addColumn<qint64>("maxNs");
    QTest::addColumn<uint>("maxBuckets");
    QTest::addColumn<qint64>("width");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<uint>("count");
    const qint64 t0 = Q_INT64_C(1485449191639875000); // 2017-01-26T16:46:31.639875Z
    // 10 s from an aligned start: 1 s buckets, [0,10] inclusive = 11 buckets.
    QTest::newRow("10 s") << Q_INT64_C(0) << 10 * kSecond << 360u << kSecond << Q_INT64_C(0) << 11u;
    // One instant: 1 s, aligned down to the whole second.
    QTest::newRow("instant") << t0 << t0 << 360u << kSecond << Q_INT64_C(1485449191000000000) << 1u;
    // 1 hour: 1/2/5/10 s give >= 360 buckets, 15 s gives 240. 1485449191 s rounds down to a
    // multiple of 15 at 1485449190 s; (3600 + 1.639875) / 15 = 240.1 -> 241 buckets.
    QTest::newRow("1 h") << t0 << t0 + 3600 * kSecond << 360u << 15 * kSecond
                         << Q_INT64_C(1485449190000000000) << 241u;
    // 6 minutes exactly: 360 / 1 s is not < 360, so 2 s.
    QTest::newRow("6 min") << Q_INT64_C(0) << 360 * kSecond << 360u << 2 * kSecond << Q_INT64_C(0)
                           << 181u;
    // 30 days: 720 h; 1 h gives 720, 3 h gives 240.
    QTest::newRow("30 days") << Q_INT64_C(0) << 30 * 86400 * kSecond << 360u << 3 * 3600 * kSecond
                             << Q_INT64_C(0) << 241u;
    // A caller asking for at most 10 buckets over 100 s: 10 s gives 10 (not < 10), so 15 s.
    QTest::newRow("max 10") << Q_INT64_C(0) << 100 * kSecond << 10u << 15 * kSecond << Q_INT64_C(0)
                            << 7u;
    // Nothing on the ladder fits 50 years in 360 buckets: the widest width (7 days) is used.
    // 50 * 365 days = 1576800000 s; / 604800 = 2607.1 -> 2608 buckets.
    QTest::newRow("50 years") << Q_INT64_C(0) << 1576800000 * kSecond << 360u << 604800 * kSecond
                              << Q_INT64_C(0) << 2608u;
    // 2^32 + 99 s: 1 s buckets would number 2^32 + 100, which must not wrap to 100 in 32 bits.
    // 4295067395 / 604800 = 7101.6 -> 7102 buckets.
    QTest::newRow("2^32 s") << Q_INT64_C(0) << Q_INT64_C(4295067395) * kSecond << 360u
                            << 604800 * kSecond << Q_INT64_C(0) << 7102u;
    // Before the epoch the start still rounds down (toward -infinity).
    QTest::newRow("negative") << Q_INT64_C(-1) << Q_INT64_C(0) << 360u << kSecond << -kSecond << 2u;
}

void LatencySketchTest::coverPicksRoundWidths() {
    QFETCH(qint64, minNs);
    QFETCH(qint64, maxNs);
    QFETCH(uint, maxBuckets);
    QFETCH(qint64, width);
    QFETCH(qint64, start);
    QFETCH(uint, count);
    const TimeBuckets tb = TimeBuckets::cover(minNs, maxNs, maxBuckets);
    QCOMPARE(tb.widthNs, width);
    QCOMPARE(tb.startNs, start);
    QCOMPARE(tb.count, uint32_t(count));
    QCOMPARE(tb.bucketOf(minNs), uint32_t((minNs - start) / width));
    QCOMPARE(tb.bucketOf(maxNs), tb.count - 1);
}

void LatencySketchTest::coverStaysWithinMaxBuckets_data() {
    QTest::addColumn<qint64>("minNs");
    QTest::addColumn<qint64>("maxNs");
    QTest::addColumn<uint>("maxBuckets");
    // The span fits (359.9 one-second buckets) but the aligned start adds one more bucket.
    QTest::newRow("unaligned 359.9 s")
        << kSecond / 2 << kSecond / 2 + 359 * kSecond + 9 * kSecond / 10 << 360u;
    QTest::newRow("unaligned 9.9 s / 10") << Q_INT64_C(700000000) << Q_INT64_C(10600000000) << 10u;
    QTest::newRow("aligned 1 h") << Q_INT64_C(0) << 3600 * kSecond << 360u;
    QTest::newRow("odd 17 min") << Q_INT64_C(1485449191639875000)
                                << Q_INT64_C(1485449191639875000) + 1020 * kSecond << 360u;
    QTest::newRow("2 days, 100") << Q_INT64_C(1485449191639875000)
                                 << Q_INT64_C(1485449191639875000) + 2 * 86400 * kSecond << 100u;
}

void LatencySketchTest::coverStaysWithinMaxBuckets() {
    QFETCH(qint64, minNs);
    QFETCH(qint64, maxNs);
    QFETCH(uint, maxBuckets);
    const TimeBuckets tb = TimeBuckets::cover(minNs, maxNs, maxBuckets);
    QVERIFY(tb.startNs <= minNs);
    QCOMPARE(tb.startNs % tb.widthNs, Q_INT64_C(0));
    QVERIFY(tb.startNs + static_cast<int64_t>(tb.count) * tb.widthNs > maxNs); // covers max
    QVERIFY2(tb.count <= maxBuckets,
             qPrintable(QStringLiteral("%1 buckets of %2 s for a limit of %3")
                            .arg(tb.count)
                            .arg(tb.widthNs / kSecond)
                            .arg(maxBuckets)));
}

void LatencySketchTest::bucketOfClamps() {
    TimeBuckets tb;
    tb.startNs = 0;
    tb.widthNs = kSecond;
    tb.count = 11;
    QCOMPARE(tb.bucketOf(-5), uint32_t(0));
    QCOMPARE(tb.bucketOf(std::numeric_limits<int64_t>::min()), uint32_t(0));
    QCOMPARE(tb.bucketOf(0), uint32_t(0));
    QCOMPARE(tb.bucketOf(kSecond - 1), uint32_t(0));
    QCOMPARE(tb.bucketOf(kSecond), uint32_t(1));
    QCOMPARE(tb.bucketOf(10 * kSecond + kSecond / 2), uint32_t(10));
    QCOMPARE(tb.bucketOf(11 * kSecond), uint32_t(10));
    QCOMPARE(tb.bucketOf(std::numeric_limits<int64_t>::max()), uint32_t(10));
    // An empty range: every time maps to bucket 0.
    const TimeBuckets empty = TimeBuckets::cover(10, 5);
    QCOMPARE(empty.count, uint32_t(0));
    QCOMPARE(empty.bucketOf(7), uint32_t(0));
}

QTEST_GUILESS_MAIN(LatencySketchTest)
#include "latency_sketch_test.moc"
