// `topograph logs` and `topograph metrics` as a user runs them (subprocess of the real binary)
// on the shared fixtures, with expectations counted from the files (grep counts in comments):
// filters by trace, span, service, text and time window, the JSON/text/CSV outputs, inputs
// mixing trace and telemetry files, and the exit codes and messages of bad input and usage.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/test_support.h"

using tg::test::fixturePath;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run run(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOGRAPH_BINARY), args);
    if (!p.waitForFinished(120000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out).object();
}

const QString kLogfmt = QStringLiteral("logs/loki-drain_ingester-logfmt_traceID.txt");
const QString kLoki = QStringLiteral("loki/grafana-tsdb-loki_query_range_streams_simple.json");
const QString kOtlpLogs = QStringLiteral("otlp/otel-proto-examples_logs.json");
const QString kOtlpTrace = QStringLiteral("otlp/otel-proto-examples_trace.json");
const QString kNezhaLogs =
    QStringLiteral("incident-format-sample_nezha-onlineboutique/05_19_log.excerpt.csv");
const QString kNezhaMetrics = QStringLiteral("incident-format-sample_nezha-onlineboutique/"
                                             "currencyservice-cf787dd48-vpjrd_metric.excerpt.csv");
const QString kPromMatrix =
    QStringLiteral("prometheus/api/prom-docs_api-v1-query_range_matrix.json");

} // namespace

class TelemetryCliTest : public QObject {
    Q_OBJECT
private slots:
    void logsByTrace();
    void logsBySpanAcrossSpellings();
    void logsByServiceMixedWithTraces();
    void logsGrepText();
    void metricsCsvWindow();
    void metricsJsonByService();
    void badInputAndUsage();

private:
    QTemporaryDir m_tmp;
};

void TelemetryCliTest::logsByTrace() {
    TG_REQUIRE_FIXTURE(kLogfmt);
    // grep -c 'traceID=1ee220e024eb5b0a': 6 lines; given here in upper case and unpadded.
    const Run r =
        run({"logs", fixturePath(kLogfmt), "--trace", "1EE220E024EB5B0A", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    QCOMPARE(o["total"].toInt(), 6);
    const QJsonObject first = o["logs"].toArray()[0].toObject();
    QCOMPARE(first["traceId"].toString(), QStringLiteral("00000000000000001ee220e024eb5b0a"));
    QCOMPARE(first["severity"].toString(), QStringLiteral("debug"));
    QCOMPARE(o["inputs"].toArray()[0].toObject()["format"].toString(),
             QStringLiteral("logfmt-logs"));
    // Oldest first: times never decrease.
    QString previous;
    for (const auto& v : o["logs"].toArray()) {
        const QString ns = v.toObject()["timeUnixNano"].toString();
        QVERIFY(previous.isEmpty() || previous.toLongLong() <= ns.toLongLong());
        previous = ns;
    }
}

void TelemetryCliTest::logsBySpanAcrossSpellings() {
    TG_REQUIRE_FIXTURE(kOtlpLogs);
    const Run r = run({"logs", fixturePath(kOtlpLogs), "--trace",
                       "5b8efff798038103d269b633813fc60c", "--span", "eee19b7ec3c1b174"});
    QCOMPARE(r.exitCode, 0);
    // Text: time, severity, [service], body, trace and span.
    QCOMPARE(r.out, QByteArray("2018-12-13T14:51:00.3Z INFO [my.service] Example log record "
                               "trace_id=5b8efff798038103d269b633813fc60c "
                               "span_id=eee19b7ec3c1b174\n"));
    const Run none = run({"logs", fixturePath(kOtlpLogs), "--span", "eee19b7ec3c1b175"});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out, QByteArray());
}

void TelemetryCliTest::logsByServiceMixedWithTraces() {
    TG_REQUIRE_FIXTURE(kNezhaLogs);
    TG_REQUIRE_FIXTURE(kOtlpTrace);
    // 126 frontend rows (cut -d, -f4 | sort | uniq -c); the OTLP trace file holds 1 span.
    const Run r = run({"logs", fixturePath(kNezhaLogs), fixturePath(kOtlpTrace), "--service",
                       "frontend", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    QCOMPARE(o["total"].toInt(), 126);
    QCOMPARE(o["spans"].toInt(), 1);
    QCOMPARE(o["inputs"].toArray().size(), 2);
    const QJsonObject first = o["logs"].toArray()[0].toObject();
    QCOMPARE(first["labels"].toObject()["service"].toString(), QStringLiteral("frontend"));
    QVERIFY(first["body"].toString().startsWith(QStringLiteral("TraceID: ")));
}

void TelemetryCliTest::logsGrepText() {
    TG_REQUIRE_FIXTURE(kLoki);
    // "log line info 2" twice (the duplicated entry is kept): 2 lines.
    const Run r = run({"logs", fixturePath(kLoki), "--grep", "info 2"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 2);
    QVERIFY(r.out.startsWith("2022-02-16T16:50:46.277587968Z UNSPECIFIED log line info 2\n"));
    const Run limited = run({"logs", fixturePath(kLoki), "--limit", "1"});
    QCOMPARE(limited.out.count('\n'), 1);
}

void TelemetryCliTest::metricsCsvWindow() {
    TG_REQUIRE_FIXTURE(kPromMatrix);
    const Run all = run({"metrics", fixturePath(kPromMatrix), "--format", "csv"});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out.count('\n'), 7); // header + 2 series x 3 samples
    // Only 1435781445.781 lies in [1435781440, 1435781450]: one sample per series.
    const Run window = run({"metrics", fixturePath(kPromMatrix), "--format", "csv", "--from",
                            "1435781440", "--to", "2015-07-01T20:10:50Z"});
    QCOMPARE(window.exitCode, 0);
    const QList<QByteArray> lines = window.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QByteArray("name,type,labels,time,time_unix_nano,value"));
    QCOMPARE(lines[1],
             QByteArray("up,unknown,\"{instance=\"\"localhost:9090\"\",job=\"\"prometheus\"\"}\","
                        "2015-07-01T20:10:45.781Z,1435781445781000000,1"));
}

void TelemetryCliTest::metricsJsonByService() {
    TG_REQUIRE_FIXTURE(kNezhaMetrics);
    const Run r = run({"metrics", fixturePath(kNezhaMetrics), "--service", "currencyservice"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    QCOMPARE(o["total"].toInt(), 19); // 19 numeric columns
    const QJsonObject first = o["series"].toArray()[0].toObject();
    QCOMPARE(first["name"].toString(), QStringLiteral("CpuUsage"));
    QCOMPARE(first["unit"].toString(), QStringLiteral("m"));
    QCOMPARE(first["type"].toString(), QStringLiteral("gauge"));
    QCOMPARE(first["samples"].toArray().size(), 40);
    // First row: 2022-08-22 05:00:19 (TimeStamp 1661144419), CpuUsage(m) 13.85374808301364.
    const QJsonArray sample = first["samples"].toArray()[0].toArray();
    QCOMPARE(sample[0].toString(), QStringLiteral("2022-08-22T05:00:19Z"));
    QCOMPARE(sample[1].toDouble(), 13.85374808301364);
    const Run other = run({"metrics", fixturePath(kNezhaMetrics), "--service", "frontend"});
    QCOMPARE(json(other)["total"].toInt(), 0);
}

void TelemetryCliTest::badInputAndUsage() {
    QVERIFY(m_tmp.isValid());
    const QString bad = m_tmp.filePath("bad.om");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# TYPE a counter\na 1\n# EOF\n");
    f.close();
    const Run r = run({"metrics", bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("bad.om: line 2") && r.err.contains("does not fit counter"),
             r.err.constData());
    QCOMPARE(r.out, QByteArray());
    const Run missing = run({"logs", "/nonexistent/app.log"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("/nonexistent/app.log"));
    QCOMPARE(run({"metrics", bad, "--format", "xml"}).exitCode, 1);
    QCOMPARE(run({"metrics", bad, "--from", "yesterday"}).exitCode, 1);
    QCOMPARE(run({"logs"}).exitCode, 1);
    QCOMPARE(run({"logs", bad, "--limit", "many"}).exitCode, 1);
    const Run help = run({"help"});
    QVERIFY(help.out.contains("logs") && help.out.contains("metrics"));
}

QTEST_GUILESS_MAIN(TelemetryCliTest)
#include "telemetry_cli_test.moc"
