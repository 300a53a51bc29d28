#include "app/demo/demo_log_writer.h"

#include <algorithm>
#include <ctime>

#include "app/demo/demo_text.h"

namespace tg::app::demo {
namespace {

// The trace/span ID keys of a service's logging library.
struct IdKeys {
    const char* trace;
    const char* span;
};

IdKeys idKeys(const Service& s, bool json) {
    if (!json)
        return s.language == Language::Java ? IdKeys{"trace_id", "span_id"}
                                            : IdKeys{"traceID", "spanID"};
    return s.language == Language::NodeJs ? IdKeys{"traceId", "spanId"}
                                          : IdKeys{"trace_id", "span_id"};
}

// logfmt value: bare when it has no space, quote or '=', else quoted with \" and \\ escapes.
void appendLogfmtValue(std::string& out, std::string_view value) {
    const bool quote = value.empty() || value.find_first_of(" \"=\\") != std::string_view::npos;
    if (!quote) {
        out.append(value);
        return;
    }
    out.push_back('"');
    for (const char c : value) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendJsonString(std::string& out, std::string_view value) {
    out.push_back('"');
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += format("\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

} // namespace

std::string rfc3339Nanos(int64_t ns) {
    const int64_t secs = ns >= 0 ? ns / 1'000'000'000 : (ns - 999'999'999) / 1'000'000'000;
    const int64_t frac = ns - secs * 1'000'000'000;
    const time_t t = static_cast<time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return format("%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(frac));
}

bool logsJson(const Service& service) {
    return service.language == Language::Go || service.language == Language::NodeJs;
}

void renderLogLine(const Topology& topology, const DemoLogLine& line, bool json, std::string& out) {
    const Service& s = topology.services[line.service];
    const Pod& pod = s.pods[line.pod];
    const IdKeys keys = idKeys(s, json);
    out.clear();
    if (json) {
        out += "{\"ts\":\"" + rfc3339Nanos(line.timeNs) + "\",\"level\":\"" + line.level +
               "\",\"service\":";
        appendJsonString(out, s.name);
        out += ",\"namespace\":";
        appendJsonString(out, s.nameSpace);
        out += ",\"pod\":";
        appendJsonString(out, pod.name);
        out += ",\"msg\":";
        appendJsonString(out, line.message);
        if (line.hasTrace()) {
            out += format(",\"%s\":\"", keys.trace);
            appendHex(out, line.traceHi);
            appendHex(out, line.traceLo);
            out += format("\",\"%s\":\"", keys.span);
            appendHex(out, line.spanId);
            out += '"';
        }
        out += '}';
        return;
    }
    out += "ts=" + rfc3339Nanos(line.timeNs) + " level=" + line.level + " service=";
    appendLogfmtValue(out, s.name);
    out += " namespace=";
    appendLogfmtValue(out, s.nameSpace);
    out += " pod=";
    appendLogfmtValue(out, pod.name);
    if (line.hasTrace()) {
        out += format(" %s=", keys.trace);
        appendHex(out, line.traceHi);
        appendHex(out, line.traceLo);
        out += format(" %s=", keys.span);
        appendHex(out, line.spanId);
    }
    out += " msg=";
    appendLogfmtValue(out, line.message);
}

model::Status DemoLogWriter::open(const std::string& path) {
    return m_out.open(path);
}

void DemoLogWriter::add(const DemoLogLine& line) {
    ++m_lines;
    if (m_format == DemoLogFormat::Loki) {
        renderLogLine(m_topology, line, logsJson(m_topology.services[line.service]), m_text);
        m_streams[{line.service, line.pod}].emplace_back(line.timeNs, m_text);
        return;
    }
    renderLogLine(m_topology, line, m_format == DemoLogFormat::JsonLines, m_text);
    m_out.raw(m_text);
    m_out.raw('\n');
}

void DemoLogWriter::writeLoki() {
    m_out.raw("{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[");
    bool firstStream = true;
    for (auto& [key, entries] : m_streams) {
        const Service& s = m_topology.services[key.first];
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        m_out.raw(firstStream ? "\n{\"stream\":{\"service_name\":"
                              : ",\n{\"stream\":{\"service_name\":");
        firstStream = false;
        m_out.string(s.name);
        m_out.raw(",\"namespace\":");
        m_out.string(s.nameSpace);
        m_out.raw(",\"pod\":");
        m_out.string(s.pods[key.second].name);
        m_out.raw("},\"values\":[");
        for (size_t i = 0; i < entries.size(); ++i) {
            m_out.raw(i ? ",[" : "[");
            m_out.quotedInteger(entries[i].first);
            m_out.raw(',');
            m_out.string(entries[i].second);
            m_out.raw(']');
        }
        m_out.raw("]}");
    }
    m_out.raw("\n],\"stats\":{}}}\n");
}

model::Status DemoLogWriter::close() {
    if (m_format == DemoLogFormat::Loki) writeLoki();
    return m_out.close();
}

} // namespace tg::app::demo
