#include "importers/common/json_value_scanner.h"

#include <emmintrin.h>

namespace tg::import {
namespace {

// Index of the first '"' or '\\' at or after p, or end.
const char* findQuoteOrBackslash(const char* p, const char* end) {
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (p + 16 <= end) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const int mask =
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        if (mask) return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
    while (p < end && *p != '"' && *p != '\\')
        ++p;
    return p;
}

// Index of the first structural byte that matters for depth: '"', '{', '}', '[', ']'.
const char* findStructural(const char* p, const char* end) {
    const __m128i quote = _mm_set1_epi8('"');
    // '{' 0x7B and '[' 0x5B differ by 0x20; so do '}' 0x7D and ']' 0x5D: fold with OR 0x20.
    const __m128i fold = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    while (p + 16 <= end) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i folded = _mm_or_si128(v, fold);
        const __m128i hit =
            _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                         _mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask) return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
    while (p < end) {
        const char c = *p;
        if (c == '"' || c == '{' || c == '}' || c == '[' || c == ']') return p;
        ++p;
    }
    return p;
}

// p points at the opening quote; returns one past the closing quote or nullptr if incomplete.
const char* skipString(const char* p, const char* end) {
    ++p;
    for (;;) {
        p = findQuoteOrBackslash(p, end);
        if (p >= end) return nullptr;
        if (*p == '"') return p + 1;
        p += 2; // backslash escapes the next byte
        if (p > end) return nullptr;
    }
}

} // namespace

ScanResult scanJsonValue(const char* p, const char* end, size_t maxDepth, bool atEof) {
    if (p >= end) return {ScanStatus::NeedMore, p};
    const char first = *p;
    if (first == '"') {
        const char* e = skipString(p, end);
        return e ? ScanResult{ScanStatus::Complete, e} : ScanResult{ScanStatus::NeedMore, p};
    }
    if (first == '{' || first == '[') {
        size_t depth = 0;
        const char* q = p;
        while (q < end) {
            q = findStructural(q, end);
            if (q >= end) break;
            const char c = *q;
            if (c == '"') {
                const char* e = skipString(q, end);
                if (!e) return {ScanStatus::NeedMore, p};
                q = e;
                continue;
            }
            if (c == '{' || c == '[') {
                if (++depth > maxDepth) return {ScanStatus::TooDeep, q};
            } else if (depth-- == 0) {
                return {ScanStatus::Invalid, q};
            }
            ++q;
            if (depth == 0) return {ScanStatus::Complete, q};
        }
        return {ScanStatus::NeedMore, p};
    }
    if (first == '}' || first == ']' || first == ',' || first == ':')
        return {ScanStatus::Invalid, p};
    // Scalar: number, true, false, null (validated later by simdjson).
    const char* q = p;
    while (q < end && *q != ',' && *q != '}' && *q != ']' && !isJsonSpace(*q))
        ++q;
    if (q < end || atEof) return {ScanStatus::Complete, q};
    return {ScanStatus::NeedMore, p};
}

} // namespace tg::import
