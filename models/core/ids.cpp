#include "models/core/ids.h"

#include <array>

namespace tg::model {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Parses up to 16 hex digits; false if any character is not hex.
bool parseHex64(std::string_view text, uint64_t& out) {
    uint64_t v = 0;
    for (char c : text) {
        const int h = hexValue(c);
        if (h < 0) return false;
        v = (v << 4) | static_cast<uint64_t>(h);
    }
    out = v;
    return true;
}

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

// Decodes standard or URL-safe base64 (padding optional). Returns the byte count, or -1.
int decodeBase64(std::string_view text, std::array<uint8_t, 16>& out) {
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() * 6 / 8 > out.size() || text.size() % 4 == 1) return -1;
    uint32_t acc = 0;
    int bits = 0;
    int n = 0;
    for (char c : text) {
        const int v = base64Value(c);
        if (v < 0) return -1;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[static_cast<size_t>(n++)] = static_cast<uint8_t>(acc >> bits);
        }
    }
    return n;
}

uint64_t bigEndian64(const uint8_t* p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v = (v << 8) | p[i];
    return v;
}

// FNV-1a, 64-bit; two different offsets give the 128-bit hash of a non-hex trace ID.
uint64_t fnv1a(std::string_view text, uint64_t seed) {
    uint64_t h = seed;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

bool looksLikeBase64(std::string_view text, size_t encodedLen) {
    return text.size() == encodedLen && text.find_first_of("=+/") != std::string_view::npos;
}

} // namespace

std::string TraceId::toHex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(32, '0');
    for (int i = 0; i < 16; ++i) {
        s[static_cast<size_t>(i)] = kDigits[(hi >> (60 - 4 * i)) & 0xF];
        s[static_cast<size_t>(16 + i)] = kDigits[(lo >> (60 - 4 * i)) & 0xF];
    }
    return s;
}

std::string spanIdToHex(SpanId id) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i)
        s[static_cast<size_t>(i)] = kDigits[(id >> (60 - 4 * i)) & 0xF];
    return s;
}

ParsedTraceId parseTraceId(std::string_view text) {
    ParsedTraceId r;
    if (text.empty()) return r;
    // Base64 of 16 bytes is 24 characters with "==" padding, never valid 24-digit hex with '='.
    if (looksLikeBase64(text, 24) || looksLikeBase64(text, 12)) {
        std::array<uint8_t, 16> bytes{};
        const int n = decodeBase64(text, bytes);
        if (n == 16 || n == 8)
            return traceIdFromBytes(std::string_view(reinterpret_cast<const char*>(bytes.data()),
                                                     static_cast<size_t>(n)));
    }
    if (text.size() <= 32) {
        const size_t loDigits = text.size() > 16 ? 16 : text.size();
        const std::string_view hiText = text.substr(0, text.size() - loDigits);
        const std::string_view loText = text.substr(text.size() - loDigits);
        if (parseHex64(hiText, r.id.hi) && parseHex64(loText, r.id.lo)) {
            r.spelling = IdSpelling::Hex;
            return r;
        }
        // Unpadded base64 of 16 bytes (22 chars) from URL-safe encoders.
        if (text.size() == 22) {
            std::array<uint8_t, 16> bytes{};
            if (decodeBase64(text, bytes) == 16)
                return traceIdFromBytes(
                    std::string_view(reinterpret_cast<const char*>(bytes.data()), 16));
        }
    }
    r.id = {fnv1a(text, 0xcbf29ce484222325ull), fnv1a(text, 0x84222325cbf29ce4ull)};
    r.spelling = IdSpelling::Hashed;
    return r;
}

ParsedSpanId parseSpanId(std::string_view text) {
    ParsedSpanId r;
    if (text.empty()) return r;
    if (looksLikeBase64(text, 12)) {
        std::array<uint8_t, 16> bytes{};
        if (decodeBase64(text, bytes) == 8)
            return spanIdFromBytes(
                std::string_view(reinterpret_cast<const char*>(bytes.data()), 8));
    }
    if (text.size() <= 16 && parseHex64(text, r.id)) {
        r.spelling = IdSpelling::Hex;
        return r;
    }
    r.id = fnv1a(text, 0xcbf29ce484222325ull);
    if (r.id == 0) r.id = 1;
    r.spelling = IdSpelling::Hashed;
    return r;
}

ParsedTraceId traceIdFromBytes(std::string_view bytes) {
    ParsedTraceId r;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    if (bytes.empty()) return r;
    if (bytes.size() == 16) {
        r.id = {bigEndian64(p, 8), bigEndian64(p + 8, 8)};
        r.spelling = IdSpelling::Base64;
    } else if (bytes.size() == 8) {
        r.id = {0, bigEndian64(p, 8)};
        r.spelling = IdSpelling::Base64;
    } else {
        r.id = {fnv1a(bytes, 0xcbf29ce484222325ull), fnv1a(bytes, 0x84222325cbf29ce4ull)};
        r.spelling = IdSpelling::Hashed;
    }
    return r;
}

ParsedSpanId spanIdFromBytes(std::string_view bytes) {
    ParsedSpanId r;
    if (bytes.empty()) return r;
    if (bytes.size() == 8) {
        r.id = bigEndian64(reinterpret_cast<const uint8_t*>(bytes.data()), 8);
        r.spelling = IdSpelling::Base64;
    } else {
        r.id = fnv1a(bytes, 0xcbf29ce484222325ull);
        r.spelling = IdSpelling::Hashed;
    }
    return r;
}

} // namespace tg::model
