#pragma once
// Reads OTLP protobuf trace files (DESIGN §1): one binary ExportTraceServiceRequest, as an
// OTLP/HTTP protobuf body or a `.pb` dump holds it (TracesData has the same encoding). The
// whole message is decoded (protobuf needs it in memory), so a file larger than
// ImportOptions::maxRecordBytes (and 2 GiB, protobuf's limit) is a TooLarge error.
//
// Errors: cannot open -> CannotOpen; bytes that do not decode, or non-empty bytes holding no
// ResourceSpans (protobuf would accept them as unknown fields) -> Syntax "not a valid OTLP
// ExportTraceServiceRequest protobuf"; a string field with invalid UTF-8 also fails to decode
// (proto3 rule). Empty input is a valid empty request: no spans and an "empty_otlp_request"
// warning. The mapping itself is in otlp_proto_mapping.h. Runs on the import job's thread;
// exceptions (std::bad_alloc, ...) are caught here and returned as Internal errors.
#include <string>
#include <string_view>

#include "importers/common/import_types.h"
#include "models/dataset/span_sink.h"

namespace tg::import {

model::Status importOtlpProtobuf(const std::string& path, model::SpanSink& sink,
                                 const ImportOptions& options = {});
// Same for bytes in memory; `label` names them in errors and diagnostics (a path, "stdin").
model::Status importOtlpProtobufBytes(std::string_view bytes, const std::string& label,
                                      model::SpanSink& sink, const ImportOptions& options = {});

} // namespace tg::import
