// The telemetry model on its own (models/telemetry): label sets are interned sorted and
// deduplicated, series and streams are unique by identity, the index sorts samples per series
// by time, severities normalise, and truncate() returns both stores exactly to a checkpoint
// (a failed import's rollback). All expected values are worked out by hand in the comments.
#include <QTest>

#include <cmath>

#include "models/telemetry/log_store.h"
#include "models/telemetry/metric_store.h"
#include "models/telemetry/telemetry_keys.h"

using namespace tg::model;

class TelemetryModelTest : public QObject {
    Q_OBJECT
private slots:
    void seriesAreUniqueByNameAndLabels();
    void samplesOfSortsByTime();
    void exemplarsKeepIdsAndLabels();
    void metricTruncateRollsBack();
    void streamsAreDeduplicated();
    void logTruncateRollsBack();
    void recordsKeepTheirKeysAndSeverities();
    void severityNormalises();
    void keyConventions();
};

void TelemetryModelTest::seriesAreUniqueByNameAndLabels() {
    MetricStore m;
    const FamilyId f = m.addFamily({"http_requests", MetricType::Counter, "help", "", 0});
    const LabelInput a[] = {{"method", "GET"}, {"code", "200"}};
    const LabelInput b[] = {{"code", "200"}, {"method", "GET"}}; // same set, other order
    const LabelInput c[] = {{"code", "500"}, {"method", "GET"}};
    const SeriesId s1 = m.addSeries(f, "http_requests_total", SeriesRole::Total, a);
    const SeriesId s2 = m.addSeries(f, "http_requests_total", SeriesRole::Total, b);
    const SeriesId s3 = m.addSeries(f, "http_requests_total", SeriesRole::Total, c);
    QCOMPARE(s1, s2);
    QVERIFY(s3 != s1);
    QCOMPARE(m.seriesCount(), size_t(2));
    QCOMPARE(m.labels.size(), size_t(4)); // the duplicate's copy was dropped
    // Sorted by key: code before method.
    QCOMPARE(m.strings.view(m.labelsOf(s1)[0].key), std::string_view("code"));
    QCOMPARE(m.labelValue(s3, "code"), std::string_view("500"));
    QCOMPARE(m.labelValue(s3, "absent"), std::string_view());
    QCOMPARE(m.findSeries("http_requests_total", b), s1);
    QCOMPARE(m.findSeries("http_requests_total", {}), kNoRow);
    // Same family name again: the first definition is kept.
    bool created = true;
    QCOMPARE(m.addFamily({"http_requests", MetricType::Gauge, "", "", 0}, &created), f);
    QVERIFY(!created);
    QCOMPARE(m.typeOf(s1), MetricType::Counter);
    // Equal keys: the last value wins (as a JSON object read twice would).
    const LabelInput dup[] = {{"job", "a"}, {"job", "b"}};
    const SeriesId s4 = m.addSeries(f, "x", SeriesRole::Value, dup);
    QCOMPARE(m.labelsOf(s4).size(), size_t(1));
    QCOMPARE(m.labelValue(s4, "job"), std::string_view("b"));
    QCOMPARE(m.serviceOf(s4), std::string_view("b")); // job is a service key
}

void TelemetryModelTest::samplesOfSortsByTime() {
    MetricStore m;
    const FamilyId f = m.addFamily({"up", MetricType::Gauge, "", "", 0});
    const SeriesId a = m.addSeries(f, "up", SeriesRole::Value, {});
    const LabelInput l[] = {{"job", "node"}};
    const SeriesId b = m.addSeries(f, "up", SeriesRole::Value, l);
    m.addSample(a, 30, 3);
    m.addSample(b, 5, 50);
    m.addSample(a, 10, 1);
    m.addSample(a, 20, 2);
    QVERIFY(!m.indexCurrent());
    m.buildIndex();
    QVERIFY(m.indexCurrent());
    const auto rows = m.samplesOf(a);
    QCOMPARE(rows.size(), size_t(3));
    // Rows 2 (t=10), 3 (t=20), 0 (t=30).
    QCOMPARE(rows[0], 2u);
    QCOMPARE(rows[1], 3u);
    QCOMPARE(rows[2], 0u);
    QCOMPARE(m.samplesOf(b).size(), size_t(1));
    QCOMPARE(m.sampleValue[m.samplesOf(b)[0]], 50.0);
    QVERIFY(m.samplesOf(99).empty());
}

void TelemetryModelTest::exemplarsKeepIdsAndLabels() {
    MetricStore m;
    const FamilyId f = m.addFamily({"lat", MetricType::Histogram, "", "seconds", 0});
    const LabelInput le[] = {{"le", "0.5"}};
    const SeriesId s = m.addSeries(f, "lat_bucket", SeriesRole::Bucket, le);
    const uint32_t row = m.addSample(s, 1000, 7);
    const LabelInput ex[] = {{"trace_id", "4BF92F3577B34DA6A3CE929D0E0E4736"}, {"user", "x"}};
    ExemplarInput in;
    in.series = s;
    in.sample = row;
    in.value = 0.25;
    in.labels = ex;
    in.trace = parseTraceId(ex[0].value);
    in.timeNs = 999;
    in.hasTime = true;
    m.addExemplar(in);
    in.trace = parseTraceId("not-an-id");
    in.hasTime = false;
    m.addExemplar(in);
    m.buildIndex();
    QCOMPARE(m.exemplarCount(), size_t(2));
    QCOMPARE(m.exemplarTrace[0].toHex(), std::string("4bf92f3577b34da6a3ce929d0e0e4736"));
    QCOMPARE(m.exemplarFlags[0], uint8_t(kExemplarHasTime));
    QCOMPARE(m.exemplarFlags[1], uint8_t(kExemplarNonHexId));
    QCOMPARE(m.exemplarLabelsOf(0).size(), size_t(2));
    QCOMPARE(m.exemplarSample[0], row);
    QCOMPARE(m.exemplarsOf(s).size(), size_t(2));
}

void TelemetryModelTest::metricTruncateRollsBack() {
    MetricStore m;
    m.addSource("a.prom", "prometheus-text");
    const FamilyId f = m.addFamily({"up", MetricType::Gauge, "", "", 0});
    const LabelInput l1[] = {{"job", "a"}};
    const SeriesId s = m.addSeries(f, "up", SeriesRole::Value, l1);
    m.addSample(s, 1, 1);
    m.buildIndex();
    const MetricStore::Checkpoint before = m.checkpoint();

    m.addSource("b.prom", "prometheus-text");
    const FamilyId g = m.addFamily({"down", MetricType::Gauge, "", "", 0});
    const LabelInput l2[] = {{"job", "b"}};
    const SeriesId t = m.addSeries(g, "down", SeriesRole::Value, l2);
    m.addSample(t, 2, 2);
    m.addSample(s, 3, 3);
    ExemplarInput ex;
    ex.series = t;
    ex.labels = l2;
    m.addExemplar(ex);
    m.truncate(before);

    QVERIFY(m.checkpoint() == before);
    QCOMPARE(m.findFamily("down"), kNoRow);
    QCOMPARE(m.findSeries("down", l2), kNoRow);
    QVERIFY(m.indexCurrent());
    QCOMPARE(m.samplesOf(s).size(), size_t(1));
    // The rolled-back series can be created again under a fresh id.
    const FamilyId g2 = m.addFamily({"down", MetricType::Gauge, "", "", 0});
    QCOMPARE(g2, FamilyId(1));
    QCOMPARE(m.addSeries(g2, "down", SeriesRole::Value, l2), SeriesId(1));
}

void TelemetryModelTest::streamsAreDeduplicated() {
    LogStore logs;
    const LabelInput a[] = {{"app", "cart"}, {"pod", "cart-1"}};
    const LabelInput b[] = {{"pod", "cart-1"}, {"app", "cart"}};
    QCOMPARE(logs.addStream(a), logs.addStream(b));
    QCOMPARE(logs.addStream({}), StreamId(1));
    QCOMPARE(logs.streamCount(), size_t(2));
    LogInput r;
    r.timeNs = 20;
    r.body = "second";
    r.severity = LogSeverity::Warn;
    r.severityText = "WARNING";
    r.trace = parseTraceId("1ee220e024eb5b0a"); // 64-bit Jaeger-style: left-padded
    r.span = parseSpanId("EEE19B7EC3C1B174");
    r.attributes.push_back(AttributeInput::integer("status", 500));
    logs.addRecord(0, r);
    r.clear();
    r.timeNs = 10;
    r.body = "first";
    logs.addRecord(1, r);
    logs.buildIndex();
    QCOMPARE(logs.recordCount(), size_t(2));
    QCOMPARE(logs.body(0), std::string_view("second"));
    QCOMPARE(logs.body(1), std::string_view("first"));
    QCOMPARE(logs.traceId[0].toHex(), std::string("00000000000000001ee220e024eb5b0a"));
    QCOMPARE(spanIdToHex(logs.spanId[0]), std::string("eee19b7ec3c1b174"));
    QVERIFY(!logs.hasTrace(1));
    QCOMPARE(logs.serviceOf(0), std::string_view("cart"));
    QCOMPARE(logs.labelValue(0, "pod"), std::string_view("cart-1"));
    QCOMPARE(logs.serviceOf(1), std::string_view());
    const Attribute* status = logs.findAttribute(0, "status");
    QVERIFY(status);
    QCOMPARE(logs.attributeText(*status), std::string("500"));
    QCOMPARE(logs.timeOrder()[0], 1u);
    QCOMPARE(logs.timeOrder()[1], 0u);
}

void TelemetryModelTest::logTruncateRollsBack() {
    LogStore logs;
    logs.addSource("a.log", "logfmt");
    const LabelInput a[] = {{"app", "a"}};
    LogInput r;
    r.body = "kept";
    logs.addRecord(logs.addStream(a), r);
    logs.buildIndex();
    const LogStore::Checkpoint before = logs.checkpoint();
    logs.addSource("b.log", "logfmt");
    const LabelInput b[] = {{"app", "b"}};
    r.body = "dropped";
    r.attributes.push_back(AttributeInput::string("k", "v"));
    logs.addRecord(logs.addStream(b), r);
    logs.truncate(before);
    QVERIFY(logs.checkpoint() == before);
    QCOMPARE(std::string(std::string_view(logs.bodyBytes)), std::string("kept"));
    QVERIFY(logs.indexCurrent());
    QCOMPARE(logs.addStream(b), StreamId(1)); // its identity was forgotten too
    QCOMPARE(logs.streamCount(), size_t(2));  // ... and the stream made again
    QCOMPARE(logs.strings.view(logs.streamLabels(1)[0].value), std::string_view("b"));
    // One label set in two orders is one stream; a repeat answers without a new one.
    const LabelInput xy[] = {{"x", "1"}, {"y", "2"}}, yx[] = {{"y", "2"}, {"x", "1"}};
    const StreamId s = logs.addStream(xy);
    QCOMPARE(logs.addStream(yx), s);
    QCOMPARE(logs.addStream(xy), s);
    QCOMPARE(logs.streamCount(), size_t(3));
}

void TelemetryModelTest::recordsKeepTheirKeysAndSeverities() {
    // Keys and severity texts that change from record to record, at the same positions, after
    // a reserve(): each record reads back what it was given.
    LogStore logs;
    logs.addSource("a.log", "logfmt");
    logs.reserve(8, 64, 16);
    const LabelInput none[] = {{"app", "a"}};
    const std::string_view keys[][2] = {{"a", "b"}, {"b", "a"}, {"a", "a"}, {"c", "b"}};
    const std::string_view severities[] = {"info", "INFO", "info", ""};
    for (size_t i = 0; i < 4; ++i) {
        LogInput r;
        r.severityText = severities[i];
        r.body = "x";
        r.attributes.push_back(AttributeInput::string(keys[i][0], "v0"));
        r.attributes.push_back(AttributeInput::integer(keys[i][1], int64_t(i)));
        logs.addRecord(logs.addStream(none), r);
    }
    QCOMPARE(logs.recordCount(), size_t(4));
    for (size_t i = 0; i < 4; ++i) {
        QCOMPARE(logs.strings.view(logs.severityText[i]), severities[i]);
        const auto attrs = logs.attributesOf(i);
        QCOMPARE(attrs.size(), size_t(2));
        QCOMPARE(logs.strings.view(attrs[0].key), keys[i][0]);
        QCOMPARE(logs.strings.view(attrs[0].s), std::string_view("v0"));
        QCOMPARE(logs.strings.view(attrs[1].key), keys[i][1]);
        QCOMPARE(attrs[1].i, int64_t(i));
    }
    QVERIFY(logs.timeNs.capacity() >= 8);
}

void TelemetryModelTest::severityNormalises() {
    QCOMPARE(logSeverityFromText("INFO"), LogSeverity::Info);
    QCOMPARE(logSeverityFromText("Information"), LogSeverity::Info);
    QCOMPARE(logSeverityFromText("warning"), LogSeverity::Warn);
    QCOMPARE(logSeverityFromText("ERR"), LogSeverity::Error);
    QCOMPARE(logSeverityFromText("crit"), LogSeverity::Fatal);
    QCOMPARE(logSeverityFromText("dbg"), LogSeverity::Debug);
    QCOMPARE(logSeverityFromText("loud"), LogSeverity::Unspecified);
    // OTLP numbers: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.
    QCOMPARE(logSeverityFromOtlp(10), LogSeverity::Info);
    QCOMPARE(logSeverityFromOtlp(13), LogSeverity::Warn);
    QCOMPARE(logSeverityFromOtlp(24), LogSeverity::Fatal);
    QCOMPARE(logSeverityFromOtlp(0), LogSeverity::Unspecified);
    QCOMPARE(logSeverityFromOtlp(25), LogSeverity::Unspecified);
    QCOMPARE(logSeverityFromOtlpName("SEVERITY_NUMBER_WARN2"), LogSeverity::Warn);
    QCOMPARE(logSeverityFromOtlpName("SEVERITY_NUMBER_ERROR"), LogSeverity::Error);
    QCOMPARE(metricTypeFromName("untyped"), std::optional(MetricType::Unknown));
    QCOMPARE(metricTypeFromName("gaugehistogram"), std::optional(MetricType::GaugeHistogram));
    QVERIFY(!metricTypeFromName("Counter"));
}

void TelemetryModelTest::keyConventions() {
    for (const char* k : {"trace_id", "traceId", "traceID", "trace.id"})
        QVERIFY2(isTraceIdKey(k), k);
    for (const char* k : {"span_id", "spanId", "spanID", "span.id"})
        QVERIFY2(isSpanIdKey(k), k);
    QVERIFY(!isTraceIdKey("trace"));
    QVERIFY(isStreamLabelKey("service.name"));
    QVERIFY(isStreamLabelKey("pod"));
    QVERIFY(!isStreamLabelKey("user"));
    const auto keys = serviceLabelKeys();
    QCOMPARE(keys.size(), size_t(5));
    QCOMPARE(keys[0], std::string_view("service"));
}

QTEST_GUILESS_MAIN(TelemetryModelTest)
#include "telemetry_model_test.moc"
