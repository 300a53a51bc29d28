// `topograph graph INPUTS... --format json|dot|svg [-o FILE]`: the service dependency graph.
#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/export/graph_export.h"
#include "models/graph/service_graph_builder.h"

namespace tg::app {

int runGraphCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The service dependency graph of INPUTS."));
    parser.addHelpOption();
    parser.addOption(
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("Output format: %1.").arg(graphExportFormats().join(QStringLiteral(", "))),
         QStringLiteral("format"),
         QStringLiteral("json")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE instead of stdout."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("layout"),
                      QStringLiteral("Compute a layout and add node positions to JSON.")});
    parser.addOption({QStringLiteral("scale"), QStringLiteral("PNG pixels per point (1 or 2)."),
                      QStringLiteral("N"), QStringLiteral("2")});
    // Not --style: QApplication takes that one for itself (the widget style).
    parser.addOption({QStringLiteral("layout-style"),
                      QStringLiteral("Layout style: auto (ranked or force-directed, whichever "
                                     "crosses fewer edges, up to 100 services), ranked, force."),
                      QStringLiteral("layout-style"), QStringLiteral("auto")});
    parser.addPositionalArgument(QStringLiteral("INPUTS"),
                                 QStringLiteral("Trace files and/or a workspace."));
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;
    const QString format = parser.value(QStringLiteral("format"));
    if (!graphExportFormats().contains(format)) {
        printError(QStringLiteral("unknown --format '%1' (use %2)")
                       .arg(format, graphExportFormats().join(QStringLiteral(", "))));
        return kExitUsage;
    }

    LoadedInputs loaded;
    loadInputs(inputs, loaded);
    if (const int failed = reportFailures(loaded); failed != kExitOk) return failed;
    const model::ServiceGraph graph = model::buildServiceGraph(loaded.dataset, loaded.structure);

    GraphExportOptions options;
    options.withLayout = parser.isSet(QStringLiteral("layout"));
    options.pngScale = parser.value(QStringLiteral("scale")).toDouble();
    const QString style = parser.value(QStringLiteral("layout-style"));
    if (style == QLatin1String("ranked"))
        options.engine = "dot";
    else if (style == QLatin1String("force"))
        options.engine = "sfdp";
    else if (style != QLatin1String("auto")) {
        printError(
            QStringLiteral("unknown --layout-style '%1' (use auto, ranked, force)").arg(style));
        return kExitUsage;
    }
    if (options.pngScale <= 0 || options.pngScale > 8) {
        printError(QStringLiteral("--scale must be between 0 and 8"));
        return kExitUsage;
    }
    QString error;
    if (!exportGraph(graph, format, options, parser.value(QStringLiteral("output")), &error)) {
        printError(error);
        return kExitOutput;
    }
    return kExitOk;
}

} // namespace tg::app
