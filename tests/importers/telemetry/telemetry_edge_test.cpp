// Edge cases of the metrics and logs importers on our own small files (tests/data/telemetry),
// each written to exercise one set of quirks; every expected value was worked out by hand from
// the file (noted next to the check). Epoch reference: 2023-11-14T22:13:20Z = 1700000000 s.
#include <QTest>

#include <cmath>

#include "importers/common/format_sniffer.h"
#include "importers/telemetry/pod_service.h"
#include "importers/telemetry/telemetry_values.h"
#include "tests/importers/telemetry/telemetry_test_support.h"
#include "tests/test_support.h"

using namespace tg;

namespace {

constexpr int64_t kS = 1000000000; // ns per second

test::Imported importData(const QString& name, import::TelemetryImportOptions options = {}) {
    return test::importFile(test::testDataPath("telemetry/" + name), options);
}

} // namespace

class TelemetryEdgeTest : public QObject {
    Q_OBJECT
private slots:
    void valueSpellings();
    void decimalSeconds();
    void dateTimes();
    void podServices();
    void promApiSpellings();
    void promApiScalarStringNative();
    void lokiMetadata();
    void jsonLines();
    void numericLevels();
    void logfmt();
    void plainText();
    void openMetricsTypes();
    void openMetricsSeveralPoints();
    void csvMetrics();
    void sniffing_data();
    void sniffing();
};

void TelemetryEdgeTest::valueSpellings() {
    using import::parseFloatText;
    for (const char* nan : {"NaN", "nan", "NAN"})
        QVERIFY2(std::isnan(*parseFloatText(nan)), nan);
    for (const char* inf : {"+Inf", "Inf", "inf", "+inf", "Infinity", "+Infinity", "INF"})
        QCOMPARE(*parseFloatText(inf), INFINITY);
    for (const char* inf : {"-Inf", "-inf", "-Infinity"})
        QCOMPARE(*parseFloatText(inf), -INFINITY);
    QCOMPARE(*parseFloatText("1e3"), 1000.0);
    QCOMPARE(*parseFloatText("+5"), 5.0);
    QCOMPARE(*parseFloatText("-0.5"), -0.5);
    QCOMPARE(*parseFloatText(".5"), 0.5);
    QCOMPARE(*parseFloatText("1e999"), INFINITY); // overflow, as Go's ParseFloat reports it
    for (const char* bad : {"", "-NaN", "0x10", "1_000", " 1", "1 ", "abc", "+-1", "1e"})
        QVERIFY2(!parseFloatText(bad), bad);
}

void TelemetryEdgeTest::decimalSeconds() {
    using import::DecimalStatus;
    using import::parseScaledDecimal;
    QCOMPARE(parseScaledDecimal("1435781430.781", 9).value, int64_t(1435781430781000000));
    QCOMPARE(parseScaledDecimal("1.5e3", 9).value, int64_t(1500) * kS);
    QCOMPARE(parseScaledDecimal("1.7268398142239082e+09", 9).value, int64_t(1726839814223908200));
    QCOMPARE(parseScaledDecimal("-1.5", 9).value, int64_t(-1500000000));
    QCOMPARE(parseScaledDecimal("000", 9).value, int64_t(0));
    QCOMPARE(parseScaledDecimal("0.0000000001", 9).value, int64_t(0));  // below 1 ns: truncated
    QCOMPARE(parseScaledDecimal("1234", 6).value, int64_t(1234000000)); // ms
    QCOMPARE(parseScaledDecimal("1e30", 9).status, DecimalStatus::Clamped);
    QCOMPARE(parseScaledDecimal("-1e30", 9).value, std::numeric_limits<int64_t>::min());
    QCOMPARE(parseScaledDecimal("9223372036.854775807", 9).value,
             std::numeric_limits<int64_t>::max());
    QCOMPARE(parseScaledDecimal("9223372036.854775808", 9).status, DecimalStatus::Clamped);
    for (const char* bad : {"", ".", "e5", "1e", "1.2.3", "NaN", "1s"})
        QVERIFY2(parseScaledDecimal(bad, 9).status == DecimalStatus::Invalid, bad);
    QCOMPARE(*import::parseEpochGuessNs("1700000000"), int64_t(1700000000) * kS);
    QCOMPARE(*import::parseEpochGuessNs("1700000000123"), int64_t(1700000000123000000));
    QCOMPARE(*import::parseEpochGuessNs("1700000000123456"), int64_t(1700000000123456000));
    QCOMPARE(*import::parseEpochGuessNs("1700000000123456789"), int64_t(1700000000123456789));
}

void TelemetryEdgeTest::dateTimes() {
    using import::parseDateTimeNs;
    QCOMPARE(*parseDateTimeNs("2023-11-14T22:13:20Z"), int64_t(1700000000) * kS);
    QCOMPARE(*parseDateTimeNs("2023-11-14 22:13:20"), int64_t(1700000000) * kS); // UTC
    QCOMPARE(*parseDateTimeNs("2023-11-14 23:13:20+0100"), int64_t(1700000000) * kS);
    QCOMPARE(*parseDateTimeNs("2023/11/14 22:13:20,5"), int64_t(1700000000500000000));
    // Go's time.String() with the monotonic clock reading (Nezha's Time column).
    QCOMPARE(*parseDateTimeNs("2022-08-22 05:00:19.962550131 +0000 UTC m=+4140.468504112"),
             int64_t(1661144419962550131));
    QVERIFY(!parseDateTimeNs("2023-02-30 00:00:00"));
    QVERIFY(!parseDateTimeNs("2023-11-14T22:13:20Z trailing"));
    size_t used = 0;
    QVERIFY(parseDateTimeNs("2023-11-14T22:13:20Z trailing", &used));
    QCOMPARE(used, size_t(20));
    QVERIFY(!parseDateTimeNs("9999-12-31T00:00:00Z")); // beyond int64 ns
    QCOMPARE(import::formatTimeNs(1700000000500000000), std::string("2023-11-14T22:13:20.5Z"));
    QCOMPARE(import::formatTimeNs(-1), std::string("1969-12-31T23:59:59.999999999Z"));
}

void TelemetryEdgeTest::podServices() {
    using import::serviceFromPodName;
    QCOMPARE(serviceFromPodName("frontend-579b9bff58-t2dbm"), std::string_view("frontend"));
    QCOMPARE(serviceFromPodName("currencyservice-cf787dd48-vpjrd"),
             std::string_view("currencyservice"));
    QCOMPARE(serviceFromPodName("redis-cart-0"), std::string_view("redis-cart"));
    QCOMPARE(serviceFromPodName("node-exporter-x7k2p"), std::string_view("node-exporter"));
    QCOMPARE(serviceFromPodName("checkout"), std::string_view("checkout"));
    QCOMPARE(serviceFromPodName("my-app-final"), std::string_view("my-app-final"));
}

void TelemetryEdgeTest::promApiSpellings() {
    const auto r = importData("prom_api_spellings.json");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::MetricStore& s = *r.metrics;
    QCOMPARE(s.seriesCount(), size_t(11)); // 11 results, each with its own s= label
    auto value = [&](const char* label) {
        return test::firstValue(s, test::seriesOf(s, "v", QStringLiteral("s=") + label));
    };
    QVERIFY(std::isnan(value("NaN")) && std::isnan(value("nan")));
    for (const char* inf : {"+Inf", "Inf", "inf", "+Infinity"})
        QCOMPARE(value(inf), INFINITY);
    QCOMPARE(value("-Inf"), -INFINITY);
    QCOMPARE(value("-inf"), -INFINITY);
    QCOMPARE(value("1e3"), 1000.0);
    QCOMPARE(value("number"), 42.0); // a JSON number instead of a string
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "v", "s=1e3")), int64_t(1700000000500000000));
    // A string time "1700000000.123456789" is read exactly to the ns.
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "v", "s=-0.25")), int64_t(1700000000123456789));
}

void TelemetryEdgeTest::promApiScalarStringNative() {
    const auto scalar = importData("prom_api_scalar.json");
    const auto id = test::seriesOf(*scalar.metrics, "scalar");
    QVERIFY(id != model::kNoRow);
    QCOMPARE(test::firstValue(*scalar.metrics, id), 3.5);
    QCOMPARE(test::firstTime(*scalar.metrics, id), int64_t(1700000000250000000));

    const auto str = importData("prom_api_string.json"); // "data" before "status"
    QVERIFY2(!str.report.failed, qPrintable(test::describe(str.report)));
    QCOMPARE(str.metrics->seriesCount(), size_t(0));
    QCOMPARE(str.logs->recordCount(), size_t(1));
    QCOMPARE(str.logs->body(0), std::string_view("hello world"));
    QCOMPARE(str.logs->labelValue(0, "result_type"), std::string_view("string"));

    // Two native histogram samples: count 10 and 12, sum 2.5 and 3; 3 buckets not kept.
    const auto native = importData("prom_api_native_histogram.json");
    const model::MetricStore& s = *native.metrics;
    const auto count = test::seriesOf(s, "rpc_latency_count", "job=api");
    QVERIFY(count != model::kNoRow);
    QCOMPARE(s.samplesOf(count).size(), size_t(2));
    QCOMPARE(s.sampleValue[s.samplesOf(count)[1]], 12.0);
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "rpc_latency_sum", "job=api")), 2.5);
    QCOMPARE(s.typeOf(count), model::MetricType::Histogram);
    QCOMPARE(test::describe(native.report.diagnostics),
             QStringLiteral("native_histogram_buckets_skipped=3;api_info=1"));
}

void TelemetryEdgeTest::lokiMetadata() {
    const auto r = importData("loki_structured_metadata.json");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::LogStore& s = *r.logs;
    QCOMPARE(s.recordCount(), size_t(3));
    QCOMPARE(s.streamCount(), size_t(2));
    // Entry 1: categorised metadata; the parsed level (warn) beats the stream label (info).
    QCOMPARE(s.traceId[0].toHex(), std::string("4bf92f3577b34da6a3ce929d0e0e4736"));
    QCOMPARE(model::spanIdToHex(s.spanId[0]), std::string("00f067aa0ba902b7"));
    QCOMPARE(s.severity[0], model::LogSeverity::Warn);
    QCOMPARE(s.attributesOf(0).size(), size_t(4)); // trace_id, span_id, level, user
    QCOMPARE(s.serviceOf(0), std::string_view("checkout"));
    // Entry 2: no metadata; severity from the stream's level label.
    QCOMPARE(s.severity[1], model::LogSeverity::Info);
    QVERIFY(!s.hasTrace(1));
    // Entry 3: "values" before "stream", flat metadata map, a short hex trace ID.
    QCOMPARE(s.traceId[2].toHex(), std::string("00000000000000000000000000abc123"));
    QCOMPARE(s.serviceOf(2), std::string_view("cart"));
    QCOMPARE(s.attributeText(*s.findAttribute(2, "pod")), std::string("p-1"));

    const auto m = importData("loki_matrix.json");
    QCOMPARE(m.report.format, import::TelemetryFormat::PrometheusApiJson);
    QCOMPARE(m.metrics->sampleCount(), size_t(2));
    QCOMPARE(m.metrics->serviceOf(0), std::string_view("cart")); // app=cart
}

void TelemetryEdgeTest::jsonLines() {
    const auto r = importData("json_lines.log");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::LogStore& s = *r.logs;
    // 8 lines: 7 records (line 5 is blank); line 7 has no time, line 8 is cut-off JSON.
    QCOMPARE(s.recordCount(), size_t(7));
    QCOMPARE(test::describe(r.report.diagnostics), QStringLiteral("missing_time=1;not_json=1"));
    QCOMPARE(s.streamCount(), size_t(3)); // {service=api}, {service.name=checkout}, {}
    // zap: ts as float seconds, typed attributes.
    QCOMPARE(s.timeNs[0], int64_t(1700000000500000000));
    QCOMPARE(s.severity[0], model::LogSeverity::Info);
    QCOMPARE(s.body(0), std::string_view("zap style"));
    QCOMPARE(s.serviceOf(0), std::string_view("api"));
    QCOMPARE(s.findAttribute(0, "latency_ms")->type, model::AttrType::Int);
    QCOMPARE(s.findAttribute(0, "ratio")->type, model::AttrType::Double);
    QCOMPARE(s.attributeText(*s.findAttribute(0, "ok")), std::string("true"));
    // ECS: nested log.level, trace.id, span.id, service.name; 22:13:21.250+01:00.
    QCOMPARE(s.timeNs[1], int64_t(1699996401250000000));
    QCOMPARE(s.severity[1], model::LogSeverity::Warn);
    QCOMPARE(s.traceId[1].toHex(), std::string("00000000000000001ee220e024eb5b0a"));
    QCOMPARE(model::spanIdToHex(s.spanId[1]), std::string("b7ad6b7169203331"));
    QCOMPARE(s.serviceOf(1), std::string_view("checkout"));
    QCOMPARE(s.attributeText(*s.findAttribute(1, "tags")), std::string("[\"a\",\"b\"]"));
    // Docker line around the app's JSON: the inner fields win, the envelope time is observed.
    QCOMPARE(s.body(2), std::string_view("inner app log"));
    QCOMPARE(s.severity[2], model::LogSeverity::Error);
    QCOMPARE(s.timeNs[2], int64_t(1700000002) * kS);
    QCOMPARE(s.observedNs[2], int64_t(1700000002500000000));
    QCOMPARE(s.traceId[2].toHex(), std::string("0af7651916cd43dd8448eb211c80319c"));
    QCOMPARE(s.attributeText(*s.findAttribute(2, "stream")), std::string("stderr"));
    // Docker line with plain text: its trailing "\n" is dropped.
    QCOMPARE(s.body(3), std::string_view("not json inside"));
    QCOMPARE(s.timeNs[3], int64_t(1700000003) * kS);
    // Epoch milliseconds in a string; nested objects flattened.
    QCOMPARE(s.timeNs[4], int64_t(1700000004) * kS);
    QCOMPARE(s.severity[4], model::LogSeverity::Debug);
    QCOMPARE(s.attributeText(*s.findAttribute(4, "nested.a.b.c")), std::string("1"));
    QCOMPARE(s.flags[5] & model::kLogNoTime, int(model::kLogNoTime));
    QVERIFY(s.body(6).starts_with("{\"ts\""));
}

void TelemetryEdgeTest::numericLevels() {
    // pino/bunyan write levels as numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error,
    // 60 fatal; other numbers stay unspecified.
    const auto r = test::importBytes("{\"level\":30,\"time\":1700000000000,\"msg\":\"a\"}\n"
                                     "{\"level\":50,\"time\":1700000001000,\"msg\":\"b\"}\n"
                                     "{\"level\":35,\"time\":1700000002000,\"msg\":\"c\"}\n",
                                     "pino.log");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    QCOMPARE(r.logs->severity[0], model::LogSeverity::Info);
    QCOMPARE(r.logs->severity[1], model::LogSeverity::Error);
    QCOMPARE(r.logs->severity[2], model::LogSeverity::Unspecified);
    QCOMPARE(r.logs->strings.view(r.logs->severityText[1]), std::string_view("50"));
    QCOMPARE(r.logs->timeNs[1], int64_t(1700000001) * kS); // epoch milliseconds
}

void TelemetryEdgeTest::logfmt() {
    const auto r = importData("logfmt.log");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::LogStore& s = *r.logs;
    QCOMPARE(s.recordCount(), size_t(3));
    QCOMPARE(s.streamCount(), size_t(2)); // {service=api}, {app=web}
    QCOMPARE(s.body(0), std::string_view("quoted \"value\" with spaces"));
    QCOMPARE(s.traceId[0].toHex(), std::string("4bf92f3577b34da6a3ce929d0e0e4736"));
    QVERIFY(s.findAttribute(0, "dry_run")); // a bare key
    QCOMPARE(s.timeNs[1], int64_t(1700000001) * kS);
    QCOMPARE(s.severity[1], model::LogSeverity::Warn); // lvl=WARN
    QCOMPARE(s.body(1), std::string_view("unquoted"));
    QCOMPARE(s.traceId[1].toHex(), std::string("00000000000000000000000000000abc"));
    QCOMPARE(s.attributeText(*s.findAttribute(1, "path")), std::string("/x=y"));
    QCOMPARE(s.timeNs[2], int64_t(1700000002123456789));
    QCOMPARE(s.body(2), std::string_view("multi\nline"));
    QCOMPARE(s.serviceOf(2), std::string_view("web"));
}

void TelemetryEdgeTest::plainText() {
    import::TelemetryImportOptions options;
    options.referenceYear = 2023;
    const auto r = importData("plain.log", options);
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::LogStore& s = *r.logs;
    QCOMPARE(s.recordCount(), size_t(6)); // 8 lines, 2 of them continue record 2
    QCOMPARE(test::describe(r.report.diagnostics), QStringLiteral("syslog_year_assumed=1"));
    QCOMPARE(s.timeNs[0], int64_t(1700000000500000000));
    QCOMPARE(s.severity[0], model::LogSeverity::Info);
    QCOMPARE(s.body(0), std::string_view("starting server on :8080"));
    QCOMPARE(s.timeNs[1], int64_t(1700000001250000000));
    QCOMPARE(s.severity[1], model::LogSeverity::Error);
    QCOMPARE(s.body(1), std::string_view("request failed\njava.lang.IllegalStateException: boom\n"
                                         "    at com.example.Handler.handle(Handler.java:42)"));
    QCOMPARE(s.timeNs[2], int64_t(1700000002) * kS);
    QCOMPARE(s.severity[2], model::LogSeverity::Warn);
    QCOMPARE(s.body(2), std::string_view("bracketed"));
    QCOMPARE(s.timeNs[3], int64_t(1700000003) * kS);
    QCOMPARE(s.labelValue(3, "host"), std::string_view("web-1"));
    QCOMPARE(s.serviceOf(3), std::string_view("nginx"));
    QCOMPARE(s.body(3), std::string_view("GET /health 200"));
    QCOMPARE(s.severity[4], model::LogSeverity::Debug);
    QCOMPARE(s.body(4), std::string_view("epoch seconds"));
    QCOMPARE(s.timeNs[5], int64_t(1700000005) * kS);
    QCOMPARE(s.severity[5], model::LogSeverity::Unspecified);
    QCOMPARE(s.body(5), std::string_view("no severity word here"));
}

void TelemetryEdgeTest::openMetricsTypes() {
    const auto r = importData("openmetrics_types.om");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    QCOMPARE(r.report.format, import::TelemetryFormat::OpenMetricsText);
    const model::MetricStore& s = *r.metrics;
    // build 1, feature 2, queue 4, mystery 1, request_seconds 5, jobs 2.
    QCOMPARE(s.familyCount(), size_t(6));
    QCOMPARE(s.seriesCount(), size_t(15));
    QCOMPARE(s.exemplarCount(), size_t(3));
    QCOMPARE(r.report.diagnostics.count("sample_time_assumed"), uint64_t(14));
    QCOMPARE(s.familyType[s.findFamily("build")], model::MetricType::Info);
    QCOMPARE(s.familyType[s.findFamily("feature")], model::MetricType::StateSet);
    const auto gcount = test::seriesOf(s, "queue_gcount");
    QCOMPARE(s.seriesRole[gcount], model::SeriesRole::GCount);
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "mystery")), int64_t(1700000000500000000));
    const model::FamilyId req = s.findFamily("request_seconds");
    QCOMPARE(s.strings.view(s.familyUnit[req]), std::string_view("seconds"));
    const auto fast = test::seriesOf(s, "request_seconds_bucket", "le=0.1");
    const uint32_t e = s.exemplarsOf(fast)[0];
    QCOMPARE(s.exemplarTrace[e].toHex(), std::string("4bf92f3577b34da6a3ce929d0e0e4736"));
    QCOMPARE(model::spanIdToHex(s.exemplarSpan[e]), std::string("00f067aa0ba902b7"));
    QCOMPARE(s.exemplarTimeNs[e], int64_t(1700000000001000000));
    const auto slow = test::seriesOf(s, "request_seconds_bucket", "le=+Inf");
    QCOMPARE(s.exemplarFlags[s.exemplarsOf(slow)[0]], uint8_t(model::kExemplarNonHexId));
    const auto jobs = test::seriesOf(s, "jobs_total", "kind=x");
    QCOMPARE(s.exemplarTrace[s.exemplarsOf(jobs)[0]].toHex(),
             std::string("0af7651916cd43dd8448eb211c80319c"));
}

void TelemetryEdgeTest::openMetricsSeveralPoints() {
    // Two MetricPoints (timestamps 100 s and 110 s) of one histogram and one summary.
    const auto r = importData("openmetrics_points.om");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::MetricStore& s = *r.metrics;
    // Histogram: two buckets, _count, _sum; summary: one quantile, _count, _sum.
    QCOMPARE(s.seriesCount(), size_t(7));
    QCOMPARE(s.sampleCount(), size_t(14));
    const auto inf = test::seriesOf(s, "rpc_seconds_bucket", "le=+Inf");
    QCOMPARE(test::firstTime(s, inf), int64_t(100) * 1000000000);
    QCOMPARE(s.samplesOf(inf).size(), size_t(2));
    QCOMPARE(s.sampleValue[s.samplesOf(inf)[1]], 5.0);
    const auto median = test::seriesOf(s, "rpc_latency", "quantile=0.5");
    QCOMPARE(s.sampleValue[s.samplesOf(median)[1]], 0.03);
}

void TelemetryEdgeTest::csvMetrics() {
    const auto r = importData("csv_metrics.csv");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::MetricStore& s = *r.metrics;
    // Row 1: 1.5 and NaN; row 2: Value empty, Rate 2; row 3: Value "oops", Rate 3.
    QCOMPARE(s.sampleCount(), size_t(4));
    QCOMPARE(test::describe(r.report.diagnostics), QStringLiteral("empty_cell=1;bad_cell=1"));
    const auto value = test::seriesOf(s, "Value", "service=cart");
    QCOMPARE(s.strings.view(s.familyUnit[s.familyOf(value)]), std::string_view("ms"));
    QCOMPARE(test::firstTime(s, value), int64_t(1700000000) * kS); // TimeStamp wins over Time
    const auto rate = test::seriesOf(s, "Rate", "service=cart");
    const auto rows = s.samplesOf(rate);
    QCOMPARE(rows.size(), size_t(3));
    QVERIFY(std::isnan(s.sampleValue[rows[0]]));
    // Row 2 has no TimeStamp: its Go time.String() Time column is used.
    QCOMPARE(s.sampleTimeNs[rows[1]], int64_t(1700000001) * kS);
}

void TelemetryEdgeTest::sniffing_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("format");
    QTest::newRow("om by eof") << QByteArray("a 1\n# EOF\n") << "openmetrics-text";
    QTest::newRow("text") << QByteArray("# TYPE a gauge\na 1\n") << "prometheus-text";
    QTest::newRow("om by unit") << QByteArray("# TYPE a_s gauge\n# UNIT a_s s\na_s 1\n")
                                << "openmetrics-text";
    QTest::newRow("text with one bad line")
        << QByteArray("a 1\nb 2\nc 3\nd 4\ne{x=\"y} 5\n") << "prometheus-text";
    QTest::newRow("logfmt") << QByteArray("level=info msg=hi\n") << "logfmt-logs";
    QTest::newRow("plain") << QByteArray("2024-01-01 00:00:00 hello\n") << "plain-text-logs";
    QTest::newRow("syslog") << QByteArray("Jan  2 15:04:05 host app: x\n") << "plain-text-logs";
    QTest::newRow("json lines") << QByteArray("{\"level\":\"info\",\"msg\":\"x\"}\n")
                                << "json-lines-logs";
    QTest::newRow("otlp logs") << QByteArray("{\"resourceLogs\":[]}") << "otlp-logs-json";
    QTest::newRow("loki") << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\" : "
                                        "\"streams\",\"result\":[]}}")
                          << "loki-api-json";
    QTest::newRow("prom error") << QByteArray("{\"status\":\"error\",\"errorType\":\"x\"}")
                                << "prometheus-api-json";
    QTest::newRow("csv logs") << QByteArray("time,level,message\n1,info,x\n") << "csv-logs";
    QTest::newRow("csv spans") << QByteArray("TraceID,SpanID,Duration\na,b,1\n") << "unknown";
    QTest::newRow("trace json") << QByteArray("{\"resourceSpans\":[]}") << "unknown";
    QTest::newRow("prose") << QByteArray("Hello there, world\n") << "unknown";
}

void TelemetryEdgeTest::sniffing() {
    QFETCH(QByteArray, head);
    const import::ContentKind k = import::sniffContentKind(head.toStdString());
    QTEST(QString::fromLatin1(import::telemetryFormatName(k.telemetry)), "format");
    if (!k.isTelemetry() && !k.isTrace()) QVERIFY(!k.reason.empty());
    // The trace sniffer never claims a metrics or logs file.
    if (k.isTelemetry())
        QCOMPARE(import::sniffContent(head.toStdString()).format, import::Format::Unknown);
}

QTEST_GUILESS_MAIN(TelemetryEdgeTest)
#include "telemetry_edge_test.moc"
