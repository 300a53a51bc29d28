// Every metrics and logs fixture of ../shared/fixtures (prometheus/, loki/, logs/, the OTLP
// metrics and logs examples, and the Nezha incident sample's logs and metrics) imported through
// the registry (importTelemetryFile: content sniffing, dispatch), against counts made by
// reading the files (how each was counted is written next to its row), plus value checks on
// the quirks SOURCES.md lists (exact float-second times, string values, newest-first Loki
// entries, escaped label values, exemplars, JSON inside Docker lines inside CSV cells).
#include <QTest>

#include <cmath>

#include "models/telemetry/telemetry_keys.h"
#include "tests/importers/telemetry/telemetry_test_support.h"
#include "tests/test_support.h"

using namespace tg;
using test::importFile;

class TelemetryFixtureTest : public QObject {
    Q_OBJECT
private slots:
    void counts_data();
    void counts();
    void prometheusApiValues();
    void expositionValues();
    void openMetricsExemplars();
    void lokiStreams();
    void logfmtTraceIds();
    void otlpMetrics();
    void otlpLogs();
    void nezhaLogs();
    void nezhaMetrics();
};

void TelemetryFixtureTest::counts_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("families");
    QTest::addColumn<int>("series");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("exemplars");
    QTest::addColumn<int>("logs");
    QTest::addColumn<int>("streams");
    QTest::addColumn<QString>("diagnostics");

    // One result (no __name__: one family named ""), one [time, "value"] pair.
    QTest::newRow("jaeger matrix")
        << "prometheus/api/jaeger_query_range_matrix_service_datapoint.json"
        << "prometheus-api-json" << 1 << 1 << 1 << 0 << 0 << 0 << "";
    // Empty matrix; "warnings": ["warning0", "warning1"].
    QTest::newRow("status warning")
        << "prometheus/api/jaeger_query_range_status-warning.json"
        << "prometheus-api-json" << 0 << 0 << 0 << 0 << 0 << 0 << "api_warning=2";
    // Two `up` series with three values each.
    QTest::newRow("docs matrix") << "prometheus/api/prom-docs_api-v1-query_range_matrix.json"
                                 << "prometheus-api-json" << 1 << 2 << 6 << 0 << 0 << 0 << "";
    // Two `up` series with one value each.
    QTest::newRow("docs vector") << "prometheus/api/prom-docs_api-v1-query_vector.json"
                                 << "prometheus-api-json" << 1 << 2 << 2 << 0 << 0 << 0 << "";
    // 322 lines: 37 "# HELP" + 37 "# TYPE" (9 counter, 18 gauge, 10 summary families), 248
    // sample lines ("grep -vc '^#'"), no blank lines, no timestamps: every sample is its own
    // series and gets the scrape time.
    QTest::newRow("text 0.0.4") << "prometheus/exposition/common-expfmt_text.prom"
                                << "prometheus-text" << 37 << 248 << 248 << 0 << 0 << 0
                                << "sample_time_assumed=248";
    // One histogram family, 3 label sets x (12 buckets + _sum + _count) = 42 samples.
    QTest::newRow("om histogram") << "prometheus/exposition/textparse_1histogram.om.txt"
                                  << "openmetrics-text" << 1 << 42 << 42 << 0 << 0 << 0
                                  << "sample_time_assumed=42";
    // 5 families: go_build_info 1; promhttp errors 2 _total + 2 _created = 4; histogram 21
    // buckets + _sum + _count + _created = 24 with 6 "# {dummyID=...}" exemplars; summary 3
    // services x (3 quantiles + _sum + _count + _created) = 18; rpc_requests 3 x 2 = 6: 53.
    QTest::newRow("om all types") << "prometheus/exposition/textparse_alltypes.5mfs.om.txt"
                                  << "openmetrics-text" << 5 << 53 << 53 << 6 << 0 << 0
                                  << "sample_time_assumed=53";
    // Two streams: 1 entry + 5 entries, the 2nd and 3rd identical.
    QTest::newRow("loki streams") << "loki/grafana-tsdb-loki_query_range_streams_simple.json"
                                  << "loki-api-json" << 0 << 0 << 0 << 0 << 6 << 2
                                  << "duplicate_entry=1";
    // 100 logfmt lines (99 newlines, the last line has none), all with ts= and level=debug;
    // no stream-label keys, so one stream.
    QTest::newRow("logfmt") << "logs/loki-drain_ingester-logfmt_traceID.txt"
                            << "logfmt-logs" << 0 << 0 << 0 << 0 << 100 << 1 << "";
    // counter 1 + gauge 1 + histogram (2 buckets, _count, _sum) 4 + exponential histogram
    // (buckets le=0, 4, 8, +Inf from zeroCount 1 and positive offset 1 counts [0, 2];
    // _count, _sum) 6 = 12 series with one point each; 4 families.
    QTest::newRow("otlp metrics") << "otlp/otel-proto-examples_metrics.json"
                                  << "otlp-metrics-json" << 4 << 12 << 12 << 0 << 0 << 0 << "";
    QTest::newRow("otlp logs") << "otlp/otel-proto-examples_logs.json"
                               << "otlp-logs-json" << 0 << 0 << 0 << 0 << 1 << 1 << "";
    // 1010 lines = header + 1009 records, none spanning lines; 7 pods, each on one node with
    // container "server" (python csv module over the file).
    QTest::newRow("nezha logs")
        << "incident-format-sample_nezha-onlineboutique/05_19_log.excerpt.csv"
        << "csv-logs" << 0 << 0 << 0 << 0 << 1009 << 7 << "";
    // 41 lines = header + 40 rows; 22 columns = Time, TimeStamp, PodName + 19 numeric ones;
    // no empty or NaN cells: 19 series x 40 = 760 samples.
    QTest::newRow("nezha currency metrics")
        << "incident-format-sample_nezha-onlineboutique/"
           "currencyservice-cf787dd48-vpjrd_metric.excerpt.csv"
        << "csv-metrics" << 19 << 19 << 760 << 0 << 0 << 0 << "";
    QTest::newRow("nezha frontend metrics")
        << "incident-format-sample_nezha-onlineboutique/"
           "frontend-579b9bff58-t2dbm_metric.excerpt.csv"
        << "csv-metrics" << 19 << 19 << 760 << 0 << 0 << 0 << "";
    // 8 columns = Time, TimeStamp, ServiceName + 5 numeric; 40 rows: 200 samples.
    QTest::newRow("nezha service metrics")
        << "incident-format-sample_nezha-onlineboutique/front_service.excerpt.csv"
        << "csv-metrics" << 5 << 5 << 200 << 0 << 0 << 0 << "";
}

void TelemetryFixtureTest::counts() {
    QFETCH(QString, fixture);
    TG_REQUIRE_FIXTURE(fixture);
    const test::Imported in = importFile(test::fixturePath(fixture));
    const auto& r = in.report;
    QVERIFY2(!r.failed, qPrintable(test::describe(r)));
    QTEST(QString::fromLatin1(import::telemetryFormatName(r.format)), "format");
    QTEST(int(r.families), "families");
    QTEST(int(r.series), "series");
    QTEST(int(r.samples), "samples");
    QTEST(int(r.exemplars), "exemplars");
    QTEST(int(r.logRecords), "logs");
    QTEST(int(r.logStreams), "streams");
    QTEST(test::describe(r.diagnostics), "diagnostics");
    QCOMPARE(in.metrics->sampleCount(), size_t(r.samples));
    QCOMPARE(in.logs->recordCount(), size_t(r.logRecords));
    QVERIFY(in.metrics->indexCurrent() && in.logs->indexCurrent());
}

void TelemetryFixtureTest::prometheusApiValues() {
    TG_REQUIRE_FIXTURE("prometheus/api");
    const auto m =
        importFile(test::fixturePath("prometheus/api/prom-docs_api-v1-query_range_matrix.json"));
    const model::MetricStore& s = *m.metrics;
    const auto node = test::seriesOf(s, "up", "job=node,instance=localhost:9091");
    QVERIFY(node != model::kNoRow);
    const auto rows = s.samplesOf(node);
    QCOMPARE(rows.size(), size_t(3));
    // [ 1435781430.781, "0" ], [ 1435781445.781, "0" ], [ 1435781460.781, "1" ]: exact ns.
    QCOMPARE(s.sampleTimeNs[rows[0]], int64_t(1435781430781000000));
    QCOMPARE(s.sampleTimeNs[rows[2]], int64_t(1435781460781000000));
    QCOMPARE(s.sampleValue[rows[2]], 1.0);
    QCOMPARE(s.typeOf(node), model::MetricType::Unknown);

    const auto j = importFile(
        test::fixturePath("prometheus/api/jaeger_query_range_matrix_service_datapoint.json"));
    const auto email = test::seriesOf(*j.metrics, "", "service_name=emailservice");
    QVERIFY(email != model::kNoRow);
    QCOMPARE(test::firstValue(*j.metrics, email), 9223372036854.0);
    QCOMPARE(test::firstTime(*j.metrics, email), int64_t(1620351786) * 1000000000);
    QCOMPARE(j.metrics->serviceOf(email), std::string_view("emailservice")); // service_name
}

void TelemetryFixtureTest::expositionValues() {
    TG_REQUIRE_FIXTURE("prometheus/exposition");
    import::TelemetryImportOptions options;
    options.defaultTimeNs = 42; // the scrape time stand-in
    const auto t =
        importFile(test::fixturePath("prometheus/exposition/common-expfmt_text.prom"), options);
    const model::MetricStore& s = *t.metrics;
    // http_request_duration_microseconds{handler="prometheus",quantile="0.9"} 1858.632
    const auto q =
        test::seriesOf(s, "http_request_duration_microseconds", "handler=prometheus,quantile=0.9");
    QVERIFY(q != model::kNoRow);
    QCOMPARE(test::firstValue(s, q), 1858.632);
    QCOMPARE(test::firstTime(s, q), int64_t(42));
    QCOMPARE(s.sampleFlags[s.samplesOf(q)[0]], uint8_t(model::kSampleTimeAssumed));
    QCOMPARE(s.seriesRole[q], model::SeriesRole::Quantile);
    QCOMPARE(s.typeOf(q), model::MetricType::Summary);
    const auto sum =
        test::seriesOf(s, "http_request_duration_microseconds_sum", "handler=prometheus");
    QCOMPARE(test::firstValue(s, sum), 179886.5000000001);
    QCOMPARE(s.seriesRole[sum], model::SeriesRole::Sum);
    const model::FamilyId f = s.findFamily("http_request_duration_microseconds");
    QCOMPARE(s.strings.view(s.familyHelp[f]),
             std::string_view("The HTTP request latencies in microseconds."));

    const auto h =
        importFile(test::fixturePath("prometheus/exposition/textparse_1histogram.om.txt"));
    // le="10.0" bucket of port 5002 holds 1; the _sum is 10.0.
    const auto bucket = test::seriesOf(*h.metrics, "golang_manual_histogram_seconds_bucket",
                                       "address=0.0.0.0,generation=20,port=5002,le=10.0");
    QVERIFY(bucket != model::kNoRow);
    QCOMPARE(test::firstValue(*h.metrics, bucket), 1.0);
    QCOMPARE(h.metrics->seriesRole[bucket], model::SeriesRole::Bucket);
    QCOMPARE(h.metrics->typeOf(bucket), model::MetricType::Histogram);
}

void TelemetryFixtureTest::openMetricsExemplars() {
    TG_REQUIRE_FIXTURE("prometheus/exposition");
    const auto a =
        importFile(test::fixturePath("prometheus/exposition/textparse_alltypes.5mfs.om.txt"));
    const model::MetricStore& s = *a.metrics;
    // rpc_durations_histogram_seconds_bucket{le="-0.0002899999999999998"} 3
    //   # {dummyID="17783"} -0.0003825067330956884 1.7268398142239082e+09
    const auto b =
        test::seriesOf(s, "rpc_durations_histogram_seconds_bucket", "le=-0.0002899999999999998");
    QVERIFY(b != model::kNoRow);
    const auto ex = s.exemplarsOf(b);
    QCOMPARE(ex.size(), size_t(1));
    const uint32_t e = ex[0];
    QCOMPARE(s.exemplarValue[e], -0.0003825067330956884);
    // 1.7268398142239082e+09 s = 1726839814.2239082 s -> ns, exactly (truncated past 9 digits).
    QCOMPARE(s.exemplarTimeNs[e], int64_t(1726839814223908200));
    QCOMPARE(s.exemplarSample[e], s.samplesOf(b)[0]);
    QVERIFY(s.exemplarTrace[e].isZero()); // dummyID is not a trace ID
    QCOMPARE(s.strings.view(s.exemplarLabelsOf(e)[0].value), std::string_view("17783"));
    // Counter with _created: promhttp_metric_handler_errors_created{cause="encoding"}.
    const auto created =
        test::seriesOf(s, "promhttp_metric_handler_errors_created", "cause=encoding");
    QCOMPARE(s.seriesRole[created], model::SeriesRole::Created);
    QCOMPARE(test::firstValue(s, created), 1.726839813016397e+09);
    const auto total = test::seriesOf(s, "promhttp_metric_handler_errors_total", "cause=encoding");
    QCOMPARE(s.seriesRole[total], model::SeriesRole::Total);
    QCOMPARE(s.typeOf(total), model::MetricType::Counter);
}

void TelemetryFixtureTest::lokiStreams() {
    TG_REQUIRE_FIXTURE("loki");
    const auto l =
        importFile(test::fixturePath("loki/grafana-tsdb-loki_query_range_streams_simple.json"));
    const model::LogStore& s = *l.logs;
    QCOMPARE(s.recordCount(), size_t(6));
    // Stream 0: code="one\",", location="moon🌙"; its one entry "log line error 1".
    QCOMPARE(s.labelValue(0, "code"), std::string_view("one\","));
    QCOMPARE(s.labelValue(0, "location"), std::string_view("moon\xF0\x9F\x8C\x99"));
    QCOMPARE(s.body(0), std::string_view("log line error 1"));
    QCOMPARE(s.timeNs[0], int64_t(1645030244810757120));
    // Entries stay in file order (newest first); the time index sorts them.
    QCOMPARE(s.body(1), std::string_view("log line info 1"));
    QCOMPARE(s.timeNs[5], int64_t(1645030244091700992));
    QCOMPARE(s.timeOrder()[0], 5u); // "log line info 4" is the oldest
    QCOMPARE(s.stream[1], s.stream[5]);
    QVERIFY(s.stream[0] != s.stream[1]);
}

void TelemetryFixtureTest::logfmtTraceIds() {
    TG_REQUIRE_FIXTURE("logs");
    const auto l = importFile(test::fixturePath("logs/loki-drain_ingester-logfmt_traceID.txt"));
    const model::LogStore& s = *l.logs;
    size_t withTrace = 0;
    for (size_t i = 0; i < s.recordCount(); ++i)
        withTrace += s.hasTrace(i);
    QCOMPARE(withTrace, size_t(98)); // "grep -c traceID=": 98 lines
    // Line 1: ts=2024-04-17T09:52:46.364803306Z ... level=debug traceID=1ee220e024eb5b0a
    //         orgID=12372 msg="POST /ingester.v1.IngesterService/Push (200) 1.368313ms"
    QCOMPARE(s.traceId[0].toHex(), std::string("00000000000000001ee220e024eb5b0a"));
    QCOMPARE(s.severity[0], model::LogSeverity::Debug);
    QCOMPARE(s.body(0),
             std::string_view("POST /ingester.v1.IngesterService/Push (200) 1.368313ms"));
    QCOMPARE(s.timeNs[0], int64_t(1713347566364803306));
    const model::Attribute* org = s.findAttribute(0, "orgID");
    QVERIFY(org);
    QCOMPARE(s.attributeText(*org), std::string("12372"));
    QVERIFY(!s.findAttribute(0, "ts") && !s.findAttribute(0, "msg"));
    // Line 3's msg ends in "944.101µs" (non-ASCII unit kept as UTF-8).
    QVERIFY(s.body(2).ends_with("944.101\xC2\xB5s"));
    // The last line (no trailing newline) is read.
    QCOMPARE(s.traceId[99].toHex(), std::string("000000000000000064b8a1a256934690"));
}

void TelemetryFixtureTest::otlpMetrics() {
    TG_REQUIRE_FIXTURE("otlp/otel-proto-examples_metrics.json");
    const auto m = importFile(test::fixturePath("otlp/otel-proto-examples_metrics.json"));
    const model::MetricStore& s = *m.metrics;
    const auto counter =
        test::seriesOf(s, "my.counter", "service.name=my.service,my.counter.attr=some value");
    QVERIFY(counter != model::kNoRow);
    QCOMPARE(s.typeOf(counter), model::MetricType::Counter);
    QCOMPARE(test::firstValue(s, counter), 5.0);
    QCOMPARE(test::firstTime(s, counter), int64_t(1544712660300000000));
    QCOMPARE(s.serviceOf(counter), std::string_view("my.service"));
    const model::FamilyId f = s.familyOf(counter);
    QCOMPARE(s.strings.view(s.familyHelp[f]), std::string_view("I am a Counter"));
    QCOMPARE(s.strings.view(s.familyUnit[f]), std::string_view("1"));
    QCOMPARE(s.familyFlags[f] & model::kFamilyDelta, int(model::kFamilyDelta)); // temporality 1
    // histogram: bounds [1], counts ["1","1"] -> le="1": 1, le="+Inf": 2; count 2, sum 2.
    const QString h = "service.name=my.service,my.histogram.attr=some value";
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.histogram_bucket", h + ",le=1")), 1.0);
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.histogram_bucket", h + ",le=+Inf")), 2.0);
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.histogram_count", h)), 2.0);
    // exponential: scale 0 (base 2), zeroCount 1, positive offset 1 counts [0, 2]:
    // le=0 -> 1, le=4 (2^(1+1)) -> 1, le=8 -> 3, +Inf -> count 3.
    const QString e = "service.name=my.service,my.exponential.histogram.attr=some value";
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.exponential.histogram_bucket", e + ",le=0")),
             1.0);
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.exponential.histogram_bucket", e + ",le=4")),
             1.0);
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.exponential.histogram_bucket", e + ",le=8")),
             3.0);
    QCOMPARE(test::firstValue(s, test::seriesOf(s, "my.exponential.histogram_sum", e)), 10.0);
}

void TelemetryFixtureTest::otlpLogs() {
    TG_REQUIRE_FIXTURE("otlp/otel-proto-examples_logs.json");
    const auto l = importFile(test::fixturePath("otlp/otel-proto-examples_logs.json"));
    const model::LogStore& s = *l.logs;
    QCOMPARE(s.body(0), std::string_view("Example log record"));
    // Upper-case hex in the file, normalised to lower case.
    QCOMPARE(s.traceId[0].toHex(), std::string("5b8efff798038103d269b633813fc60c"));
    QCOMPARE(model::spanIdToHex(s.spanId[0]), std::string("eee19b7ec3c1b174"));
    QCOMPARE(s.severity[0], model::LogSeverity::Info); // severityNumber 10
    QCOMPARE(s.strings.view(s.severityText[0]), std::string_view("Information"));
    QCOMPARE(s.serviceOf(0), std::string_view("my.service"));
    QCOMPARE(s.timeNs[0], int64_t(1544712660300000000));
    QCOMPARE(s.observedNs[0], int64_t(1544712660300000000));
    // 6 attributes + otel.scope.name + otel.scope.version.
    QCOMPARE(s.attributesOf(0).size(), size_t(8));
    QCOMPARE(s.attributeText(*s.findAttribute(0, "int.attribute")), std::string("10"));
    QCOMPARE(s.findAttribute(0, "int.attribute")->type, model::AttrType::Int);
    QCOMPARE(s.attributeText(*s.findAttribute(0, "array.attribute")),
             std::string("[\"many\",\"values\"]"));
    QCOMPARE(s.attributeText(*s.findAttribute(0, "otel.scope.name")), std::string("my.library"));
}

void TelemetryFixtureTest::nezhaLogs() {
    const QString f = "incident-format-sample_nezha-onlineboutique/05_19_log.excerpt.csv";
    TG_REQUIRE_FIXTURE(f);
    const auto l = importFile(test::fixturePath(f));
    const model::LogStore& s = *l.logs;
    // Row 1 (recommendationservice): TimeUnixNano 1661145522908318000, its Log cell a Docker
    // line whose "log" is the app's JSON {"timestamp", "severity": "INFO", "name", "message"}.
    QCOMPARE(s.timeNs[0], int64_t(1661145522908318000));
    QCOMPARE(s.traceId[0].toHex(), std::string("04c87ec97bae041b1b15b3c7676a43cc"));
    QCOMPARE(model::spanIdToHex(s.spanId[0]), std::string("e4006dce6700e903"));
    QCOMPARE(s.severity[0], model::LogSeverity::Info);
    QVERIFY(s.body(0).starts_with("TraceID: 04c87ec97bae041b1b15b3c7676a43cc SpanID: "
                                  "e4006dce6700e903 List Recommendations"));
    QCOMPARE(s.labelValue(0, "pod"), std::string_view("recommendationservice-6cfdd55578-gfj6q"));
    QCOMPARE(s.serviceOf(0), std::string_view("recommendationservice"));
    QCOMPARE(s.labelValue(0, "node"), std::string_view("33.33.33.155"));
    // The Docker envelope's "time" 2022-08-22T05:18:42.90847299Z is the observed time.
    QCOMPARE(s.observedNs[0], int64_t(1661145522908472990));
    QCOMPARE(s.attributeText(*s.findAttribute(0, "stream")), std::string("stdout"));
    // Every record has its trace and span (python: no empty TraceID/SpanID cell); 920 app
    // JSON logs carry severity info/INFO, the 89 plain-text ones (cartservice 22, adservice
    // 67) none.
    size_t traced = 0, info = 0, unspecified = 0, frontend = 0;
    for (size_t i = 0; i < s.recordCount(); ++i) {
        traced += s.hasTrace(i) && s.hasSpan(i);
        info += s.severity[i] == model::LogSeverity::Info;
        unspecified += s.severity[i] == model::LogSeverity::Unspecified;
        frontend += s.serviceOf(i) == "frontend";
    }
    QCOMPARE(traced, size_t(1009));
    QCOMPARE(info, size_t(920));
    QCOMPARE(unspecified, size_t(89));
    QCOMPARE(frontend, size_t(126)); // cut -d, -f4 | sort | uniq -c
}

void TelemetryFixtureTest::nezhaMetrics() {
    const QString f = "incident-format-sample_nezha-onlineboutique/"
                      "currencyservice-cf787dd48-vpjrd_metric.excerpt.csv";
    TG_REQUIRE_FIXTURE(f);
    const auto m = importFile(test::fixturePath(f));
    const model::MetricStore& s = *m.metrics;
    const auto cpu = test::seriesOf(s, "CpuUsageRate",
                                    "pod=currencyservice-cf787dd48-vpjrd,service=currencyservice");
    QVERIFY(cpu != model::kNoRow);
    // First row: TimeStamp 1661144419, CpuUsageRate(%) 69.26874041506821.
    QCOMPARE(test::firstTime(s, cpu), int64_t(1661144419) * 1000000000);
    QCOMPARE(test::firstValue(s, cpu), 69.26874041506821);
    QCOMPARE(s.strings.view(s.familyUnit[s.familyOf(cpu)]), std::string_view("%"));
    QCOMPARE(s.samplesOf(cpu).size(), size_t(40));
    QCOMPARE(s.serviceOf(cpu), std::string_view("currencyservice"));

    const QString g = "incident-format-sample_nezha-onlineboutique/front_service.excerpt.csv";
    const auto svc = importFile(test::fixturePath(g));
    const auto p99 = test::seriesOf(*svc.metrics, "LatencyP99", "service=Frontend");
    QVERIFY(p99 != model::kNoRow);
    QCOMPARE(test::firstValue(*svc.metrics, p99), 2.1189999999999984);
    QCOMPARE(svc.metrics->strings.view(svc.metrics->familyUnit[svc.metrics->familyOf(p99)]),
             std::string_view("s"));
}

QTEST_GUILESS_MAIN(TelemetryFixtureTest)
#include "telemetry_fixture_test.moc"
