#pragma once
// Reads Jaeger JSON in every envelope Jaeger tools write (DESIGN §3, fixtures/jaeger):
//  - query API   {"data":[trace,...], "total":..., "errors":...}
//  - bare trace  {"traceID":..., "spans":[...], "processes":{...}}  (UI "Trace JSON" download)
//  - span array  [span,...] with an inline "process" per span (jaeger-anonymizer)
//  - api_v2      {"spans":[...]} with base64 IDs, RFC 3339 start times, Go duration strings
// Parent = first CHILD_OF reference into the same trace (else a FOLLOWS_FROM one, flagged);
// other references become links. Times in µs (numbers) or RFC 3339 become ns.
// One importer per job; runs on that job's thread.
#include "importers/common/import_types.h"
#include "importers/common/json_record_loop.h"
#include "models/dataset/span_sink.h"

namespace tg::import {

model::Status importJaegerJson(const JsonInput& input, model::SpanSink& sink,
                               const ImportOptions& options = {});

} // namespace tg::import
