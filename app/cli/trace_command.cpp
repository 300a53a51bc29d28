// `topograph trace INPUTS... --id TRACE_ID [--format json] [-o FILE]`: one trace's span tree and
// critical path.
#include <QCommandLineParser>
#include <QJsonDocument>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/report/trace_json.h"

namespace tg::app {

int runTraceCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("One trace of INPUTS: span tree and critical path."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("id"),
         QStringLiteral("The trace ID (hex of any case, 16-32 digits, or base64)."),
         QStringLiteral("TRACE_ID")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("json."),
         QStringLiteral("format"),
         QStringLiteral("json")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write to FILE."),
         QStringLiteral("FILE")},
    });
    parser.addPositionalArgument(QStringLiteral("INPUTS"),
                                 QStringLiteral("Trace files and/or a workspace."));
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;
    if (!parser.isSet(QStringLiteral("id"))) {
        printError(QStringLiteral("trace needs --id TRACE_ID"));
        return kExitUsage;
    }
    if (parser.value(QStringLiteral("format")) != QLatin1String("json")) {
        printError(QStringLiteral("trace --format: only json is available in this build"));
        return kExitUsage;
    }
    LoadedInputs loaded;
    loadInputs(inputs, loaded);
    if (const int failed = reportFailures(loaded); failed != kExitOk) return failed;
    const model::TraceId id =
        model::parseTraceId(parser.value(QStringLiteral("id")).toStdString()).id;
    const std::vector<uint32_t> rows = model::rowsOfTrace(loaded.dataset, id);
    if (rows.empty()) {
        printError(
            QStringLiteral("no trace %1 in the inputs").arg(QString::fromStdString(id.toHex())));
        return kExitBadInput;
    }
    const model::TraceTree tree = model::TraceTree::build(loaded.dataset, loaded.structure, rows);
    const auto path = model::computeCriticalPath(loaded.dataset, tree);
    const QByteArray bytes =
        QJsonDocument(traceJson(loaded.dataset, tree, path)).toJson(QJsonDocument::Indented);
    return writeOutput(parser.value(QStringLiteral("output")), bytes) ? kExitOk : kExitOutput;
}

} // namespace tg::app
