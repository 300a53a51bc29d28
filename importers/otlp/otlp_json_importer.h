#pragma once
// Reads OTLP JSON traces (DESIGN §3, fixtures/otlp): one ExportTraceServiceRequest, JSON Lines
// of requests (the Collector's file exporter), Tempo's {"batches":[...]}; camelCase and
// snake_case keys; intValue as string or number; kind/status as number or enum name; trace and
// span IDs in hex of any case or base64. Each ResourceSpans is one record, so memory stays
// bounded by the largest batch, not the file. Runs on the import job's thread.
#include "importers/common/import_types.h"
#include "importers/common/json_record_loop.h"
#include "models/dataset/span_sink.h"

namespace tg::import {

model::Status importOtlpJson(const JsonInput& input, model::SpanSink& sink,
                             const ImportOptions& options = {});

} // namespace tg::import
