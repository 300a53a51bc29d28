#include "importers/jaeger/jaeger_span_parser.h"

#include "models/core/time_parse.h"

namespace tg::import::jaeger {

using model::AttributeInput;
using model::AttrType;

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

// Jaeger UI JSON writes µs numbers; api_v2 JSON writes RFC 3339 strings.
std::optional<int64_t> readTimestampNs(od::value v) {
    if (v.type() == od::json_type::string) {
        const std::string_view s = v.get_string().value();
        if (auto ns = model::parseRfc3339Ns(s)) return ns;
        if (auto us = model::parseDecimalInt64(s)) return model::microsToNanos(*us);
        return std::nullopt;
    }
    if (auto us = readInt64(v)) return model::microsToNanos(*us);
    return std::nullopt;
}

std::optional<int64_t> readDurationNs(od::value v) {
    if (v.type() == od::json_type::string) {
        const std::string_view s = v.get_string().value();
        if (auto us = model::parseDecimalInt64(s)) return model::microsToNanos(*us);
        return model::parseGoDurationNs(s);
    }
    if (auto us = readInt64(v)) return model::microsToNanos(*us);
    return std::nullopt;
}

void parseTag(od::object tag, std::vector<AttributeInput>& out, TextArena& scratch) {
    AttributeInput a;
    std::string_view type = "string";
    std::optional<od::value> value;
    // Fields in any order; the value is read once its type is known, so collect the type first.
    for (auto field : tag) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "key") {
            a.key = field.value().get_string().value();
        } else if (key == "type" || key == "vType") {
            type = field.value().get_string().value();
        } else if (key == "value" || key == "vStr" || key == "vInt64" || key == "vFloat64" ||
                   key == "vBool" || key == "vBinary") {
            if (key == "vInt64")
                type = "int64";
            else if (key == "vFloat64")
                type = "float64";
            else if (key == "vBool")
                type = "bool";
            else if (key == "vBinary")
                type = "binary";
            od::value v = field.value();
            if (iequals(type, "int64")) {
                if (auto i = readInt64(v)) {
                    a.type = AttrType::Int;
                    a.i = *i;
                } else {
                    a.str = readText(v, scratch);
                }
            } else if (iequals(type, "float64")) {
                if (auto d = readDouble(v)) {
                    a.type = AttrType::Double;
                    a.d = *d;
                } else {
                    a.str = readText(v, scratch);
                }
            } else if (iequals(type, "bool")) {
                if (auto b = readBool(v)) {
                    a.type = AttrType::Bool;
                    a.b = *b;
                } else {
                    a.str = readText(v, scratch);
                }
            } else if (iequals(type, "binary")) {
                a.type = AttrType::Bytes;
                a.str = readText(v, scratch);
            } else {
                a.str = readText(v, scratch);
            }
        }
    }
    if (!a.key.empty()) out.push_back(a);
}

struct Reference {
    model::RefType type = model::RefType::ChildOf;
    model::ParsedTraceId trace;
    model::ParsedSpanId span;
};

Reference parseReference(od::object ref) {
    Reference r;
    for (auto field : ref) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "refType" || key == "ref_type") {
            od::value v = field.value();
            if (v.type() == od::json_type::string) {
                const std::string_view t = v.get_string().value();
                r.type = iequals(t, "FOLLOWS_FROM") ? model::RefType::FollowsFrom
                                                    : model::RefType::ChildOf;
            } else if (auto n = readInt64(v)) {
                r.type = *n == 1 ? model::RefType::FollowsFrom : model::RefType::ChildOf;
            }
        } else if (key == "traceID" || key == "traceId") {
            r.trace = model::parseTraceId(field.value().get_string().value());
        } else if (key == "spanID" || key == "spanId") {
            r.span = model::parseSpanId(field.value().get_string().value());
        }
    }
    return r;
}

void parseLog(od::object log, model::SpanInput& span, TextArena& scratch) {
    model::EventInput ev;
    ev.name = "log";
    ev.attrBegin = static_cast<uint32_t>(span.eventAttributes.size());
    for (auto field : log) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "timestamp") {
            if (auto ns = readTimestampNs(field.value())) ev.timeNs = *ns;
        } else if (key == "fields") {
            for (auto tag : field.value().get_array())
                parseTag(tag.get_object(), span.eventAttributes, scratch);
        }
    }
    ev.attrCount = static_cast<uint32_t>(span.eventAttributes.size()) - ev.attrBegin;
    for (uint32_t i = ev.attrBegin; i < span.eventAttributes.size(); ++i) {
        const AttributeInput& a = span.eventAttributes[i];
        if ((a.key == "event" || a.key == "message") && a.type == AttrType::String &&
            !a.str.empty()) {
            ev.name = a.str;
            break;
        }
    }
    span.events.push_back(ev);
}

} // namespace

void parseTags(od::array tags, std::vector<AttributeInput>& out, TextArena& scratch) {
    for (auto tag : tags)
        parseTag(tag.get_object(), out, scratch);
}

model::ResourceId parseProcess(od::object process, model::SpanSink& sink) {
    std::string_view service;
    std::vector<AttributeInput> attrs;
    TextArena scratch;
    for (auto field : process) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "serviceName") {
            service = field.value().get_string().value();
        } else if (key == "tags") {
            od::value v = field.value();
            if (v.type() == od::json_type::array) parseTags(v.get_array(), attrs, scratch);
        }
    }
    // Keep the service name as an attribute too (OTel's service.name), like an OTLP resource.
    attrs.insert(attrs.begin(), AttributeInput::string("service.name", service));
    return sink.addResource(service, attrs);
}

void parseProcesses(od::object processes, model::SpanSink& sink, ProcessMap& out) {
    for (auto field : processes) {
        std::string id(field.unescaped_key().value());
        out[std::move(id)] = parseProcess(field.value().get_object(), sink);
    }
}

SpanParseResult parseSpan(od::object object, model::SpanSink& sink, const ProcessMap& processes,
                          model::SpanInput& span) {
    static thread_local TextArena scratch;
    static thread_local std::vector<Reference> refs;
    scratch.reset();
    refs.clear();
    span.clear();
    SpanParseResult result;
    model::ParsedSpanId legacyParent;
    for (auto field : object) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "traceID" || key == "traceId") {
            span.trace = model::parseTraceId(field.value().get_string().value());
        } else if (key == "spanID" || key == "spanId") {
            span.span = model::parseSpanId(field.value().get_string().value());
        } else if (key == "operationName") {
            span.operation = field.value().get_string().value();
        } else if (key == "references") {
            od::value v = field.value();
            if (v.type() == od::json_type::array)
                for (auto ref : v.get_array())
                    refs.push_back(parseReference(ref.get_object()));
        } else if (key == "parentSpanID") {
            legacyParent = model::parseSpanId(field.value().get_string().value());
        } else if (key == "startTime") {
            if (auto ns = readTimestampNs(field.value()))
                span.startNs = *ns;
            else
                result.diagnostics.report("bad_start_time", model::Severity::Warning,
                                          "unreadable startTime");
        } else if (key == "duration") {
            if (auto ns = readDurationNs(field.value()))
                span.durationNs = *ns;
            else
                result.diagnostics.report("bad_duration", model::Severity::Warning,
                                          "unreadable duration");
        } else if (key == "tags") {
            od::value v = field.value();
            if (v.type() == od::json_type::array)
                parseTags(v.get_array(), span.attributes, scratch);
        } else if (key == "logs") {
            od::value v = field.value();
            if (v.type() == od::json_type::array)
                for (auto log : v.get_array())
                    parseLog(log.get_object(), span, scratch);
        } else if (key == "processID") {
            result.hasProcessId = true;
            result.processId = std::string(field.value().get_string().value());
        } else if (key == "process") {
            span.resource = parseProcess(field.value().get_object(), sink);
            result.processResolved = true;
        } else if (key == "warnings") {
            od::value v = field.value();
            if (v.type() == od::json_type::array)
                for (auto w : v.get_array())
                    result.diagnostics.report("jaeger_span_warning", model::Severity::Info,
                                              std::string(w.get_string().value()));
        }
    }
    // Parent: the first CHILD_OF into the same trace, else the first FOLLOWS_FROM into it.
    const Reference* parent = nullptr;
    for (const Reference& r : refs)
        if (r.type == model::RefType::ChildOf && r.trace.id == span.trace.id && r.span.id != 0) {
            parent = &r;
            break;
        }
    if (!parent)
        for (const Reference& r : refs)
            if (r.type == model::RefType::FollowsFrom && r.trace.id == span.trace.id &&
                r.span.id != 0) {
                parent = &r;
                break;
            }
    if (parent) {
        span.parent = parent->span;
        span.parentRef = parent->type;
    } else if (legacyParent.id != 0) {
        span.parent = legacyParent;
    }
    for (const Reference& r : refs)
        if (&r != parent) span.links.push_back({r.trace, r.span, r.type});

    for (const AttributeInput& a : span.attributes) {
        if (a.key == "span.kind" && a.type == AttrType::String)
            span.kind = model::spanKindFromName(a.str);
        else if (a.key == "otel.status_code" && a.type == AttrType::String)
            span.status = iequals(a.str, "ERROR") ? model::StatusCode::Error
                          : iequals(a.str, "OK")  ? model::StatusCode::Ok
                                                  : model::StatusCode::Unset;
    }
    if (!result.processResolved && result.hasProcessId) {
        if (auto it = processes.find(result.processId); it != processes.end()) {
            span.resource = it->second;
            result.processResolved = true;
        }
    }
    return result;
}

} // namespace tg::import::jaeger
