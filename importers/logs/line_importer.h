#pragma once
// The loop every line-oriented log importer shares: reads the input line by line
// (text_line_reader.h) with the options' limits, cancellation and progress, calls `onLine`
// for each line, and returns the reader's status. Runs on the import job's thread.
#include <functional>

#include "importers/telemetry/telemetry_import_types.h"
#include "importers/telemetry/text_line_reader.h"

namespace tg::import {

model::Status forEachLine(const TelemetryInput& input, const TelemetryImportOptions& options,
                          const std::function<void(const TextLine&)>& onLine);
// The same for an importer that fills `logs`: the store's columns are reserved once for the
// whole input after its first lines (extrapolated from what they added per byte read),
// instead of growing by doubling.
model::Status forEachLine(const TelemetryInput& input, const TelemetryImportOptions& options,
                          model::LogStore& logs,
                          const std::function<void(const TextLine&)>& onLine);

// Adds `record` to the stream of `labels`.
void addLogRecord(TelemetryTarget& target, const model::LogInput& record,
                  const std::vector<model::LabelInput>& labels);

} // namespace tg::import
