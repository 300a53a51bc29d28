#pragma once
// Reads logfmt log files (key=value pairs per line, values quoted with "..." and \" \\ \n
// escapes when they hold spaces; Go kit / Loki / Grafana Agent style) into a LogStore, line by
// line. Fields map to the record by log_fields.h's rules (ts= time, level=, msg=, traceID=,
// spanID=, ...); a line without a msg field keeps the whole line as its body. A line without
// any key=value pair is kept as plain text and counted ("not_logfmt"). Runs on the import
// job's thread.
#include "importers/logs/log_fields.h"
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

// Splits one logfmt line into fields (views into `line`, or into `out`'s arena when
// unescaped). Returns the number of key=value pairs (bare keys count as fields, not pairs).
size_t parseLogfmt(std::string_view line, LogFields& out);

model::Status importLogfmtLogs(const TelemetryInput& input, TelemetryTarget& target,
                               const TelemetryImportOptions& options = {});

} // namespace tg::import
