#pragma once
// Finds where one JSON value ends without parsing it: strings (with escapes), nested objects and
// arrays (depth-counted), or a scalar. Used only to split input into records for simdjson; the
// values themselves are validated by simdjson when parsed. SSE2 skips runs of ordinary bytes.
// Pure functions; thread-safe.
#include <cstddef>

namespace tg::import {

enum class ScanStatus { Complete, NeedMore, Invalid, TooDeep };

struct ScanResult {
    ScanStatus status;
    const char* end; // one past the value when Complete
};

inline bool isJsonSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// [p, end) must be followed by at least 16 readable bytes. With atEof, a scalar running to
// `end` is complete.
ScanResult scanJsonValue(const char* p, const char* end, size_t maxDepth, bool atEof = false);

} // namespace tg::import
