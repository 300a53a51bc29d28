#include "app/gui/import_job.h"

#include <QTemporaryDir>
#include <filesystem>

#include "app/demo/demo_telemetry.h"
#include "app/demo/trace_generator.h"
#include "app/panels/session_telemetry.h"

#include "importers/common/format_sniffer.h"
#include "importers/registry/trace_import.h"
#include "models/graph/service_graph_builder.h"
#include "models/workspace/workspace.h"

namespace tg::app {
namespace {

uint64_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

tg::import::ImportReport failure(const std::string& path, model::ErrorCode code,
                                 std::string detail) {
    import::ImportReport report;
    report.path = path;
    report.failed = true;
    report.error.code = code;
    report.error.path = path;
    report.error.detail = std::move(detail);
    return report;
}

// Same rules as loadInputs (app/cli/input_loader.cpp): one workspace, loaded first. Repeated
// here because the GUI needs per-file progress and cancellation between files.
tg::import::ImportReport loadWorkspace(const std::string& path, model::Dataset& dataset,
                                       TelemetryLoader& telemetry,
                                       QHash<QString, QPointF>& pinned) {
    if (dataset.spanCount() != 0)
        return failure(path, model::ErrorCode::Unsupported,
                       "only one workspace can be opened at a time");
    auto ws = model::Workspace::open(path, false);
    if (!ws) return failure(path, ws.error().code, ws.error().detail);
    tg::import::ImportReport report;
    report.path = path;
    report.format = import::Format::Workspace;
    report.bytes = fileSize(path);
    if (model::Status s = (*ws)->loadInto(dataset); !s) {
        report.failed = true;
        report.error = s.error();
        return report;
    }
    report.spans = dataset.spanCount();
    telemetry.loadWorkspace(**ws, report.diagnostics); // its logs and metrics, before any file
    if (auto positions = (*ws)->loadPositions())
        for (const model::NodePosition& p : *positions)
            pinned.insert(QString::fromStdString(p.name), QPointF(p.x, p.y));
    return report;
}

bool isWorkspaceFile(const std::string& path) {
    const auto format = import::sniffFile(path);
    return format && *format == import::Format::Workspace;
}

// The embedded default incident: generated (deterministically, seed 1) into a temporary OTLP
// JSON Lines file on this background thread, then imported like any file; its logs (logfmt)
// and metrics (OTLP JSON, with exemplars), consistent with the traces, go to `telemetry`.
tg::import::ImportReport importGeneratedDemo(const std::string& label, model::Dataset& dataset,
                                             TelemetryLoader& telemetry,
                                             const import::ImportOptions& options) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("demo-incident.jsonl")).toStdString();
    TraceGeneratorOptions demo;
    demo.seed = 1;
    demo.services = 30;
    demo.targetSpans = 20000;
    demo.faultRate = 0.002; // background noise low, so the incident's cascade stands out
    const auto written = writeOtlpJsonLines(path, demo);
    import::ImportReport report;
    if (!written) {
        report.path = label;
        report.failed = true;
        report.error = written.error();
        return report;
    }
    report = import::importTraceFile(path, dataset, options);
    report.path = label;
    if (!dataset.sources.empty()) dataset.sources.back().path = label;
    if (report.failed || options.cancelled()) return report;
    DemoTelemetryOptions files;
    files.logsPath = dir.filePath(QStringLiteral("demo-logs.logfmt")).toStdString();
    files.logFormat = demo::DemoLogFormat::Logfmt;
    files.metricsPath = dir.filePath(QStringLiteral("demo-metrics.json")).toStdString();
    files.metricsOtlp = true;
    // A failed write leaves a missing file, which the import then reports.
    (void)writeDemoTelemetry(demo, files);
    telemetry.importFile(files.logsPath, options, label + " \u2014 logs");
    telemetry.importFile(files.metricsPath, options, label + " \u2014 metrics");
    return report;
}

// Imports every input: trace files and workspaces into inputs.dataset (their reports in path
// order; snapshot.paths lists them), metrics and logs files into `telemetry`. Returns one
// report per input of the request (a summary for metrics and logs files), in request order,
// so the caller can tell whether every new input failed.
std::vector<import::ImportReport> readInputs(const ImportRequest& request, LoadedInputs& inputs,
                                             SessionSnapshot& snapshot, TelemetryLoader& telemetry,
                                             JobProgress& progress) {
    import::ImportOptions options;
    options.cancel = &progress.cancel;
    uint64_t base = 0;
    options.progress = [&](uint64_t done) { progress.bytesDone.store(base + done); };
    if (request.paths.isEmpty() && request.demoBytes.isEmpty()) {
        inputs.reports.push_back(importGeneratedDemo(request.demoLabel.toStdString(),
                                                     inputs.dataset, telemetry, options));
        return inputs.reports;
    }
    if (request.paths.isEmpty()) {
        progress.bytesTotal.store(uint64_t(request.demoBytes.size()));
        const std::string_view bytes(request.demoBytes.constData(),
                                     size_t(request.demoBytes.size()));
        inputs.reports.push_back(import::importTraceBytes(bytes, request.demoLabel.toStdString(),
                                                          inputs.dataset, options));
        return inputs.reports;
    }
    std::vector<std::string> paths;
    uint64_t total = 0;
    for (const QString& p : request.paths) {
        paths.push_back(p.toStdString());
        total += fileSize(paths.back());
    }
    progress.bytesTotal.store(total);
    std::vector<import::ImportReport> reports(paths.size());
    enum class Kind { Workspace, Trace, Telemetry };
    std::vector<Kind> kinds(paths.size(), Kind::Trace);
    for (size_t i = 0; i < paths.size(); ++i) {
        if (isWorkspaceFile(paths[i]))
            kinds[i] = Kind::Workspace;
        else if (TelemetryLoader::isTelemetryFile(paths[i]))
            kinds[i] = Kind::Telemetry;
        if (kinds[i] != Kind::Workspace) continue;
        reports[i] = loadWorkspace(paths[i], inputs.dataset, telemetry, snapshot.pinned);
        if (!reports[i].failed && snapshot.workspacePath.isEmpty())
            snapshot.workspacePath = request.paths[int(i)];
        base += fileSize(paths[i]);
        progress.bytesDone.store(base);
    }
    for (size_t i = 0; i < paths.size(); ++i) {
        if (kinds[i] == Kind::Workspace) continue;
        if (progress.cancelled()) {
            reports[i] = failure(paths[i], model::ErrorCode::Cancelled, "import cancelled");
        } else if (kinds[i] == Kind::Telemetry) {
            reports[i] = telemetry.importFile(paths[i], options);
        } else {
            reports[i] = import::importTraceFile(paths[i], inputs.dataset, options);
        }
        base += fileSize(paths[i]);
        progress.bytesDone.store(base);
    }
    for (size_t i = 0; i < paths.size(); ++i) {
        if (kinds[i] == Kind::Telemetry) continue; // listed by the telemetry part
        inputs.reports.push_back(reports[i]);
        snapshot.paths << request.paths[qsizetype(i)];
    }
    return reports;
}

// True when the request had new inputs and every one of them failed.
bool allNewInputsFailed(const ImportRequest& request,
                        const std::vector<import::ImportReport>& reports) {
    const size_t n = reports.size();
    const size_t fresh = request.paths.isEmpty() ? n : std::min(n, size_t(request.newPaths));
    if (fresh == 0) return false;
    for (size_t i = n - fresh; i < n; ++i)
        if (!reports[i].failed) return false;
    return true;
}

} // namespace

ImportOutcome runImportJob(const ImportRequest& request, JobProgress& progress) {
    ImportOutcome outcome;
    auto inputs = std::make_shared<LoadedInputs>();
    auto snapshot = std::make_shared<SessionSnapshot>();
    TelemetryLoader telemetry;
    progress.setStage(JobStage::Reading);
    const std::vector<import::ImportReport> reports =
        readInputs(request, *inputs, *snapshot, telemetry, progress);
    if (progress.cancelled()) {
        outcome.cancelled = true;
        return outcome;
    }
    if (allNewInputsFailed(request, reports)) {
        const size_t fresh = request.paths.isEmpty() ? reports.size() : size_t(request.newPaths);
        outcome.failedReports.assign(reports.end() - std::ptrdiff_t(fresh), reports.end());
        return outcome;
    }
    progress.setStage(JobStage::Analysing);
    inputs->structure = model::analyzeTraceStructure(inputs->dataset, inputs->structureDiagnostics);
    progress.setStage(JobStage::BuildingGraph);
    auto graph = std::make_shared<model::ServiceGraph>(
        model::buildServiceGraph(inputs->dataset, inputs->structure));
    snapshot->operations = indexOperations(inputs->dataset, inputs->structure, *graph);
    if (progress.cancelled()) {
        outcome.cancelled = true;
        return outcome;
    }
    // The inputs are complete from here on: the correlation index may point into them.
    std::shared_ptr<const LoadedInputs> frozen = std::move(inputs);
    if (!telemetry.empty()) progress.setStage(JobStage::Correlating);
    snapshot->telemetry = telemetry.finish(frozen);
    progress.setStage(JobStage::LayingOut);
    if (auto laid = model::layoutGraph(*graph, request.layout))
        snapshot->geometry = std::move(*laid);
    else
        snapshot->layoutError = QString::fromStdString(laid.error().toString());
    snapshot->sceneData = view::buildTopologySceneData(graph, snapshot->geometry);
    snapshot->inputs = std::move(frozen);
    snapshot->graph = std::move(graph);
    progress.setStage(JobStage::Done);
    outcome.snapshot = std::move(snapshot);
    return outcome;
}

} // namespace tg::app
