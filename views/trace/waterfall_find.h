#pragma once
// Find in trace: which spans match a text. A span matches when its service or operation
// contains the text, or one of its attributes (span or resource) has a key or a value
// containing it; "key=value" instead matches spans with that attribute key (exact) whose value
// contains value. Case-insensitive for ASCII letters. Each distinct interned string is tested
// once (a per-string cache), so a search over a million spans costs one pass over them.
// Pure function; any thread.
#include <QString>

#include <cstdint>
#include <vector>

namespace tg::view {

struct WaterfallData;

// Per tree node: 1 when the span matches (all 0 for an empty text).
std::vector<uint8_t> findSpans(const WaterfallData& data, const QString& text);

} // namespace tg::view
