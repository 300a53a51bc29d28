#include "app/telemetry/telemetry_inputs.h"

#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "importers/common/format_sniffer.h"
#include "models/telemetry/telemetry_keys.h"
#include "models/workspace/workspace.h"

namespace tg::app {

namespace {

// A workspace among the inputs brings its log records and metrics too (the trace loader reads
// its spans). They go first into the empty stores, so raw files extend them; one workspace
// per command, as for spans.
void loadWorkspaceTelemetry(const std::vector<std::string>& paths, TelemetryInputs& out) {
    for (const std::string& path : paths) {
        const auto format = import::sniffFile(path);
        if (!format || *format != import::Format::Workspace) continue;
        auto ws = model::Workspace::open(path, false);
        model::Status s = ws ? (*ws)->loadLogsInto(*out.logs) : model::Status(ws.error());
        if (s) s = (*ws)->loadMetricsInto(*out.metrics);
        if (!s) out.unreadable.push_back(s.error());
        return;
    }
}

} // namespace

void loadTelemetryInputs(const std::vector<std::string>& paths, TelemetryInputs& out) {
    loadWorkspaceTelemetry(paths, out);
    std::vector<std::string> tracePaths;
    for (const std::string& path : paths) {
        const model::Result<import::ContentKind> kind = import::sniffFileKind(path);
        if (!kind) {
            out.unreadable.push_back(kind.error());
        } else if (kind->isTrace()) {
            tracePaths.push_back(path);
        } else {
            out.reports.push_back(import::importTelemetryFile(path, *out.metrics, *out.logs));
        }
    }
    if (!tracePaths.empty()) loadInputs(tracePaths, out.traces);
}

int reportTelemetryFailures(const TelemetryInputs& inputs) {
    int code = reportFailures(inputs.traces);
    for (const model::Error& e : inputs.unreadable) {
        printError(QString::fromStdString(e.toString()));
        code = kExitBadInput;
    }
    for (const auto& r : inputs.reports) {
        if (!r.failed) continue;
        printError(QString::fromStdString(r.error.toString()));
        code = kExitBadInput;
    }
    return code;
}

bool labelsMatchService(const model::StringPool& strings, std::span<const model::Label> labels,
                        std::string_view service) {
    for (std::string_view key : model::serviceLabelKeys())
        if (const model::Label* l = model::findLabel(strings, labels, key);
            l && strings.view(l->value) == service)
            return true;
    return false;
}

} // namespace tg::app
