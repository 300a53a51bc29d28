#pragma once
// Streams a text file line by line with bounded memory (the line-oriented counterpart of
// JsonRecordReader): reads fixed-size chunks, hands out each line without its "\n" (and
// without a "\r" before it), with its 1-based number and byte offset. A line longer than the
// limit is a TooLarge error naming the line, never an unbounded buffer. Each line is followed
// by at least kLinePadding readable bytes, so simdjson may parse it in place (JSON Lines).
// A UTF-8 byte-order mark at the start of the file is skipped.
//
// Thread affinity: one reader per import job; runs on that job's thread.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "models/core/result.h"

namespace tg::import {

inline constexpr size_t kLinePadding = 64; // >= SIMDJSON_PADDING

struct TextLine {
    std::string_view text;
    uint64_t number = 0;            // 1-based
    uint64_t offset = 0;            // byte offset of the first character in the file
    bool hadNewline = true;         // false for a last line without "\n"
    bool hadCarriageReturn = false; // the line ended in "\r\n"
    size_t capacity = 0;            // readable bytes from text.data() (>= size + kLinePadding)
};

struct TextReaderLimits {
    size_t chunkBytes = 1u << 20;
    size_t maxLineBytes = 16u << 20;
};

class TextLineReader {
public:
    // The callback returns false to stop (cancellation): run() then returns Cancelled.
    using Callback = std::function<bool(const TextLine&)>;
    using Progress = std::function<void(uint64_t bytesRead)>;

    TextLineReader(std::string path, TextReaderLimits limits = {});
    static TextLineReader fromMemory(std::string_view bytes, std::string label,
                                     TextReaderLimits limits = {});

    model::Status run(const Callback& onLine, const Progress& onProgress = {});

private:
    std::string m_path;
    std::string_view m_memory;
    bool m_fromMemory = false;
    TextReaderLimits m_limits;
};

} // namespace tg::import
