#pragma once
// Reads JSON-lines log files (one JSON object per line: zap, logrus, pino, bunyan, ECS, Docker
// json-file, ...) into a LogStore, line by line with bounded memory (text_line_reader.h), each
// line parsed in place by simdjson On-Demand. Fields map to the record by log_fields.h's rules;
// explicit trace/span ID fields (trace_id, traceId, traceID, trace.id, span_id, ...) fill the
// ID columns. A line that is not a JSON object is kept as a record whose body is the raw line,
// and counted ("not_json", naming the line). Runs on the import job's thread.
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

model::Status importJsonLinesLogs(const TelemetryInput& input, TelemetryTarget& target,
                                  const TelemetryImportOptions& options = {});

} // namespace tg::import
