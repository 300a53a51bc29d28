// `topograph metrics INPUTS... [--service S] [--from T] [--to T] [--format json|csv]
//  [-o FILE]`: the metric series of the inputs with their samples (and exemplars), filtered by
// the service label and a time window. INPUTS may mix metrics, log and trace files.
#include <QCommandLineParser>

#include <limits>

#include "app/cli/cli.h"
#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "app/telemetry/telemetry_output.h"
#include "importers/telemetry/telemetry_values.h"

namespace tg::app {
namespace {

struct MetricFilter {
    std::string service;
    int64_t from = std::numeric_limits<int64_t>::min();
    int64_t to = std::numeric_limits<int64_t>::max();
};

// RFC 3339, "2006-01-02 15:04:05" (UTC), or epoch seconds/ms/µs/ns.
std::optional<int64_t> parseTimeOption(const QString& text) {
    const std::string t = text.trimmed().toStdString();
    if (auto ns = import::parseDateTimeNs(t)) return ns;
    return import::parseEpochGuessNs(t);
}

QString readFilter(const QCommandLineParser& p, MetricFilter& f) {
    f.service = p.value(QStringLiteral("service")).toStdString();
    for (const auto& [name, target] :
         {std::pair{QStringLiteral("from"), &f.from}, std::pair{QStringLiteral("to"), &f.to}}) {
        if (!p.isSet(name)) continue;
        const auto ns = parseTimeOption(p.value(name));
        if (!ns)
            return QStringLiteral("--%1: '%2' is not a time (RFC 3339, '2006-01-02 15:04:05' "
                                  "UTC, or epoch seconds)")
                .arg(name, p.value(name));
        *target = *ns;
    }
    if (f.from > f.to) return QStringLiteral("--from is after --to");
    return {};
}

std::vector<SeriesSelection> selectSeries(const model::MetricStore& m, const MetricFilter& f) {
    std::vector<SeriesSelection> out;
    for (model::SeriesId s = 0; s < m.seriesCount(); ++s) {
        if (!f.service.empty() && !labelsMatchService(m.strings, m.labelsOf(s), f.service))
            continue;
        SeriesSelection sel;
        sel.series = s;
        for (uint32_t row : m.samplesOf(s))
            if (m.sampleTimeNs[row] >= f.from && m.sampleTimeNs[row] <= f.to)
                sel.samples.push_back(row);
        for (uint32_t e : m.exemplarsOf(s)) {
            const bool timed = m.exemplarFlags[e] & model::kExemplarHasTime;
            if (!timed || (m.exemplarTimeNs[e] >= f.from && m.exemplarTimeNs[e] <= f.to))
                sel.exemplars.push_back(e);
        }
        if (!sel.samples.empty()) out.push_back(std::move(sel));
    }
    return out;
}

} // namespace

int runMetricsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The metric series of INPUTS."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("service"),
         QStringLiteral("Series whose service/service_name/service.name/job/app label is S."),
         QStringLiteral("S")},
        {QStringLiteral("from"), QStringLiteral("Samples at or after T."), QStringLiteral("T")},
        {QStringLiteral("to"), QStringLiteral("Samples at or before T."), QStringLiteral("T")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         QStringLiteral("json or csv."),
         QStringLiteral("format"),
         QStringLiteral("json")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write to FILE."),
         QStringLiteral("FILE")},
    });
    parser.addPositionalArgument(QStringLiteral("INPUTS"),
                                 QStringLiteral("Metrics, log and/or trace files."));
    std::vector<std::string> inputs;
    if (int code = parseInputArgs(parser, args, inputs); code >= 0) return code;
    MetricFilter filter;
    if (const QString problem = readFilter(parser, filter); !problem.isEmpty()) {
        printError(problem);
        return kExitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv")) {
        printError(QStringLiteral("unknown --format '%1' (use json or csv)").arg(format));
        return kExitUsage;
    }
    TelemetryInputs loaded;
    loadTelemetryInputs(inputs, loaded);
    if (const int failed = reportTelemetryFailures(loaded); failed != kExitOk) return failed;
    const std::vector<SeriesSelection> series = selectSeries(*loaded.metrics, filter);
    const QByteArray bytes = format == QLatin1String("csv") ? metricsCsv(*loaded.metrics, series)
                                                            : metricsJson(loaded, series);
    return writeOutput(parser.value(QStringLiteral("output")), bytes) ? kExitOk : kExitOutput;
}

} // namespace tg::app
