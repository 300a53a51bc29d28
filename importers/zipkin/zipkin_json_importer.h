#pragma once
// Reads Zipkin v2 JSON (DESIGN §3, fixtures/zipkin) in the shapes Zipkin tools write:
//  - span array       [span,...]                 (POST /api/v2/spans, GET /api/v2/trace/{id})
//  - array of traces  [[span,...],[span,...]]    (GET /api/v2/traces)
//  - a single span    {...}                      (one or more top-level objects, e.g. JSON Lines)
// IDs are 16/32 hex digits, times µs. Shared SERVER halves keep the CLIENT's ID and are flagged
// SpanInput::shared; the trace structure pairs them. Bad spans (not an object, no traceId/id)
// are counted as diagnostics and skipped; truncated or non-JSON input is a fatal error.
// One importer per job; runs on that job's thread.
#include "importers/common/import_types.h"
#include "importers/common/json_record_loop.h"
#include "models/dataset/span_sink.h"

namespace tg::import {

model::Status importZipkinJson(const JsonInput& input, model::SpanSink& sink,
                               const ImportOptions& options = {});

} // namespace tg::import
