#include "app/gui/session_controller.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "app/gui/import_job.h"

namespace tg::app {
namespace {

struct LayoutOutcome {
    model::LayoutGeometry geometry;
    std::shared_ptr<const view::TopologySceneData> sceneData;
    QString error;
};

QString failureMessage(const std::vector<import::ImportReport>& reports) {
    QStringList lines;
    for (const auto& r : reports)
        lines << QString::fromStdString(r.error.toString().empty() ? r.path : r.error.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

const char* jobStageText(JobStage stage) {
    switch (stage) {
    case JobStage::Queued:
        return "Waiting";
    case JobStage::Reading:
        return "Reading";
    case JobStage::Analysing:
        return "Analysing traces";
    case JobStage::BuildingGraph:
        return "Building the service graph";
    case JobStage::Correlating:
        return "Linking logs and metrics";
    case JobStage::LayingOut:
        return "Laying out";
    case JobStage::Saving:
        return "Saving";
    case JobStage::Done:
        return "Done";
    }
    return "";
}

SessionController::SessionController(QObject* parent) : QObject(parent) {
    m_sessionPool.setMaxThreadCount(1);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &SessionController::emitProgress);
    m_positionsTimer.setSingleShot(true);
    m_positionsTimer.setInterval(300);
    connect(&m_positionsTimer, &QTimer::timeout, this, &SessionController::savePositionsNow);
}

SessionController::~SessionController() {
    if (m_job) m_job->cancel.store(true);
    if (m_positionsTimer.isActive()) savePositionsNow(); // do not lose the last drag
    m_sessionPool.waitForDone();
}

void SessionController::openFiles(const QStringList& paths) {
    if (paths.isEmpty()) return;
    ImportRequest request;
    for (const QString& p : paths)
        request.paths << QFileInfo(p).absoluteFilePath();
    request.newPaths = int(request.paths.size());
    startImport(std::move(request), true);
}

void SessionController::addFiles(const QStringList& paths) {
    if (!m_snapshot || isShowingDemo()) return openFiles(paths);
    ImportRequest request;
    request.paths = m_paths;
    for (const QString& p : paths) {
        const QString absolute = QFileInfo(p).absoluteFilePath();
        if (request.paths.contains(absolute)) continue;
        request.paths << absolute;
        ++request.newPaths;
    }
    if (request.newPaths == 0) return;
    startImport(std::move(request), false);
}

void SessionController::openDemo(const QByteArray& bytes, const QString& label) {
    ImportRequest request;
    request.demoBytes = bytes;
    request.demoLabel = label;
    startImport(std::move(request), true);
}

void SessionController::startImport(ImportRequest request, bool replacesSession) {
    request.layout.engine = m_layoutEngine;
    auto job = std::make_shared<JobProgress>();
    const quint64 generation = ++m_generation;
    beginJob(job);
    m_jobIsLayout = false;
    QtConcurrent::run(&m_sessionPool, [request = std::move(request), job] {
        return runImportJob(request, *job);
    }).then(this, [this, generation, replacesSession](const ImportOutcome& outcome) {
        finishImport(generation, replacesSession, outcome);
    });
}

void SessionController::finishImport(quint64 generation, bool replacesSession,
                                     const ImportOutcome& outcome) {
    if (generation != m_generation) return; // a newer job started, or this one was cancelled
    endJob();
    if (outcome.cancelled) {
        emit importCancelled();
    } else if (!outcome.snapshot) {
        m_failedAttempts = outcome.failedReports;
        emit sourcesChanged();
        emit importFailed(failureMessage(outcome.failedReports));
    } else {
        acceptSnapshot(outcome.snapshot, replacesSession);
    }
}

void SessionController::acceptSnapshot(std::shared_ptr<const SessionSnapshot> snapshot,
                                       bool replacesSession) {
    m_snapshot = snapshot;
    m_failedAttempts.clear();
    m_paths.clear();
    bool rawImports = false;
    for (qsizetype i = 0; i < snapshot->paths.size(); ++i) {
        const auto& report = snapshot->inputs->reports[size_t(i)];
        if (report.failed) continue; // failed inputs are not retried by the next re-import
        m_paths << snapshot->paths[i];
        rawImports = rawImports || report.format != import::Format::Workspace;
    }
    const QStringList telemetryFiles = snapshot->telemetry.loadedPaths();
    m_paths << telemetryFiles;
    rawImports = rawImports || !telemetryFiles.isEmpty(); // also stored in a workspace
    if (replacesSession || m_workspacePath.isEmpty()) m_workspacePath = snapshot->workspacePath;
    if (replacesSession) {
        m_positions = snapshot->pinned;
    } else {
        QHash<QString, QPointF> merged = snapshot->pinned;
        merged.insert(m_positions); // unsaved drags win over stored positions
        m_positions = merged;
    }
    emit sessionChanged();
    emit sourcesChanged();
    if (!snapshot->layoutError.isEmpty()) emit layoutFailed(snapshot->layoutError);
    if (!m_workspacePath.isEmpty() && rawImports) persistImports(snapshot);
}

void SessionController::relayout() {
    if (!m_snapshot || (m_job && !m_jobIsLayout)) return; // an import brings its own layout
    auto job = std::make_shared<JobProgress>();
    job->setStage(JobStage::LayingOut);
    const quint64 generation = ++m_generation;
    beginJob(job);
    m_jobIsLayout = true;
    auto snapshot = m_snapshot;
    model::LayoutOptions options;
    options.engine = m_layoutEngine;
    QtConcurrent::run([graph = snapshot->graph, options] {
        LayoutOutcome out;
        if (auto laid = model::layoutGraph(*graph, options)) {
            out.geometry = std::move(*laid);
            out.sceneData = view::buildTopologySceneData(graph, out.geometry);
        } else {
            out.error = QString::fromStdString(laid.error().toString());
        }
        return out;
    }).then(this, [this, generation, snapshot](const LayoutOutcome& out) {
        if (generation != m_generation || snapshot != m_snapshot) return;
        endJob();
        if (!out.error.isEmpty()) return emit layoutFailed(out.error);
        auto next = std::make_shared<SessionSnapshot>(*snapshot);
        next->geometry = out.geometry;
        next->sceneData = out.sceneData;
        next->layoutError.clear();
        m_snapshot = std::move(next);
        emit layoutChanged();
    });
}

void SessionController::setLayoutEngine(const std::string& engine) {
    if (engine == m_layoutEngine) return;
    m_layoutEngine = engine;
    relayout(); // does nothing without a graph or while an import runs (it brings its layout)
}

void SessionController::cancel() {
    if (!m_job) return;
    m_job->cancel.store(true);
    ++m_generation; // whatever the job still delivers is dropped
    endJob();
    emit importCancelled();
}

void SessionController::beginJob(std::shared_ptr<JobProgress> job) {
    if (m_job) m_job->cancel.store(true); // superseded
    const bool wasIdle = !m_job;
    m_job = std::move(job);
    m_progressTimer.start();
    if (wasIdle) emit busyChanged(true);
    emitProgress();
}

void SessionController::endJob() {
    if (!m_job) return;
    m_job.reset();
    m_progressTimer.stop();
    emit busyChanged(false);
}

void SessionController::emitProgress() {
    if (!m_job) return;
    // Bytes only mean something while reading; later stages show a busy indicator.
    const JobStage stage = m_job->currentStage();
    const bool reading = stage == JobStage::Reading;
    emit progressChanged(QString::fromUtf8(jobStageText(stage)),
                         reading ? m_job->bytesDone.load() : 0,
                         reading ? m_job->bytesTotal.load() : 0);
}

} // namespace tg::app
