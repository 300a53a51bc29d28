#include "importers/common/format_sniffer.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace tg::import {

const char* formatName(Format format) {
    switch (format) {
    case Format::Unknown:
        return "unknown";
    case Format::JaegerJson:
        return "jaeger-json";
    case Format::OtlpJson:
        return "otlp-json";
    case Format::OtlpProtobuf:
        return "otlp-protobuf";
    case Format::ZipkinJson:
        return "zipkin-json";
    case Format::Workspace:
        return "workspace";
    }
    return "unknown";
}

namespace {

bool has(std::string_view head, std::string_view needle) {
    return head.find(needle) != std::string_view::npos;
}

// A JSON key, tolerant of the white space some pretty-printers put before the colon.
bool hasKey(std::string_view head, std::string_view key) {
    std::string quoted = "\"" + std::string(key) + "\"";
    size_t at = 0;
    while ((at = head.find(quoted, at)) != std::string_view::npos) {
        at += quoted.size();
        size_t p = at;
        while (p < head.size() &&
               (head[p] == ' ' || head[p] == '\t' || head[p] == '\n' || head[p] == '\r'))
            ++p;
        if (p >= head.size() || head[p] == ':') return true;
    }
    return false;
}

// Protobuf ExportTraceServiceRequest: field 1 (resource_spans), wire type 2, then a varint
// length that fits in the file; inside, field 1 (resource) or 2 (scope_spans), wire type 2.
bool looksLikeOtlpProtobuf(std::string_view head) {
    if (head.size() < 4 || static_cast<unsigned char>(head[0]) != 0x0A) return false;
    size_t i = 1;
    uint64_t len = 0;
    for (int shift = 0; i < head.size() && shift < 35; shift += 7, ++i) {
        const auto b = static_cast<unsigned char>(head[i]);
        len |= uint64_t{b & 0x7Fu} << shift;
        if (!(b & 0x80)) {
            ++i;
            break;
        }
    }
    if (len == 0 || i >= head.size()) return false;
    const auto inner = static_cast<unsigned char>(head[i]);
    return inner == 0x0A || inner == 0x12 || inner == 0x1A;
}

} // namespace

SniffResult sniffContent(std::string_view head) {
    SniffResult r;
    if (head.starts_with(std::string_view("SQLite format 3\0", 16))) {
        r.format = Format::Workspace;
        return r;
    }
    std::string_view text = head;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        r.reason = head.empty() ? "the file is empty" : "the file holds only white space";
        return r;
    }
    const char c = text[first];
    if (c == '{' || c == '[') {
        if (hasKey(text, "resourceSpans") || hasKey(text, "resource_spans") ||
            hasKey(text, "batches") || hasKey(text, "scopeSpans") || hasKey(text, "scope_spans")) {
            r.format = Format::OtlpJson;
        } else if (hasKey(text, "resourceLogs") || hasKey(text, "resourceMetrics")) {
            r.reason = "OTLP logs or metrics JSON; this command reads traces";
        } else if (hasKey(text, "operationName") &&
                   (hasKey(text, "traceID") || hasKey(text, "traceId") || hasKey(text, "spanID"))) {
            r.format = Format::JaegerJson;
        } else if (hasKey(text, "localEndpoint") || hasKey(text, "remoteEndpoint") ||
                   (hasKey(text, "traceId") && hasKey(text, "id"))) {
            r.format = Format::ZipkinJson;
        } else if (hasKey(text, "data") && hasKey(text, "traceID")) {
            r.format = Format::JaegerJson; // query API envelope whose first span is further on
        } else if (has(text, "\"status\"") && has(text, "\"resultType\"")) {
            r.reason = "a Prometheus API response; this command reads traces";
        } else {
            r.reason = "JSON, but no trace format's keys (resourceSpans, operationName, "
                       "localEndpoint) were found in its first bytes";
        }
        return r;
    }
    if (looksLikeOtlpProtobuf(text)) {
        r.format = Format::OtlpProtobuf;
        return r;
    }
    r.reason = "neither JSON nor an OTLP protobuf message";
    return r;
}

model::Result<Format> sniffFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        model::Error e;
        e.code = model::ErrorCode::CannotOpen;
        e.detail = std::string("cannot open: ") + std::strerror(errno);
        e.path = path;
        return e;
    }
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    const SniffResult r = sniffContent(head);
    if (r.format == Format::Unknown) {
        model::Error e;
        e.code = model::ErrorCode::UnknownFormat;
        e.detail = "unrecognised format: " + r.reason;
        e.path = path;
        e.offset = 0;
        return e;
    }
    return r.format;
}

} // namespace tg::import
