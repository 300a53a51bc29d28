#include "importers/otlp/otlp_json_importer.h"

#include "importers/otlp/otlp_json_values.h"
#include "models/core/time_parse.h"

namespace tg::import {

using namespace otlp;
using model::AttributeInput;

namespace {

std::optional<int64_t> readUnixNano(od::value v) {
    if (v.type() == od::json_type::string) return model::parseDecimalInt64(v.get_string().value());
    return readInt64(v);
}

model::SpanKind readKind(od::value v) {
    if (v.type() == od::json_type::string) return model::spanKindFromName(v.get_string().value());
    if (auto n = readInt64(v)) return model::spanKindFromOtlp(*n);
    return model::SpanKind::Unspecified;
}

model::StatusCode readStatus(od::object status) {
    for (auto field : status) {
        if (field.unescaped_key().value() != "code") continue;
        od::value v = field.value();
        if (v.type() == od::json_type::string) {
            const std::string_view s = v.get_string().value();
            if (s == "STATUS_CODE_ERROR" || s == "ERROR" || s == "2")
                return model::StatusCode::Error;
            if (s == "STATUS_CODE_OK" || s == "OK" || s == "1") return model::StatusCode::Ok;
        } else if (auto n = readInt64(v)) {
            if (*n == 2) return model::StatusCode::Error;
            if (*n == 1) return model::StatusCode::Ok;
        }
    }
    return model::StatusCode::Unset;
}

// Parses ResourceSpans objects; one instance per file (its scratch is reused across spans).
class OtlpSpanReader {
public:
    OtlpSpanReader(const std::string& path, model::SpanSink& sink) : m_path(path), m_sink(sink) {}

    void parseResourceSpans(od::document& doc, const JsonRecord& record) {
        // Pass 1: the resource (it may come after the spans). Pass 2: the scope spans.
        model::ResourceId resource = parseResource(doc);
        doc.rewind();
        for (auto field : doc.get_object()) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "scopeSpans", "scope_spans") ||
                isField(key, "instrumentationLibrarySpans", "instrumentation_library_spans")) {
                for (auto scopeSpans : field.value().get_array())
                    parseScopeSpans(scopeSpans.get_object(), resource, record);
            }
        }
    }

private:
    model::ResourceId parseResource(od::document& doc) {
        std::vector<AttributeInput> attrs;
        TextArena scratch;
        for (auto field : doc.get_object()) {
            if (field.unescaped_key().value() != "resource") continue;
            for (auto rf : field.value().get_object())
                if (rf.unescaped_key().value() == "attributes")
                    parseAttributes(rf.value().get_array(), attrs, scratch);
        }
        std::string_view service = "unknown";
        for (const AttributeInput& a : attrs)
            if (a.key == "service.name" && a.type == model::AttrType::String && !a.str.empty())
                service = a.str;
        return m_sink.addResource(service, attrs);
    }

    void parseScopeSpans(od::object scopeSpans, model::ResourceId resource,
                         const JsonRecord& record) {
        std::string scopeName, scopeVersion;
        for (auto field : scopeSpans) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "scope" ||
                isField(key, "instrumentationLibrary", "instrumentation_library")) {
                for (auto sf : field.value().get_object()) {
                    const std::string_view k = sf.unescaped_key().value();
                    if (k == "name")
                        scopeName = std::string(sf.value().get_string().value());
                    else if (k == "version")
                        scopeVersion = std::string(sf.value().get_string().value());
                }
            } else if (key == "spans") {
                for (auto span : field.value().get_array()) {
                    parseSpan(span.get_object(), record);
                    m_span.resource = resource;
                    if (!scopeName.empty())
                        m_span.attributes.push_back(
                            AttributeInput::string("otel.scope.name", scopeName));
                    if (!scopeVersion.empty())
                        m_span.attributes.push_back(
                            AttributeInput::string("otel.scope.version", scopeVersion));
                    m_sink.addSpan(m_span);
                }
            }
        }
    }

    void parseEvent(od::object event) {
        model::EventInput ev;
        ev.attrBegin = static_cast<uint32_t>(m_span.eventAttributes.size());
        for (auto field : event) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "timeUnixNano", "time_unix_nano")) {
                if (auto ns = readUnixNano(field.value())) ev.timeNs = *ns;
            } else if (key == "name") {
                ev.name = field.value().get_string().value();
            } else if (key == "attributes") {
                parseAttributes(field.value().get_array(), m_span.eventAttributes, m_scratch);
            }
        }
        ev.attrCount = static_cast<uint32_t>(m_span.eventAttributes.size()) - ev.attrBegin;
        m_span.events.push_back(ev);
    }

    void parseLink(od::object link) {
        model::LinkInput l;
        for (auto field : link) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "traceId", "trace_id"))
                l.trace = model::parseTraceId(field.value().get_string().value());
            else if (isField(key, "spanId", "span_id"))
                l.span = model::parseSpanId(field.value().get_string().value());
        }
        m_span.links.push_back(l);
    }

    void parseSpan(od::object span, const JsonRecord& record) {
        m_scratch.reset();
        m_span.clear();
        int64_t endNs = 0;
        for (auto field : span) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "traceId", "trace_id")) {
                m_span.trace = model::parseTraceId(field.value().get_string().value());
            } else if (isField(key, "spanId", "span_id")) {
                m_span.span = model::parseSpanId(field.value().get_string().value());
            } else if (isField(key, "parentSpanId", "parent_span_id")) {
                m_span.parent = model::parseSpanId(field.value().get_string().value());
            } else if (key == "name") {
                m_span.operation = field.value().get_string().value();
            } else if (key == "kind") {
                m_span.kind = readKind(field.value());
            } else if (isField(key, "startTimeUnixNano", "start_time_unix_nano")) {
                if (auto ns = readUnixNano(field.value())) m_span.startNs = *ns;
            } else if (isField(key, "endTimeUnixNano", "end_time_unix_nano")) {
                if (auto ns = readUnixNano(field.value())) endNs = *ns;
            } else if (key == "attributes") {
                parseAttributes(field.value().get_array(), m_span.attributes, m_scratch);
            } else if (key == "events") {
                for (auto ev : field.value().get_array())
                    parseEvent(ev.get_object());
            } else if (key == "links") {
                for (auto link : field.value().get_array())
                    parseLink(link.get_object());
            } else if (key == "status") {
                m_span.status = readStatus(field.value().get_object());
            }
        }
        // Checked: hostile times near the int64 limits must not overflow.
        if (__builtin_sub_overflow(endNs, m_span.startNs, &m_span.durationNs)) {
            m_span.durationNs = 0;
            m_sink.diagnostics().report("bad_duration", model::Severity::Warning,
                                        recordPosition(m_path, record) + ": end - start overflows");
        }
        if (endNs == 0) {
            m_span.durationNs = 0;
            m_sink.diagnostics().report("missing_end_time", model::Severity::Warning,
                                        recordPosition(m_path, record) +
                                            ": span without endTimeUnixNano");
        }
    }

    const std::string& m_path;
    model::SpanSink& m_sink;
    model::SpanInput m_span;
    TextArena m_scratch;
};

} // namespace

model::Status importOtlpJson(const JsonInput& input, model::SpanSink& sink,
                             const ImportOptions& options) {
    OtlpSpanReader reader(input.path, sink);
    return forEachJsonRecord(
        input, options, sink.diagnostics(), [&](od::document& doc, const JsonRecord& record) {
            const std::string_view key = record.key;
            if (isField(key, "resourceSpans", "resource_spans") || key == "batches") {
                if (doc.type() == od::json_type::object) reader.parseResourceSpans(doc, record);
            } else if (key.empty()) {
                sink.diagnostics().report(
                    "unexpected_record", model::Severity::Warning,
                    recordPosition(input.path, record) +
                        ": a top-level array is not an OTLP request; skipped");
            }
        });
}

} // namespace tg::import
