#pragma once
// Trace and span identifiers, normalised at the edge (DESIGN §3).
//
// A TraceId is 128 bits, a SpanId 64 bits. Importers hand in the text they found (hex of any
// case and length up to 32/16 digits, base64 as Jaeger api_v2 and protojson write it, or an
// arbitrary string); parseTraceId/parseSpanId turn it into the binary form. Text that is neither
// hex nor base64 is hashed into the same space and flagged as non-hex, so joins still work
// between records that spell the same odd ID the same way. Pure functions, thread-safe.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace tg::model {

struct TraceId {
    uint64_t hi = 0;
    uint64_t lo = 0;
    bool isZero() const { return hi == 0 && lo == 0; }
    friend auto operator<=>(const TraceId&, const TraceId&) = default;
    std::string toHex() const; // 32 lower-case hex digits
};

using SpanId = uint64_t; // 0 means "absent"

enum class IdSpelling : uint8_t { Empty, Hex, Base64, Hashed };

struct ParsedTraceId {
    TraceId id;
    IdSpelling spelling = IdSpelling::Empty;
};

struct ParsedSpanId {
    SpanId id = 0;
    IdSpelling spelling = IdSpelling::Empty;
};

// Hex (1..32 digits, any case, left-padded), base64 of 16 (or 8) bytes, otherwise hashed.
ParsedTraceId parseTraceId(std::string_view text);
// Hex (1..16 digits), base64 of 8 bytes, otherwise hashed.
ParsedSpanId parseSpanId(std::string_view text);
// Raw big-endian bytes as they appear in protobuf (16 or 8 bytes; other sizes are hashed).
ParsedTraceId traceIdFromBytes(std::string_view bytes);
ParsedSpanId spanIdFromBytes(std::string_view bytes);

std::string spanIdToHex(SpanId id); // 16 lower-case hex digits

struct TraceIdHash {
    size_t operator()(const TraceId& t) const noexcept {
        return static_cast<size_t>(t.hi * 0x9E3779B97F4A7C15ull ^ t.lo);
    }
};

} // namespace tg::model
