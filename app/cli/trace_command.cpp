// `topograph trace INPUTS... --id TRACE_ID [--format json|svg|png] [-o FILE]`: one trace's span
// tree and critical path (JSON), or its waterfall as a picture (SVG, PNG), drawn by the same
// painter as the workbench's waterfall.
#include <QCommandLineParser>
#include <QJsonDocument>

#include <memory>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/report/trace_json.h"
#include "views/trace/waterfall_data.h"
#include "views/trace/waterfall_export.h"

namespace tg::app {

namespace {

const QStringList kFormats = {QStringLiteral("json"), QStringLiteral("svg"), QStringLiteral("png")};

void addTraceOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QStringLiteral("One trace of INPUTS: span tree and critical path (json), or its "
                       "waterfall (svg, png)."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("id"),
         QStringLiteral("The trace ID (hex of any case, 16-32 digits, or base64)."),
         QStringLiteral("TRACE_ID")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("json, svg or png."),
         QStringLiteral("format"),
         QStringLiteral("json")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("width"),
         QStringLiteral("Picture width in pixels (svg, png; default 1400)."), QStringLiteral("PX"),
         QStringLiteral("1400")},
        {QStringLiteral("max-rows"),
         QStringLiteral("Spans drawn at most, depth-first (svg, png; default 2000)."),
         QStringLiteral("N"), QStringLiteral("2000")},
        {QStringLiteral("scale"), QStringLiteral("Device pixels per pixel in PNGs (default 2)."),
         QStringLiteral("S"), QStringLiteral("2")},
        {QStringLiteral("raw-times"),
         QStringLiteral("Draw raw span times instead of clock-skew-adjusted ones.")},
    });
    parser.addPositionalArgument(QStringLiteral("INPUTS"),
                                 QStringLiteral("Trace files and/or a workspace."));
}

// Picture options from the command line; false (message printed) when one is out of range.
bool pictureOptions(const QCommandLineParser& parser, view::WaterfallExportOptions& o) {
    bool okWidth = false, okRows = false, okScale = false;
    o.width = parser.value(QStringLiteral("width")).toInt(&okWidth);
    o.maxRows = parser.value(QStringLiteral("max-rows")).toULongLong(&okRows);
    o.pngScale = parser.value(QStringLiteral("scale")).toDouble(&okScale);
    o.showRaw = parser.isSet(QStringLiteral("raw-times"));
    if (!okWidth || o.width < 400 || o.width > 8000) {
        printError(QStringLiteral("--width must be between 400 and 8000"));
        return false;
    }
    if (!okRows || o.maxRows < 1) {
        printError(QStringLiteral("--max-rows must be a positive number"));
        return false;
    }
    if (!okScale || o.pngScale <= 0 || o.pngScale > 8) {
        printError(QStringLiteral("--scale must be between 0 and 8"));
        return false;
    }
    return true;
}

QByteArray pictureBytes(const std::shared_ptr<const LoadedInputs>& loaded,
                        std::vector<uint32_t> rows, const QString& format,
                        const view::WaterfallExportOptions& options) {
    // The waterfall data shares the loaded inputs' lifetime (aliasing shared_ptr).
    std::shared_ptr<const model::Dataset> dataset(loaded, &loaded->dataset);
    const auto data = view::WaterfallData::build(dataset, loaded->structure, std::move(rows));
    if (!data) return {};
    return format == QLatin1String("svg") ? view::waterfallSvg(*data, options)
                                          : view::waterfallPng(*data, options);
}

} // namespace

int runTraceCommand(const QStringList& args) {
    QCommandLineParser parser;
    addTraceOptions(parser);
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;
    if (!parser.isSet(QStringLiteral("id"))) {
        printError(QStringLiteral("trace needs --id TRACE_ID"));
        return kExitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (!kFormats.contains(format)) {
        printError(QStringLiteral("unknown --format '%1' (use %2)")
                       .arg(format, kFormats.join(QStringLiteral(", "))));
        return kExitUsage;
    }
    view::WaterfallExportOptions options;
    if (format != QLatin1String("json") && !pictureOptions(parser, options)) return kExitUsage;
    auto loaded = std::make_shared<LoadedInputs>();
    loadInputs(inputs, *loaded);
    if (const int failed = reportFailures(*loaded); failed != kExitOk) return failed;
    const model::TraceId id =
        model::parseTraceId(parser.value(QStringLiteral("id")).toStdString()).id;
    std::vector<uint32_t> rows = model::rowsOfTrace(loaded->dataset, id);
    if (rows.empty()) {
        printError(
            QStringLiteral("no trace %1 in the inputs").arg(QString::fromStdString(id.toHex())));
        return kExitBadInput;
    }
    QByteArray bytes;
    if (format == QLatin1String("json")) {
        const model::TraceTree tree =
            model::TraceTree::build(loaded->dataset, loaded->structure, rows);
        const auto path = model::computeCriticalPath(loaded->dataset, tree);
        bytes =
            QJsonDocument(traceJson(loaded->dataset, tree, path)).toJson(QJsonDocument::Indented);
    } else {
        bytes = pictureBytes(loaded, std::move(rows), format, options);
        if (bytes.isEmpty()) {
            printError(QStringLiteral("could not render the %1 picture").arg(format));
            return kExitOutput;
        }
    }
    return writeOutput(parser.value(QStringLiteral("output")), bytes) ? kExitOk : kExitOutput;
}

} // namespace tg::app
