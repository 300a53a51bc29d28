#pragma once
// The metrics and logs of a workbench session (issue 4): the stores the import job filled from
// the metrics and logs files among the inputs (sniffed by content, so they may be opened or
// dropped together with traces), one import report per such file, and the correlation index
// (logs and series ⇄ spans and services) built against the session's dataset. Part of the
// immutable SessionSnapshot.
//
// TelemetryLoader is the import job's side: it loads what a workspace holds and imports files
// into fresh stores and, once the dataset is complete, builds the correlation index; finish()
// freezes everything.
//
// Thread affinity: SessionTelemetry is immutable once built and read from any thread;
// TelemetryLoader lives on the import job's worker thread.
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/input_loader.h"
#include "importers/telemetry/telemetry_import.h"
#include "models/correlate/correlation_index.h"
#include "models/workspace/workspace.h"

namespace tg::app {

struct SessionTelemetry {
    std::shared_ptr<const model::MetricStore> metrics; // null when no metrics/logs input
    std::shared_ptr<const model::LogStore> logs;       // null when no metrics/logs input
    // Null when nothing was imported. Keeps the stores and the dataset it links alive.
    std::shared_ptr<const model::CorrelationIndex> correlation;
    std::vector<import::TelemetryImportReport> reports; // one per metrics/logs input, in order
    QStringList paths; // the same inputs ("demo:…" labels for the generated demo's files)

    uint64_t logCount() const { return logs ? logs->recordCount() : 0; }
    uint64_t seriesCount() const { return metrics ? metrics->seriesCount() : 0; }
    // The inputs that did not fail, the demo's excepted (a re-import reads them again).
    QStringList loadedPaths() const;
    uint64_t diagnosticsCount() const; // occurrences over every report
};

class TelemetryLoader {
public:
    TelemetryLoader();

    // True when the file's content is a metrics or logs format (not a trace or workspace).
    static bool isTelemetryFile(const std::string& path);
    // Imports one file into the stores (a failed file is rolled back out of them). Returns
    // its report in the trace importers' shape, so the job can tell which inputs failed.
    // `label` (e.g. "demo:…") names a generated file in reports instead of its path; such
    // files are not inputs to read again.
    import::ImportReport importFile(const std::string& path, const import::ImportOptions& options,
                                    const std::string& label = {});
    // Loads the log records and metrics a workspace holds, before any file is imported (their
    // rows stay the workspace's rows). A part that cannot be read is left out and counted in
    // `diagnostics` (the workspace's report).
    void loadWorkspace(model::Workspace& workspace, model::Diagnostics& diagnostics);
    bool empty() const { return m_paths.isEmpty() && !m_fromWorkspace; }
    // Freezes the stores and, when anything was imported, builds the correlation index
    // against `inputs` (whose dataset must be complete).
    SessionTelemetry finish(std::shared_ptr<const LoadedInputs> inputs);

private:
    std::shared_ptr<model::MetricStore> m_metrics;
    std::shared_ptr<model::LogStore> m_logs;
    std::vector<import::TelemetryImportReport> m_reports;
    QStringList m_paths;
    bool m_fromWorkspace = false; // the stores hold a workspace's logs or metrics
};

} // namespace tg::app
