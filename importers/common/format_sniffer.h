#pragma once
// Recognises a telemetry file by its content, never by its name: reads the first bytes and looks
// for the keys each format must have (OTLP resourceSpans/batches, Jaeger operationName with
// traceID/spanID, Zipkin localEndpoint/traceId+id), the SQLite header of a workspace, or a
// protobuf ExportTraceServiceRequest. Pure; thread-safe.
#include <string>
#include <string_view>

#include "importers/common/import_types.h"

namespace tg::import {

struct SniffResult {
    Format format = Format::Unknown;
    std::string reason; // why it is not a supported format (for the error message)
};

SniffResult sniffContent(std::string_view head);
model::Result<Format> sniffFile(const std::string& path);

} // namespace tg::import
