#include "app/telemetry/telemetry_inputs.h"

#include "app/cli/cli_input_args.h"
#include "app/cli/cli_output.h"
#include "importers/common/format_sniffer.h"
#include "models/telemetry/telemetry_keys.h"

namespace tg::app {

void loadTelemetryInputs(const std::vector<std::string>& paths, TelemetryInputs& out) {
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
