#include "importers/zipkin/zipkin_span_parser.h"

#include <optional>

#include "models/core/time_parse.h"

namespace tg::import::zipkin {

using model::AttributeInput;

namespace {

struct Endpoint {
    bool present = false;
    std::string_view serviceName;
    std::string_view ipv4;
    std::string_view ipv6;
    std::optional<int64_t> port;

    std::string_view ip() const { return ipv4.empty() ? ipv6 : ipv4; }
};

// A string field, or empty for null / another type (hostile input must not abort the span).
std::string_view stringOrEmpty(od::value v) {
    std::string_view s;
    if (v.type() == od::json_type::string) s = v.get_string().value();
    return s;
}

Endpoint parseEndpoint(od::value v) {
    Endpoint e;
    if (v.type() != od::json_type::object) return e;
    e.present = true;
    for (auto field : v.get_object()) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "serviceName")
            e.serviceName = stringOrEmpty(field.value());
        else if (key == "ipv4")
            e.ipv4 = stringOrEmpty(field.value());
        else if (key == "ipv6")
            e.ipv6 = stringOrEmpty(field.value());
        else if (key == "port")
            e.port = readInt64(field.value());
    }
    return e;
}

// Zipkin writes µs integers; nullopt for null or anything else.
std::optional<int64_t> readMicrosAsNanos(od::value v) {
    if (auto us = readInt64(v)) return model::microsToNanos(*us);
    return std::nullopt;
}

// A µs field into ns; null counts as absent, anything unreadable as bad (both leave 0).
void readMicrosField(od::value v, int64_t& ns, bool& present, bool& bad) {
    if (v.type() == od::json_type::null) return;
    const std::optional<int64_t> value = readMicrosAsNanos(v);
    ns = value.value_or(0);
    present = value.has_value();
    bad = !present;
}

void parseAnnotations(od::value v, model::SpanInput& span) {
    if (v.type() != od::json_type::array) return;
    for (auto item : v.get_array()) {
        od::value a = item.value();
        if (a.type() != od::json_type::object) continue;
        model::EventInput ev;
        ev.attrBegin = static_cast<uint32_t>(span.eventAttributes.size());
        for (auto field : a.get_object()) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "timestamp") {
                if (auto ns = readMicrosAsNanos(field.value())) ev.timeNs = *ns;
            } else if (key == "value") {
                ev.name = stringOrEmpty(field.value());
            }
        }
        span.events.push_back(ev);
    }
}

void parseTags(od::value v, model::SpanInput& span, TextArena& scratch) {
    if (v.type() != od::json_type::object) return;
    for (auto field : v.get_object()) {
        const std::string_view key = field.unescaped_key().value();
        span.attributes.push_back(AttributeInput::string(key, readText(field.value(), scratch)));
        // Zipkin's rule: the presence of "error" marks a failed span, whatever its value.
        if (key == "error") span.status = model::StatusCode::Error;
    }
}

// remoteEndpoint names the other side: the callee of a CLIENT/PRODUCER span (OTel server.*),
// the caller of a SERVER/CONSUMER span (only network.peer.* then).
void addRemoteAttributes(const Endpoint& remote, model::SpanInput& span) {
    if (!remote.present) return;
    const bool outgoing =
        span.kind == model::SpanKind::Client || span.kind == model::SpanKind::Producer;
    if (!remote.serviceName.empty())
        span.attributes.push_back(AttributeInput::string("peer.service", remote.serviceName));
    if (!remote.ip().empty()) {
        if (outgoing)
            span.attributes.push_back(AttributeInput::string("server.address", remote.ip()));
        span.attributes.push_back(AttributeInput::string("network.peer.address", remote.ip()));
    }
    if (remote.port) {
        if (outgoing)
            span.attributes.push_back(AttributeInput::integer("server.port", *remote.port));
        span.attributes.push_back(AttributeInput::integer("network.peer.port", *remote.port));
    }
}

model::ResourceId addLocalResource(const Endpoint& local, model::SpanSink& sink) {
    if (!local.present) return model::kNoResource; // the sink files it under "unknown"
    AttributeInput attrs[2];
    size_t n = 0;
    if (!local.serviceName.empty())
        attrs[n++] = AttributeInput::string("service.name", local.serviceName);
    if (!local.ip().empty()) attrs[n++] = AttributeInput::string("host.ip", local.ip());
    const std::string_view service = local.serviceName.empty() ? "unknown" : local.serviceName;
    return sink.addResource(service, std::span<const AttributeInput>(attrs, n));
}

} // namespace

SpanParseResult parseSpan(od::object object, model::SpanSink& sink, model::SpanInput& span,
                          TextArena& scratch) {
    span.clear();
    SpanParseResult result;
    Endpoint local, remote;
    for (auto field : object) {
        const std::string_view key = field.unescaped_key().value();
        od::value v = field.value();
        if (key == "traceId") {
            span.trace = model::parseTraceId(stringOrEmpty(v));
        } else if (key == "id") {
            span.span = model::parseSpanId(stringOrEmpty(v));
        } else if (key == "parentId") {
            span.parent = model::parseSpanId(stringOrEmpty(v));
        } else if (key == "name") {
            span.operation = stringOrEmpty(v);
        } else if (key == "kind") {
            span.kind = model::spanKindFromName(stringOrEmpty(v));
        } else if (key == "timestamp") {
            readMicrosField(v, span.startNs, result.hasTimestamp, result.badTimestamp);
        } else if (key == "duration") {
            readMicrosField(v, span.durationNs, result.hasDuration, result.badDuration);
        } else if (key == "localEndpoint") {
            local = parseEndpoint(v);
        } else if (key == "remoteEndpoint") {
            remote = parseEndpoint(v);
        } else if (key == "annotations") {
            parseAnnotations(v, span);
        } else if (key == "tags") {
            parseTags(v, span, scratch);
        } else if (key == "debug") {
            if (readBool(v).value_or(false))
                span.attributes.push_back(AttributeInput::boolean("zipkin.debug", true));
        } else if (key == "shared") {
            span.shared = readBool(v).value_or(false);
        }
    }
    // After the loop: the kind decides how the remote endpoint is named, and may come last.
    addRemoteAttributes(remote, span);
    span.resource = addLocalResource(local, sink);
    return result;
}

} // namespace tg::import::zipkin
