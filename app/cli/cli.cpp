#include "app/cli/cli.h"

#include "app/cli/cli_output.h"

namespace tg::app {
namespace {

struct Command {
    const char* name;
    int (*run)(const QStringList&);
    const char* summary;
};

constexpr Command kCommands[] = {
    {"import", runImportCommand, "import trace files into a workspace and print the import report"},
    {"graph", runGraphCommand, "print the service dependency graph (json, dot, svg)"},
    {"stats", runStatsCommand, "spans, traces, services, time range and diagnostics"},
    {"traces", runTracesCommand,
     "search traces by service, operation, attribute, duration, errors"},
    {"trace", runTraceCommand, "one trace: span tree and critical path"},
    {"demo", runDemoCommand, "write the demo incident as Jaeger or OTLP trace data"},
    {"logs", runLogsCommand, "log records by trace, span, service or text (logs, OTLP, Loki)"},
    {"metrics", runMetricsCommand, "metric series and samples by service and time window"},
    {"correlate", runCorrelateCommand, "what links logs, exemplars and series to the traces"},
};

QString usage() {
    QString text = QStringLiteral("usage: topograph <command> [options] INPUTS...\n\ncommands:\n");
    for (const auto& c : kCommands)
        text +=
            QStringLiteral("  %1  %2\n")
                .arg(QString::fromLatin1(c.name).leftJustified(8), QString::fromLatin1(c.summary));
    text +=
        QStringLiteral("\n`topograph <command> --help` describes a command; see docs/cli.md.\n");
    return text;
}

} // namespace

bool isCliCommand(const QString& word) {
    for (const auto& c : kCommands)
        if (word == QLatin1String(c.name)) return true;
    return word == QLatin1String("help") || word == QLatin1String("--help") ||
           word == QLatin1String("-h");
}

int runCli(const QStringList& arguments) {
    const QString command = arguments.value(1);
    for (const auto& c : kCommands)
        if (command == QLatin1String(c.name)) return c.run(arguments.mid(1));
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        printText(usage());
        return kExitOk;
    }
    printError(QStringLiteral("unknown command '%1'\n").arg(command) + usage());
    return kExitUsage;
}

} // namespace tg::app
