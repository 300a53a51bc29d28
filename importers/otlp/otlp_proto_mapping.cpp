#include "importers/otlp/otlp_proto_mapping.h"

#include "importers/common/text_arena.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <string>
#include <vector>

#include "topograph/otlp/trace_service.pb.h"

namespace tg::import {

namespace common = opentelemetry::proto::common::v1;
namespace trace = opentelemetry::proto::trace::v1;
using model::AttributeInput;
using model::AttrType;
using KeyValues = google::protobuf::RepeatedPtrField<common::KeyValue>;

namespace {

// Arrays nested deeper than this are cut to null (protobuf's parse recursion limit keeps real
// input far below; this guards messages built in code).
constexpr int kMaxJsonDepth = 256;

// Fields protobuf kept because our .proto does not define them (a newer or older OTLP, or a
// different message); cheap: reads the message's unknown-field set pointer.
bool hasUnknownFields(const google::protobuf::Message& message) {
    return !message.GetReflection()->GetUnknownFields(message).empty();
}

void appendJsonDouble(double d, std::string& out) {
    // JSON has no NaN/Infinity; protojson spells them as strings, and so do we.
    if (std::isnan(d)) {
        out += "\"NaN\"";
    } else if (std::isinf(d)) {
        out += d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    } else {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, d);
        out.append(buf, r.ptr);
    }
}

void appendJson(const common::AnyValue& value, std::string& out, int depth) {
    if (depth > kMaxJsonDepth) {
        out += "null";
        return;
    }
    switch (value.value_case()) {
    case common::AnyValue::kStringValue:
        appendJsonString(out, value.string_value());
        break;
    case common::AnyValue::kBoolValue:
        out += value.bool_value() ? "true" : "false";
        break;
    case common::AnyValue::kIntValue:
        out += std::to_string(value.int_value());
        break;
    case common::AnyValue::kDoubleValue:
        appendJsonDouble(value.double_value(), out);
        break;
    case common::AnyValue::kBytesValue: {
        out += '"';
        appendBase64(value.bytes_value(), out);
        out += '"';
        break;
    }
    case common::AnyValue::kArrayValue: {
        out += '[';
        bool first = true;
        for (const common::AnyValue& item : value.array_value().values()) {
            if (!first) out += ',';
            first = false;
            appendJson(item, out, depth + 1);
        }
        out += ']';
        break;
    }
    case common::AnyValue::kKvlistValue: {
        out += '{';
        bool first = true;
        for (const common::KeyValue& kv : value.kvlist_value().values()) {
            if (!first) out += ',';
            first = false;
            appendJsonString(out, kv.key());
            out += ':';
            appendJson(kv.value(), out, depth + 1);
        }
        out += '}';
        break;
    }
    case common::AnyValue::VALUE_NOT_SET:
        out += "null";
        break;
    }
}

// An empty AnyValue becomes an empty string, as in the OTLP JSON importer.
AttributeInput toAttribute(const common::KeyValue& kv, TextArena& scratch) {
    AttributeInput a;
    a.key = kv.key();
    const common::AnyValue& v = kv.value();
    switch (v.value_case()) {
    case common::AnyValue::kStringValue:
        a.str = v.string_value();
        break;
    case common::AnyValue::kBoolValue:
        a.type = AttrType::Bool;
        a.b = v.bool_value();
        break;
    case common::AnyValue::kIntValue:
        a.type = AttrType::Int;
        a.i = v.int_value();
        break;
    case common::AnyValue::kDoubleValue:
        a.type = AttrType::Double;
        a.d = v.double_value();
        break;
    case common::AnyValue::kBytesValue: {
        std::string& text = scratch.next();
        appendBase64(v.bytes_value(), text);
        a.type = AttrType::Bytes;
        a.str = text;
        break;
    }
    case common::AnyValue::kArrayValue:
    case common::AnyValue::kKvlistValue: {
        std::string& text = scratch.next();
        appendJson(v, text, 0);
        a.type = AttrType::Json;
        a.str = text;
        break;
    }
    case common::AnyValue::VALUE_NOT_SET:
        break;
    }
    return a;
}

void appendAttributes(const KeyValues& kvs, std::vector<AttributeInput>& out, TextArena& scratch) {
    for (const common::KeyValue& kv : kvs)
        if (!kv.key().empty()) out.push_back(toAttribute(kv, scratch));
}

// Maps the ResourceSpans of one request; owns the reused SpanInput and scratch text.
class ProtoSpanMapper {
public:
    ProtoSpanMapper(model::SpanSink& sink, std::string_view label) : m_sink(sink), m_label(label) {}

    void add(const trace::ResourceSpans& resourceSpans) {
        m_span.clear(); // samples below name no span
        if (hasUnknownFields(resourceSpans))
            report("unknown_protobuf_fields", model::Severity::Warning,
                   "ResourceSpans has fields this OTLP version does not define (an OTLP older than "
                   "0.19 or newer than this reader?); they are ignored");
        const model::ResourceId resource = addResource(resourceSpans);
        for (const trace::ScopeSpans& scopeSpans : resourceSpans.scope_spans()) {
            if (hasUnknownFields(scopeSpans))
                report("unknown_protobuf_fields", model::Severity::Warning,
                       "ScopeSpans has fields this OTLP version does not define; they are ignored");
            for (const trace::Span& span : scopeSpans.spans()) {
                mapSpan(span, resource, scopeSpans.scope());
                m_sink.addSpan(m_span);
            }
        }
    }

private:
    model::ResourceId addResource(const trace::ResourceSpans& resourceSpans) {
        m_scratch.reset();
        m_attrs.clear();
        appendAttributes(resourceSpans.resource().attributes(), m_attrs, m_scratch);
        std::string_view service = "unknown";
        for (const AttributeInput& a : m_attrs)
            if (a.key == "service.name" && a.type == AttrType::String && !a.str.empty()) {
                service = a.str;
                break;
            }
        return m_sink.addResource(service, m_attrs);
    }

    void mapSpan(const trace::Span& span, model::ResourceId resource,
                 const common::InstrumentationScope& scope) {
        m_scratch.reset();
        m_span.clear();
        m_span.trace = model::traceIdFromBytes(span.trace_id());
        m_span.span = model::spanIdFromBytes(span.span_id());
        m_span.parent = model::spanIdFromBytes(span.parent_span_id());
        m_span.operation = span.name();
        m_span.kind = model::spanKindFromOtlp(span.kind());
        m_span.resource = resource;
        const int code = span.status().code();
        m_span.status = code == 2   ? model::StatusCode::Error
                        : code == 1 ? model::StatusCode::Ok
                                    : model::StatusCode::Unset;
        mapTimes(span);
        appendAttributes(span.attributes(), m_span.attributes, m_scratch);
        if (!scope.name().empty())
            m_span.attributes.push_back(AttributeInput::string("otel.scope.name", scope.name()));
        if (!scope.version().empty())
            m_span.attributes.push_back(
                AttributeInput::string("otel.scope.version", scope.version()));
        if (!span.status().message().empty())
            m_span.attributes.push_back(
                AttributeInput::string("otel.status_description", span.status().message()));
        mapEvents(span);
        mapLinks(span);
        noteLosses(span);
    }

    void mapTimes(const trace::Span& span) {
        const int64_t start = toNs(span.start_time_unix_nano());
        const int64_t end = toNs(span.end_time_unix_nano());
        m_span.startNs = start;
        if (end == 0) {
            report("missing_end_time", model::Severity::Warning, "span without end_time_unix_nano");
        } else if (end < start) {
            report("negative_duration", model::Severity::Warning,
                   "end_time_unix_nano before start_time_unix_nano; duration set to 0");
        } else {
            m_span.durationNs = end - start;
        }
    }

    void mapEvents(const trace::Span& span) {
        for (const trace::Span::Event& event : span.events()) {
            model::EventInput ev;
            ev.timeNs = toNs(event.time_unix_nano());
            ev.name = event.name();
            ev.attrBegin = static_cast<uint32_t>(m_span.eventAttributes.size());
            appendAttributes(event.attributes(), m_span.eventAttributes, m_scratch);
            ev.attrCount = static_cast<uint32_t>(m_span.eventAttributes.size()) - ev.attrBegin;
            m_span.events.push_back(ev);
        }
    }

    void mapLinks(const trace::Span& span) {
        uint64_t linkAttributes = 0;
        for (const trace::Span::Link& link : span.links()) {
            m_span.links.push_back({model::traceIdFromBytes(link.trace_id()),
                                    model::spanIdFromBytes(link.span_id()), model::RefType::Link});
            linkAttributes += static_cast<uint64_t>(link.attributes_size());
        }
        if (linkAttributes > 0)
            m_sink.diagnostics().add("link_attributes_not_kept", model::Severity::Info,
                                     linkAttributes,
                                     sample("link attributes are not stored; links are kept"));
    }

    // What the exporter says it dropped, and fields we do not understand: counted, not silent.
    void noteLosses(const trace::Span& span) {
        const uint64_t dropped = uint64_t{span.dropped_attributes_count()} +
                                 span.dropped_events_count() + span.dropped_links_count();
        if (dropped > 0)
            m_sink.diagnostics().add(
                "exporter_dropped_data", model::Severity::Info, dropped,
                sample("the exporter dropped attributes, events or links (its limits)"));
        if (hasUnknownFields(span))
            report("unknown_protobuf_fields", model::Severity::Warning,
                   "span has fields this OTLP version does not define; they are ignored");
    }

    int64_t toNs(uint64_t unixNano) {
        if (unixNano <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            return static_cast<int64_t>(unixNano);
        report("timestamp_out_of_range", model::Severity::Warning,
               "a time after the year 2262 is not representable; set to 0");
        return 0;
    }

    std::string sample(std::string_view what) const {
        std::string s = m_label.empty() ? std::string() : std::string(m_label) + ": ";
        if (m_span.span.id != 0 || !m_span.trace.id.isZero()) {
            s += "span " + model::spanIdToHex(m_span.span.id) + " of trace " +
                 m_span.trace.id.toHex() + ": ";
        }
        s += what;
        return s;
    }

    void report(std::string_view code, model::Severity severity, std::string_view what) {
        m_sink.diagnostics().report(code, severity, sample(what));
    }

    model::SpanSink& m_sink;
    std::string_view m_label;
    model::SpanInput m_span;
    std::vector<AttributeInput> m_attrs; // resource attributes
    TextArena m_scratch;
};

} // namespace

void appendBase64(std::string_view bytes, std::string& out) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    out.reserve(out.size() + (n + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const uint32_t v = (uint32_t{p[i]} << 16) | (uint32_t{p[i + 1]} << 8) | p[i + 2];
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (n - i == 1) {
        const uint32_t v = uint32_t{p[i]} << 16;
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += "==";
    } else if (n - i == 2) {
        const uint32_t v = (uint32_t{p[i]} << 16) | (uint32_t{p[i + 1]} << 8);
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += '=';
    }
}

void appendAnyValueJson(const common::AnyValue& value, std::string& out) {
    appendJson(value, out, 0);
}

void addResourceSpans(const trace::ResourceSpans& resourceSpans, model::SpanSink& sink,
                      std::string_view sourceLabel) {
    ProtoSpanMapper mapper(sink, sourceLabel);
    mapper.add(resourceSpans);
}

void addExportRequest(
    const opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest& request,
    model::SpanSink& sink, std::string_view sourceLabel) {
    ProtoSpanMapper mapper(sink, sourceLabel);
    for (const trace::ResourceSpans& resourceSpans : request.resource_spans())
        mapper.add(resourceSpans);
}

} // namespace tg::import
