#include "importers/telemetry/text_line_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace tg::import {

TextLineReader::TextLineReader(std::string path, TextReaderLimits limits)
    : m_path(std::move(path)), m_limits(limits) {}

TextLineReader TextLineReader::fromMemory(std::string_view bytes, std::string label,
                                          TextReaderLimits limits) {
    TextLineReader r(std::move(label), limits);
    r.m_memory = bytes;
    r.m_fromMemory = true;
    return r;
}

namespace {

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};

model::Error lineError(model::ErrorCode code, std::string detail, const std::string& path,
                       uint64_t offset, uint64_t line) {
    model::Error e = model::makeError(code, std::move(detail), path, static_cast<int64_t>(offset));
    e.line = static_cast<int64_t>(line);
    return e;
}

} // namespace

model::Status TextLineReader::run(const Callback& onLine, const Progress& onProgress) {
    std::unique_ptr<FILE, FileCloser> file;
    if (!m_fromMemory) {
        file.reset(std::fopen(m_path.c_str(), "rb"));
        if (!file)
            return model::makeError(model::ErrorCode::CannotOpen,
                                    std::string("cannot open: ") + std::strerror(errno), m_path);
    }
    // Memory input needs no buffer larger than itself (small inputs stay cheap).
    size_t chunk = std::max<size_t>(m_limits.chunkBytes, 64);
    if (m_fromMemory) chunk = std::min(chunk, std::max<size_t>(m_memory.size(), 64));
    // buffer = [pending partial line][fresh chunk][padding]
    std::vector<char> buffer(chunk + kLinePadding);
    size_t begin = 0, end = 0; // unread bytes are [begin, end)
    uint64_t consumed = 0;     // file offset of buffer[0]
    uint64_t lineNo = 1, memoryPos = 0;
    bool eof = false, first = true;
    auto fill = [&]() -> model::Status {
        if (begin > 0) { // keep the partial line at the front
            std::memmove(buffer.data(), buffer.data() + begin, end - begin);
            consumed += begin;
            end -= begin;
            begin = 0;
        }
        if (end + chunk + kLinePadding > buffer.size()) buffer.resize(end + chunk + kLinePadding);
        size_t got = 0;
        if (m_fromMemory) {
            got = std::min<size_t>(chunk, m_memory.size() - memoryPos);
            std::memcpy(buffer.data() + end, m_memory.data() + memoryPos, got);
            memoryPos += got;
        } else {
            got = std::fread(buffer.data() + end, 1, chunk, file.get());
            if (got < chunk && std::ferror(file.get()))
                return model::makeError(model::ErrorCode::CannotOpen,
                                        std::string("read error: ") + std::strerror(errno), m_path,
                                        static_cast<int64_t>(consumed + end));
        }
        if (got == 0) eof = true;
        end += got;
        std::memset(buffer.data() + end, 0, kLinePadding);
        if (onProgress) onProgress(consumed + end);
        return model::okStatus();
    };
    while (true) {
        const char* nl =
            static_cast<const char*>(std::memchr(buffer.data() + begin, '\n', end - begin));
        if (!nl && !eof) {
            if (end - begin > m_limits.maxLineBytes)
                return lineError(model::ErrorCode::TooLarge,
                                 "line longer than " + std::to_string(m_limits.maxLineBytes) +
                                     " bytes",
                                 m_path, consumed + begin, lineNo);
            if (model::Status s = fill(); !s) return s;
            continue;
        }
        if (!nl && begin == end) return model::okStatus(); // eof, nothing left
        const size_t stop = nl ? static_cast<size_t>(nl - buffer.data()) : end;
        if (stop - begin > m_limits.maxLineBytes)
            return lineError(model::ErrorCode::TooLarge,
                             "line longer than " + std::to_string(m_limits.maxLineBytes) + " bytes",
                             m_path, consumed + begin, lineNo);
        TextLine line;
        size_t textBegin = begin;
        if (first) {
            first = false;
            if (stop - begin >= 3 && std::memcmp(buffer.data() + begin, "\xEF\xBB\xBF", 3) == 0)
                textBegin += 3;
        }
        size_t textEnd = stop;
        if (textEnd > textBegin && buffer[textEnd - 1] == '\r') {
            --textEnd;
            line.hadCarriageReturn = true;
        }
        line.text = std::string_view(buffer.data() + textBegin, textEnd - textBegin);
        line.number = lineNo++;
        line.offset = consumed + textBegin;
        line.hadNewline = nl != nullptr;
        line.capacity = end + kLinePadding - textBegin;
        if (!onLine(line))
            return lineError(model::ErrorCode::Cancelled, "import cancelled", m_path, line.offset,
                             line.number);
        begin = nl ? stop + 1 : end;
        if (!nl) return model::okStatus();
    }
}

} // namespace tg::import
