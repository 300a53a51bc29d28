#include "app/panels/session_telemetry.h"

#include <QString>

#include "importers/common/format_sniffer.h"

namespace tg::app {
namespace {

// The index and everything it points into, in one allocation the shared_ptr owns.
struct CorrelationHolder {
    std::shared_ptr<const LoadedInputs> inputs;
    std::shared_ptr<const model::LogStore> logs;
    std::shared_ptr<const model::MetricStore> metrics;
    model::CorrelationIndex index;
};

} // namespace

QStringList SessionTelemetry::loadedPaths() const {
    QStringList out;
    for (size_t i = 0; i < reports.size() && i < size_t(paths.size()); ++i)
        if (!reports[i].failed && !paths[qsizetype(i)].startsWith(QLatin1String("demo:")))
            out << paths[qsizetype(i)];
    return out;
}

uint64_t SessionTelemetry::diagnosticsCount() const {
    uint64_t n = 0;
    for (const auto& report : reports)
        for (const auto& e : report.diagnostics.entries())
            n += e.count;
    return n;
}

TelemetryLoader::TelemetryLoader()
    : m_metrics(std::make_shared<model::MetricStore>()),
      m_logs(std::make_shared<model::LogStore>()) {}

bool TelemetryLoader::isTelemetryFile(const std::string& path) {
    const auto kind = import::sniffFileKind(path);
    return kind && !kind->isTrace() && kind->isTelemetry();
}

// (The return type is spelled with tg:: because clang-format reads a line starting with
// "import" as a C++20 module import.)
tg::import::ImportReport TelemetryLoader::importFile(const std::string& path,
                                                     const import::ImportOptions& options,
                                                     const std::string& label) {
    import::TelemetryImportOptions telemetryOptions;
    import::ImportOptions& common = telemetryOptions; // cancel flag, progress, limits
    common = options;
    m_reports.push_back(import::importTelemetryFile(path, *m_metrics, *m_logs, telemetryOptions));
    import::TelemetryImportReport& r = m_reports.back();
    if (!label.empty()) r.path = label;
    if (r.path.empty()) r.path = path;
    m_paths << QString::fromStdString(r.path);
    import::ImportReport summary;
    summary.path = r.path;
    summary.bytes = r.bytes;
    summary.diagnostics = r.diagnostics;
    summary.failed = r.failed;
    summary.error = r.error;
    return summary;
}

void TelemetryLoader::loadWorkspace(model::Workspace& workspace, model::Diagnostics& diagnostics) {
    if (model::Status s = workspace.loadLogsInto(*m_logs); !s) {
        m_logs = std::make_shared<model::LogStore>(); // nothing half-read
        diagnostics.report("workspace_logs_unreadable", model::Severity::Error,
                           s.error().toString());
    }
    if (model::Status s = workspace.loadMetricsInto(*m_metrics); !s) {
        m_metrics = std::make_shared<model::MetricStore>();
        diagnostics.report("workspace_metrics_unreadable", model::Severity::Error,
                           s.error().toString());
    }
    m_fromWorkspace = m_logs->recordCount() > 0 || m_metrics->seriesCount() > 0;
}

SessionTelemetry TelemetryLoader::finish(std::shared_ptr<const LoadedInputs> inputs) {
    SessionTelemetry out;
    if (empty()) return out;
    out.reports = std::move(m_reports);
    out.paths = std::move(m_paths);
    out.metrics = std::move(m_metrics);
    out.logs = std::move(m_logs);
    if (!inputs) return out;
    auto holder = std::make_shared<CorrelationHolder>();
    holder->inputs = std::move(inputs);
    holder->logs = out.logs;
    holder->metrics = out.metrics;
    holder->index =
        model::CorrelationIndex::build(holder->inputs->dataset, holder->logs.get(),
                                       holder->metrics.get(), model::CorrelationConfig::defaults());
    out.correlation = std::shared_ptr<const model::CorrelationIndex>(holder, &holder->index);
    return out;
}

} // namespace tg::app
