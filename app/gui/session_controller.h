#pragma once
// Owns what a workbench session has loaded (DESIGN §4): the current immutable SessionSnapshot
// (dataset, reports, trace structure, service graph, layout), the inputs it came from, the
// attached workspace file and the node positions the user dragged.
//
// Opening files runs runImportJob on a serial session pool (QtConcurrent) with a cancel flag
// and atomic progress counters that a GUI-thread timer reads at ~10 Hz; the outcome comes back
// through a QFuture continuation on this object and is dropped when a newer job started
// (generation counter). Adding files re-imports every input into a NEW dataset: simple and
// safe (snapshots never change once published, so views and background exports can keep
// reading the old one). Workspace writes (persisting imports, node positions, save-as) run on
// the same serial pool, so a later import always reads what was written before it.
//
// Thread affinity: GUI thread (a QObject). Background work only touches snapshots, requests and
// JobProgress values it was given.
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <vector>

#include "app/gui/job_progress.h"
#include "app/gui/session_snapshot.h"
#include "importers/common/import_types.h"

namespace tg::app {

struct ImportOutcome;
struct ImportRequest;

class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override; // cancels the running job; waits for workspace writes

    void openFiles(const QStringList& paths); // a new session from these inputs
    void addFiles(const QStringList& paths);  // the current inputs plus these, re-imported
    // Empty bytes: generate the demo incident (app/demo) in the background job.
    void openDemo(const QByteArray& bytes, const QString& label);
    void relayout(); // lays the current graph out again (pins stay)
    // The layout engine of later imports and re-layouts ("" automatic, "dot", "sfdp"); lays the
    // current graph out again when it changes.
    void setLayoutEngine(const std::string& engine);
    const std::string& layoutEngine() const { return m_layoutEngine; }
    void cancel(); // cancels the running import or layout; the current session stays
    void saveWorkspaceAs(const QString& path);
    void setNodePosition(const QString& name, QPointF position);
    void clearNodePositions();

    std::shared_ptr<const SessionSnapshot> snapshot() const { return m_snapshot; }
    QHash<QString, QPointF> nodePositions() const { return m_positions; }
    const std::vector<import::ImportReport>& failedAttempts() const { return m_failedAttempts; }
    QStringList inputPaths() const { return m_paths; }
    QString workspacePath() const { return m_workspacePath; }
    bool isBusy() const { return m_job != nullptr; }
    // Anything still running on the session pool (a cancelled import winding down, a workspace
    // write); for tests and diagnostics.
    bool hasBackgroundWork() const { return m_sessionPool.activeThreadCount() > 0; }
    bool isShowingDemo() const {
        return m_snapshot && m_snapshot->paths.isEmpty() &&
               m_snapshot->telemetry.loadedPaths().isEmpty();
    }

signals:
    void busyChanged(bool busy);
    void progressChanged(const QString& stage, quint64 done, quint64 total); // ~10 Hz when busy
    void sessionChanged(); // a new snapshot: graph, layout and node positions
    void layoutChanged();  // the same graph laid out again
    void sourcesChanged(); // reports or failed attempts changed
    void importCancelled();
    void importFailed(const QString& message); // every new input failed; the session stays
    void layoutFailed(const QString& message);
    void workspaceSaved(const QString& path);
    void workspaceFailed(const QString& message);
    void positionsSaved();

private:
    void startImport(ImportRequest request, bool replacesSession);
    void finishImport(quint64 generation, bool replacesSession, const ImportOutcome& outcome);
    void acceptSnapshot(std::shared_ptr<const SessionSnapshot> snapshot, bool replacesSession);
    void beginJob(std::shared_ptr<JobProgress> job);
    void endJob();
    void emitProgress();
    void persistImports(std::shared_ptr<const SessionSnapshot> snapshot);
    void savePositionsNow();

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QStringList m_paths;     // inputs of the next re-import (imports persisted: just the workspace)
    QString m_workspacePath; // attached workspace ("" = none)
    QHash<QString, QPointF> m_positions;
    std::string m_layoutEngine; // "" automatic (model::LayoutOptions::engine)
    std::vector<import::ImportReport> m_failedAttempts; // new inputs that failed last time

    std::shared_ptr<JobProgress> m_job; // the running import/layout job, null when idle
    bool m_jobIsLayout = false;         // m_job is a re-layout (F5), not an import
    quint64 m_generation = 0;           // bumped by every new job and by cancel
    QThreadPool m_sessionPool;          // one thread: imports and workspace writes, in order
    QTimer m_progressTimer;
    QTimer m_positionsTimer; // coalesces drags before writing positions
};

} // namespace tg::app
