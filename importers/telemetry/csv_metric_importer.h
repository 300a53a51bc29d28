#pragma once
// Reads a CSV table of metrics into a MetricStore, by its header: one row per time and entity,
// a time column (TimeStamp/Timestamp/time/ts: epoch numbers by magnitude, or date-times —
// Go's time.String() with its " m=+..." monotonic suffix included), identity columns (cells
// that are not numbers in the first data row: PodName, ServiceName, Node, ...) that become
// labels (pod, service, node; a pod's service is derived from its name), and one gauge family
// per numeric column, named by the column with its unit in parentheses split off
// ("CpuUsage(m)" -> family CpuUsage, unit "m"). Empty cells are skipped and counted; "NaN"
// cells are kept as NaN samples. Runs on the import job's thread.
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

model::Status importCsvMetrics(const TelemetryInput& input, TelemetryTarget& target,
                               const TelemetryImportOptions& options = {});

} // namespace tg::import
