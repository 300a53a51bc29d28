// `topograph demo -o FILE [--format otlp|jaeger] [--spans N] [--services N] [--seed S]`: writes
// the demo incident (deterministic from the seed) as real trace data.
#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_output.h"
#include "app/demo/trace_generator.h"

namespace tg::app {

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
    bool okSpans = false, okServices = false, okSeed = false;
    TraceGeneratorOptions options;
    options.targetSpans = parser.value(QStringLiteral("spans")).toULongLong(&okSpans);
    options.services = parser.value(QStringLiteral("services")).toInt(&okServices);
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&okSeed);
    if (out.isEmpty() || (format != QLatin1String("otlp") && format != QLatin1String("jaeger")) ||
        !okSpans || !okServices || !okSeed || options.services < 5 || options.services > 5000 ||
        options.targetSpans == 0) {
        printError(
            QStringLiteral(
                "demo needs -o FILE, --format otlp|jaeger, --spans > 0, --services 5..5000\n") +
            parser.helpText());
        return kExitUsage;
    }
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

} // namespace tg::app
