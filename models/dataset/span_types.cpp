#include "models/dataset/span_types.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace tg::model {

const char* spanKindName(SpanKind kind) {
    switch (kind) {
    case SpanKind::Unspecified:
        return "unspecified";
    case SpanKind::Internal:
        return "internal";
    case SpanKind::Server:
        return "server";
    case SpanKind::Client:
        return "client";
    case SpanKind::Producer:
        return "producer";
    case SpanKind::Consumer:
        return "consumer";
    }
    return "unspecified";
}

SpanKind spanKindFromName(std::string_view name) {
    if (name.starts_with("SPAN_KIND_")) name.remove_prefix(10);
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "server") return SpanKind::Server;
    if (lower == "client") return SpanKind::Client;
    if (lower == "producer") return SpanKind::Producer;
    if (lower == "consumer") return SpanKind::Consumer;
    if (lower == "internal") return SpanKind::Internal;
    return SpanKind::Unspecified;
}

SpanKind spanKindFromOtlp(int64_t value) {
    if (value < 0 || value > 5) return SpanKind::Unspecified;
    return static_cast<SpanKind>(value);
}

Attribute internAttribute(StringPool& strings, const AttributeInput& in) {
    return internAttribute(strings, in, strings.intern(in.key));
}

Attribute internAttribute(StringPool& strings, const AttributeInput& in, StringId key) {
    Attribute a;
    a.key = key;
    a.type = in.type;
    switch (in.type) {
    case AttrType::String:
    case AttrType::Bytes:
    case AttrType::Json:
        a.s = strings.intern(in.str);
        break;
    case AttrType::Int:
        a.i = in.i;
        break;
    case AttrType::Double:
        a.d = in.d;
        break;
    case AttrType::Bool:
        a.b = in.b;
        break;
    }
    return a;
}

const Attribute* findAttribute(const StringPool& strings, std::span<const Attribute> attributes,
                               std::string_view key) {
    StringId keyId;
    if (!strings.find(key, keyId)) return nullptr;
    for (const Attribute& a : attributes)
        if (a.key == keyId) return &a;
    return nullptr;
}

std::string attributeText(const StringPool& strings, const Attribute& a) {
    switch (a.type) {
    case AttrType::String:
    case AttrType::Bytes:
    case AttrType::Json:
        return std::string(strings.view(a.s));
    case AttrType::Int:
        return std::to_string(a.i);
    case AttrType::Bool:
        return a.b ? "true" : "false";
    case AttrType::Double: {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, a.d);
        return std::string(buf, r.ptr);
    }
    }
    return {};
}

} // namespace tg::model
