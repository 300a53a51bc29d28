#pragma once
// Recognises a telemetry file by its content, never by its name: reads the first bytes and looks
// for the keys each format must have (OTLP resourceSpans/batches, Jaeger operationName with
// traceID/spanID, Zipkin localEndpoint/traceId+id), the SQLite header of a workspace, or a
// protobuf ExportTraceServiceRequest. Pure; thread-safe.
//
// sniffContentKind() also recognises the metrics and logs formats (issue 4): OTLP metrics/logs
// JSON, Prometheus and Loki query API responses, Prometheus text and OpenMetrics exposition,
// JSON-lines, logfmt and timestamped plain-text logs, and CSV tables of logs or metrics.
// sniffContent() keeps answering for trace importers only (telemetry formats are Unknown there,
// with a reason saying what the file is).
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

enum class TelemetryFormat {
    Unknown,
    PrometheusApiJson, // /api/v1/query and query_range responses (also Loki's matrix/vector)
    PrometheusText,    // text exposition 0.0.4
    OpenMetricsText,   // OpenMetrics 1.0 text (ends with "# EOF")
    OtlpMetricsJson,
    OtlpLogsJson,
    LokiApiJson, // /loki/api/v1/query_range with resultType streams
    JsonLinesLogs,
    LogfmtLogs,
    PlainTextLogs, // lines starting with a timestamp
    CsvLogs,       // a CSV table with a time column and a message/log column
    CsvMetrics,    // a CSV table with a time column and numeric value columns
};
const char* telemetryFormatName(TelemetryFormat format); // "prometheus-api-json", ...

// What a file holds: a trace format, a telemetry format, or neither (with the reason).
struct ContentKind {
    Format trace = Format::Unknown;
    TelemetryFormat telemetry = TelemetryFormat::Unknown;
    std::string reason;
    bool isTrace() const { return trace != Format::Unknown; }
    bool isTelemetry() const { return telemetry != TelemetryFormat::Unknown; }
};

// `head` is the start of the content (64 KiB is plenty), `tail` its last bytes when the head
// does not reach the end (OpenMetrics is told apart from Prometheus text by its "# EOF").
ContentKind sniffContentKind(std::string_view head, std::string_view tail = {});
// Reads the head and tail of a file; CannotOpen, or UnknownFormat naming why, as errors.
model::Result<ContentKind> sniffFileKind(const std::string& path);

} // namespace tg::import
