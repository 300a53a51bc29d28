#pragma once
// Loads the INPUTS of the `logs`, `metrics` and `correlate` commands: each file is sniffed by
// content (format_sniffer.h) and goes either to the trace loader (trace files, a workspace's
// spans) or to the telemetry registry (metrics and logs files), so one command line may mix
// them; a workspace's log records and metrics are loaded first. Runs on the calling thread.
#include <memory>
#include <string>
#include <vector>

#include <QStringList>

#include "app/cli/input_loader.h"
#include "importers/telemetry/telemetry_import.h"

namespace tg::app {

struct TelemetryInputs {
    LoadedInputs traces; // the trace files and workspace among the inputs
    std::unique_ptr<model::MetricStore> metrics = std::make_unique<model::MetricStore>();
    std::unique_ptr<model::LogStore> logs = std::make_unique<model::LogStore>();
    std::vector<import::TelemetryImportReport> reports; // one per telemetry input, in order
    std::vector<model::Error> unreadable;               // inputs neither loader could take
};

void loadTelemetryInputs(const std::vector<std::string>& paths, TelemetryInputs& out);
// Prints every failed input's error to stderr; kExitBadInput if any failed.
int reportTelemetryFailures(const TelemetryInputs& inputs);

// True when one of the service label keys (service, service_name, service.name, job, app)
// of `labels` has the value `service`.
bool labelsMatchService(const model::StringPool& strings, std::span<const model::Label> labels,
                        std::string_view service);

} // namespace tg::app
