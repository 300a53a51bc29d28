// Correlation on the demo incident (issue 4): the generator writes traces, logs (JSON Lines,
// logfmt, or a Loki response whose lines hold the IDs only in their text) and OpenMetrics
// metrics with exemplars; the real importers read them back; the correlation report must equal
// what the generator emitted (its own counts), every line naming a span of the trace file must
// link to that span, and the file contents agree with the counts (the test greps the files
// itself). The metrics count the spans of each interval, so the fault of the "risk" service
// shows in its latency histogram as it does in its spans.
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <unordered_set>

#include "app/demo/demo_telemetry.h"
#include "importers/registry/trace_import.h"
#include "importers/telemetry/telemetry_import.h"
#include "models/correlate/correlation_index.h"

using namespace tg;
using model::CorrelationIndex;
using model::LinkStatus;
using model::ServiceMiss;
using model::TraceMiss;

namespace {

struct Loaded {
    model::Dataset dataset;
    model::LogStore logs;
    model::MetricStore metrics;
};

// Trace IDs (32 hex digits) after a trace-ID key, in any of the spellings the demo writes,
// also inside a JSON string (Loki lines): trace_id=, "traceId":", \"trace_id\":\"...
QList<QString> traceIdsInFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression re(
        QStringLiteral(R"re((?:trace_id|traceId|traceID)\\?"?[=:]\\?"?([0-9a-f]{32}))re"));
    QList<QString> ids;
    for (auto it = re.globalMatch(text); it.hasNext();)
        ids.append(it.next().captured(1));
    return ids;
}

int countInFile(const QString& path, const QString& needle) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll()).count(needle);
}

} // namespace

class DemoCorrelationTest : public QObject {
    Q_OBJECT
private slots:
    void reportEqualsEmission_data();
    void reportEqualsEmission();
};

void DemoCorrelationTest::reportEqualsEmission_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("otlpMetrics");
    QTest::newRow("json lines, otlp")
        << int(app::demo::DemoLogFormat::JsonLines) << "logs.jsonl" << true;
    QTest::newRow("logfmt, otlp") << int(app::demo::DemoLogFormat::Logfmt) << "logs.logfmt" << true;
    QTest::newRow("loki, otlp") << int(app::demo::DemoLogFormat::Loki) << "loki.json" << true;
    QTest::newRow("loki, openmetrics")
        << int(app::demo::DemoLogFormat::Loki) << "loki.json" << false;
}

void DemoCorrelationTest::reportEqualsEmission() {
    QFETCH(int, format);
    QFETCH(QString, file);
    QFETCH(bool, otlpMetrics);
    QTemporaryDir dir;
    const std::string traces = (dir.path() + "/traces.jsonl").toStdString();
    const QString logsPath = dir.path() + "/" + file;
    const QString metricsPath = dir.path() + (otlpMetrics ? "/metrics.json" : "/metrics.om");
    app::TraceGeneratorOptions options;
    options.seed = 7;
    options.targetSpans = 20000; // the demo incident's default size
    QVERIFY(app::writeOtlpJsonLines(traces, options).ok());
    app::DemoTelemetryOptions t;
    t.logsPath = logsPath.toStdString();
    t.logFormat = static_cast<app::demo::DemoLogFormat>(format);
    t.metricsPath = metricsPath.toStdString();
    t.metricsOtlp = otlpMetrics;
    const auto emitted = app::writeDemoTelemetry(options, t);
    QVERIFY(emitted.ok());
    const app::DemoTelemetryCounts& n = *emitted;

    Loaded in;
    const auto tr = import::importTraceFile(traces, in.dataset);
    QVERIFY2(!tr.failed, tr.error.toString().c_str());
    QCOMPARE(tr.spans, n.spans);
    const auto logReport = import::importTelemetryFile(t.logsPath, in.metrics, in.logs);
    QVERIFY2(!logReport.failed, logReport.error.toString().c_str());
    const auto metricReport = import::importTelemetryFile(t.metricsPath, in.metrics, in.logs);
    QVERIFY2(!metricReport.failed, metricReport.error.toString().c_str());
    QCOMPARE(uint64_t(in.logs.recordCount()), n.logLines);

    // The files agree with the generator's counts (counted here, not by the correlator): IDs
    // of the trace file's traces, other IDs, and exemplars.
    std::unordered_set<std::string> known;
    for (const model::TraceId& id : in.dataset.traceId)
        known.insert(id.toHex());
    uint64_t ofKnown = 0, ofOthers = 0;
    for (const QString& id : traceIdsInFile(logsPath))
        (known.count(id.toStdString()) ? ofKnown : ofOthers) += 1;
    QCOMPARE(ofKnown, n.logsOfSpans);
    QCOMPARE(ofOthers, n.logsOfUnsampledTraces + n.logsBeforeTraces);
    QCOMPARE(uint64_t(countInFile(metricsPath, otlpMetrics ? QStringLiteral("\"traceId\":\"")
                                                           : QStringLiteral(" # {trace_id=\""))),
             n.exemplars);
    QVERIFY(n.logsOfSpans > 100 && n.errorLogsOfSpans > 10 && n.exemplars > 100); // not vacuous

    const auto index = CorrelationIndex::build(in.dataset, &in.logs, &in.metrics,
                                               model::CorrelationConfig::defaults());
    const model::CorrelationReport& r = index.report();
    QCOMPARE(r.logs, n.logLines);
    QCOMPARE(r.logsLinkedToSpan, n.logsOfSpans);
    QCOMPARE(r.logsLinkedToTrace, uint64_t(0));
    QCOMPARE(r.logMisses[size_t(TraceMiss::UnknownTrace)].count, n.logsOfUnsampledTraces);
    QCOMPARE(r.logMisses[size_t(TraceMiss::OutsideTimeRange)].count, n.logsBeforeTraces);
    QCOMPARE(r.logMisses[size_t(TraceMiss::NoId)].count, n.logsWithoutIds);
    QCOMPARE(r.logServiceMisses[size_t(ServiceMiss::NoServiceLabel)].count, uint64_t(0));
    // Loki lines hold the IDs only in their text: found by the regex rules.
    if (format == int(app::demo::DemoLogFormat::Loki))
        QCOMPARE(r.logsByIdOrigin[size_t(model::IdOrigin::Regex)],
                 n.logsOfSpans + n.logsOfUnsampledTraces + n.logsBeforeTraces);
    // Every line naming a span of the traces links to exactly that span.
    for (uint32_t row = 0; row < in.logs.recordCount(); ++row) {
        const model::LogLink l = index.logLink(row);
        if (!known.count(l.trace.toHex())) continue;
        QCOMPARE(l.status, LinkStatus::Span);
        QVERIFY(in.dataset.traceId[l.spanRow] == l.trace);
        QCOMPARE(in.dataset.spanId[l.spanRow], l.span);
    }
    QCOMPARE(r.exemplars, n.exemplars);
    QCOMPARE(r.exemplarsLinkedToSpan, n.exemplars);
    QVERIFY(r.series > 0);
    QCOMPARE(r.seriesLinkedToService, r.series); // job="<namespace>/<name>" or service.name
    if (!otlpMetrics) QCOMPARE(r.series, n.series);

    // The metrics follow the traces' timeline: between two step boundaries, the requests and
    // errors "risk" counted are its server spans (counted here from the trace file's dataset)
    // that ended in that interval. Steps are 30 s: boundary k is at start + 30k s.
    model::StringId risk = 0;
    QVERIFY(in.dataset.strings.find("risk", risk));
    uint32_t sum = model::kNoRow, count = model::kNoRow, errors = model::kNoRow;
    for (const uint32_t s : index.seriesForService(risk)) {
        const model::SeriesRole role = in.metrics.seriesRole[s];
        if (in.metrics.typeOf(s) == model::MetricType::Histogram) {
            if (role == model::SeriesRole::Sum) sum = s;
            if (role == model::SeriesRole::Count) count = s;
        } else if (in.metrics.labelValue(s, "outcome") == "error") {
            errors = s;
        }
    }
    QVERIFY(sum != model::kNoRow && count != model::kNoRow && errors != model::kNoRow);
    const int64_t step = t.metricStepNs;
    const auto at = [&](uint32_t series, int k) {
        double v = 0;
        for (const uint32_t i : in.metrics.samplesOf(series))
            if (in.metrics.sampleTimeNs[i] <= options.startNs + k * step)
                v = in.metrics.sampleValue[i];
        return v;
    };
    struct Spans {
        uint64_t count = 0, errors = 0;
        double seconds = 0;
    };
    const auto spansBetween = [&](int from, int to) {
        Spans out;
        for (size_t row = 0; row < in.dataset.spanCount(); ++row) {
            const int64_t end = in.dataset.startNs[row] + in.dataset.durationNs[row];
            if (in.dataset.service[row] != risk ||
                in.dataset.kind[row] != model::SpanKind::Server ||
                end <= options.startNs + from * step || end > options.startNs + to * step)
                continue;
            ++out.count;
            out.errors += in.dataset.isError(row);
            out.seconds += double(in.dataset.durationNs[row]) / 1e9;
        }
        return out;
    };
    // Before the incident (3 min .. 15 min) and during it (16.5 min .. 22.5 min = 55-75 %).
    const Spans before = spansBetween(6, 30), during = spansBetween(33, 45);
    QVERIFY(before.count > 5 && during.count > 5);
    QCOMPARE(at(count, 30) - at(count, 6), double(before.count));
    QCOMPARE(at(count, 45) - at(count, 33), double(during.count));
    QCOMPARE(at(errors, 45) - at(errors, 33), double(during.errors));
    QVERIFY(std::abs((at(sum, 45) - at(sum, 33)) - during.seconds) < 1e-3);
    // The fault shows: risk's mean latency is higher during the incident (the spans of seed 7
    // give about 13 ms against 8 ms; its own work is 4x slower, its backends are not).
    const double meanDuring = (at(sum, 45) - at(sum, 33)) / double(during.count);
    const double meanBefore = (at(sum, 30) - at(sum, 6)) / double(before.count);
    QVERIFY2(meanDuring > 1.3 * meanBefore,
             qPrintable(QStringLiteral("risk mean latency %1 s during, %2 s before")
                            .arg(meanDuring)
                            .arg(meanBefore)));
}

QTEST_GUILESS_MAIN(DemoCorrelationTest)
#include "demo_correlation_test.moc"
