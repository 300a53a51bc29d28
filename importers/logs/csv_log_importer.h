#pragma once
// Reads a CSV table of log records into a LogStore, by its header: a time column (TimeUnixNano
// read exactly as ns, else Timestamp/time/ts/date in any date-time or epoch spelling), a
// message column (Log/Message/msg/body/content/line), and any others — TraceID/SpanID fill the
// ID columns, PodName/Node/Container/Service/Namespace become stream labels (with the service
// derived from the pod name when no service column exists), the rest attributes. A message
// cell holding JSON (a Docker json-file line, possibly wrapping the application's own JSON
// log, as in the Nezha incident dataset) is unwrapped like a JSON-lines log line. Rows with
// fewer or more cells than the header are counted and read as far as they go. Runs on the
// import job's thread.
#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

model::Status importCsvLogs(const TelemetryInput& input, TelemetryTarget& target,
                            const TelemetryImportOptions& options = {});

} // namespace tg::import
