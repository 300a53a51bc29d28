// `topograph traces INPUTS... [--service S] [--operation O] [--tag k=v]... [--min-duration D]
//  [--max-duration D] [--errors] [--limit N] [--format json|csv] [-o FILE]`: trace search.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/report/trace_json.h"
#include "models/core/time_parse.h"

namespace tg::app {
namespace {

// Fills the query from the options; returns an error message, or empty.
QString readQuery(const QCommandLineParser& p, model::TraceQuery& q) {
    q.service = p.value(QStringLiteral("service")).toStdString();
    q.operation = p.value(QStringLiteral("operation")).toStdString();
    for (const QString& tag : p.values(QStringLiteral("tag"))) {
        const qsizetype eq = tag.indexOf(QLatin1Char('='));
        if (eq <= 0) return QStringLiteral("--tag needs key=value, got '%1'").arg(tag);
        q.tags.emplace_back(tag.left(eq).toStdString(), tag.mid(eq + 1).toStdString());
    }
    for (const auto& [name, target] :
         {std::pair{QStringLiteral("min-duration"), &q.minDurationNs},
          std::pair{QStringLiteral("max-duration"), &q.maxDurationNs}}) {
        if (!p.isSet(name)) continue;
        const auto ns = model::parseGoDurationNs(p.value(name).toStdString());
        if (!ns)
            return QStringLiteral("--%1: '%2' is not a duration (e.g. 250ms, 1.5s, 2m)")
                .arg(name, p.value(name));
        *target = *ns;
    }
    q.errorsOnly = p.isSet(QStringLiteral("errors"));
    q.limit = p.value(QStringLiteral("limit")).toULongLong();
    return {};
}

} // namespace

int runTracesCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Search the traces of INPUTS."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("service"), QStringLiteral("A span of this service."), QStringLiteral("S")},
        {QStringLiteral("operation"),
         QStringLiteral("A span with this operation (same span as --service)."),
         QStringLiteral("O")},
        {QStringLiteral("tag"), QStringLiteral("A span attribute key=value (repeatable)."),
         QStringLiteral("k=v")},
        {QStringLiteral("min-duration"), QStringLiteral("Trace at least this long (250ms, 1.5s)."),
         QStringLiteral("D")},
        {QStringLiteral("max-duration"), QStringLiteral("Trace at most this long."),
         QStringLiteral("D")},
        {QStringLiteral("errors"), QStringLiteral("Only traces with an error span.")},
        {QStringLiteral("limit"), QStringLiteral("At most N traces."), QStringLiteral("N"),
         QStringLiteral("0")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("json or csv."),
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
    model::TraceQuery query;
    if (const QString problem = readQuery(parser, query); !problem.isEmpty()) {
        printError(problem);
        return kExitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv")) {
        printError(QStringLiteral("unknown --format '%1' (use json or csv)").arg(format));
        return kExitUsage;
    }
    LoadedInputs loaded;
    loadInputs(inputs, loaded);
    if (const int failed = reportFailures(loaded); failed != kExitOk) return failed;
    const model::TraceIndex index = model::TraceIndex::build(loaded.dataset, loaded.structure);
    const std::vector<size_t> hits = model::searchTraces(loaded.dataset, index, query);
    QByteArray bytes;
    if (format == QLatin1String("csv")) {
        bytes = traceListCsv(loaded.dataset, index, hits);
    } else {
        QJsonArray traces;
        for (size_t i : hits)
            traces.append(traceSummaryJson(loaded.dataset, index.traces[i]));
        bytes = QJsonDocument(
                    QJsonObject{{"traces", traces}, {"total", static_cast<qint64>(hits.size())}})
                    .toJson(QJsonDocument::Indented);
    }
    return writeOutput(parser.value(QStringLiteral("output")), bytes) ? kExitOk : kExitOutput;
}

} // namespace tg::app
