// `topograph demo -o FILE [--format otlp|jaeger] [--spans N] [--services N] [--seed S]
// [--logs FILE [--log-format jsonl|logfmt|loki]] [--metrics FILE]`: writes the demo incident
// (deterministic from the seed) as real trace data, and its logs and metrics consistent with it.
#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_output.h"
#include "app/demo/demo_telemetry.h"
#include "app/demo/trace_generator.h"

namespace tg::app {

namespace {

int writeTraces(const QString& out, const QString& format, const TraceGeneratorOptions& options) {
    const auto written = format == QLatin1String("jaeger")
                             ? writeJaegerJson(out.toStdString(), options)
                             : writeOtlpJsonLines(out.toStdString(), options);
    if (!written) {
        printError(QString::fromStdString(written.error().toString()));
        return kExitOutput;
    }
    printText(QStringLiteral("%1: %2 spans in %3 traces, %4 bytes\n")
                  .arg(out)
                  .arg(written->spans)
                  .arg(written->traces)
                  .arg(written->bytes));
    return kExitOk;
}

// The --logs/--log-format/--metrics/--metrics-format options; false on an unknown format.
bool telemetryOptions(const QCommandLineParser& parser, DemoTelemetryOptions& telemetry) {
    const QString logFormat = parser.value(QStringLiteral("log-format"));
    const QString metricsFormat = parser.value(QStringLiteral("metrics-format"));
    telemetry.logsPath = parser.value(QStringLiteral("logs")).toStdString();
    telemetry.metricsPath = parser.value(QStringLiteral("metrics")).toStdString();
    telemetry.logFormat = logFormat == QLatin1String("loki")     ? demo::DemoLogFormat::Loki
                          : logFormat == QLatin1String("logfmt") ? demo::DemoLogFormat::Logfmt
                                                                 : demo::DemoLogFormat::JsonLines;
    telemetry.metricsOtlp = metricsFormat == QLatin1String("otlp");
    return (logFormat == QLatin1String("jsonl") || logFormat == QLatin1String("logfmt") ||
            logFormat == QLatin1String("loki")) &&
           (telemetry.metricsOtlp || metricsFormat == QLatin1String("openmetrics"));
}

int writeTelemetry(const TraceGeneratorOptions& options, const DemoTelemetryOptions& telemetry) {
    const auto t = writeDemoTelemetry(options, telemetry);
    if (!t) {
        printError(QString::fromStdString(t.error().toString()));
        return kExitOutput;
    }
    if (!telemetry.logsPath.empty())
        printText(QStringLiteral("%1: %2 log lines (%3 with the IDs of a span), %4 bytes\n")
                      .arg(QString::fromStdString(telemetry.logsPath))
                      .arg(t->logLines)
                      .arg(t->logsOfSpans)
                      .arg(t->logBytes));
    if (!telemetry.metricsPath.empty())
        printText(QStringLiteral("%1: %2 series, %3 samples, %4 exemplars, %5 bytes\n")
                      .arg(QString::fromStdString(telemetry.metricsPath))
                      .arg(t->series)
                      .arg(t->samples)
                      .arg(t->exemplars)
                      .arg(t->metricBytes));
    return kExitOk;
}

} // namespace

int runDemoCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the demo incident: an e-commerce system in two namespaces and regions during a "
        "fault that cascades, as Jaeger JSON or OTLP JSON Lines."));
    parser.addHelpOption();
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The file to write."),
         QStringLiteral("FILE")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("otlp (JSON Lines) or jaeger."),
         QStringLiteral("format"),
         QStringLiteral("otlp")},
        {QStringLiteral("spans"), QStringLiteral("About this many spans (whole traces)."),
         QStringLiteral("N"), QStringLiteral("20000")},
        {QStringLiteral("services"), QStringLiteral("Number of services (30 to 3000)."),
         QStringLiteral("N"), QStringLiteral("30")},
        {QStringLiteral("seed"), QStringLiteral("Random seed; the same seed gives the same file."),
         QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("logs"),
         QStringLiteral("Also write the incident's log lines (IDs of the traces' spans) to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("log-format"),
         QStringLiteral("jsonl (JSON Lines), logfmt, or loki (a Loki query_range response)."),
         QStringLiteral("format"), QStringLiteral("jsonl")},
        {QStringLiteral("metrics"),
         QStringLiteral("Also write request counters and latency histograms with exemplars "
                        "to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("metrics-format"),
         QStringLiteral("openmetrics (text with a timestamp per point) or otlp (OTLP JSON)."),
         QStringLiteral("format"), QStringLiteral("openmetrics")},
    });
    if (!parser.parse(args)) {
        printError(parser.errorText());
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printText(parser.helpText());
        return kExitOk;
    }
    const QString out = parser.value(QStringLiteral("output"));
    const QString format = parser.value(QStringLiteral("format"));
    DemoTelemetryOptions telemetry;
    const bool formatsOk = telemetryOptions(parser, telemetry);
    bool okSpans = false, okServices = false, okSeed = false;
    TraceGeneratorOptions options;
    options.targetSpans = parser.value(QStringLiteral("spans")).toULongLong(&okSpans);
    options.services = parser.value(QStringLiteral("services")).toInt(&okServices);
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&okSeed);
    const bool anyOutput =
        !out.isEmpty() || !telemetry.logsPath.empty() || !telemetry.metricsPath.empty();
    if (!anyOutput || (format != QLatin1String("otlp") && format != QLatin1String("jaeger")) ||
        !formatsOk || !okSpans || !okServices || !okSeed || options.services < 5 ||
        options.services > 5000 || options.targetSpans == 0) {
        printError(QStringLiteral("demo needs -o FILE (or --logs / --metrics), --format "
                                  "otlp|jaeger, --log-format jsonl|logfmt|loki, --metrics-format "
                                  "openmetrics|otlp, --spans > 0, "
                                  "--services 5..5000\n") +
                   parser.helpText());
        return kExitUsage;
    }
    if (!out.isEmpty())
        if (const int code = writeTraces(out, format, options); code != kExitOk) return code;
    if (telemetry.logsPath.empty() && telemetry.metricsPath.empty()) return kExitOk;
    return writeTelemetry(options, telemetry);
}

} // namespace tg::app
