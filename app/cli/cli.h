#pragma once
// The `topograph` command line (docs/cli.md): headless subcommands over the same core the GUI
// uses. Each command returns the process exit code: 0 success, 1 usage error, 2 bad input
// (a file could not be imported), 3 output could not be written.
#include <QStringList>

namespace tg::app {

bool isCliCommand(const QString& word);
int runCli(const QStringList& arguments); // arguments[0] is the program, [1] the command

int runImportCommand(const QStringList& args);
int runGraphCommand(const QStringList& args);
int runStatsCommand(const QStringList& args);
int runTracesCommand(const QStringList& args);
int runTraceCommand(const QStringList& args);
int runDemoCommand(const QStringList& args);
int runLogsCommand(const QStringList& args);      // app/telemetry/logs_command.cpp
int runMetricsCommand(const QStringList& args);   // app/telemetry/metrics_command.cpp
int runCorrelateCommand(const QStringList& args); // app/correlate/correlate_command.cpp

} // namespace tg::app
