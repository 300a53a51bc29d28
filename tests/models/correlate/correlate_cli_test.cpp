// `topograph correlate` as a user runs it (a subprocess of the real binary) on the hand-made
// inputs of tests/data/correlate (README.md there explains each line; the expected counts
// below are worked out from it): the JSON report's counts and first samples, the text form,
// -o, a --config that replaces the derived-field rules, and errors with their exit codes.
// (It lives with the correlation tests because tests/app/CMakeLists.txt lists other areas.)
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "importers/telemetry/telemetry_import.h"
#include "models/workspace/workspace.h"
#include "tests/test_support.h"

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run run(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // headless, as in CI
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOGRAPH_BINARY), args);
    if (!p.waitForFinished(120000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString data(const char* name) {
    return tg::test::testDataPath(QStringLiteral("correlate/") + QLatin1String(name));
}

QStringList inputs() {
    return {data("traces.json"), data("app.logfmt"), data("metrics.om")};
}

int count(const QJsonObject& o, const char* key) {
    return o[QLatin1String(key)].toInt(-1);
}

int missCount(const QJsonObject& misses, const char* reason) {
    return misses[QLatin1String(reason)].toObject()["count"].toInt(-1);
}

} // namespace

class CorrelateCliTest : public QObject {
    Q_OBJECT
private slots:
    void jsonMatchesHandCount();
    void textReport();
    void writesOutputFile();
    void configReplacesRules();
    void workspaceGivesSameReport();
    void errors();
};

void CorrelateCliTest::jsonMatchesHandCount() {
    const Run r = run(QStringList{QStringLiteral("correlate")} + inputs() +
                      QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject traces = doc["traces"].toObject();
    QCOMPARE(count(traces, "traces"), 2);
    QCOMPARE(count(traces, "spans"), 3);
    QCOMPARE(traces["start"].toString(), QStringLiteral("2023-11-14T22:13:20Z"));
    const QJsonObject logs = doc["logs"].toObject();
    QCOMPARE(count(logs, "records"), 7);
    QCOMPARE(count(logs, "linked_to_span"), 2);       // lines 1, 2
    QCOMPARE(count(logs, "linked_to_trace_only"), 2); // lines 3, 4
    QCOMPARE(count(logs, "span_not_found"), 0);
    const QJsonObject ids = logs["ids_from"].toObject();
    QCOMPARE(count(ids, "explicit"), 5); // traceID= / trace_id= keys: lines 1, 2, 3, 5, 6
    QCOMPARE(count(ids, "regex"), 1);    // line 4's message
    QCOMPARE(count(ids, "none"), 1);     // line 7
    const QJsonObject notLinked = logs["not_linked"].toObject();
    QCOMPARE(missCount(notLinked, "no_id"), 1);
    QCOMPARE(missCount(notLinked, "unknown_trace"), 1);
    QCOMPARE(missCount(notLinked, "outside_time_range"), 1);
    QCOMPARE(notLinked["outside_time_range"].toObject()["first_sample"].toString(),
             data("app.logfmt") +
                 QStringLiteral(": record 6 (trace 0000000000000000000000000000beef): ten "
                                "minutes later"));
    QCOMPARE(count(logs, "linked_to_service"), 5);
    const QJsonObject serviceMisses = logs["service_not_linked"].toObject();
    QCOMPARE(missCount(serviceMisses, "no_service_label"), 1); // line 7
    QCOMPARE(missCount(serviceMisses, "unknown_service"), 1);  // line 5: payments
    const QJsonObject exemplars = doc["exemplars"].toObject();
    QCOMPARE(count(exemplars, "exemplars"), 3);
    QCOMPARE(count(exemplars, "linked_to_span"), 1);
    QCOMPARE(count(exemplars, "linked_to_trace_only"), 1);
    QCOMPARE(missCount(exemplars["not_linked"].toObject(), "unknown_trace"), 1);
    const QJsonObject series = doc["series"].toObject();
    QCOMPARE(count(series, "series"), 4);
    QCOMPARE(count(series, "linked_to_service"), 2);
    QCOMPARE(missCount(series["not_linked"].toObject(), "no_service_label"), 1);
    QCOMPARE(missCount(series["not_linked"].toObject(), "unknown_service"), 1);
}

void CorrelateCliTest::textReport() {
    const Run r = run(QStringList{QStringLiteral("correlate")} + inputs());
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("7 records: 2 linked to a span, 2 to a trace only")),
             r.out.constData());
    QVERIFY(text.contains(QStringLiteral("exemplars: 3: 1 linked to a span, 1 to a trace only")));
    QVERIFY(text.contains(QStringLiteral("service 'payments'")));
}

void CorrelateCliTest::writesOutputFile() {
    QTemporaryDir dir;
    const QString out = dir.path() + QStringLiteral("/report.json");
    const Run r = run(
        QStringList{QStringLiteral("correlate")} + inputs() +
        QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object()["logs"].toObject()["records"].toInt(),
             7);
}

void CorrelateCliTest::configReplacesRules() {
    QTemporaryDir dir;
    const QString conf = dir.path() + QStringLiteral("/only-explicit.conf");
    QFile f(conf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# only the IDs the format states\nreset derived\n");
    f.close();
    const Run r = run(QStringList{QStringLiteral("correlate")} + inputs() +
                      QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("--config"), conf});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject logs = QJsonDocument::fromJson(r.out).object()["logs"].toObject();
    // Line 4's ID was only in its message: without the regex rules it has none.
    QCOMPARE(count(logs, "linked_to_trace_only"), 1);
    QCOMPARE(missCount(logs["not_linked"].toObject(), "no_id"), 2);
}

// A workspace holding the same traces, logs and metrics gives the same report as the files.
void CorrelateCliTest::workspaceGivesSameReport() {
    QTemporaryDir dir;
    const QString ws = dir.path() + QStringLiteral("/incident.topograph");
    QCOMPARE(
        run({QStringLiteral("import"), data("traces.json"), QStringLiteral("-o"), ws}).exitCode, 0);
    {
        tg::model::LogStore logs;
        tg::model::MetricStore metrics;
        for (const char* file : {"app.logfmt", "metrics.om"})
            QVERIFY(
                !tg::import::importTelemetryFile(data(file).toStdString(), metrics, logs).failed);
        auto w = tg::model::Workspace::open(ws.toStdString(), false);
        QVERIFY(w.ok());
        QVERIFY((*w)->persistNewLogs(logs).ok());
        QVERIFY((*w)->persistNewMetrics(metrics).ok());
    }
    const QStringList json{QStringLiteral("--format"), QStringLiteral("json")};
    const Run fromFiles = run(QStringList{QStringLiteral("correlate")} + inputs() + json);
    const Run fromWorkspace = run(QStringList{QStringLiteral("correlate"), ws} + json);
    QCOMPARE(fromWorkspace.exitCode, 0);
    const QJsonObject a = QJsonDocument::fromJson(fromFiles.out).object();
    const QJsonObject b = QJsonDocument::fromJson(fromWorkspace.out).object();
    for (const char* part : {"traces", "logs", "exemplars", "series"})
        QCOMPARE(b[QLatin1String(part)].toObject(), a[QLatin1String(part)].toObject());
    QCOMPARE(b["logs"].toObject()["records"].toInt(), 7); // not vacuous
    // `logs` reads the workspace's records too (the way into its packed log blocks now that
    // the file has no readable view of them): the same records as the file gives.
    const QStringList grep{QStringLiteral("--grep"), QStringLiteral("payment"),
                           QStringLiteral("--format"), QStringLiteral("json")};
    const Run logsFromFile = run(QStringList{QStringLiteral("logs"), data("app.logfmt")} + grep);
    const Run logsFromWorkspace = run(QStringList{QStringLiteral("logs"), ws} + grep);
    QCOMPARE(logsFromWorkspace.exitCode, 0);
    const QJsonArray fileRecords =
        QJsonDocument::fromJson(logsFromFile.out).object()["logs"].toArray();
    QVERIFY(!fileRecords.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(logsFromWorkspace.out).object()["logs"].toArray(),
             fileRecords);
}

void CorrelateCliTest::errors() {
    Run r = run(QStringList{QStringLiteral("correlate")} + inputs() +
                QStringList{QStringLiteral("--config"), data("bad_rule.conf")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bad_rule.conf: line 2: rule 'two': the regex needs exactly one"),
             r.err.constData());
    r = run({QStringLiteral("correlate"), data("traces.json"), data("missing.log")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("missing.log"), r.err.constData());
    r = run({QStringLiteral("correlate"), data("traces.json"), QStringLiteral("--format"),
             QStringLiteral("xml")});
    QCOMPARE(r.exitCode, 1);
    r = run({QStringLiteral("correlate")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("no INPUTS"));
}

QTEST_GUILESS_MAIN(CorrelateCliTest)
#include "correlate_cli_test.moc"
