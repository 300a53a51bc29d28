#pragma once
// Starts the workbench: a QApplication and the main window, opening `files` (or the bundled
// demo incident when there are none). With TOPOGRAPH_SCREENSHOT=path set, the window saves a
// grab of itself to that PNG once the graph is shown and quits (exit 0; 1 when loading failed,
// 2 on a 60 s timeout): the person-like check under Xvfb uses it (tests/app/gui_smoke_test.sh).
//
// Thread affinity: the main thread; returns the application's exit code.
#include <QStringList>

namespace tg::app {

int runGui(int& argc, char** argv, const QStringList& files);

} // namespace tg::app
