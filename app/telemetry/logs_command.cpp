// `topograph logs INPUTS... [--trace ID] [--span ID] [--service S] [--grep TEXT]
//  [--format text|json] [--limit N] [-o FILE]`: the log records of the inputs, oldest first,
// filtered by the trace and span IDs the formats state explicitly, the service label and a
// substring of the body. INPUTS may mix log, metrics and trace files (sniffed per file).
#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/telemetry/telemetry_output.h"

namespace tg::app {
namespace {

struct LogFilter {
    std::optional<model::TraceId> trace;
    std::optional<model::SpanId> span;
    std::string service, grep;
    size_t limit = 0;
};

// Fills the filter from the options; returns an error message, or empty.
QString readFilter(const QCommandLineParser& p, LogFilter& f) {
    if (p.isSet(QStringLiteral("trace"))) {
        const auto id = model::parseTraceId(p.value(QStringLiteral("trace")).toStdString());
        if (id.spelling == model::IdSpelling::Empty) return QStringLiteral("--trace needs an ID");
        f.trace = id.id;
    }
    if (p.isSet(QStringLiteral("span"))) {
        const auto id = model::parseSpanId(p.value(QStringLiteral("span")).toStdString());
        if (id.spelling == model::IdSpelling::Empty) return QStringLiteral("--span needs an ID");
        f.span = id.id;
    }
    f.service = p.value(QStringLiteral("service")).toStdString();
    f.grep = p.value(QStringLiteral("grep")).toStdString();
    bool ok = true;
    f.limit = p.value(QStringLiteral("limit")).toULongLong(&ok);
    if (!ok) return QStringLiteral("--limit needs a number");
    return {};
}

std::vector<uint32_t> selectRecords(const model::LogStore& logs, const LogFilter& f) {
    std::vector<uint32_t> rows;
    for (uint32_t r : logs.timeOrder()) {
        if (f.trace && logs.traceId[r] != *f.trace) continue;
        if (f.span && logs.spanId[r] != *f.span) continue;
        if (!f.service.empty() &&
            !labelsMatchService(logs.strings, logs.streamLabels(logs.stream[r]), f.service))
            continue;
        if (!f.grep.empty() && logs.body(r).find(f.grep) == std::string_view::npos) continue;
        rows.push_back(r);
        if (f.limit && rows.size() == f.limit) break;
    }
    return rows;
}

} // namespace

int runLogsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The log records of INPUTS, oldest first."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("trace"), QStringLiteral("Records of this trace ID (hex or base64)."),
         QStringLiteral("ID")},
        {QStringLiteral("span"), QStringLiteral("Records of this span ID."), QStringLiteral("ID")},
        {QStringLiteral("service"),
         QStringLiteral("Records whose service/service_name/service.name/job/app label is S."),
         QStringLiteral("S")},
        {QStringLiteral("grep"), QStringLiteral("Records whose body contains TEXT."),
         QStringLiteral("TEXT")},
        {QStringLiteral("limit"), QStringLiteral("At most N records (0: all)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("text or json."),
         QStringLiteral("format"),
         QStringLiteral("text")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write to FILE."),
         QStringLiteral("FILE")},
    });
    parser.addPositionalArgument(QStringLiteral("INPUTS"),
                                 QStringLiteral("Log, metrics and/or trace files."));
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;
    LogFilter filter;
    if (const QString problem = readFilter(parser, filter); !problem.isEmpty()) {
        printError(problem);
        return kExitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("text")) {
        printError(QStringLiteral("unknown --format '%1' (use text or json)").arg(format));
        return kExitUsage;
    }
    TelemetryInputs loaded;
    loadTelemetryInputs(inputs, loaded);
    if (const int failed = reportTelemetryFailures(loaded); failed != kExitOk) return failed;
    const std::vector<uint32_t> rows = selectRecords(*loaded.logs, filter);
    const QByteArray bytes =
        format == QLatin1String("json") ? logsJson(loaded, rows) : logsText(*loaded.logs, rows);
    return writeOutput(parser.value(QStringLiteral("output")), bytes) ? kExitOk : kExitOutput;
}

} // namespace tg::app
