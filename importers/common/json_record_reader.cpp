#include "importers/common/json_record_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <emmintrin.h>

#include "importers/common/json_value_scanner.h"

namespace tg::import {

using model::Error;
using model::ErrorCode;
using model::Status;

namespace {
constexpr size_t kPadding = 64; // >= SIMDJSON_PADDING and the scanner's 16-byte over-read

// "1 MiB", "64 KiB", "1000 bytes" for the record size limit in messages.
std::string sizeText(size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}
} // namespace

struct JsonRecordReader::Impl {
    enum class State {
        ExpectTopValue,
        TopArrayElementOrEnd,
        TopArrayCommaOrEnd,
        ObjectKeyOrEnd,
        ObjectColon,
        ObjectValue,
        MemberArrayElementOrEnd,
        MemberArrayCommaOrEnd,
        ObjectCommaOrEnd,
    };

    std::string path;
    JsonReaderLimits limits;
    int fd = -1;
    std::string_view memory; // when reading from memory
    bool fromMemory = false;
    size_t memoryPos = 0;

    std::unique_ptr<char[]> buf;
    size_t cap = 0;    // usable bytes (allocation is cap + kPadding)
    size_t pos = 0;    // next byte to look at
    size_t end = 0;    // bytes filled
    uint64_t base = 0; // file offset of buf[0]
    bool eof = false;
    uint64_t bytesRead = 0;
    size_t countedPos = 0; // newlines counted up to here
    uint64_t line = 1;

    State state = State::ExpectTopValue;
    std::string key;
    uint64_t document = 0;
    uint64_t memberIndex = 0;

    ~Impl() {
        if (fd >= 0) ::close(fd);
    }

    Error error(ErrorCode code, std::string detail, size_t at) {
        Error e;
        e.code = code;
        e.detail = std::move(detail);
        e.path = path;
        e.offset = static_cast<int64_t>(base + at);
        e.line = static_cast<int64_t>(lineAt(at));
        return e;
    }

    Error tooLarge(size_t at) {
        return error(ErrorCode::TooLarge,
                     "a single JSON value is larger than " + sizeText(limits.maxRecordBytes) +
                         " (the record size limit)",
                     at);
    }

    uint64_t lineAt(size_t at) {
        if (at > countedPos) {
            line += static_cast<uint64_t>(std::count(buf.get() + countedPos, buf.get() + at, '\n'));
            countedPos = at;
        }
        return line;
    }

    void allocate(size_t newCap) {
        std::unique_ptr<char[]> fresh(new char[newCap + kPadding]);
        if (end > 0) std::memcpy(fresh.get(), buf.get(), end); // buf is null the first time
        std::memset(fresh.get() + newCap, 0, kPadding);
        buf = std::move(fresh);
        cap = newCap;
    }

    // Makes more bytes available, keeping everything from `keepFrom` on. Returns false at EOF
    // (or on a read error, reported through `status`).
    bool refill(size_t& keepFrom, Status& status) {
        if (eof) return false;
        if (fromMemory && memoryPos >= memory.size()) { // all handed out: no compaction, no growth
            eof = true;
            std::memset(buf.get() + end, 0, kPadding);
            return false;
        }
        lineAt(keepFrom);
        if (keepFrom > 0) {
            std::memmove(buf.get(), buf.get() + keepFrom, end - keepFrom);
            base += keepFrom;
            end -= keepFrom;
            pos -= keepFrom;
            countedPos -= keepFrom;
            keepFrom = 0;
        }
        // Memory input sized below a chunk (see run()) grows only when the rest does not fit.
        const bool restFits = fromMemory && cap - end >= memory.size() - memoryPos;
        if (!restFits && end + limits.chunkBytes / 2 > cap) {
            if (end >= limits.maxRecordBytes) {
                status = tooLarge(0);
                return false;
            }
            allocate(std::max(cap * 2, end + limits.chunkBytes));
        }
        const size_t want = cap - end;
        ssize_t got = 0;
        if (fromMemory) {
            got = static_cast<ssize_t>(std::min(want, memory.size() - memoryPos));
            if (got > 0) // an empty view may have a null data()
                std::memcpy(buf.get() + end, memory.data() + memoryPos, static_cast<size_t>(got));
            memoryPos += static_cast<size_t>(got);
        } else {
            do {
                got = ::read(fd, buf.get() + end, want);
            } while (got < 0 && errno == EINTR);
            if (got < 0) {
                status = error(ErrorCode::CannotOpen,
                               std::string("read failed: ") + std::strerror(errno), end);
                return false;
            }
        }
        if (got == 0) {
            eof = true;
            std::memset(buf.get() + end, 0, kPadding);
            return false;
        }
        end += static_cast<size_t>(got);
        bytesRead += static_cast<uint64_t>(got);
        std::memset(buf.get() + end, 0, std::min(kPadding, cap + kPadding - end));
        return true;
    }

    Status run(const Callback& onRecord, const Progress& onProgress);
    Status step(const Callback& onRecord, bool& stop);
};

JsonRecordReader::JsonRecordReader(std::string path, JsonReaderLimits limits)
    : m_path(std::move(path)), m_limits(limits) {}

JsonRecordReader JsonRecordReader::fromMemory(std::string_view bytes, std::string label,
                                              JsonReaderLimits limits) {
    JsonRecordReader r(std::move(label), limits);
    r.m_memory = bytes;
    r.m_fromMemory = true;
    return r;
}

Status JsonRecordReader::run(const Callback& onRecord, const Progress& onProgress) {
    Impl impl;
    impl.path = m_path;
    impl.limits = m_limits;
    impl.fromMemory = m_fromMemory;
    impl.memory = m_memory;
    if (!m_fromMemory) {
        impl.fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (impl.fd < 0) {
            Error e;
            e.code = ErrorCode::CannotOpen;
            e.detail = std::string("cannot open: ") + std::strerror(errno);
            e.path = m_path;
            return e;
        }
    }
    // Small memory input (tests, the bundled demo, fuzzers) gets a buffer of its own size, not
    // a whole chunk.
    impl.allocate(m_fromMemory ? std::min(m_limits.chunkBytes, std::max<size_t>(m_memory.size(), 1))
                               : m_limits.chunkBytes);
    return impl.run(onRecord, onProgress);
}

Status JsonRecordReader::Impl::run(const Callback& onRecord, const Progress& onProgress) {
    Status status = model::okStatus();
    uint64_t reported = 0;
    // Skip a UTF-8 byte order mark.
    size_t keep = 0;
    refill(keep, status);
    if (!status) return status;
    if (end >= 3 && std::memcmp(buf.get(), "\xEF\xBB\xBF", 3) == 0) pos = 3;
    for (;;) {
        bool stop = false;
        status = step(onRecord, stop);
        if (!status) return status;
        if (stop) break;
        if (onProgress && bytesRead - reported >= limits.chunkBytes) {
            reported = bytesRead;
            onProgress(bytesRead);
        }
    }
    if (onProgress) onProgress(bytesRead);
    return status;
}

// Consumes one token or one record. Sets stop at a clean end of input.
Status JsonRecordReader::Impl::step(const Callback& onRecord, bool& stop) {
    Status status = model::okStatus();
    // Skip white space, refilling as needed.
    for (;;) {
        while (pos < end && isJsonSpace(buf[pos]))
            ++pos;
        if (pos < end) break;
        size_t keepFrom = pos;
        if (!refill(keepFrom, status)) {
            if (!status) return status;
            if (state == State::ExpectTopValue) {
                stop = true;
                return status;
            }
            return error(ErrorCode::Syntax, "unexpected end of file: the JSON is truncated", pos);
        }
    }
    const char c = buf[pos];
    auto unexpected = [&](const char* expected) {
        std::string got =
            (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f)
                ? std::string("'") + c + "'"
                : "byte 0x" + std::to_string(static_cast<unsigned char>(c));
        return error(ErrorCode::Syntax, std::string("expected ") + expected + ", found " + got,
                     pos);
    };
    // Scans a complete value (or key string) starting at pos; refills while it is incomplete.
    auto scanComplete = [&](size_t& valueEnd) -> Status {
        for (;;) {
            const ScanResult r = scanJsonValue(buf.get() + pos, buf.get() + end, limits.maxDepth);
            if (r.status == ScanStatus::Complete) {
                valueEnd = static_cast<size_t>(r.end - buf.get());
                // The limit holds for every record, not only for those larger than a chunk.
                if (valueEnd - pos > limits.maxRecordBytes) return tooLarge(pos);
                return model::okStatus();
            }
            if (r.status == ScanStatus::TooDeep)
                return error(
                    ErrorCode::TooLarge,
                    "JSON nested deeper than " + std::to_string(limits.maxDepth) + " levels", pos);
            if (r.status == ScanStatus::Invalid)
                return error(ErrorCode::Syntax, "malformed JSON value", pos);
            if (end - pos > limits.maxRecordBytes) return tooLarge(pos);
            size_t keepFrom = pos;
            Status s = model::okStatus();
            if (!refill(keepFrom, s)) {
                if (!s) return s;
                // A scalar may legitimately end at EOF (e.g. "1" as the last token).
                const ScanResult last =
                    scanJsonValue(buf.get() + pos, buf.get() + end, limits.maxDepth, true);
                if (last.status == ScanStatus::Complete) {
                    valueEnd = static_cast<size_t>(last.end - buf.get());
                    if (valueEnd - pos > limits.maxRecordBytes) return tooLarge(pos);
                    return model::okStatus();
                }
                return error(ErrorCode::Syntax,
                             "unexpected end of file inside a JSON value (truncated?)", pos);
            }
        }
    };
    auto emit = [&](std::string_view recordKey) -> Status {
        size_t valueEnd = 0;
        if (Status s = scanComplete(valueEnd); !s) return s;
        JsonRecord rec;
        rec.document = document;
        rec.key = recordKey;
        rec.memberIndex = memberIndex++;
        rec.data = buf.get() + pos;
        rec.size = valueEnd - pos;
        rec.capacity = cap + kPadding - pos;
        rec.offset = base + pos;
        rec.line = lineAt(pos);
        pos = valueEnd;
        if (!onRecord(rec)) return error(ErrorCode::Cancelled, "import cancelled", pos);
        return model::okStatus();
    };
    auto endDocument = [&] {
        ++pos;
        ++document;
        memberIndex = 0;
        state = State::ExpectTopValue;
    };

    switch (state) {
    case State::ExpectTopValue:
        if (c == '{')
            state = State::ObjectKeyOrEnd;
        else if (c == '[')
            state = State::TopArrayElementOrEnd;
        else
            return unexpected("'{' or '[' at the start of a JSON document");
        ++pos;
        return status;
    case State::TopArrayElementOrEnd:
        if (c == ']') {
            endDocument();
            return status;
        }
        state = State::TopArrayCommaOrEnd;
        return emit({});
    case State::TopArrayCommaOrEnd:
        if (c == ',')
            state = State::TopArrayElementOrEnd;
        else if (c == ']') {
            endDocument();
            return status;
        } else
            return unexpected("',' or ']' between array elements");
        ++pos;
        return status;
    case State::ObjectKeyOrEnd: {
        if (c == '}') {
            endDocument();
            return status;
        }
        if (c != '"') return unexpected("a member name in quotes");
        size_t keyEnd = 0;
        if (Status s = scanComplete(keyEnd); !s) return s;
        key.assign(buf.get() + pos + 1, keyEnd - pos - 2);
        pos = keyEnd;
        state = State::ObjectColon;
        return status;
    }
    case State::ObjectColon:
        if (c != ':') return unexpected("':' after a member name");
        ++pos;
        state = State::ObjectValue;
        return status;
    case State::ObjectValue:
        if (c == '[') {
            ++pos;
            state = State::MemberArrayElementOrEnd;
            return status;
        }
        state = State::ObjectCommaOrEnd;
        return emit(key);
    case State::MemberArrayElementOrEnd:
        if (c == ']') {
            ++pos;
            state = State::ObjectCommaOrEnd;
            return status;
        }
        state = State::MemberArrayCommaOrEnd;
        return emit(key);
    case State::MemberArrayCommaOrEnd:
        if (c == ',')
            state = State::MemberArrayElementOrEnd;
        else if (c == ']')
            state = State::ObjectCommaOrEnd;
        else
            return unexpected("',' or ']' between array elements");
        ++pos;
        return status;
    case State::ObjectCommaOrEnd:
        if (c == ',')
            state = State::ObjectKeyOrEnd;
        else if (c == '}') {
            endDocument();
            return status;
        } else
            return unexpected("',' or '}' between object members");
        ++pos;
        return status;
    }
    return status;
}

} // namespace tg::import
