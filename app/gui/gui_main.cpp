#include "app/gui/gui_main.h"

#include <QApplication>
#include <QTimer>

#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "app/gui/session_snapshot.h"
#include "views/topology/topology_view.h"

namespace tg::app {
namespace {

// Saves a grab of the window once the topology shows its nodes (or, for logs or metrics
// opened alone, once they are loaded), then quits.
void arrangeScreenshot(MainWindow& window, const QString& path) {
    auto* poll = new QTimer(&window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, path] {
        if (window.controller()->isBusy()) return;
        // Logs or metrics opened alone have no map: the panels are what there is to see.
        const auto shown = window.controller()->snapshot();
        const bool telemetryOnly =
            shown && (shown->telemetry.logCount() > 0 || shown->telemetry.seriesCount() > 0);
        if (window.topologyView()->visibleNodeCount() == 0 && !telemetryOnly) return;
        poll->stop();
        // Show what an SRE would look at first: the service with the most errors, inspected.
        if (shown && shown->graph) {
            const auto& nodes = shown->graph->nodes;
            size_t worst = 0;
            for (size_t i = 1; i < nodes.size(); ++i)
                if (nodes[i].stats.errors > nodes[worst].stats.errors) worst = i;
            // At 100% the names are readable; selecting scrolls the worst node into view.
            window.topologyView()->resetZoom();
            if (!nodes.empty()) window.topologyView()->selectNode(uint32_t(worst));
        }
        // One more beat so the view has painted at its final zoom.
        QTimer::singleShot(400, &window, [&window, path] {
            const bool saved = window.grab().save(path, "PNG");
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
    QObject::connect(window.controller(), &SessionController::sessionChanged, poll,
                     qOverload<>(&QTimer::start));
    QObject::connect(window.controller(), &SessionController::importFailed, &window,
                     [] { QCoreApplication::exit(1); });
    QTimer::singleShot(60000, &window, [] { QCoreApplication::exit(2); });
}

} // namespace

int runGui(int& argc, char** argv, const QStringList& files) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("topograph"));
    QApplication::setOrganizationName(QStringLiteral("topograph"));
    QApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
    MainWindow window;
    const QString screenshot = qEnvironmentVariable("TOPOGRAPH_SCREENSHOT");
    if (!screenshot.isEmpty()) arrangeScreenshot(window, screenshot);
    window.show();
    if (files.isEmpty()) {
        if (!window.openDemo() && !screenshot.isEmpty()) return 1;
    } else {
        window.openFiles(files);
    }
    return app.exec();
}

} // namespace tg::app
