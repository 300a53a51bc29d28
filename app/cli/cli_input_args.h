#pragma once
// Argument handling shared by the commands that take INPUTS.
#include <QCommandLineParser>
#include <string>
#include <vector>

#include "app/cli/input_loader.h"

namespace tg::app {

// Parses `args`; returns -1 to continue, or an exit code (help shown, usage error).
int parseInputArgs(QCommandLineParser& parser, const QStringList& args,
                   std::vector<std::string>& inputs);
// Prints each failed input's error (file, position, what) to stderr; kExitBadInput if any.
int reportFailures(const LoadedInputs& loaded);

} // namespace tg::app
