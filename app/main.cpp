// Entry point: `topograph <command> ...` runs the command line; with no command it shows the
// bundled demo incident (until the workbench window lands, by printing its service graph).
#include <QGuiApplication>
#include <QDir>
#include <QFile>
#include <unistd.h>
#include <QJsonDocument>

#include "app/cli/cli.h"
#include "app/cli/cli_output.h"
#include "app/report/report_json.h"
#include "importers/registry/trace_import.h"
#include "models/graph/service_graph_builder.h"

namespace {

int showDemo() {
    QFile demo(QStringLiteral(":/demo/sample_incident.json"));
    if (!demo.open(QIODevice::ReadOnly)) {
        tg::app::printError(QStringLiteral("the bundled demo incident is missing from this build"));
        return tg::app::kExitBadInput;
    }
    const QByteArray bytes = demo.readAll();
    tg::app::LoadedInputs loaded;
    loaded.reports.push_back(tg::import::importTraceBytes(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())),
                                                          "demo:sample_incident.json", loaded.dataset));
    loaded.structure = tg::model::analyzeTraceStructure(loaded.dataset, loaded.structureDiagnostics);
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

} // namespace

int main(int argc, char** argv) {
    // The command line draws SVG/PNG/PDF with Qt's painter, which needs a QGuiApplication (fonts);
    // without a display it renders offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Qt warns on every start without it; give it a private directory of our own.
        const QByteArray dir = QDir::tempPath().toUtf8() + "/topograph-runtime-" + QByteArray::number(getuid());
        QDir().mkpath(QString::fromUtf8(dir));
        QFile::setPermissions(QString::fromUtf8(dir), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("topograph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 1 && tg::app::isCliCommand(args[1])) return tg::app::runCli(args);
    if (args.size() > 1) return tg::app::runCli(args); // unknown command: usage error
    return showDemo();
}
