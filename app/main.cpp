// Entry point: `topograph <command> ...` runs the headless command line (docs/cli.md) on a
// QGuiApplication, offscreen when there is no display; anything else starts the workbench
// window (QApplication): with no arguments on the bundled demo incident, with file arguments on
// those files. Without a display (and no TOPOGRAPH_SCREENSHOT), `topograph` alone prints the
// demo's service graph as before, so scripts and CI never hang on a window nobody sees.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QStringList>
#include <cstdio>
#include <unistd.h>

#include "app/cli/cli.h"
#include "app/cli/cli_output.h"
#include "app/gui/gui_main.h"
#include "app/report/report_json.h"
#include "importers/registry/trace_import.h"
#include "models/graph/service_graph_builder.h"

namespace {

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// The command line when the first argument is a command or an option, or does not name an
// existing file (so a mistyped command gets the usage error, not an empty window).
bool wantsCli(int argc, char** argv) {
    if (argc < 2) return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    return tg::app::isCliCommand(first) || first.startsWith(QLatin1Char('-')) ||
           !QFileInfo::exists(first);
}

void ensureRuntimeDir() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
    // Qt warns on every start without it; give it a private directory of our own.
    const QByteArray dir =
        QDir::tempPath().toUtf8() + "/topograph-runtime-" + QByteArray::number(getuid());
    QDir().mkpath(QString::fromUtf8(dir));
    QFile::setPermissions(QString::fromUtf8(dir),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", dir);
}

int printDemo() {
    QFile demo(QStringLiteral(":/demo/sample_incident.json"));
    if (!demo.open(QIODevice::ReadOnly)) {
        tg::app::printError(QStringLiteral("the bundled demo incident is missing from this build"));
        return tg::app::kExitBadInput;
    }
    const QByteArray bytes = demo.readAll();
    tg::app::LoadedInputs loaded;
    loaded.reports.push_back(tg::import::importTraceBytes(
        std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())),
        "demo:sample_incident.json", loaded.dataset));
    loaded.structure =
        tg::model::analyzeTraceStructure(loaded.dataset, loaded.structureDiagnostics);
    tg::app::printText(tg::app::statsText(loaded));
    const auto graph = tg::model::buildServiceGraph(loaded.dataset, loaded.structure);
    tg::app::printText(QStringLiteral("\nservice graph:\n"));
    for (const auto& e : graph.edges)
        tg::app::printText(QStringLiteral("  %1 -> %2%3: %4 calls, %5 errors, p95 %6 ms\n")
                               .arg(QString::fromStdString(graph.nodes[e.source].name),
                                    QString::fromStdString(graph.nodes[e.target].name),
                                    e.inferred ? QStringLiteral(" (inferred)") : QString())
                               .arg(e.stats.calls)
                               .arg(e.stats.errors)
                               .arg(e.stats.latency.quantileNs(0.95) / 1e6, 0, 'f', 1));
    return tg::app::kExitOk;
}

// Headless: the command line, or with no arguments the demo's graph as text.
int runCommandLine(int& argc, char** argv) {
    // The command line draws SVG/PNG/PDF with Qt's painter, which needs a QGuiApplication (fonts);
    // without a display it renders offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("topograph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
    if (argc < 2) return printDemo();
    return tg::app::runCli(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char** argv) {
    ensureRuntimeDir();
    if (wantsCli(argc, argv)) return runCommandLine(argc, argv);
    if (!hasDisplay()) {
        // A window nobody can see is no use, except for a screenshot (TOPOGRAPH_SCREENSHOT).
        if (qEnvironmentVariableIsEmpty("TOPOGRAPH_SCREENSHOT")) {
            if (argc > 1)
                std::fprintf(stderr,
                             "topograph: no display for the workbench window (DISPLAY is not "
                             "set); see `topograph --help` for the commands\n");
            return argc > 1 ? tg::app::kExitUsage : runCommandLine(argc, argv);
        }
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStringList files;
    for (int i = 1; i < argc; ++i)
        files << QString::fromLocal8Bit(argv[i]);
    return tg::app::runGui(argc, argv, files);
}
