// The workspace's metric tables (schema v4): a persisted MetricStore reloads with the same
// families, series (names, roles, labels, sources), samples (NaN and infinities included),
// exemplars (sample, time, IDs, labels, flags); later imports append; a store that does not
// extend the file is refused; a damaged row is an error. Values are the test's own.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

#include <sqlite3.h>

#include "models/workspace/workspace.h"

using namespace tg::model;

namespace {

constexpr int64_t kT0 = 1'700'000'000'000'000'000;
constexpr int64_t kSec = 1'000'000'000;

struct Temp {
    QTemporaryDir dir;
    std::string path() const { return (dir.path() + "/m.topograph").toStdString(); }
    std::unique_ptr<Workspace> open() {
        auto ws = Workspace::open(path(), true);
        if (!ws) qFatal("%s", ws.error().toString().c_str());
        return std::move(*ws);
    }
};

// Two sources. Family 0 counter (series 0, 1), family 1 histogram (buckets 2, 3, count 4),
// family 2 gauge (series 5: NaN, +Inf, -Inf, -0.0 values). Exemplars: 0 on sample 1 with time,
// trace and span; 1 without sample or time; 2 with a hashed (non-hex) trace.
void fill(MetricStore& m) {
    m.addSource("a.om", "openmetrics-text");
    const FamilyId c = m.addFamily({"http_requests", MetricType::Counter, "Requests.", "", 1});
    const LabelInput ok[] = {{"job", "shop/checkout"}, {"outcome", "success"}};
    const LabelInput err[] = {{"job", "shop/checkout"}, {"outcome", "error"}};
    const SeriesId s0 = m.addSeries(c, "http_requests_total", SeriesRole::Total, ok);
    const SeriesId s1 = m.addSeries(c, "http_requests_total", SeriesRole::Total, err);
    m.addSample(s0, kT0, 1);
    const uint32_t sample1 = m.addSample(s0, kT0 + kSec, 3, kSampleTimeAssumed);
    m.addSample(s1, kT0, 0);
    const FamilyId h = m.addFamily({"latency_seconds", MetricType::Histogram, "", "seconds", 0});
    const LabelInput b1[] = {{"le", "0.1"}, {"service", "cart"}};
    const LabelInput b2[] = {{"le", "+Inf"}, {"service", "cart"}};
    const LabelInput cl[] = {{"service", "cart"}};
    const SeriesId s2 = m.addSeries(h, "latency_seconds_bucket", SeriesRole::Bucket, b1);
    const SeriesId s3 = m.addSeries(h, "latency_seconds_bucket", SeriesRole::Bucket, b2);
    const SeriesId s4 = m.addSeries(h, "latency_seconds_count", SeriesRole::Count, cl);
    m.addSample(s2, kT0, 2);
    m.addSample(s3, kT0, 5);
    m.addSample(s4, kT0, 5);
    m.addSource("b.json", "otlp-metrics-json");
    const FamilyId g = m.addFamily({"temperature", MetricType::Gauge, "", "", 0});
    const SeriesId s5 = m.addSeries(g, "temperature", SeriesRole::Value, {});
    m.addSample(s5, kT0, std::nan(""));
    m.addSample(s5, kT0 + 1, std::numeric_limits<double>::infinity());
    m.addSample(s5, kT0 + 2, -std::numeric_limits<double>::infinity());
    m.addSample(s5, kT0 + 3, -0.0);
    const LabelInput ex[] = {{"trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"}, {"span_id", "1"}};
    ExemplarInput e;
    e.series = s0;
    e.sample = sample1;
    e.value = 0.25;
    e.timeNs = kT0 + 500'000'000;
    e.hasTime = true;
    e.labels = ex;
    e.trace = parseTraceId("4bf92f3577b34da6a3ce929d0e0e4736");
    e.span = parseSpanId("1");
    m.addExemplar(e);
    ExemplarInput bare;
    bare.series = s2;
    bare.value = std::nan("");
    m.addExemplar(bare);
    ExemplarInput odd;
    odd.series = s3;
    odd.trace = parseTraceId("not-a-hex-id");
    m.addExemplar(odd);
    m.buildIndex();
}

std::string labels(const MetricStore& m, std::span<const Label> set) {
    std::string out;
    for (const Label& l : set)
        out +=
            std::string(m.strings.view(l.key)) + "=" + std::string(m.strings.view(l.value)) + ";";
    return out;
}

// SQLite keeps no NaN (stored as NULL, read back as NaN) and no negative zero (-0.0 reads
// back as 0, which compares equal).
bool sameValue(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

void compareStores(const MetricStore& a, const MetricStore& b) {
    QCOMPARE(b.strings.size(), a.strings.size());
    QCOMPARE(b.sources.size(), a.sources.size());
    QCOMPARE(b.familyCount(), a.familyCount());
    for (FamilyId f = 0; f < a.familyCount(); ++f) {
        QCOMPARE(b.familyName[f], a.familyName[f]);
        QCOMPARE(b.familyType[f], a.familyType[f]);
        QCOMPARE(b.familyUnit[f], a.familyUnit[f]);
        QCOMPARE(b.familyHelp[f], a.familyHelp[f]);
        QCOMPARE(b.familyFlags[f], a.familyFlags[f]);
    }
    QCOMPARE(b.seriesCount(), a.seriesCount());
    for (SeriesId s = 0; s < a.seriesCount(); ++s) {
        QCOMPARE(b.nameOf(s), a.nameOf(s));
        QCOMPARE(b.seriesRole[s], a.seriesRole[s]);
        QCOMPARE(b.seriesFamily[s], a.seriesFamily[s]);
        QCOMPARE(b.seriesSource[s], a.seriesSource[s]);
        QCOMPARE(labels(b, b.labelsOf(s)), labels(a, a.labelsOf(s)));
    }
    QCOMPARE(b.sampleCount(), a.sampleCount());
    for (size_t i = 0; i < a.sampleCount(); ++i) {
        QCOMPARE(b.sampleSeries[i], a.sampleSeries[i]);
        QCOMPARE(b.sampleTimeNs[i], a.sampleTimeNs[i]);
        QVERIFY2(sameValue(b.sampleValue[i], a.sampleValue[i]), qPrintable(QString::number(i)));
        QCOMPARE(b.sampleFlags[i], a.sampleFlags[i]);
        QCOMPARE(b.sampleSource[i], a.sampleSource[i]);
    }
    QCOMPARE(b.exemplarCount(), a.exemplarCount());
    for (uint32_t e = 0; e < a.exemplarCount(); ++e) {
        QCOMPARE(b.exemplarSeries[e], a.exemplarSeries[e]);
        QCOMPARE(b.exemplarSample[e], a.exemplarSample[e]);
        QVERIFY(sameValue(b.exemplarValue[e], a.exemplarValue[e]));
        QCOMPARE(b.exemplarTimeNs[e], a.exemplarTimeNs[e]);
        QCOMPARE(b.exemplarFlags[e], a.exemplarFlags[e]);
        QVERIFY(b.exemplarTrace[e] == a.exemplarTrace[e]);
        QCOMPARE(b.exemplarSpan[e], a.exemplarSpan[e]);
        QCOMPARE(labels(b, b.exemplarLabelsOf(e)), labels(a, a.exemplarLabelsOf(e)));
    }
    QVERIFY(b.indexCurrent());
}

} // namespace

class MetricsWorkspaceTest : public QObject {
    Q_OBJECT
private slots:
    void roundTrip();
    void laterImportsAppend();
    void refusesStoreThatDoesNotExtend();
    void damagedSampleIsAnError();
};

void MetricsWorkspaceTest::roundTrip() {
    Temp t;
    MetricStore m;
    fill(m);
    QVERIFY(t.open()->persistNewMetrics(m, {"{\"a\":1}"}).ok());
    auto ws = t.open();
    QCOMPARE(ws->storedSamples(), uint64_t(10));
    MetricStore back;
    QVERIFY(ws->loadMetricsInto(back).ok());
    compareStores(m, back);
    // Spot checks against the values written by fill().
    QCOMPARE(
        back.findSeries("http_requests_total",
                        std::vector<LabelInput>{{"outcome", "error"}, {"job", "shop/checkout"}}),
        SeriesId(1));
    QVERIFY(std::isnan(back.sampleValue[6]));
    QVERIFY(std::isinf(back.sampleValue[7]) && back.sampleValue[7] > 0);
    QCOMPARE(back.sampleValue[9], 0.0); // -0.0 loses its sign in SQLite
    QCOMPARE(back.exemplarSample[0], uint32_t(1));
    QCOMPARE(back.exemplarSample[1], kNoRow);
    QVERIFY(back.exemplarFlags[2] & kExemplarNonHexId);
    QCOMPARE(back.samplesOf(5).size(), size_t(4));
}

void MetricsWorkspaceTest::laterImportsAppend() {
    Temp t;
    MetricStore m;
    fill(m);
    t.open()->persistNewMetrics(m);
    auto ws = t.open();
    MetricStore loaded;
    QVERIFY(ws->loadMetricsInto(loaded).ok());
    // 300 more samples (two 128-sample INSERTs and 44 single ones), to an old and a new series.
    loaded.addSource("c.prom", "prometheus-text");
    const FamilyId f = loaded.addFamily({"queue_depth", MetricType::Gauge, "", "", 0});
    const SeriesId fresh = loaded.addSeries(f, "queue_depth", SeriesRole::Value, {});
    for (int i = 0; i < 300; ++i)
        loaded.addSample(i % 2 ? fresh : SeriesId(0), kT0 + (10 + i) * kSec, i);
    loaded.buildIndex();
    QVERIFY(ws->persistNewMetrics(loaded).ok());
    QCOMPARE(ws->storedSamples(), uint64_t(310));
    MetricStore again;
    QVERIFY(t.open()->loadMetricsInto(again).ok());
    compareStores(loaded, again);
    QCOMPARE(again.samplesOf(fresh).size(), size_t(150));
    QCOMPARE(again.sampleValue[again.samplesOf(fresh).back()], 299.0);
}

void MetricsWorkspaceTest::refusesStoreThatDoesNotExtend() {
    Temp t;
    MetricStore m;
    fill(m);
    auto ws = t.open();
    QVERIFY(ws->persistNewMetrics(m).ok());
    MetricStore other;
    other.addSource("x", "y");
    const FamilyId f = other.addFamily({"zzz", MetricType::Gauge, "", "", 0});
    const SeriesId s = other.addSeries(f, "zzz", SeriesRole::Value, {});
    for (int i = 0; i < 20; ++i)
        other.addSample(s, i, i);
    const Status st = ws->persistNewMetrics(other);
    QVERIFY(!st.ok());
    QVERIFY(st.error().detail.find("does not extend") != std::string::npos);
}

void MetricsWorkspaceTest::damagedSampleIsAnError() {
    Temp t;
    MetricStore m;
    fill(m);
    t.open()->persistNewMetrics(m);
    sqlite3* db = nullptr;
    sqlite3_open(t.path().c_str(), &db);
    QCOMPARE(sqlite3_exec(db, "UPDATE metric_samples SET series = 42 WHERE row = 3", nullptr,
                          nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
    MetricStore back;
    const Status s = t.open()->loadMetricsInto(back);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Syntax);
    QVERIFY(s.error().detail.find("metric sample 3 refers to a missing series") !=
            std::string::npos);
    QCOMPARE(back.sampleCount(), size_t(0));
    QCOMPARE(back.seriesCount(), size_t(0));
}

QTEST_APPLESS_MAIN(MetricsWorkspaceTest)
#include "metrics_workspace_test.moc"
