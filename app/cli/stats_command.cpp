// `topograph stats INPUTS... [--json]`: what was loaded, and what was wrong with it.
#include <QCommandLineParser>
#include <QJsonDocument>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/report/report_json.h"

namespace tg::app {

int runStatsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Spans, traces, services, time range and diagnostics of INPUTS."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
    parser.addPositionalArgument(QStringLiteral("INPUTS"),
                                 QStringLiteral("Trace files and/or a workspace."));
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;

    LoadedInputs loaded;
    loadInputs(inputs, loaded);
    if (parser.isSet(QStringLiteral("json")))
        printText(
            QString::fromUtf8(QJsonDocument(statsJson(loaded)).toJson(QJsonDocument::Indented)));
    else
        printText(statsText(loaded));
    return reportFailures(loaded);
}

} // namespace tg::app
