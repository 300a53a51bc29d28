// Correlation on hand-built stores (models/correlate): derived-field rules find IDs in bodies,
// attributes and explicit columns; IDs normalise like span IDs; service rules map labels to the
// traces' services; the index answers by trace, span and service in time order; the report
// counts every record once with the reason it was not linked. Every expected value is worked
// out by hand in the comments next to the data (correlate_test_data.h describes the traces).
#include <QTest>

#include "models/correlate/correlation_index.h"
#include "models/correlate/derived_fields.h"
#include "models/correlate/service_mapping.h"
#include "tests/models/correlate/correlate_test_data.h"

using namespace tg::model;
using namespace tg::test;

namespace {

std::vector<uint32_t> rows(std::span<const uint32_t> s) {
    return {s.begin(), s.end()};
}

StringId serviceId(const Dataset& d, std::string_view name) {
    StringId id = 0;
    d.strings.find(name, id);
    return id;
}

// The twelve records of the correlation scenario; per row: how its ID is found, and the link.
void addScenarioLogs(LogStore& logs) {
    addLogs(
        logs, "app.log",
        {
            // 0: logfmt, regex -> span A1 (frontend).
            {5,
             "level=info traceID=4bf92f3577b34da6a3ce929d0e0e4736 spanID=00f067aa0ba902b7 "
             "msg=\"GET /\"",
             {{"service_name", "frontend"}}},
            // 1: JSON with upper-case hex, regex -> span A2 (checkout).
            {20,
             "{\"level\":\"info\",\"trace_id\":\"4BF92F3577B34DA6A3CE929D0E0E4736\",\"span_id\":"
             "\"0000000000001111\"}",
             {{"job", "shop/checkout"}}},
            // 2: explicit columns, span 9999 not in trace A -> trace link; service by app.
            {30, "explicit", {{"app", "checkout"}}, kTraceA, "9999"},
            // 3: parent_span_id comes first but is not a span_id key -> span A1.
            {40,
             "parent_span_id=0000000000001111 span_id=00f067aa0ba902b7 "
             "trace_id=4bf92f3577b34da6a3ce929d0e0e4736",
             {{"service_name", "frontend"}}},
            // 4: attribute trace_id "abc" (left-padded to trace B), no span -> trace link,
            // no stream labels.
            {50, "attr only", {}, {}, {}, {AttributeInput::string("trace_id", "abc")}},
            // 5: prose ID of a trace not loaded, inside the time range; unknown service.
            {600,
             "TraceID: 00000000000000000000000000000def SpanID: 0000000000000001",
             {{"service", "payments"}}},
            // 6: a trace not loaded, 60 s after the traces end (+5 s slack) -> outside.
            {60000, "trace_id=0000000000000000000000000000beef", {{"service_name", "frontend"}}},
            // 7: no ID at all.
            {70, "no id here", {{"service_name", "frontend"}}},
            // 8: W3C traceparent -> trace A, span A2.
            {80,
             "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000001111-01",
             {{"k8s_deployment_name", "checkout"}}},
            // 9: trace A without span; service label in other case.
            {90, "trace_id=4bf92f3577b34da6a3ce929d0e0e4736", {{"service_name", "FRONTEND"}}},
            // 10: explicit trace B span B1, logged before the span started.
            {3, "b1", {}, kTraceB, "2222"},
            // 11: a non-hex ID ("zz", hashed) that no trace has; inside the range.
            {1500, "traceID=zz-not-hex", {}},
        });
}

} // namespace

class CorrelationTest : public QObject {
    Q_OBJECT
private slots:
    void literalPrefix();
    void configParses();
    void configErrorsNameTheLine();
    void derivedFieldsFindIds();
    void logReportCountsEveryRecord();
    void logQueriesByTraceSpanService();
    void seriesMapToServices();
    void exemplarsLinkToTraces();
    void customRulesReplaceDefaults();
    void emptyInputs();
};

void CorrelationTest::literalPrefix() {
    QCOMPARE(regexLiteralPrefix("traceID=(\\w+)"), std::string("traceID="));
    QCOMPARE(regexLiteralPrefix("\"trace_id\":\"(\\w+)\""), std::string("\"trace_id\":\""));
    QCOMPARE(regexLiteralPrefix("\\btrace[_.]?id"), std::string("trace"));
    QCOMPARE(regexLiteralPrefix("trace_?id=(\\w+)"), std::string("trace")); // '_' optional
    QCOMPARE(regexLiteralPrefix("ab+c(\\w)"), std::string("ab"));
    QCOMPARE(regexLiteralPrefix("x\\.y(\\w+)"), std::string("x.y"));
    QCOMPARE(regexLiteralPrefix("\\d+x(\\w)"), std::string());
    QCOMPARE(regexLiteralPrefix("a=(\\w+)|b=(\\w+)"), std::string()); // top-level alternation
    QCOMPARE(regexLiteralPrefix("id=(a|b)"), std::string("id="));     // nested one is fine
    QCOMPARE(regexLiteralPrefix("^id=(\\w+)"), std::string());
}

void CorrelationTest::configParses() {
    const auto c = parseCorrelationConfig("# comment\n"
                                          "\n"
                                          "trace-field my_trace tid TID\r\n"
                                          "trace-regex req request id=(\\w+) end\n"
                                          "service-label svc after :\n"
                                          "time-slack-ms 250\n");
    QVERIFY(c.ok());
    const auto defaults = CorrelationConfig::defaults();
    QCOMPARE(c->derivedFields.size(), defaults.derivedFields.size() + 2);
    const DerivedFieldRule& field = c->derivedFields[defaults.derivedFields.size()];
    QCOMPARE(field.name, std::string("my_trace"));
    QCOMPARE(field.fields, (std::vector<std::string>{"tid", "TID"})); // '\r' dropped
    const DerivedFieldRule& re = c->derivedFields.back();
    QCOMPARE(re.pattern, std::string("request id=(\\w+) end")); // the rest of the line
    QCOMPARE(c->serviceRules.back().label, std::string("svc"));
    QCOMPARE(c->serviceRules.back().afterLast, std::string(":"));
    QCOMPARE(c->timeSlackNs, int64_t(250) * 1'000'000);
    QCOMPARE(afterLast("a:b:c", ":"), std::string_view("c"));
    QCOMPARE(afterLast("abc", "/"), std::string_view("abc"));
}

void CorrelationTest::configErrorsNameTheLine() {
    const struct {
        const char* text;
        int64_t line;
        const char* says;
    } cases[] = {
        {"trace-regex two (a)(b)", 1, "exactly one capture group"},
        {"# ok\nspan-regex bad (unclosed", 2, "invalid regex"},
        {"\n\nbogus rule", 3, "cannot read 'bogus rule'"},
        {"time-slack-ms -5", 1, "milliseconds"},
        {"service-label a before b", 1, "cannot read"},
        {"reset everything", 1, "cannot read"},
    };
    for (const auto& c : cases) {
        const auto r = parseCorrelationConfig(c.text, "corr.conf");
        QVERIFY2(!r.ok(), c.text);
        QCOMPARE(r.error().line, c.line);
        QCOMPARE(r.error().path, std::string("corr.conf"));
        QVERIFY2(r.error().detail.find(c.says) != std::string::npos, r.error().detail.c_str());
    }
}

void CorrelationTest::derivedFieldsFindIds() {
    LogStore logs;
    addScenarioLogs(logs);
    const DerivedFieldExtractor x(CorrelationConfig::defaults().derivedFields, logs);
    const TraceId a = parseTraceId(kTraceA).id, b = parseTraceId(kTraceB).id;
    // Row 1: upper-case hex normalises to the same ID as trace A's lower-case spelling.
    FoundIds f = x.find(1);
    QCOMPARE(f.origin, IdOrigin::Regex);
    QVERIFY(f.trace.id == a);
    QCOMPARE(f.span.id, kSpanA2);
    // Row 3: span_id, not parent_span_id.
    QCOMPARE(x.find(3).span.id, kSpanA1);
    // Row 4: the attribute "abc" is 0x...abc, trace B.
    f = x.find(4);
    QCOMPARE(f.origin, IdOrigin::Field);
    QVERIFY(f.trace.id == b);
    QCOMPARE(f.span.id, SpanId(0));
    // Row 5: prose "TraceID: ... SpanID: ...".
    f = x.find(5);
    QCOMPARE(f.trace.id.toHex(), std::string("00000000000000000000000000000def"));
    QCOMPARE(f.span.id, SpanId(1));
    // Row 8: traceparent gives both.
    f = x.find(8);
    QVERIFY(f.trace.id == a);
    QCOMPARE(f.span.id, kSpanA2);
    // Row 7: nothing; row 10: explicit columns.
    QCOMPARE(x.find(7).origin, IdOrigin::None);
    QCOMPARE(x.find(10).origin, IdOrigin::Explicit);
    // Row 11: "zz" is not hex: hashed and flagged like a non-hex span ID.
    QCOMPARE(x.find(11).trace.spelling, IdSpelling::Hashed);
}

void CorrelationTest::logReportCountsEveryRecord() {
    Dataset d;
    buildTwoTraces(d);
    LogStore logs;
    addScenarioLogs(logs);
    const auto index = CorrelationIndex::build(d, &logs, nullptr, CorrelationConfig::defaults());
    const CorrelationReport& r = index.report();
    QCOMPARE(r.traces, uint64_t(2));
    QCOMPARE(r.spans, uint64_t(3));
    QCOMPARE(r.services, uint64_t(2));
    QCOMPARE(r.logs, uint64_t(12));
    QCOMPARE(r.logsLinkedToSpan, uint64_t(5));  // rows 0, 1, 3, 8, 10
    QCOMPARE(r.logsLinkedToTrace, uint64_t(3)); // rows 2, 4, 9
    QCOMPARE(r.logsSpanNotFound, uint64_t(1));  // row 2
    const auto miss = [&](TraceMiss m) { return r.logMisses[size_t(m)].count; };
    QCOMPARE(miss(TraceMiss::UnknownTrace), uint64_t(2));     // rows 5, 11
    QCOMPARE(miss(TraceMiss::OutsideTimeRange), uint64_t(1)); // row 6
    QCOMPARE(miss(TraceMiss::NoId), uint64_t(1));             // row 7
    QCOMPARE(r.logMisses[size_t(TraceMiss::UnknownTrace)].firstSample,
             std::string("app.log: record 6 (trace 00000000000000000000000000000def): TraceID: "
                         "00000000000000000000000000000def SpanID: 0000000000000001"));
    QCOMPARE(r.logMisses[size_t(TraceMiss::NoId)].firstSample,
             std::string("app.log: record 8: no id here"));
    // Origins: none 1 (row 7), explicit 2 (rows 2, 10), field 1 (row 4), regex 8.
    QCOMPARE(r.logsByIdOrigin, (std::array<uint64_t, 4>{1, 2, 1, 8}));
    // Services: rows 4 and 11 have no labels, row 5 names "payments"; the other 9 link.
    QCOMPARE(r.logsLinkedToService, uint64_t(9));
    QCOMPARE(r.logServiceMisses[size_t(ServiceMiss::NoServiceLabel)].count, uint64_t(2));
    QCOMPARE(r.logServiceMisses[size_t(ServiceMiss::UnknownService)].count, uint64_t(1));
    QCOMPARE(r.logServiceMisses[size_t(ServiceMiss::UnknownService)].firstSample.substr(0, 20),
             std::string("service 'payments': "));
}

void CorrelationTest::logQueriesByTraceSpanService() {
    Dataset d;
    buildTwoTraces(d);
    LogStore logs;
    addScenarioLogs(logs);
    const auto index = CorrelationIndex::build(d, &logs, nullptr, CorrelationConfig::defaults());
    const TraceId a = parseTraceId(kTraceA).id, b = parseTraceId(kTraceB).id;
    // Trace A's records by time: rows 0 (5 ms), 1 (20), 2 (30), 3 (40), 8 (80), 9 (90).
    QCOMPARE(rows(index.logsForTrace(a)), (std::vector<uint32_t>{0, 1, 2, 3, 8, 9}));
    // Trace B: row 10 (3 ms) before row 4 (50 ms).
    QCOMPARE(rows(index.logsForTrace(b)), (std::vector<uint32_t>{10, 4}));
    // A trace that was not loaded can still be asked for.
    QCOMPARE(rows(index.logsForTrace(parseTraceId("def").id)), (std::vector<uint32_t>{5}));
    QVERIFY(index.logsForTrace(parseTraceId("123").id).empty());
    QCOMPARE(rows(index.logsForSpan(a, kSpanA1)), (std::vector<uint32_t>{0, 3}));
    QCOMPARE(rows(index.logsForSpan(a, kSpanA2)), (std::vector<uint32_t>{1, 8}));
    QCOMPARE(rows(index.logsForSpan(a, 0x9999)), (std::vector<uint32_t>{2}));
    QVERIFY(index.logsForSpan(a, 0).empty());
    // frontend: rows 0 (5), 3 (40), 7 (70), 9 (90), 6 (60 s); checkout: 10 (3), 1, 2, 8.
    QCOMPARE(rows(index.logsForService(serviceId(d, "frontend"))),
             (std::vector<uint32_t>{0, 3, 7, 9, 6}));
    QCOMPARE(rows(index.logsForService(serviceId(d, "checkout"))),
             (std::vector<uint32_t>{10, 1, 2, 8}));
    const LogLink l3 = index.logLink(3);
    QCOMPARE(l3.status, LinkStatus::Span);
    QCOMPARE(l3.origin, IdOrigin::Regex);
    QVERIFY(l3.trace == a);
    QCOMPARE(l3.span, kSpanA1);
    QCOMPARE(l3.spanRow, 0); // A1 is the dataset's first row
    const LogLink l4 = index.logLink(4);
    QCOMPARE(l4.status, LinkStatus::Trace);
    QVERIFY(l4.trace == b);
    QCOMPARE(l4.service, StringId(0));
    QCOMPARE(index.logLink(6).status, LinkStatus::OutsideTimeRange);
    QCOMPARE(index.logLink(10).spanRow, 2);
    QCOMPARE(index.logLink(99).status, LinkStatus::NoId); // out of range: nothing
}

void CorrelationTest::seriesMapToServices() {
    Dataset d;
    buildTwoTraces(d);
    MetricStore m;
    m.addSource("metrics.prom", "openmetrics");
    const FamilyId f = m.addFamily({"http_requests", MetricType::Counter, "", "", 0});
    const FamilyId up = m.addFamily({"up", MetricType::Gauge, "", "", 0});
    using L = std::vector<LabelInput>;
    const L sets[] = {
        {{"job", "shop/checkout"}, {"instance", "10.0.0.1:8080"}}, // 0: checkout (job after /)
        {{"service", "Frontend"}},                                 // 1: frontend (case)
        {{"instance", "x"}},                                       // 2: no service label
        {{"service", "payments"}},                                 // 3: unknown service
    };
    for (const L& l : sets)
        m.addSeries(f, "http_requests_total", SeriesRole::Total, l);
    // 4: the Kubernetes name rule comes before job; 5: app before job; 6: job names an unknown
    // service, container a known one: the first rule that names a known service wins.
    m.addSeries(up, "up", SeriesRole::Value,
                L{{"app_kubernetes_io_name", "frontend"}, {"job", "kubernetes-pods"}});
    m.addSeries(up, "up", SeriesRole::Value, L{{"job", "kubernetes-pods"}, {"app", "checkout"}});
    m.addSeries(up, "up", SeriesRole::Value,
                L{{"job", "kube-system/coredns"}, {"container", "checkout"}});
    m.buildIndex();
    const auto index = CorrelationIndex::build(d, nullptr, &m, CorrelationConfig::defaults());
    const CorrelationReport& r = index.report();
    QCOMPARE(r.series, uint64_t(7));
    QCOMPARE(r.seriesLinkedToService, uint64_t(5));
    QCOMPARE(r.seriesMisses[size_t(ServiceMiss::NoServiceLabel)].count, uint64_t(1));
    QCOMPARE(r.seriesMisses[size_t(ServiceMiss::NoServiceLabel)].firstSample,
             std::string("metrics.prom: http_requests_total{instance=\"x\"}"));
    QCOMPARE(r.seriesMisses[size_t(ServiceMiss::UnknownService)].count, uint64_t(1));
    QCOMPARE(rows(index.seriesForService(serviceId(d, "checkout"))),
             (std::vector<uint32_t>{0, 5, 6}));
    QCOMPARE(rows(index.seriesForService(serviceId(d, "frontend"))), (std::vector<uint32_t>{1, 4}));
    QCOMPARE(index.serviceOfSeries(3), StringId(0));
}

void CorrelationTest::exemplarsLinkToTraces() {
    Dataset d;
    buildTwoTraces(d);
    MetricStore m;
    m.addSource("metrics.om", "openmetrics");
    const FamilyId f = m.addFamily({"latency", MetricType::Histogram, "", "", 0});
    const LabelInput labels[] = {{"le", "0.1"}, {"service", "checkout"}};
    const SeriesId s = m.addSeries(f, "latency_bucket", SeriesRole::Bucket, labels);
    const uint32_t sample = m.addSample(s, kT0 + 50 * kMs, 3);
    const auto exemplar = [&](std::string_view trace, std::string_view span, int64_t timeMs,
                              bool hasTime) {
        ExemplarInput e;
        e.series = s;
        e.sample = sample;
        e.timeNs = kT0 + timeMs * kMs;
        e.hasTime = hasTime;
        if (!trace.empty()) e.trace = parseTraceId(trace);
        if (!span.empty()) e.span = parseSpanId(span);
        m.addExemplar(e);
    };
    exemplar(kTraceA, "1111", 30, true); // 0: span A2
    exemplar(kTraceB, "7777", 0, false); // 1: trace B, no such span
    exemplar("def", "", 0, false);       // 2: unknown, at its sample's 50 ms
    exemplar("beef", "", 90000, true);   // 3: 90 s: outside the range
    exemplar("", "", 0, false);          // 4: no trace ID
    m.buildIndex();
    const auto index = CorrelationIndex::build(d, nullptr, &m, CorrelationConfig::defaults());
    const CorrelationReport& r = index.report();
    QCOMPARE(r.exemplars, uint64_t(5));
    QCOMPARE(r.exemplarsLinkedToSpan, uint64_t(1));
    QCOMPARE(r.exemplarsLinkedToTrace, uint64_t(1));
    QCOMPARE(r.exemplarMisses[size_t(TraceMiss::UnknownTrace)].count, uint64_t(1));
    QCOMPARE(r.exemplarMisses[size_t(TraceMiss::OutsideTimeRange)].count, uint64_t(1));
    QCOMPARE(r.exemplarMisses[size_t(TraceMiss::NoId)].count, uint64_t(1));
    QCOMPARE(r.exemplarMisses[size_t(TraceMiss::UnknownTrace)].firstSample,
             std::string("metrics.om: latency_bucket{le=\"0.1\",service=\"checkout\"}: exemplar 3 "
                         "(trace 00000000000000000000000000000def)"));
    QCOMPARE(index.exemplarLink(0).status, LinkStatus::Span);
    QCOMPARE(index.exemplarLink(0).spanRow, 1); // A2 is the dataset's second row
    QCOMPARE(rows(index.exemplarsForTrace(parseTraceId(kTraceA).id)), (std::vector<uint32_t>{0}));
    QCOMPARE(rows(index.exemplarsForTrace(parseTraceId("def").id)), (std::vector<uint32_t>{2}));
}

void CorrelationTest::customRulesReplaceDefaults() {
    Dataset d;
    buildTwoTraces(d);
    LogStore logs;
    addLogs(logs, "custom.log",
            {{10, "request req=abc done", {}},                        // 0: custom rule -> B
             {20, "trace_id=4bf92f3577b34da6a3ce929d0e0e4736", {}}}); // 1: default rule gone
    const auto config = parseCorrelationConfig("reset derived\ntrace-regex req \\breq=(\\w+)\n");
    QVERIFY(config.ok());
    QCOMPARE(config->derivedFields.size(), size_t(1));
    const auto index = CorrelationIndex::build(d, &logs, nullptr, *config);
    QCOMPARE(index.logLink(0).status, LinkStatus::Trace);
    QVERIFY(index.logLink(0).trace == parseTraceId(kTraceB).id);
    QCOMPARE(index.logLink(1).status, LinkStatus::NoId);
    QCOMPARE(index.report().logsByIdOrigin[size_t(IdOrigin::Regex)], uint64_t(1));
}

void CorrelationTest::emptyInputs() {
    Dataset d; // no traces: an ID cannot be "outside" a range that does not exist
    LogStore logs;
    addLogs(logs, "x.log", {{0, "trace_id=abc", {}}});
    MetricStore m;
    const auto index = CorrelationIndex::build(d, &logs, &m, CorrelationConfig::defaults());
    QCOMPARE(index.report().traces, uint64_t(0));
    QCOMPARE(index.logLink(0).status, LinkStatus::UnknownTrace);
    QCOMPARE(index.report().series, uint64_t(0));
    const auto none = CorrelationIndex::build(d, nullptr, nullptr, CorrelationConfig::defaults());
    QCOMPARE(none.report().logs, uint64_t(0));
    QVERIFY(none.logsForTrace(parseTraceId("abc").id).empty());
}

QTEST_APPLESS_MAIN(CorrelationTest)
#include "correlation_test.moc"
