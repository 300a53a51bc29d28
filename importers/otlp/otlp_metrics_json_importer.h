#pragma once
// Reads OTLP metrics JSON (ExportMetricsServiceRequest: resourceMetrics > scopeMetrics >
// metrics, as the Collector's file exporter and the proto examples write it; JSON Lines of
// requests too) into a MetricStore: gauge, sum, histogram, exponential histogram and summary
// data points, their exemplars (trace and span IDs hex or base64), camelCase or snake_case
// keys, int64 as strings or numbers, enum names or numbers. Series are labelled by the data
// point's attributes plus the resource's identifying attributes (service.name, ...; the other
// resource attributes are counted, not kept). Each ResourceMetrics is one record, so memory is
// bounded by the largest one. Runs on the import job's thread.
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

model::Status importOtlpMetricsJson(const TelemetryInput& input, TelemetryTarget& target,
                                    const TelemetryImportOptions& options = {});

} // namespace tg::import
