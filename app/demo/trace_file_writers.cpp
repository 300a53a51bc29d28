// The demo generator's file writers (declared in trace_generator.h): Jaeger query-API JSON and
// OTLP JSON Lines, both streamed one trace (or one 512-span batch) at a time.
#include <algorithm>
#include <iterator>
#include <numeric>
#include <tuple>

#include "app/demo/demo_text.h"
#include "app/demo/json_stream_writer.h"
#include "app/demo/trace_generator.h"

namespace tg::app {

using demo::JsonStreamWriter;

namespace {

constexpr size_t kOtlpSpansPerLine = 512;
constexpr std::string_view kSchemaUrl = "https://opentelemetry.io/schemas/1.24.0";

// ---- Jaeger -------------------------------------------------------------------------------

void jaegerTag(JsonStreamWriter& w, const GenAttr& a) {
    w.raw("{\"key\":");
    w.string(a.key);
    switch (a.type) {
    case GenAttr::Type::String:
        w.raw(",\"type\":\"string\",\"value\":");
        w.string(a.str);
        break;
    case GenAttr::Type::Int:
        w.raw(",\"type\":\"int64\",\"value\":");
        w.integer(a.i);
        break;
    case GenAttr::Type::Double:
        w.raw(",\"type\":\"float64\",\"value\":");
        w.number(a.d);
        break;
    case GenAttr::Type::Bool:
        w.raw(",\"type\":\"bool\",\"value\":");
        w.boolean(a.b);
        break;
    }
    w.raw('}');
}

void jaegerStringTag(JsonStreamWriter& w, std::string_view key, std::string_view value) {
    w.raw(",{\"key\":");
    w.string(key);
    w.raw(",\"type\":\"string\",\"value\":");
    w.string(value);
    w.raw('}');
}

// The span's tags: its attributes plus what Jaeger's OTLP translator adds (scope, kind, status).
void jaegerTags(JsonStreamWriter& w, const TraceGenerator& gen, const GenSpan& s) {
    w.raw('[');
    for (size_t i = 0; i < s.attributes.size(); ++i) {
        if (i) w.raw(',');
        jaegerTag(w, s.attributes[i]);
    }
    const auto [scopeName, scopeVersion] = gen.scope(s);
    jaegerStringTag(w, "otel.scope.name", scopeName);
    jaegerStringTag(w, "otel.scope.version", scopeVersion);
    jaegerStringTag(w, "span.kind", genKindName(s.kind));
    if (s.error) {
        jaegerStringTag(w, "otel.status_code", "ERROR");
        w.raw(",{\"key\":\"error\",\"type\":\"bool\",\"value\":true}");
        if (!s.statusMessage.empty())
            jaegerStringTag(w, "otel.status_description", s.statusMessage);
    }
    w.raw(']');
}

void jaegerLogs(JsonStreamWriter& w, const GenSpan& s) {
    w.raw('[');
    for (size_t e = 0; e < s.events.size(); ++e) {
        const GenEvent& ev = s.events[e];
        w.raw(e ? ",{\"timestamp\":" : "{\"timestamp\":");
        w.integer(ev.timeNs / 1000);
        w.raw(",\"fields\":[{\"key\":\"event\",\"type\":\"string\",\"value\":");
        w.string(ev.name);
        w.raw('}');
        for (const GenAttr& a : ev.attributes) {
            w.raw(',');
            jaegerTag(w, a);
        }
        w.raw("]}");
    }
    w.raw(']');
}

// Process IDs ("p1", "p2", ...) of one trace, one per pod, in order of first appearance.
class ProcessTable {
public:
    void clear() { m_pods.clear(); }
    size_t idOf(uint32_t service, uint32_t pod) {
        const uint64_t key = (uint64_t{service} << 32) | pod;
        const auto it = std::find(m_pods.begin(), m_pods.end(), key);
        if (it != m_pods.end()) return static_cast<size_t>(it - m_pods.begin()) + 1;
        m_pods.push_back(key);
        return m_pods.size();
    }
    const std::vector<uint64_t>& pods() const { return m_pods; }

private:
    std::vector<uint64_t> m_pods;
};

void jaegerTrace(JsonStreamWriter& w, const TraceGenerator& gen, const std::vector<GenSpan>& spans,
                 ProcessTable& processes) {
    processes.clear();
    const GenSpan& first = spans.front();
    w.raw("{\"traceID\":\"");
    std::string id;
    demo::appendHex(id, first.traceHi);
    demo::appendHex(id, first.traceLo);
    w.raw(id);
    w.raw("\",\"spans\":[");
    for (size_t i = 0; i < spans.size(); ++i) {
        const GenSpan& s = spans[i];
        w.raw(i ? ",{\"traceID\":\"" : "{\"traceID\":\"");
        w.raw(id);
        w.raw("\",\"spanID\":");
        w.quotedHex(s.spanId);
        w.raw(",\"flags\":1,\"operationName\":");
        w.string(s.name);
        if (s.parentId) {
            w.raw(",\"references\":[{\"refType\":\"CHILD_OF\",\"traceID\":\"");
            w.raw(id);
            w.raw("\",\"spanID\":");
            w.quotedHex(s.parentId);
            w.raw("}]");
        } else {
            w.raw(",\"references\":[]");
        }
        w.raw(",\"startTime\":");
        w.integer(s.startNs / 1000);
        w.raw(",\"duration\":");
        w.integer(s.durationNs / 1000);
        w.raw(",\"tags\":");
        jaegerTags(w, gen, s);
        w.raw(",\"logs\":");
        jaegerLogs(w, s);
        w.raw(",\"processID\":\"p");
        w.integer(static_cast<int64_t>(processes.idOf(s.service, s.pod)));
        w.raw("\",\"warnings\":null}");
    }
    w.raw("],\"processes\":{");
    for (size_t p = 0; p < processes.pods().size(); ++p) {
        const uint32_t service = static_cast<uint32_t>(processes.pods()[p] >> 32);
        const uint32_t pod = static_cast<uint32_t>(processes.pods()[p]);
        w.raw(p ? ",\"p" : "\"p");
        w.integer(static_cast<int64_t>(p + 1));
        w.raw("\":{\"serviceName\":");
        w.string(gen.serviceName(service));
        w.raw(",\"tags\":[");
        const std::vector<GenAttr>& resource = gen.resourceAttributes(service, pod);
        bool firstTag = true;
        for (const GenAttr& a : resource) {
            if (a.key == "service.name") continue; // it is the serviceName
            if (!firstTag) w.raw(',');
            jaegerTag(w, a);
            firstTag = false;
        }
        w.raw("]}");
    }
    w.raw("},\"warnings\":null}");
}

// ---- OTLP ---------------------------------------------------------------------------------

void otlpAttributes(JsonStreamWriter& w, const std::vector<GenAttr>& attrs) {
    w.raw('[');
    for (size_t i = 0; i < attrs.size(); ++i) {
        const GenAttr& a = attrs[i];
        w.raw(i ? ",{\"key\":" : "{\"key\":");
        w.string(a.key);
        switch (a.type) {
        case GenAttr::Type::String:
            w.raw(",\"value\":{\"stringValue\":");
            w.string(a.str);
            break;
        case GenAttr::Type::Int:
            w.raw(",\"value\":{\"intValue\":");
            w.quotedInteger(a.i);
            break;
        case GenAttr::Type::Double:
            w.raw(",\"value\":{\"doubleValue\":");
            w.number(a.d);
            break;
        case GenAttr::Type::Bool:
            w.raw(",\"value\":{\"boolValue\":");
            w.boolean(a.b);
            break;
        }
        w.raw("}}");
    }
    w.raw(']');
}

void otlpSpan(JsonStreamWriter& w, const GenSpan& s) {
    w.raw("{\"traceId\":\"");
    std::string id;
    demo::appendHex(id, s.traceHi);
    demo::appendHex(id, s.traceLo);
    w.raw(id);
    w.raw("\",\"spanId\":");
    w.quotedHex(s.spanId);
    if (s.parentId) {
        w.raw(",\"parentSpanId\":");
        w.quotedHex(s.parentId);
    }
    w.raw(",\"name\":");
    w.string(s.name);
    w.raw(",\"kind\":");
    w.integer(static_cast<int64_t>(s.kind));
    w.raw(",\"startTimeUnixNano\":");
    w.quotedInteger(s.startNs);
    w.raw(",\"endTimeUnixNano\":");
    w.quotedInteger(s.startNs + s.durationNs);
    w.raw(",\"attributes\":");
    otlpAttributes(w, s.attributes);
    if (!s.events.empty()) {
        w.raw(",\"events\":[");
        for (size_t e = 0; e < s.events.size(); ++e) {
            w.raw(e ? ",{\"timeUnixNano\":" : "{\"timeUnixNano\":");
            w.quotedInteger(s.events[e].timeNs);
            w.raw(",\"name\":");
            w.string(s.events[e].name);
            w.raw(",\"attributes\":");
            otlpAttributes(w, s.events[e].attributes);
            w.raw('}');
        }
        w.raw(']');
    }
    if (s.error) {
        w.raw(",\"status\":{\"message\":");
        w.string(s.statusMessage);
        w.raw(",\"code\":2}}");
    } else {
        w.raw(",\"status\":{}}");
    }
}

// One ExportTraceServiceRequest line: the spans grouped by resource (pod), then by scope.
void otlpLine(JsonStreamWriter& w, const TraceGenerator& gen, const std::vector<GenSpan>& spans,
              size_t count, std::vector<uint32_t>& order) {
    order.resize(count);
    std::iota(order.begin(), order.end(), 0u);
    auto groupKey = [&](uint32_t i) {
        return std::tuple(spans[i].service, spans[i].pod, static_cast<int>(spans[i].scope));
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return groupKey(a) < groupKey(b); });
    w.raw("{\"resourceSpans\":[");
    for (size_t i = 0; i < count;) {
        const GenSpan& head = spans[order[i]];
        w.raw(i ? ",{\"resource\":{\"attributes\":" : "{\"resource\":{\"attributes\":");
        otlpAttributes(w, gen.resourceAttributes(head.service, head.pod));
        w.raw("},\"scopeSpans\":[");
        bool firstScope = true;
        while (i < count && spans[order[i]].service == head.service &&
               spans[order[i]].pod == head.pod) {
            const uint32_t scopeHead = order[i];
            const auto [name, version] = gen.scope(spans[scopeHead]);
            w.raw(firstScope ? "{\"scope\":{\"name\":" : ",{\"scope\":{\"name\":");
            w.string(name);
            w.raw(",\"version\":");
            w.string(version);
            w.raw("},\"spans\":[");
            for (bool firstSpan = true; i < count && groupKey(order[i]) == groupKey(scopeHead);
                 ++i, firstSpan = false) {
                if (!firstSpan) w.raw(',');
                otlpSpan(w, spans[order[i]]);
            }
            w.raw("],\"schemaUrl\":\"");
            w.raw(kSchemaUrl);
            w.raw("\"}");
            firstScope = false;
        }
        w.raw("],\"schemaUrl\":\"");
        w.raw(kSchemaUrl);
        w.raw("\"}");
    }
    w.raw("]}\n");
}

model::Result<GeneratedFile> finish(JsonStreamWriter& w, const std::string& path,
                                    const TraceGenerator& gen) {
    const uint64_t bytes = w.bytesWritten();
    if (model::Status s = w.close(); !s) return s.error();
    return GeneratedFile{path, gen.spansGenerated(), gen.tracesGenerated(), bytes};
}

TraceGeneratorOptions optionsFor(uint64_t spans, uint64_t seed) {
    TraceGeneratorOptions o;
    o.seed = seed;
    o.targetSpans = spans;
    return o;
}

} // namespace

model::Result<GeneratedFile> writeJaegerJson(const std::string& path,
                                             const TraceGeneratorOptions& options) {
    JsonStreamWriter w;
    if (model::Status s = w.open(path); !s) return s.error();
    TraceGenerator gen(options);
    std::vector<GenSpan> trace;
    ProcessTable processes;
    w.raw("{\"data\":[");
    while (gen.spansGenerated() < options.targetSpans) {
        w.raw(gen.tracesGenerated() ? ",\n" : "\n");
        gen.nextTrace(trace);
        jaegerTrace(w, gen, trace, processes);
    }
    w.raw("\n],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}\n");
    return finish(w, path, gen);
}

model::Result<GeneratedFile> writeOtlpJsonLines(const std::string& path,
                                                const TraceGeneratorOptions& options) {
    JsonStreamWriter w;
    if (model::Status s = w.open(path); !s) return s.error();
    TraceGenerator gen(options);
    std::vector<GenSpan> trace, batch;
    std::vector<uint32_t> order;
    while (gen.spansGenerated() < options.targetSpans) {
        gen.nextTrace(trace);
        std::move(trace.begin(), trace.end(), std::back_inserter(batch));
        while (batch.size() >= kOtlpSpansPerLine) {
            otlpLine(w, gen, batch, kOtlpSpansPerLine, order);
            batch.erase(batch.begin(), batch.begin() + kOtlpSpansPerLine);
        }
    }
    if (!batch.empty()) otlpLine(w, gen, batch, batch.size(), order);
    return finish(w, path, gen);
}

model::Result<GeneratedFile> writeJaegerJson(const std::string& path, uint64_t spans,
                                             uint64_t seed) {
    return writeJaegerJson(path, optionsFor(spans, seed));
}

model::Result<GeneratedFile> writeOtlpJsonLines(const std::string& path, uint64_t spans,
                                                uint64_t seed) {
    return writeOtlpJsonLines(path, optionsFor(spans, seed));
}

} // namespace tg::app
