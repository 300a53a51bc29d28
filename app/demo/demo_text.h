#pragma once
// Text helpers shared by the demo generator and its file writers: lower-case hex IDs, UUIDs and
// a "printf into a std::string" that does not go through iostreams. Plain functions, no state.
#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>

#include "app/demo/demo_random.h"

namespace tg::app::demo {

// Appends `digits` lower-case hex digits of `value` (most significant first, zero-padded).
inline void appendHex(std::string& out, uint64_t value, int digits = 16) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.push_back(kHex[(value >> shift) & 0xF]);
}

inline std::string hex(uint64_t value, int digits = 16) {
    std::string s;
    s.reserve(static_cast<size_t>(digits));
    appendHex(s, value, digits);
    return s;
}

// A random (version 4 shaped) UUID: "3f2b9c1e-7a4d-4e0b-9c2f-5d8e1a6b4c3d".
inline std::string uuid(Rng& rng) {
    const uint64_t hi = rng.next(), lo = rng.next();
    std::string s = hex(hi >> 32, 8) + '-' + hex((hi >> 16) & 0xFFFF, 4) + "-4" +
                    hex(hi & 0xFFF, 3) + '-' + hex(0x8000 | ((lo >> 48) & 0x3FFF), 4) + '-' +
                    hex(lo & 0xFFFFFFFFFFFFull, 12);
    return s;
}

// Lower-case alphanumerics, as in Kubernetes pod name suffixes.
inline std::string podSuffix(Rng& rng, int length) {
    static constexpr char kChars[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string s;
    for (int i = 0; i < length; ++i)
        s.push_back(kChars[rng.below(sizeof(kChars) - 1)]);
    return s;
}

inline std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
inline std::string format(const char* fmt, ...) {
    char buffer[512];
    va_list args;
    va_start(args, fmt);
    const int n = std::vsnprintf(buffer, sizeof(buffer), fmt, args);
    va_end(args);
    return std::string(buffer,
                       n < 0 ? 0 : std::min<size_t>(static_cast<size_t>(n), sizeof(buffer) - 1));
}

} // namespace tg::app::demo
