#pragma once
// Log lines of the demo incident and the files they go to (issue 4): each line belongs to a
// service's pod and, when the request was traced, carries its trace and span IDs. Services
// written in Go and Node.js log JSON, the others logfmt, each with the trace-ID key its
// ecosystem uses (trace_id, traceId, traceID). Three file shapes:
//   - JSON Lines: one JSON object per line (every service),
//   - logfmt: one logfmt line per line (every service),
//   - Loki: a /loki/api/v1/query_range "streams" response, one stream per pod (labels
//     service_name, namespace, pod), each line in its service's own style, so the IDs are only
//     inside the text (derived fields find them).
// JSON Lines and logfmt are streamed; Loki buffers the lines per stream until close().
// Not thread-safe: one writer per file.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/demo/demo_topology.h"
#include "app/demo/json_stream_writer.h"
#include "models/core/result.h"

namespace tg::app::demo {

enum class DemoLogFormat : uint8_t { JsonLines, Logfmt, Loki };

struct DemoLogLine {
    int64_t timeNs = 0;
    uint32_t service = 0, pod = 0;
    const char* level = "info"; // "info", "warn", "error"
    std::string message;
    uint64_t traceHi = 0, traceLo = 0; // both 0: the line names no trace
    uint64_t spanId = 0;
    bool hasTrace() const { return traceHi != 0 || traceLo != 0; }
};

// "2025-03-14T09:00:01.123456789Z" (always nine fraction digits).
std::string rfc3339Nanos(int64_t ns);
// The line's text in its service's style (no newline); `json` picks JSON over logfmt.
void renderLogLine(const Topology& topology, const DemoLogLine& line, bool json, std::string& out);
// Whether the service logs JSON (Go and Node.js services) rather than logfmt.
bool logsJson(const Service& service);

class DemoLogWriter {
public:
    DemoLogWriter(const Topology& topology, DemoLogFormat format)
        : m_topology(topology), m_format(format) {}
    model::Status open(const std::string& path);
    void add(const DemoLogLine& line);
    model::Status close(); // Loki: writes the buffered streams
    uint64_t lines() const { return m_lines; }
    uint64_t bytesWritten() const { return m_out.bytesWritten(); }

private:
    void writeLoki();

    const Topology& m_topology;
    DemoLogFormat m_format;
    JsonStreamWriter m_out;
    std::string m_text; // scratch
    uint64_t m_lines = 0;
    // Loki: (service, pod) -> (time, line) entries.
    std::map<std::pair<uint32_t, uint32_t>, std::vector<std::pair<int64_t, std::string>>> m_streams;
};

} // namespace tg::app::demo
