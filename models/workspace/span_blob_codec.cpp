#include "models/workspace/span_blob_codec.h"

#include <cstring>

namespace tg::model::blob {
namespace {

template <typename T> void put(std::string& out, T v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T)); // little-endian hosts only (x86-64, arm64)
    out.append(bytes, sizeof(T));
}

template <typename T> bool get(std::string_view& in, T& v) {
    if (in.size() < sizeof(T)) return false;
    std::memcpy(&v, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return true;
}

void putAttribute(std::string& out, const Attribute& a) {
    put<uint32_t>(out, a.key);
    put<uint8_t>(out, static_cast<uint8_t>(a.type));
    int64_t raw = 0;
    switch (a.type) {
    case AttrType::Int:
        raw = a.i;
        break;
    case AttrType::Double:
        std::memcpy(&raw, &a.d, 8);
        break;
    case AttrType::Bool:
        raw = a.b ? 1 : 0;
        break;
    default:
        raw = a.s;
        break;
    }
    put<int64_t>(out, raw);
}

bool getAttribute(std::string_view& in, Attribute& a) {
    uint32_t key;
    uint8_t type;
    int64_t raw;
    if (!get(in, key) || !get(in, type) || !get(in, raw) ||
        type > static_cast<uint8_t>(AttrType::Json))
        return false;
    a = Attribute();
    a.key = key;
    a.type = static_cast<AttrType>(type);
    switch (a.type) {
    case AttrType::Int:
        a.i = raw;
        break;
    case AttrType::Double:
        std::memcpy(&a.d, &raw, 8);
        break;
    case AttrType::Bool:
        a.b = raw != 0;
        break;
    default:
        a.s = static_cast<StringId>(raw);
        break;
    }
    return true;
}

} // namespace

void encodeAttributes(std::span<const Attribute> attrs, std::string& out) {
    out.clear();
    for (const Attribute& a : attrs)
        putAttribute(out, a);
}

void encodeEvents(const Dataset& d, std::span<const SpanEvent> events, std::string& out) {
    out.clear();
    for (const SpanEvent& e : events) {
        put<int64_t>(out, e.timeNs);
        put<uint32_t>(out, e.name);
        put<uint32_t>(out, e.attrCount);
        for (uint32_t i = 0; i < e.attrCount; ++i)
            putAttribute(out, d.eventAttributes[e.attrBegin + i]);
    }
}

void encodeLinks(std::span<const SpanLink> links, std::string& out) {
    out.clear();
    for (const SpanLink& l : links) {
        put<uint64_t>(out, l.trace.hi);
        put<uint64_t>(out, l.trace.lo);
        put<uint64_t>(out, l.span);
        put<uint8_t>(out, static_cast<uint8_t>(l.type));
    }
}

bool decodeAttributes(std::string_view blob, HugePageVector<Attribute>& out) {
    const size_t start = out.size();
    while (!blob.empty()) {
        Attribute a;
        if (!getAttribute(blob, a)) {
            out.resize(start);
            return false;
        }
        out.push_back(a);
    }
    return true;
}

bool decodeEvents(std::string_view blob, Dataset& d) {
    const size_t eventsStart = d.events.size(), attrsStart = d.eventAttributes.size();
    while (!blob.empty()) {
        SpanEvent e;
        uint32_t count;
        if (!get(blob, e.timeNs) || !get(blob, e.name) || !get(blob, count) ||
            count > blob.size()) {
            d.events.resize(eventsStart);
            d.eventAttributes.resize(attrsStart);
            return false;
        }
        e.attrBegin = static_cast<uint32_t>(d.eventAttributes.size());
        e.attrCount = count;
        for (uint32_t i = 0; i < count; ++i) {
            Attribute a;
            if (!getAttribute(blob, a)) {
                d.events.resize(eventsStart);
                d.eventAttributes.resize(attrsStart);
                return false;
            }
            d.eventAttributes.push_back(a);
        }
        d.events.push_back(e);
    }
    return true;
}

bool decodeLinks(std::string_view blob, HugePageVector<SpanLink>& out) {
    const size_t start = out.size();
    while (!blob.empty()) {
        SpanLink l;
        uint8_t type;
        if (!get(blob, l.trace.hi) || !get(blob, l.trace.lo) || !get(blob, l.span) ||
            !get(blob, type) || type > static_cast<uint8_t>(RefType::Link)) {
            out.resize(start);
            return false;
        }
        l.type = static_cast<RefType>(type);
        out.push_back(l);
    }
    return true;
}

} // namespace tg::model::blob
