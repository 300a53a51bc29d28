// `topograph correlate INPUTS... [--format json|text] [-o FILE] [--config FILE]`: loads trace,
// metrics and log files (and a workspace, its logs and metrics included), links logs and exemplars
// to the traces and metric series and logs to services, and prints the correlation report.
#include <QCommandLineParser>
#include <QFile>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/correlate/correlation_report_output.h"
#include "importers/common/format_sniffer.h"
#include "models/correlate/correlation_index.h"

namespace tg::app {
namespace {

// The derived-field and service rules: the defaults, plus FILE's rules when given.
model::Result<model::CorrelationConfig> loadConfig(const QString& path) {
    if (path.isEmpty()) return model::CorrelationConfig::defaults();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return model::makeError(model::ErrorCode::CannotOpen, f.errorString().toStdString(),
                                path.toStdString());
    const QByteArray text = f.readAll();
    return model::parseCorrelationConfig(std::string_view(text.constData(), size_t(text.size())),
                                         path.toStdString());
}

} // namespace

int runCorrelateCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Link log records and exemplars to the traces of INPUTS (trace and span IDs, derived "
        "fields), metric series and logs to their services, and report what was linked and "
        "why the rest was not."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("json or text."), QStringLiteral("format"),
         QStringLiteral("text")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write the report to FILE instead of stdout."),
         QStringLiteral("FILE")},
        {QStringLiteral("config"),
         QStringLiteral("Derived-field and service rules added to the defaults (docs/cli.md)."),
         QStringLiteral("FILE")},
    });
    parser.addPositionalArgument(
        QStringLiteral("INPUTS"),
        QStringLiteral("Trace, metrics and log files and/or a workspace."));
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("text")) {
        printError(QStringLiteral("--format must be json or text\n") + parser.helpText());
        return kExitUsage;
    }
    const auto config = loadConfig(parser.value(QStringLiteral("config")));
    if (!config) {
        printError(QString::fromStdString(config.error().toString()));
        return kExitUsage;
    }

    TelemetryInputs loaded;
    loadTelemetryInputs(inputs, loaded);
    const auto index = model::CorrelationIndex::build(loaded.traces.dataset, loaded.logs.get(),
                                                      loaded.metrics.get(), *config);
    const QByteArray out = format == QLatin1String("json")
                               ? correlationReportJson(index.report(), loaded)
                               : correlationReportText(index.report(), loaded);
    if (!writeOutput(parser.value(QStringLiteral("output")), out)) return kExitOutput;
    return reportTelemetryFailures(loaded);
}

} // namespace tg::app
