#pragma once
// Maps decoded OTLP protobuf trace messages onto a SpanSink (DESIGN §3): one sink resource per
// ResourceSpans (service.name, else "unknown"), one SpanInput per Span. Shared by the .pb file
// importer and the live OTLP/gRPC receiver, so it does no I/O and knows no file format.
//
// Mapping: IDs from raw bytes (16/8 bytes; other sizes hashed and flagged by the sink; empty
// parent = root); name -> operation; kind and status code by OTLP number; duration = end -
// start (end before start: "negative_duration", 0; no end: "missing_end_time", 0); events with
// their attributes; links as RefType::Link; the scope as otel.scope.name / otel.scope.version
// and a status message as otel.status_description span attributes. Attribute values: string,
// bool, int, double as such, bytes as base64 text, arrays and kvlists as compact JSON text.
// Stateless; call from the thread that owns the sink.
#include <string_view>

#include "models/dataset/span_sink.h"

namespace opentelemetry::proto::collector::trace::v1 {
class ExportTraceServiceRequest;
}
namespace opentelemetry::proto::trace::v1 {
class ResourceSpans;
}
namespace opentelemetry::proto::common::v1 {
class AnyValue;
}

namespace tg::import {

// `sourceLabel` (a file name, "grpc 10.0.0.7:4317") prefixes diagnostic samples.
void addExportRequest(
    const opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest& request,
    model::SpanSink& sink, std::string_view sourceLabel = {});
void addResourceSpans(const opentelemetry::proto::trace::v1::ResourceSpans& resourceSpans,
                      model::SpanSink& sink, std::string_view sourceLabel = {});

// Renders an AnyValue as compact JSON (strings escaped, bytes as base64 strings, non-finite
// doubles as "NaN"/"Infinity"/"-Infinity" strings, an empty AnyValue as null).
void appendAnyValueJson(const opentelemetry::proto::common::v1::AnyValue& value, std::string& out);
// Standard base64 with padding.
void appendBase64(std::string_view bytes, std::string& out);

} // namespace tg::import
