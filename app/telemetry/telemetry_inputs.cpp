#include "app/telemetry/telemetry_inputs.h"

#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "importers/common/format_sniffer.h"
#include "models/telemetry/telemetry_keys.h"
#include "models/workspace/workspace.h"

namespace tg::app {

namespace {

// A workspace's log records and metrics (the trace loader reads its spans).
void loadWorkspaceTelemetry(const std::string& path, TelemetryInputs& out) {
    auto ws = model::Workspace::open(path, false);
    model::Status s = ws ? (*ws)->loadLogsInto(*out.logs) : model::Status(ws.error());
    if (s) s = (*ws)->loadMetricsInto(*out.metrics);
    if (!s) out.unreadable.push_back(s.error());
}

} // namespace

void loadTelemetryInputs(const std::vector<std::string>& paths, TelemetryInputs& out) {
    std::vector<model::Result<import::ContentKind>> kinds;
    kinds.reserve(paths.size());
    for (const std::string& path : paths)
        kinds.push_back(import::sniffFileKind(path));
    // A workspace's telemetry goes first into the empty stores, so raw files extend them; one
    // workspace per command, as for spans.
    for (size_t i = 0; i < paths.size(); ++i)
        if (kinds[i] && kinds[i]->trace == import::Format::Workspace) {
            loadWorkspaceTelemetry(paths[i], out);
            break;
        }
    std::vector<std::string> tracePaths;
    for (size_t i = 0; i < paths.size(); ++i) {
        const model::Result<import::ContentKind>& kind = kinds[i];
        if (!kind) {
            out.unreadable.push_back(kind.error());
        } else if (kind->isTrace()) {
            tracePaths.push_back(paths[i]);
        } else {
            out.reports.push_back(import::importTelemetryFile(paths[i], *out.metrics, *out.logs));
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
