// SessionController's workspace side: persisting imports, node positions and "Save workspace
// as…", each a job on the serial session pool whose result returns to the GUI thread.
#include <QtConcurrent/QtConcurrentRun>

#include "app/gui/session_controller.h"
#include "app/gui/workspace_jobs.h"

namespace tg::app {
namespace {

QString errorText(const model::Status& status) {
    return status ? QString() : QString::fromStdString(status.error().toString());
}

} // namespace

void SessionController::persistImports(std::shared_ptr<const SessionSnapshot> snapshot) {
    const QString path = m_workspacePath;
    const QStringList unsaved = m_paths;
    // Optimistic: from now on the raw files live in the workspace (the write is queued before
    // any later import on the serial pool, so that import reads them from the file).
    m_paths = QStringList{path};
    QtConcurrent::run(&m_sessionPool, [path, snapshot] {
        return errorText(app::persistImports(path, *snapshot));
    }).then(this, [this, path, unsaved](const QString& error) {
        if (error.isEmpty()) return emit workspaceSaved(path);
        if (m_workspacePath == path) m_paths = unsaved; // keep them for the next re-import
        emit workspaceFailed(error);
    });
}

void SessionController::setNodePosition(const QString& name, QPointF position) {
    m_positions.insert(name, position);
    if (!m_workspacePath.isEmpty()) m_positionsTimer.start();
}

void SessionController::clearNodePositions() {
    m_positions.clear();
    if (!m_workspacePath.isEmpty()) m_positionsTimer.start();
}

void SessionController::savePositionsNow() {
    m_positionsTimer.stop();
    if (m_workspacePath.isEmpty()) return;
    QtConcurrent::run(&m_sessionPool, [path = m_workspacePath,
                                       positions = toNodePositions(m_positions)] {
        return errorText(saveNodePositions(path, positions));
    }).then(this, [this](const QString& error) {
        if (error.isEmpty())
            emit positionsSaved();
        else
            emit workspaceFailed(error);
    });
}

void SessionController::saveWorkspaceAs(const QString& path) {
    if (!m_snapshot) return emit workspaceFailed(tr("Nothing is loaded yet."));
    if (path == m_workspacePath) {
        savePositionsNow();
        return emit workspaceSaved(path);
    }
    m_positionsTimer.stop(); // the copy carries the current positions
    QtConcurrent::run(&m_sessionPool, [path, snapshot = m_snapshot,
                                       positions = toNodePositions(m_positions)] {
        return errorText(saveWorkspaceCopy(path, *snapshot, positions));
    }).then(this, [this, path](const QString& error) {
        if (!error.isEmpty()) return emit workspaceFailed(error);
        m_workspacePath = path;
        m_paths = QStringList{path};
        emit workspaceSaved(path);
    });
}

} // namespace tg::app
