#pragma once
// Reads OTLP logs JSON (ExportLogsServiceRequest: resourceLogs > scopeLogs > logRecords; JSON
// Lines of requests too) into a LogStore: time and observed time (ns strings or numbers),
// severity (number, enum name, or text), body (any AnyValue; non-strings as JSON), attributes,
// trace and span IDs (hex of any case or base64, normalised as span IDs are), the scope as
// otel.scope.name/version attributes. The resource's attributes are the record's stream
// labels. Each ResourceLogs is one record, so memory is bounded by the largest one.
// Runs on the import job's thread.
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

model::Status importOtlpLogsJson(const TelemetryInput& input, TelemetryTarget& target,
                                 const TelemetryImportOptions& options = {});

} // namespace tg::import
