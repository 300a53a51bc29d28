#include "app/cli/input_loader.h"

#include "importers/common/format_sniffer.h"
#include "importers/registry/trace_import.h"
#include "models/workspace/workspace.h"

namespace tg::app {

bool LoadedInputs::anyFailed() const {
    for (const auto& r : reports)
        if (r.failed) return true;
    return false;
}

namespace {

import::ImportReport loadWorkspace(const std::string& path,
                                   model::Dataset& dataset){import::ImportReport report;
report.path = path;
report.format = import::Format::Workspace;
auto ws = model::Workspace::open(path, false);
if (!ws) {
    report.failed = true;
    report.error = ws.error();
    return report;
}
if (dataset.spanCount() != 0) {
    report.failed = true;
    report.error.code = model::ErrorCode::Unsupported;
    report.error.path = path;
    report.error.detail = "only one workspace can be combined with raw files per command";
    return report;
}
if (model::Status s = (*ws)->loadInto(dataset); !s) {
    report.failed = true;
    report.error = s.error();
    return report;
}
report.spans = dataset.spanCount();
return report;
} // namespace

} // namespace tg::app

void loadInputs(const std::vector<std::string>& paths, LoadedInputs& out,
                const import::ImportOptions& options) {
    // Workspaces first (see class comment), then raw files in the order given.
    std::vector<bool> isWorkspace(paths.size(), false);
    for (size_t i = 0; i < paths.size(); ++i) {
        auto format = import::sniffFile(paths[i]);
        isWorkspace[i] = format && *format == import::Format::Workspace;
    }
    out.reports.resize(paths.size());
    for (size_t i = 0; i < paths.size(); ++i)
        if (isWorkspace[i]) out.reports[i] = loadWorkspace(paths[i], out.dataset);
    for (size_t i = 0; i < paths.size(); ++i)
        if (!isWorkspace[i])
            out.reports[i] = import::importTraceFile(paths[i], out.dataset, options);
    out.structure = model::analyzeTraceStructure(out.dataset, out.structureDiagnostics);
}

} // namespace tg::app
