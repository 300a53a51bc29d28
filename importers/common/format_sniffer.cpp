#include "importers/common/format_sniffer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "importers/common/span_csv_columns.h"

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
    case Format::SpanCsv:
        return "csv-spans";
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

bool looksLikeSpanCsv(std::string_view text); // with the CSV helpers below

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
    if (looksLikeSpanCsv(text.substr(first))) {
        r.format = Format::SpanCsv;
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

// ---- metrics and logs (issue 4) ---------------------------------------------------------------

namespace tg::import {

const char* telemetryFormatName(TelemetryFormat format) {
    switch (format) {
    case TelemetryFormat::Unknown:
        return "unknown";
    case TelemetryFormat::PrometheusApiJson:
        return "prometheus-api-json";
    case TelemetryFormat::PrometheusText:
        return "prometheus-text";
    case TelemetryFormat::OpenMetricsText:
        return "openmetrics-text";
    case TelemetryFormat::OtlpMetricsJson:
        return "otlp-metrics-json";
    case TelemetryFormat::OtlpLogsJson:
        return "otlp-logs-json";
    case TelemetryFormat::LokiApiJson:
        return "loki-api-json";
    case TelemetryFormat::JsonLinesLogs:
        return "json-lines-logs";
    case TelemetryFormat::LogfmtLogs:
        return "logfmt-logs";
    case TelemetryFormat::PlainTextLogs:
        return "plain-text-logs";
    case TelemetryFormat::CsvLogs:
        return "csv-logs";
    case TelemetryFormat::CsvMetrics:
        return "csv-metrics";
    }
    return "unknown";
}

namespace {

bool isJsonSpaceChar(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isSpaceTab(char c) {
    return c == ' ' || c == '\t';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigitChar(char c) {
    return c >= '0' && c <= '9';
}

// The string value of the first "key" in a JSON text, or "" (no unescaping; sniffing only).
std::string_view jsonStringValue(std::string_view text, std::string_view key) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    size_t at = text.find(quoted);
    if (at == std::string_view::npos) return {};
    at += quoted.size();
    while (at < text.size() && (isJsonSpaceChar(text[at]) || text[at] == ':'))
        ++at;
    if (at >= text.size() || text[at] != '"') return {};
    const size_t end = text.find('"', at + 1);
    return end == std::string_view::npos ? std::string_view{} : text.substr(at + 1, end - at - 1);
}

// The first `count` non-blank lines. A last line without "\n" may be cut off where the head
// ends, so it is left out unless it is the only one or `keepLast` says the text is complete.
std::vector<std::string_view> firstLines(std::string_view text, size_t count,
                                         bool keepLast = false) {
    std::vector<std::string_view> lines;
    size_t pos = 0;
    while (pos < text.size() && lines.size() < count) {
        const size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos && !lines.empty() && !keepLast) break;
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return lines;
}

// A complete JSON object on one line with a log-like key and none of the trace formats' keys.
bool looksLikeJsonLogLine(std::string_view line) {
    while (!line.empty() && isSpaceTab(line.back()))
        line.remove_suffix(1);
    if (line.empty() || line.front() != '{' || line.back() != '}') return false;
    for (std::string_view traceKey : {"resourceSpans", "operationName", "localEndpoint",
                                      "remoteEndpoint", "spans", "batches", "scopeSpans"})
        if (hasKey(line, traceKey)) return false;
    for (std::string_view key : {"msg", "message", "log", "body", "@message", "level", "severity",
                                 "lvl", "Message", "Level"})
        if (hasKey(line, key)) return true;
    return false;
}

ContentKind sniffJson(std::string_view text, std::string_view head) {
    ContentKind k;
    if (hasKey(text, "resourceMetrics") || hasKey(text, "resource_metrics")) {
        k.telemetry = TelemetryFormat::OtlpMetricsJson;
    } else if (hasKey(text, "resourceLogs") || hasKey(text, "resource_logs")) {
        k.telemetry = TelemetryFormat::OtlpLogsJson;
    } else if (hasKey(text, "status") &&
               (hasKey(text, "resultType") || hasKey(text, "errorType"))) {
        k.telemetry = jsonStringValue(text, "resultType") == "streams"
                          ? TelemetryFormat::LokiApiJson
                          : TelemetryFormat::PrometheusApiJson;
    } else if (const auto lines = firstLines(text, 1);
               !lines.empty() && looksLikeJsonLogLine(lines[0])) {
        k.telemetry = TelemetryFormat::JsonLinesLogs;
    } else {
        const SniffResult trace = sniffContent(head);
        k.trace = trace.format;
        if (!k.isTrace())
            k.reason = "JSON, but neither a trace format's keys (resourceSpans, operationName, "
                       "localEndpoint) nor a metrics/logs format's (resourceMetrics, "
                       "resourceLogs, resultType, a log line's msg/level) were found in its "
                       "first bytes";
    }
    return k;
}

// Sniffing-level number check: digits/sign/dot/exponent, or NaN/Inf spellings.
bool looksLikeNumber(std::string_view t) {
    if (t.empty()) return false;
    std::string lower;
    for (char c : t)
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view s : {"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"})
        if (lower == s) return true;
    bool digit = false;
    for (char c : t) {
        if (isDigitChar(c))
            digit = true;
        else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E')
            return false;
    }
    return digit;
}

// `name{labels} value [timestamp] [# {exemplar} ...]`; sets `openMetrics` on an exemplar.
bool looksLikeMetricLine(std::string_view line, bool& openMetrics) {
    size_t i = 0;
    if (i >= line.size() || !(isAlpha(line[i]) || line[i] == '_' || line[i] == ':')) return false;
    while (i < line.size() &&
           (isAlpha(line[i]) || isDigitChar(line[i]) || line[i] == '_' || line[i] == ':'))
        ++i;
    if (i < line.size() && line[i] == '{') {
        bool quoted = false;
        for (++i; i < line.size(); ++i) {
            if (quoted && line[i] == '\\')
                ++i;
            else if (line[i] == '"')
                quoted = !quoted;
            else if (!quoted && line[i] == '}')
                break;
        }
        if (i >= line.size()) return false;
        ++i;
    }
    std::vector<std::string_view> tokens;
    while (i < line.size()) {
        while (i < line.size() && isSpaceTab(line[i]))
            ++i;
        const size_t start = i;
        while (i < line.size() && !isSpaceTab(line[i]))
            ++i;
        if (i > start) tokens.push_back(line.substr(start, i - start));
        if (tokens.size() == 3 && tokens[2] == "#") {
            openMetrics = true; // exemplar: the rest is its label set and value
            return looksLikeNumber(tokens[0]) && looksLikeNumber(tokens[1]);
        }
        if (tokens.size() == 2 && tokens[1] == "#") {
            openMetrics = true;
            return looksLikeNumber(tokens[0]);
        }
    }
    if (tokens.empty() || tokens.size() > 2 || !looksLikeNumber(tokens[0])) return false;
    return tokens.size() == 1 || looksLikeNumber(tokens[1]);
}

bool isEofLine(std::string_view line) {
    return line == "# EOF";
}

// Prometheus text or OpenMetrics: every one of the first lines is a metadata comment or a
// sample. OpenMetrics shows itself by "# EOF", "# UNIT", its own types or exemplars.
TelemetryFormat sniffExposition(const std::vector<std::string_view>& lines, std::string_view tail) {
    bool openMetrics = false, metadata = false;
    size_t good = 0, bad = 0;
    for (std::string_view line : lines) {
        while (!line.empty() && isSpaceTab(line.back()))
            line.remove_suffix(1);
        if (isEofLine(line)) {
            openMetrics = true;
            break;
        }
        if (line.starts_with("#")) {
            if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) metadata = true;
            if (line.starts_with("# UNIT ")) metadata = openMetrics = true;
            if (line.starts_with("# TYPE ") &&
                (line.ends_with(" info") || line.ends_with(" stateset") ||
                 line.ends_with(" gaugehistogram")))
                openMetrics = true;
            continue;
        }
        // A broken line among many good ones is still an exposition (its reader reports the
        // line); the first sample line must be good.
        if (looksLikeMetricLine(line, openMetrics))
            ++good;
        else if (good == 0)
            return TelemetryFormat::Unknown;
        else
            ++bad;
    }
    if (bad * 4 > good) return TelemetryFormat::Unknown;
    const bool sample = good > 0;
    if (!sample && !metadata && !openMetrics) return TelemetryFormat::Unknown;
    // The tail may start mid-line; its complete lines are all we need ("# EOF" is the last).
    for (std::string_view line : firstLines(tail, 1u << 20, true))
        if (isEofLine(line)) openMetrics = true;
    return openMetrics ? TelemetryFormat::OpenMetricsText : TelemetryFormat::PrometheusText;
}

// At least two key=value pairs, with keys made of word characters.
bool looksLikeLogfmtLine(std::string_view line) {
    size_t i = 0, pairs = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        if (i == line.size()) break;
        const size_t keyStart = i;
        while (i < line.size() && line[i] != '=' && line[i] != ' ' && line[i] != '"')
            ++i;
        if (i == keyStart) return false;
        if (i == line.size() || line[i] != '=') {
            if (i < line.size() && line[i] == '"') return false;
            continue; // bare key
        }
        ++i;
        ++pairs;
        if (i < line.size() && line[i] == '"') {
            for (++i; i < line.size() && line[i] != '"'; ++i)
                if (line[i] == '\\') ++i;
            if (i >= line.size()) return false;
            ++i;
        } else {
            while (i < line.size() && line[i] != ' ')
                ++i;
        }
    }
    return pairs >= 2;
}

bool startsWithTimestamp(std::string_view line) {
    if (!line.empty() && line[0] == '[') line.remove_prefix(1);
    // 2006-01-02T15:04:05 / 2006-01-02 15:04:05 / 2006/01/02 15:04:05
    if (line.size() >= 19 && isDigitChar(line[0]) && isDigitChar(line[3]) &&
        (line[4] == '-' || line[4] == '/') && line[7] == line[4] &&
        (line[10] == 'T' || line[10] == ' ') && line[13] == ':' && line[16] == ':')
        return true;
    // syslog: "Jan  2 15:04:05"
    static constexpr std::string_view kMonths[] = {"Jan ", "Feb ", "Mar ", "Apr ", "May ", "Jun ",
                                                   "Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec "};
    for (std::string_view m : kMonths)
        if (line.starts_with(m) && line.size() >= 15 && line[9] == ':' && line[12] == ':')
            return true;
    // epoch seconds (10 digits) or milliseconds (13), optionally with a fraction
    size_t digits = 0;
    while (digits < line.size() && isDigitChar(line[digits]))
        ++digits;
    return (digits == 10 || digits == 13) &&
           (digits == line.size() || line[digits] == ' ' || line[digits] == '.');
}

std::vector<std::string_view> splitCsvHeader(std::string_view line) {
    std::vector<std::string_view> cells;
    size_t pos = 0;
    while (true) {
        const size_t comma = line.find(',', pos);
        cells.push_back(line.substr(pos, comma == line.npos ? line.npos : comma - pos));
        if (comma == line.npos) break;
        pos = comma + 1;
    }
    return cells;
}

std::string lowerText(std::string_view t) {
    std::string s(t);
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool isTimeColumn(std::string_view name) {
    const std::string n = lowerText(name);
    return n == "timestamp" || n == "time" || n == "ts" || n == "timeunixnano" || n == "date" ||
           n == "datetime" || n == "@timestamp";
}

// A header of plain column names ("TimeStamp", "CpuUsage(m)", "SuccessRate(%)").
bool looksLikeCsvHeader(const std::vector<std::string_view>& cells) {
    if (cells.size() < 2) return false;
    for (std::string_view c : cells) {
        if (c.size() >= 2 && c.front() == '"' && c.back() == '"') c = c.substr(1, c.size() - 2);
        if (c.empty() || !(isAlpha(c[0]) || c[0] == '_' || c[0] == '@')) return false;
        for (char ch : c)
            if (!(isAlpha(ch) || isDigitChar(ch) || ch == '_' || ch == '(' || ch == ')' ||
                  ch == '%' || ch == '.' || ch == '/' || ch == '-' || ch == ' ' || ch == '@'))
                return false;
    }
    return true;
}

// A CSV header naming a span table's columns (span_csv_columns.h) on the first line.
bool looksLikeSpanCsv(std::string_view text) {
    const auto lines = firstLines(text, 1, true);
    if (lines.empty() || lines[0].find(',') == std::string_view::npos ||
        lines[0].find('\0') != std::string_view::npos)
        return false;
    return classifySpanCsvHeader(splitCsvHeader(lines[0])).usable();
}

ContentKind sniffCsv(const std::vector<std::string_view>& lines) {
    ContentKind k;
    const auto header = splitCsvHeader(lines[0]);
    bool time = false, message = false;
    for (std::string_view c : header) {
        time = time || isTimeColumn(c);
        const std::string n = lowerText(c);
        message = message || n == "log" || n == "message" || n == "msg" || n == "body" ||
                  n == "content" || n == "line";
    }
    if (time && message) {
        k.telemetry = TelemetryFormat::CsvLogs;
        return k;
    }
    if (time && lines.size() > 1) {
        const auto row = splitCsvHeader(lines[1]);
        for (size_t i = 0; i < row.size() && i < header.size(); ++i)
            if (!isTimeColumn(header[i]) && looksLikeNumber(row[i])) {
                k.telemetry = TelemetryFormat::CsvMetrics;
                return k;
            }
    }
    k.reason = time ? "a CSV table with a time column but no message column and no numeric "
                      "value columns"
                    : "a CSV table without a time column (Timestamp, TimeStamp, time, ts) — "
                      "e.g. a span table or a dependency list";
    return k;
}

ContentKind sniffText(std::string_view text, std::string_view tail) {
    ContentKind k;
    const auto lines = firstLines(text, 64);
    if (lines.empty()) {
        k.reason = "no complete line in the first bytes";
        return k;
    }
    if (lines[0].find(',') != std::string_view::npos &&
        looksLikeCsvHeader(splitCsvHeader(lines[0])))
        return sniffCsv(lines);
    if ((k.telemetry = sniffExposition(lines, tail)) != TelemetryFormat::Unknown) return k;
    if (looksLikeLogfmtLine(lines[0])) {
        k.telemetry = TelemetryFormat::LogfmtLogs;
    } else if (startsWithTimestamp(lines[0])) {
        k.telemetry = TelemetryFormat::PlainTextLogs;
    } else {
        k.reason = "text, but not a metrics exposition, logfmt, or log lines starting with a "
                   "timestamp (first line: \"" +
                   std::string(lines[0].substr(0, 60)) + "\")";
    }
    return k;
}

} // namespace

ContentKind sniffContentKind(std::string_view head, std::string_view tail) {
    ContentKind k;
    if (head.starts_with(std::string_view("SQLite format 3\0", 16))) {
        k.trace = Format::Workspace;
        return k;
    }
    std::string_view text = head;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        k.reason = head.empty() ? "the file is empty" : "the file holds only white space";
        return k;
    }
    if (text[first] == '{' || text[first] == '[') return sniffJson(text.substr(first), head);
    if (const SniffResult trace = sniffContent(head); trace.format != Format::Unknown) {
        k.trace = trace.format; // OTLP protobuf
        return k;
    }
    if (text.find('\0') != std::string_view::npos) {
        k.reason = "binary content that is not an OTLP protobuf message";
        return k;
    }
    return sniffText(text, tail.empty() ? text : tail);
}

model::Result<ContentKind> sniffFileKind(const std::string& path) {
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
    std::string tail;
    if (head.size() == 64 * 1024) { // the end is further on: read the last 4 KiB for "# EOF"
        in.clear();
        in.seekg(0, std::ios::end);
        const auto size = static_cast<int64_t>(in.tellg());
        const int64_t from = std::max<int64_t>(size - 4096, 0);
        in.seekg(from);
        tail.resize(static_cast<size_t>(size - from));
        in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
        tail.resize(static_cast<size_t>(in.gcount()));
    }
    ContentKind k = sniffContentKind(head, tail);
    if (!k.isTrace() && !k.isTelemetry()) {
        model::Error e;
        e.code = model::ErrorCode::UnknownFormat;
        e.detail = "unrecognised format: " + k.reason;
        e.path = path;
        e.offset = 0;
        return e;
    }
    return k;
}

} // namespace tg::import
