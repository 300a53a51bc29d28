// `topograph import FILES... -o WORKSPACE [--json]`: imports trace files into a workspace file.
// The workspace is written on a background thread (one transaction) while the trace structure
// is analysed, so persistence stays off the path to the report and graph.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <future>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/report/report_json.h"
#include "importers/registry/trace_import.h"
#include "models/workspace/workspace.h"

namespace tg::app {

int runImportCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import trace files into a workspace and print the import report."));
    parser.addHelpOption();
    parser.addOption(
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The workspace file (created if missing, appended to otherwise)."),
         QStringLiteral("WORKSPACE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    parser.addPositionalArgument(QStringLiteral("FILES"),
                                 QStringLiteral("Trace files (Jaeger, OTLP, Zipkin)."));
    std::vector<std::string> files;
    if (int code = parseInputArgs(parser, args, files); code >= 0) return code;
    const QString wsPath = parser.value(QStringLiteral("output"));
    if (wsPath.isEmpty()) {
        printError(QStringLiteral("import needs -o WORKSPACE"));
        return kExitUsage;
    }

    auto opened = model::Workspace::open(wsPath.toStdString(), true);
    if (!opened) {
        printError(QString::fromStdString(opened.error().toString()));
        return kExitBadInput;
    }
    std::unique_ptr<model::Workspace> workspace = std::move(*opened);
    LoadedInputs loaded;
    if (model::Status s = workspace->loadInto(loaded.dataset); !s) {
        printError(QString::fromStdString(s.error().toString()));
        return kExitBadInput;
    }
    const size_t spansBefore = loaded.dataset.spanCount();
    std::vector<std::string> reportTexts;
    for (const std::string& file : files) {
        import::ImportReport report = import::importTraceFile(file, loaded.dataset);
        if (!report.failed)
            reportTexts.push_back(QJsonDocument(importReportJson(report))
                                      .toJson(QJsonDocument::Compact)
                                      .toStdString());
        loaded.reports.push_back(std::move(report));
    }
    // Persist in the background; the dataset is not modified until the writer is done.
    std::future<model::Status> persisted = std::async(
        std::launch::async, [&] { return workspace->persistNew(loaded.dataset, reportTexts); });
    loaded.structure = model::analyzeTraceStructure(loaded.dataset, loaded.structureDiagnostics);
    const model::Status saved = persisted.get();

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out = statsJson(loaded);
        out[QStringLiteral("workspace")] = wsPath;
        out[QStringLiteral("new_spans")] =
            static_cast<qint64>(loaded.dataset.spanCount() - spansBefore);
        out[QStringLiteral("saved")] = static_cast<bool>(saved);
        printText(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
    } else {
        printText(statsText(loaded));
        printText(QStringLiteral("workspace: %1 (%2 new spans)\n")
                      .arg(wsPath)
                      .arg(loaded.dataset.spanCount() - spansBefore));
    }
    if (!saved) {
        printError(QString::fromStdString(saved.error().toString()));
        return kExitOutput;
    }
    return reportFailures(loaded);
}

} // namespace tg::app
