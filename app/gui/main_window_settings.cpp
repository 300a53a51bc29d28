// MainWindow's persisted state (geometry, dock layout, view settings) and its file dialogs.
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QSettings>

#include "app/gui/job_status.h"
#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "app/gui/thresholds_dialog.h"
#include "views/sources/sources_dock.h"
#include "views/topology/topology_view.h"

namespace tg::app {
namespace {

const QString kInputFilter = QObject::tr("Traces and workspaces (*.json *.jsonl *.ndjson *.pb "
                                         "*.bin *.topograph *.sqlite *.db);;All files (*)");

QString lastDirectory() {
    return QSettings().value(QStringLiteral("files/directory"), QDir::homePath()).toString();
}

void rememberDirectory(const QString& file) {
    QSettings().setValue(QStringLiteral("files/directory"), QFileInfo(file).absolutePath());
}

} // namespace

void MainWindow::restoreWindowState() {
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1440, 900);
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray())) { // first start
        resizeDocks({m_inspectorDock}, {400}, Qt::Horizontal);
        // Sources shares its place with the Metrics dock (app/panels): give it the charts' room.
        resizeDocks({m_inspectorDock, m_sources}, {420, 460}, Qt::Vertical);
        resizeDocks({findChild<QDockWidget*>(QStringLiteral("tracesDock"))}, {330}, Qt::Vertical);
    }
}

void MainWindow::saveWindowState() const {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    m_settings.save();
}

void MainWindow::chooseFilesToOpen() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open traces or a workspace"),
                                                            lastDirectory(), kInputFilter);
    if (files.isEmpty()) return;
    rememberDirectory(files.first());
    openFiles(files);
}

void MainWindow::chooseFilesToAdd() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add traces to this session"),
                                                            lastDirectory(), kInputFilter);
    if (files.isEmpty()) return;
    rememberDirectory(files.first());
    addFiles(files);
}

void MainWindow::chooseWorkspacePath() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save workspace as"),
        QDir(lastDirectory()).filePath(QStringLiteral("incident.topograph")),
        tr("Topograph workspaces (*.topograph)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".topograph");
    rememberDirectory(path);
    // Writing a large dataset takes a while: show it (a write cannot be cancelled halfway).
    if (!m_saveJob)
        m_saveJob = m_status->begin(tr("Saving %1").arg(QFileInfo(path).fileName()), {});
    m_controller->saveWorkspaceAs(path);
}

void MainWindow::editThresholds() {
    ThresholdsDialog dialog(m_settings.warnErrorRate, m_settings.criticalErrorRate, this);
    if (dialog.exec() != QDialog::Accepted) return;
    m_settings.warnErrorRate = dialog.warn();
    m_settings.criticalErrorRate = dialog.critical();
    m_view->setErrorThresholds(m_settings.warnErrorRate, m_settings.criticalErrorRate);
    m_settings.save();
}

} // namespace tg::app
