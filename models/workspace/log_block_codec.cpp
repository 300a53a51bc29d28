#include "models/workspace/log_block_codec.h"

#include <cstdint>
#include <cstring>

namespace tg::model::logblock {
namespace {

enum IdMask : uint8_t {
    kTrace = 1 << 0,
    kSpan = 1 << 1,
    kLinkTrace = 1 << 2,     // a linked trace that differs from the stated one follows
    kLinkSpan = 1 << 3,      // a linked span that differs from the stated one follows
    kLinkTraceSame = 1 << 4, // the linked trace is the stated one
    kLinkSpanSame = 1 << 5,  // the linked span is the stated one
};

constexpr size_t kVarintMax = 10; // bytes of a 64-bit varint

char* putVarint(char* p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<char>(v);
    return p;
}

void putVarint(std::string& out, uint64_t v) {
    char bytes[kVarintMax];
    out.append(bytes, static_cast<size_t>(putVarint(bytes, v) - bytes));
}

uint64_t zigzag(int64_t v) {
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

int64_t unzigzag(uint64_t v) {
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

// Deltas wrap in uint64 so any pair of int64 times round-trips.
int64_t wrappingSub(int64_t a, int64_t b) {
    return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}

int64_t wrappingAdd(int64_t a, int64_t b) {
    return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

template <typename T> char* putFixed(char* p, T v) {
    std::memcpy(p, &v, sizeof(T)); // little-endian hosts only, as span_blob_codec
    return p + sizeof(T);
}

bool getVarint(std::string_view& in, uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty()) return false;
        const auto byte = static_cast<uint8_t>(in.front());
        in.remove_prefix(1);
        v |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

template <typename T> bool getVarintAs(std::string_view& in, T& v) {
    uint64_t raw;
    if (!getVarint(in, raw) || raw > static_cast<uint64_t>(static_cast<T>(-1))) return false;
    v = static_cast<T>(raw);
    return true;
}

template <typename T> bool getFixed(std::string_view& in, T& v) {
    if (in.size() < sizeof(T)) return false;
    std::memcpy(&v, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return true;
}

bool getByte(std::string_view& in, uint8_t& v) {
    return getFixed(in, v);
}

char* putTrace(char* p, const TraceId& t) {
    return putFixed(putFixed(p, t.hi), t.lo);
}

bool getTrace(std::string_view& in, TraceId& t) {
    return getFixed(in, t.hi) && getFixed(in, t.lo);
}

// At most 2 * kVarintMax + 1 bytes.
char* putAttribute(char* p, const Attribute& a) {
    p = putVarint(p, a.key);
    *p++ = static_cast<char>(a.type);
    switch (a.type) {
    case AttrType::Int:
        return putVarint(p, zigzag(a.i));
    case AttrType::Double:
        return putFixed(p, a.d);
    case AttrType::Bool:
        *p++ = static_cast<char>(a.b ? 1 : 0);
        return p;
    default:
        return putVarint(p, a.s);
    }
}

bool getAttribute(std::string_view& in, Attribute& a) {
    a = Attribute();
    uint8_t type;
    if (!getVarintAs(in, a.key) || !getByte(in, type) ||
        type > static_cast<uint8_t>(AttrType::Json))
        return false;
    a.type = static_cast<AttrType>(type);
    switch (a.type) {
    case AttrType::Int: {
        uint64_t raw;
        if (!getVarint(in, raw)) return false;
        a.i = unzigzag(raw);
        return true;
    }
    case AttrType::Double:
        return getFixed(in, a.d);
    case AttrType::Bool: {
        uint8_t b;
        if (!getByte(in, b) || b > 1) return false;
        a.b = b != 0;
        return true;
    }
    default:
        return getVarintAs(in, a.s);
    }
}

} // namespace

void BlockEncoder::append(const PackedLogRecord& r) {
    // Written through a pointer into room reserved for the largest encoding: appending field
    // by field to the string cost more than everything else here.
    const size_t most = 3 * kVarintMax + 2 + 3 * kVarintMax + 1 + 2 * (16 + 8) + kVarintMax +
                        r.body.size() + kVarintMax + r.attributes.size() * (2 * kVarintMax + 1);
    const size_t old = m_records.size();
    m_records.resize(old + most);
    char* p = m_records.data() + old;
    p = putVarint(p, zigzag(wrappingSub(r.timeNs, m_previousTime)));
    m_previousTime = r.timeNs;
    p = putVarint(p, zigzag(wrappingSub(r.observedNs, r.timeNs)));
    *p++ = static_cast<char>(r.severity);
    *p++ = static_cast<char>(r.flags);
    p = putVarint(p, r.severityText);
    p = putVarint(p, r.stream);
    p = putVarint(p, r.source);
    uint8_t mask = 0;
    if (!r.trace.isZero()) mask |= kTrace;
    if (r.span != 0) mask |= kSpan;
    if (!r.linkTrace.isZero()) mask |= r.linkTrace == r.trace ? kLinkTraceSame : kLinkTrace;
    if (r.linkSpan != 0) mask |= r.linkSpan == r.span ? kLinkSpanSame : kLinkSpan;
    *p++ = static_cast<char>(mask);
    if (mask & kTrace) p = putTrace(p, r.trace);
    if (mask & kSpan) p = putFixed(p, r.span);
    if (mask & kLinkTrace) p = putTrace(p, r.linkTrace);
    if (mask & kLinkSpan) p = putFixed(p, r.linkSpan);
    p = putVarint(p, r.body.size());
    if (!r.body.empty()) std::memcpy(p, r.body.data(), r.body.size());
    p += r.body.size();
    p = putVarint(p, r.attributes.size());
    for (const Attribute& a : r.attributes)
        p = putAttribute(p, a);
    m_records.resize(static_cast<size_t>(p - m_records.data()));
    ++m_count;
}

const std::string& BlockEncoder::finish() {
    m_out.clear();
    putVarint(m_out, m_count);
    m_out += m_records;
    return m_out;
}

void BlockEncoder::clear() {
    m_records.clear();
    m_count = 0;
    m_previousTime = 0;
}

BlockDecoder::BlockDecoder(std::string_view blob) : m_in(blob) {
    uint64_t count;
    // A record takes at least 9 bytes, which bounds a damaged count.
    m_ok = getVarint(m_in, count) && count <= m_in.size() / 9 + 1;
    m_count = m_ok ? static_cast<size_t>(count) : 0;
}

bool BlockDecoder::next(PackedLogRecord& r) {
    if (!m_ok || m_read >= m_count) return false;
    auto fail = [&] {
        m_ok = false;
        return false;
    };
    r = PackedLogRecord();
    uint64_t delta, observed, bodySize, attrCount;
    uint8_t mask;
    if (!getVarint(m_in, delta) || !getVarint(m_in, observed) || !getByte(m_in, r.severity) ||
        !getByte(m_in, r.flags) || !getVarintAs(m_in, r.severityText) ||
        !getVarintAs(m_in, r.stream) || !getVarintAs(m_in, r.source) || !getByte(m_in, mask))
        return fail();
    r.timeNs = wrappingAdd(m_previousTime, unzigzag(delta));
    m_previousTime = r.timeNs;
    r.observedNs = wrappingAdd(r.timeNs, unzigzag(observed));
    if ((mask & kTrace) && !getTrace(m_in, r.trace)) return fail();
    if ((mask & kSpan) && !getFixed(m_in, r.span)) return fail();
    if ((mask & kLinkTrace) && !getTrace(m_in, r.linkTrace)) return fail();
    if ((mask & kLinkSpan) && !getFixed(m_in, r.linkSpan)) return fail();
    if (mask & kLinkTraceSame) r.linkTrace = r.trace;
    if (mask & kLinkSpanSame) r.linkSpan = r.span;
    if (!getVarint(m_in, bodySize) || bodySize > m_in.size()) return fail();
    r.body = m_in.substr(0, static_cast<size_t>(bodySize));
    m_in.remove_prefix(static_cast<size_t>(bodySize));
    // An attribute takes at least 3 bytes, which bounds a damaged count. Still, the list
    // grows as attributes are read rather than being sized by the count: a damaged count in a
    // blob near SQLite's 1 GB limit would otherwise ask for gigabytes before the first
    // attribute fails to decode.
    if (!getVarint(m_in, attrCount) || attrCount > m_in.size() / 3) return fail();
    m_attributes.clear();
    for (uint64_t i = 0; i < attrCount; ++i)
        if (!getAttribute(m_in, m_attributes.emplace_back())) return fail();
    r.attributes = m_attributes;
    ++m_read;
    if (m_read == m_count && !m_in.empty()) return fail(); // trailing bytes: not our blob
    return true;
}

void encodeTokenCounts(std::span<const uint32_t> counts, std::string& out) {
    out.clear();
    for (const uint32_t c : counts)
        putVarint(out, c);
}

bool decodeTokenStarts(std::string_view blob, size_t records, std::vector<uint32_t>& starts) {
    starts.assign(1, 0);
    // Every count takes a byte at least: a larger record count (the file's row_count, which
    // may be damaged) cannot be right, and must not size an allocation.
    if (records > blob.size()) return false;
    starts.reserve(records + 1);
    for (size_t i = 0; i < records; ++i) {
        uint32_t count;
        if (!getVarintAs(blob, count) || count > UINT32_MAX - starts.back()) return false;
        starts.push_back(starts.back() + count);
    }
    return blob.empty();
}

} // namespace tg::model::logblock
