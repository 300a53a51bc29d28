// Hostile and broken metrics/logs input through the registry (DESIGN §5, §7: bad inputs are
// test data rows with the expected error). Each row is a bad input (built here; big ones at run
// time) and the outcome it must have: a fatal error with a code, the row's label as path, the
// line it names and words of its reason, after which both stores are exactly as before
// (rollback); or success with the diagnostics it must count and the samples/records it keeps.
// Every row imports into stores that already hold a valid import.
#include <QTest>

#include "tests/importers/telemetry/telemetry_test_support.h"

using namespace tg;
using import::TelemetryFormat;
using model::ErrorCode;

Q_DECLARE_METATYPE(ErrorCode)
Q_DECLARE_METATYPE(std::optional<TelemetryFormat>)

namespace {

constexpr std::string_view kBaseMetrics = "# TYPE up gauge\nup{job=\"a\"} 1 1700000000000\n";
constexpr std::string_view kBaseLogs = "ts=2023-11-14T22:13:20Z level=info msg=base app=x\n";

QByteArray omExemplar(int valueChars) {
    return "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1 # {a=\"" + QByteArray(valueChars, 'x') +
           "\"} 1\nh_count 1\n# EOF\n";
}

} // namespace

class TelemetryBadInputTest : public QObject {
    Q_OBJECT
private slots:
    void fatal_data();
    void fatal();
    void recoverable_data();
    void recoverable();
    void missingFile();
    void traceFileIsNotTelemetry();
};

void TelemetryBadInputTest::fatal_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<std::optional<TelemetryFormat>>("format");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line"); // -1: not checked
    QTest::addColumn<QString>("reason");
    const std::optional<TelemetryFormat> sniff;
    const std::optional<TelemetryFormat> om = TelemetryFormat::OpenMetricsText;

    QTest::newRow("empty") << QByteArray() << sniff << ErrorCode::UnknownFormat << -1 << "empty";
    QTest::newRow("white space") << QByteArray(" \n\t\n") << sniff << ErrorCode::UnknownFormat << -1
                                 << "white space";
    QTest::newRow("binary") << QByteArray("\x01\x02\x00\x7f garbage", 12) << sniff
                            << ErrorCode::UnknownFormat << -1 << "binary";
    QTest::newRow("prose") << QByteArray("Dear team, the dashboard is down.\n") << sniff
                           << ErrorCode::UnknownFormat << -1 << "first line";
    QTest::newRow("prom status error")
        << QByteArray("{\"status\":\"error\",\"errorType\":\"bad_data\",\n\"error\":\"invalid "
                      "parameter \\\"query\\\"\"}")
        << sniff << ErrorCode::Unsupported << 1 << "bad_data: invalid parameter \"query\"";
    QTest::newRow("prom truncated")
        << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[")
        << sniff << ErrorCode::Syntax << -1 << "";
    QTest::newRow("prom malformed data")
        << QByteArray("{\"status\":\"success\",\n\"data\":{\"resultType\":\"matrix\",\n"
                      "\"result\":[{\"metric\":{\"a\" \"b\"}}]}}")
        << sniff << ErrorCode::Syntax << 3 << "malformed data";
    QTest::newRow("om no eof") << QByteArray("# TYPE a gauge\na 1\n") << om << ErrorCode::Syntax
                               << 2 << "# EOF";
    QTest::newRow("om after eof") << QByteArray("a 1\n# EOF\na 2\n") << sniff << ErrorCode::Syntax
                                  << 3 << "after \"# EOF\"";
    QTest::newRow("om blank line")
        << QByteArray("a 1\n\n# EOF\n") << sniff << ErrorCode::Syntax << 2 << "blank line";
    QTest::newRow("om comment") << QByteArray("# a comment\na 1\n# EOF\n") << sniff
                                << ErrorCode::Syntax << 1 << "comment";
    QTest::newRow("om counter name") << QByteArray("# TYPE a counter\na 1\n# EOF\n") << sniff
                                     << ErrorCode::Syntax << 2 << "does not fit counter";
    QTest::newRow("om negative counter") << QByteArray("# TYPE a counter\na_total -1\n# EOF\n")
                                         << sniff << ErrorCode::Syntax << 2 << "non-negative";
    QTest::newRow("om no +Inf bucket")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n# EOF\n") << sniff
        << ErrorCode::Syntax << 2 << "+Inf";
    // A second MetricPoint (later timestamp) is checked on its own: its +Inf bucket (line 3)
    // is below its le="1" bucket.
    QTest::newRow("om second point not cumulative")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1 10\nh_bucket{le=\"+Inf\"} 2 10\n"
                      "h_bucket{le=\"1\"} 6 20\nh_bucket{le=\"+Inf\"} 5 20\n# EOF\n")
        << sniff << ErrorCode::Syntax << 5 << "cumulative";
    // Two points at one timestamp are one point with a repeated bucket.
    QTest::newRow("om repeated point timestamp")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1 10\nh_bucket{le=\"+Inf\"} 2 10\n"
                      "h_bucket{le=\"1\"} 3 10\n# EOF\n")
        << sniff << ErrorCode::Syntax << 4 << "increasing le order";
    QTest::newRow("om buckets not cumulative")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 5\nh_bucket{le=\"+Inf\"} 3\n# EOF\n")
        << sniff << ErrorCode::Syntax << 3 << "cumulative";
    QTest::newRow("om count mismatch")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 3\nh_count 4\n# EOF\n") << sniff
        << ErrorCode::Syntax << 2 << "_count";
    QTest::newRow("om bucket without le") << QByteArray("# TYPE h histogram\nh_bucket 3\n# EOF\n")
                                          << sniff << ErrorCode::Syntax << 2 << "le label";
    QTest::newRow("om exemplar on gauge")
        << QByteArray("# TYPE g gauge\ng 1 # {a=\"b\"} 1\n# EOF\n") << sniff << ErrorCode::Syntax
        << 2 << "exemplars are allowed only";
    QTest::newRow("om exemplar 129 chars")
        << omExemplar(128) << sniff << ErrorCode::Syntax << 2 << "129 characters";
    QTest::newRow("om duplicate type") << QByteArray("# TYPE a gauge\n# TYPE a gauge\na 1\n# EOF\n")
                                       << sniff << ErrorCode::Syntax << 2 << "second TYPE";
    QTest::newRow("om family split")
        << QByteArray("a 1\nb 1\na 2\n# EOF\n") << sniff << ErrorCode::Syntax << 3 << "second time";
    QTest::newRow("om metadata after samples") << QByteArray("a 1\n# HELP a late\n# EOF\n") << sniff
                                               << ErrorCode::Syntax << 2 << "after its samples";
    QTest::newRow("om unknown type") << QByteArray("# TYPE a untyped\na 1\n# EOF\n") << sniff
                                     << ErrorCode::Syntax << 1 << "unknown metric type";
    QTest::newRow("om unit not suffix")
        << QByteArray("# TYPE a gauge\n# UNIT a seconds\na 1\n# EOF\n") << sniff
        << ErrorCode::Syntax << 2 << "must end with its unit";
    QTest::newRow("om trailing comma") << QByteArray("a{b=\"c\",} 1\n# EOF\n") << sniff
                                       << ErrorCode::Syntax << 1 << "trailing ','";
    QTest::newRow("om two spaces")
        << QByteArray("a  1\n# EOF\n") << sniff << ErrorCode::Syntax << 1 << "";
    QTest::newRow("om bad timestamp")
        << QByteArray("a 1 NaN\n# EOF\n") << sniff << ErrorCode::Syntax << 1 << "timestamp";
    QTest::newRow("om duplicate sample") << QByteArray("a{x=\"1\"} 1\na{x=\"1\"} 2\n# EOF\n")
                                         << sniff << ErrorCode::Syntax << 2 << "same series";
    QTest::newRow("om duplicate label") << QByteArray("a{x=\"1\",x=\"2\"} 1\n# EOF\n") << sniff
                                        << ErrorCode::Syntax << 1 << "duplicate label";
    QTest::newRow("om quantile range")
        << QByteArray("# TYPE s summary\ns{quantile=\"1.5\"} 1\n# EOF\n") << sniff
        << ErrorCode::Syntax << 2 << "quantile";
    QTest::newRow("om stateset value") << QByteArray("# TYPE s stateset\ns{s=\"a\"} 2\n# EOF\n")
                                       << sniff << ErrorCode::Syntax << 2 << "0 or 1";
    QTest::newRow("om carriage return")
        << QByteArray("a 1\r\n# EOF\n") << sniff << ErrorCode::Syntax << 1 << "carriage return";
    QTest::newRow("csv unclosed quote")
        << QByteArray("time,message\n2023-11-14T22:13:20Z,\"never closed\n") << sniff
        << ErrorCode::Syntax << 2 << "not closed";
}

void TelemetryBadInputTest::fatal() {
    QFETCH(QByteArray, input);
    QFETCH(std::optional<TelemetryFormat>, format);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(QString, reason);
    model::MetricStore metrics;
    model::LogStore logs;
    QVERIFY(!import::importTelemetryBytes(kBaseMetrics, "base.prom", metrics, logs).failed);
    QVERIFY(!import::importTelemetryBytes(kBaseLogs, "base.log", metrics, logs).failed);
    const auto metricsBefore = metrics.checkpoint();
    const auto logsBefore = logs.checkpoint();
    const auto report = import::importTelemetryBytes(
        std::string_view(input.constData(), input.size()), "bad-input", metrics, logs, {}, format);
    const QString message = QString::fromStdString(report.error.toString());
    QVERIFY2(report.failed, qPrintable(test::describe(report)));
    QCOMPARE(report.error.code, code);
    QCOMPARE(report.error.path, std::string("bad-input"));
    QVERIFY2(message.startsWith("bad-input"), qPrintable(message));
    if (line >= 0) QVERIFY2(report.error.line == line, qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY(metrics.checkpoint() == metricsBefore);
    QVERIFY(logs.checkpoint() == logsBefore);
    QVERIFY(metrics.indexCurrent() && logs.indexCurrent());
    QCOMPARE(metrics.samplesOf(0).size(), size_t(1)); // the base import is intact
}

void TelemetryBadInputTest::recoverable_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("diagnostics");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("logs");
    QTest::newRow("prom bad sample")
        << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{"
                      "\"metric\":{},\"values\":[[1,\"x\"],[2,\"2\"],[\"t\",\"3\"],[4],null]}]}}")
        << "bad_sample=4" << 1 << 0;
    QTest::newRow("prom unknown result type")
        << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"blob\",\"result\":[]}}")
        << "unknown_result_type=1" << 0 << 0;
    QTest::newRow("prom no data") << QByteArray("{\"status\":\"success\",\"errorType\":\"\"}")
                                  << "missing_data=1" << 0 << 0;
    QTest::newRow("prom odd status")
        << QByteArray("{\"status\":\"partial\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
        << "unknown_status=1" << 0 << 0;
    // 12 good lines and 3 bad ones (a float timestamp, an unclosed label value, a fourth
    // token): still an exposition; the bad lines are skipped and counted.
    QTest::newRow("text bad lines")
        << QByteArray("a 1\nb 2\nc 3 1.5\nd 4\ne{x=\"y} 5\nf 6 7 8\ng 7\nh 8\ni 9\nj 1\nk 1\n"
                      "l 1\nm 1\nn 1\no 1\n")
        << "sample_time_assumed=12;bad_line=3" << 12 << 0;
    QTest::newRow("text metadata after samples")
        << QByteArray("a 1 1000\n# TYPE a counter\na 2 2000\n") << "metadata_after_samples=1" << 2
        << 0;
    QTest::newRow("text timestamp overflow")
        << QByteArray("a 1 99999999999999999\n") << "timestamp_out_of_range=1" << 1 << 0;
    QTest::newRow("json lines broken")
        << QByteArray("{\"msg\":\"a\",\"level\":\"info\",\"ts\":\"2023-11-14T22:13:20Z\"}\n"
                      "{\"msg\": broken\n[1,2]\n{\"msg\":\"x\"} trailing\n")
        << "not_json=3" << 0 << 4;
    QTest::newRow("json lines deep")
        << QByteArray("{\"msg\":\"deep\",\"a\":" + QByteArray(100, '{').replace("{", "{\"a\":") +
                      "1" + QByteArray(101, '}') + "\n")
        << "missing_time=1" << 0 << 1;
    QTest::newRow("logfmt no pairs")
        << QByteArray("ts=2023-11-14T22:13:20Z level=info msg=a\njust words here\n")
        << "not_logfmt=1" << 0 << 2;
    QTest::newRow("loki bad entries")
        << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{"
                      "\"stream\":{},\"values\":[\"x\",[\"1\"],[\"abc\",\"line\"],"
                      "[\"5\",\"ok\"]]},7]}}")
        << "bad_entry=3;bad_result=1" << 0 << 1;
    QTest::newRow("otlp logs without time")
        << QByteArray("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{"
                      "\"stringValue\":\"x\"}}]}]}]}")
        << "missing_time=1" << 0 << 1;
    QTest::newRow("otlp metric without data")
        << QByteArray("{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"m\"},"
                      "{\"name\":\"g\",\"gauge\":{\"dataPoints\":[{\"asInt\":\"7\","
                      "\"timeUnixNano\":\"1\"},{\"asDouble\":1,\"flags\":1}]}}]}]}]}")
        << "unsupported_metric_kind=1;no_recorded_value=1" << 1 << 0;
    QTest::newRow("otlp bad record")
        << QByteArray("{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"a\\qb\","
                      "\"gauge\":{}}]}]},{\"scopeMetrics\":[]}]}")
        << "bad_record=1" << 0 << 0;
    QTest::newRow("csv metrics ragged")
        << QByteArray("time,pod,v\n1700000000,p,1\nnot-a-time,p,2\n1700000002,p\n") << "bad_time=1"
        << 1 << 0;
    QTest::newRow("csv logs ragged")
        << QByteArray("time,message,extra\n2023-11-14T22:13:20Z,a\n,b,c\n")
        << "ragged_row=1;missing_time=1" << 0 << 2;
}

void TelemetryBadInputTest::recoverable() {
    QFETCH(QByteArray, input);
    model::MetricStore metrics;
    model::LogStore logs;
    QVERIFY(!import::importTelemetryBytes(kBaseMetrics, "base.prom", metrics, logs).failed);
    const auto report = import::importTelemetryBytes(
        std::string_view(input.constData(), input.size()), "bad-input", metrics, logs);
    QVERIFY2(!report.failed, qPrintable(test::describe(report)));
    QTEST(test::describe(report.diagnostics), "diagnostics");
    QTEST(int(report.samples), "samples");
    QTEST(int(report.logRecords), "logs");
    for (const auto& e : report.diagnostics.entries())
        QVERIFY2(QString::fromStdString(e.firstSample).startsWith("bad-input"),
                 e.firstSample.c_str());
}

void TelemetryBadInputTest::missingFile() {
    model::MetricStore metrics;
    model::LogStore logs;
    const auto r = import::importTelemetryFile("/nonexistent/metrics.prom", metrics, logs);
    QVERIFY(r.failed);
    QCOMPARE(r.error.code, ErrorCode::CannotOpen);
    QCOMPARE(r.error.path, std::string("/nonexistent/metrics.prom"));
}

void TelemetryBadInputTest::traceFileIsNotTelemetry() {
    model::MetricStore metrics;
    model::LogStore logs;
    const std::string_view otlp = R"({"resourceSpans":[]})";
    const auto r = import::importTelemetryBytes(otlp, "trace.json", metrics, logs);
    QVERIFY(r.failed);
    QCOMPARE(r.error.code, ErrorCode::UnknownFormat);
    QVERIFY2(r.error.detail.find("a trace file (otlp-json)") != std::string::npos,
             r.error.detail.c_str());
}

QTEST_GUILESS_MAIN(TelemetryBadInputTest)
#include "telemetry_bad_input_test.moc"
