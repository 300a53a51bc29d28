#pragma once
// Reads Loki query API responses (/loki/api/v1/query_range and query) into the telemetry
// stores. resultType "streams": every entry [ns-string, line] or [ns-string, line, metadata]
// becomes a log record of its stream (the stream's labels); the third element is either
// {"structuredMetadata": {...}, "parsed": {...}} (categorised labels) or a flat map of
// structured metadata, and becomes attributes. Severity comes from level/detected_level/
// severity labels or metadata, trace and span IDs from explicit trace_id/traceID/... metadata.
// Entries are kept in the order given (Loki returns newest first); exact duplicates are kept
// and counted. resultType "matrix"/"vector" (metric queries) are read as Prometheus results.
// The envelope (status, warnings, error) is Prometheus'. Runs on the import job's thread.
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

model::Status importLokiApiJson(const TelemetryInput& input, TelemetryTarget& target,
                                const TelemetryImportOptions& options = {});

} // namespace tg::import
