#pragma once
// Writing command output to stdout or a file, and errors to stderr, the same way for every
// command. Main thread only.
#include <QByteArray>
#include <QString>

namespace tg::app {

// Writes to `path`, or stdout when it is empty or "-". False (with a message on stderr) on
// failure; the file is replaced atomically so a failed write never leaves half a file.
bool writeOutput(const QString& path, const QByteArray& bytes);
void printError(const QString& message);
void printText(const QString& text);

enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitBadInput = 2, kExitOutput = 3 };

} // namespace tg::app
