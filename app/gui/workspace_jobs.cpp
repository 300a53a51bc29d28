#include "app/gui/workspace_jobs.h"

#include <QJsonDocument>
#include <filesystem>

#include "app/report/report_json.h"

namespace tg::app {
namespace {

model::Result<std::unique_ptr<model::Workspace>> openWorkspace(const QString& path, bool create) {
    return model::Workspace::open(path.toStdString(), create);
}

// One JSON report per source of the dataset not yet in the target file: "{}" for the first
// `copiedSources` (those that came from a workspace; their reports stay in that file), then the
// successful raw-file reports in order (failed imports were rolled back out of the sources).
std::vector<std::string> newSourceReports(const SessionSnapshot& snapshot, size_t copiedSources) {
    std::vector<std::string> reports;
    const auto& sources = snapshot.inputs->dataset.sources;
    for (size_t i = 0; i < copiedSources && i < sources.size(); ++i)
        reports.emplace_back("{}");
    for (const auto& report : snapshot.inputs->reports) {
        if (report.failed || report.format == import::Format::Workspace) continue;
        reports.push_back(
            QJsonDocument(importReportJson(report)).toJson(QJsonDocument::Compact).toStdString());
    }
    return reports;
}

size_t workspaceSources(const SessionSnapshot& snapshot) {
    size_t sources = snapshot.inputs->dataset.sources.size();
    for (const auto& report : snapshot.inputs->reports)
        if (!report.failed && report.format != import::Format::Workspace) --sources;
    return sources;
}

model::Error storageError(const QString& path, const std::string& detail) {
    model::Error e;
    e.code = model::ErrorCode::Storage;
    e.path = path.toStdString();
    e.detail = detail;
    return e;
}

// The session's log records (with the trace/span correlation linked them to, for the file's
// logs-for-trace index) and metrics the file does not hold yet; each in its own transaction.
model::Status persistTelemetry(model::Workspace& ws, const SessionSnapshot& snapshot) {
    const SessionTelemetry& t = snapshot.telemetry;
    if (t.logs && t.logs->recordCount() > ws.storedLogs())
        if (model::Status s = ws.persistNewLogs(*t.logs, t.correlation.get()); !s) return s;
    if (t.metrics && t.metrics->sampleCount() > ws.storedSamples())
        if (model::Status s = ws.persistNewMetrics(*t.metrics); !s) return s;
    return model::okStatus();
}

} // namespace

std::vector<model::NodePosition> toNodePositions(const QHash<QString, QPointF>& positions) {
    std::vector<model::NodePosition> out;
    out.reserve(size_t(positions.size()));
    for (auto it = positions.begin(); it != positions.end(); ++it)
        out.push_back({it.key().toStdString(), it.value().x(), it.value().y()});
    return out;
}

model::Status persistImports(const QString& workspacePath, const SessionSnapshot& snapshot) {
    auto ws = openWorkspace(workspacePath, false);
    if (!ws) return ws.error();
    // The file holds the workspace's own sources; the raw-file imports are the new ones.
    // Spans, logs and metrics go in together or not at all: after a failure the session keeps
    // its raw files to write again, so a half-written file would hold them twice later.
    return (*ws)->runBatch([&] {
        if (model::Status s =
                (*ws)->persistNew(snapshot.inputs->dataset, newSourceReports(snapshot, 0));
            !s)
            return s;
        return persistTelemetry(**ws, snapshot);
    });
}

model::Status saveWorkspaceCopy(const QString& path, const SessionSnapshot& snapshot,
                                const std::vector<model::NodePosition>& positions) {
    if (!snapshot.inputs) return storageError(path, "nothing is loaded");
    const std::string target = path.toStdString();
    const std::string partial = target + ".partial";
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    {
        auto ws = model::Workspace::open(partial, true);
        if (!ws) return ws.error();
        const auto reports = newSourceReports(snapshot, workspaceSources(snapshot));
        model::Status s = (*ws)->persistNew(snapshot.inputs->dataset, reports);
        if (s) s = (*ws)->savePositions(positions);
        if (s) s = persistTelemetry(**ws, snapshot);
        if (!s) {
            ws->reset();
            std::filesystem::remove(partial, ec);
            return s;
        }
    }
    std::filesystem::rename(partial, target, ec); // atomic replace on the same file system
    if (ec) {
        std::filesystem::remove(partial, ec);
        return storageError(path, "cannot replace the file: " + ec.message());
    }
    return model::okStatus();
}

model::Status saveNodePositions(const QString& workspacePath,
                                const std::vector<model::NodePosition>& positions) {
    auto ws = openWorkspace(workspacePath, false);
    if (!ws) return ws.error();
    return (*ws)->savePositions(positions);
}

} // namespace tg::app
