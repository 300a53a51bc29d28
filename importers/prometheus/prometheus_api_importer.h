#pragma once
// Reads Prometheus HTTP API responses (/api/v1/query and /api/v1/query_range, DESIGN §1) into
// the telemetry stores. The envelope is shared with Loki's query API: `status` ("success",
// Jaeger's "warning", or "error" with errorType/error, which fails the import with the server's
// message), `warnings`/`infos` (counted diagnostics) and `data` (handed to the format's reader).
// Members may come in any order; a malformed `data` object fails the import at its line.
// Runs on the import job's thread.
#include <functional>

#include <simdjson.h>

#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

using QueryDataParser =
    std::function<void(simdjson::ondemand::document& data, const JsonRecord& record)>;

model::Status readQueryEnvelope(const TelemetryInput& input, TelemetryTarget& target,
                                const TelemetryImportOptions& options,
                                const QueryDataParser& parseData);

model::Status importPrometheusApiJson(const TelemetryInput& input, TelemetryTarget& target,
                                      const TelemetryImportOptions& options = {});

} // namespace tg::import
