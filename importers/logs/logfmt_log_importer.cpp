#include "importers/logs/logfmt_log_importer.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "importers/logs/line_importer.h"

namespace tg::import {

namespace {

// Scanning eight bytes at a time (SWAR): a line is mostly long tokens between a few
// separators, and testing each byte on its own was a quarter of the import.
constexpr uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;

uint64_t load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}
// High bit set in each byte of `w` below `n` (n <= 128). Only the lowest flag is exact: a
// borrow may flag bytes above a true one, so callers take the first flag and test that byte.
uint64_t bytesBelow(uint64_t w, uint8_t n) {
    return (w - kOnes * n) & ~w & kHighBits;
}
uint64_t bytesEqual(uint64_t w, char c) {
    return bytesBelow(w ^ (kOnes * static_cast<uint8_t>(c)), 1);
}
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

// The first position from `pos` holding a space or tab (or '=' when `stopAtEquals`); the
// line's size when none.
template <bool stopAtEquals> size_t tokenEnd(std::string_view line, size_t pos) {
    const char* d = line.data();
    const size_t n = line.size();
    if constexpr (kLittleEndian) {
        while (pos + 8 <= n) {
            const uint64_t w = load8(d + pos);
            uint64_t flags = bytesBelow(w, 0x21); // space, tab and other control bytes
            if constexpr (stopAtEquals) flags |= bytesEqual(w, '=');
            if (flags == 0) {
                pos += 8;
                continue;
            }
            pos += static_cast<size_t>(std::countr_zero(flags)) / 8;
            if (isSpace(d[pos]) || (stopAtEquals && d[pos] == '=')) return pos;
            ++pos; // a control byte that is no separator
        }
    }
    while (pos < n && !isSpace(d[pos]) && !(stopAtEquals && d[pos] == '='))
        ++pos;
    return pos;
}

// The first '"' or '\\' from `pos`; the line's size when none.
size_t quoteOrEscape(std::string_view line, size_t pos) {
    const char* d = line.data();
    const size_t n = line.size();
    if constexpr (kLittleEndian) {
        for (; pos + 8 <= n; pos += 8) {
            const uint64_t w = load8(d + pos);
            const uint64_t flags = bytesEqual(w, '"') | bytesEqual(w, '\\');
            if (flags != 0) return pos + static_cast<size_t>(std::countr_zero(flags)) / 8;
        }
    }
    while (pos < n && d[pos] != '"' && d[pos] != '\\')
        ++pos;
    return pos;
}

// A quoted value starting after its opening quote; advances past the closing quote.
std::string_view readQuoted(std::string_view line, size_t& pos, LogFields& out) {
    const size_t start = pos;
    bool escaped = false;
    while ((pos = quoteOrEscape(line, pos)) < line.size() && line[pos] != '"') {
        if (pos + 1 < line.size()) { // a backslash escapes the next byte
            escaped = true;
            ++pos;
        }
        ++pos;
    }
    const std::string_view raw = line.substr(start, pos - start);
    if (pos < line.size()) ++pos; // closing quote (an unclosed one runs to the end of the line)
    if (!escaped) return raw;
    std::string& text = out.scratch();
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 == raw.size()) {
            text += raw[i];
            continue;
        }
        const char next = raw[++i];
        text += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
    }
    return text;
}

} // namespace

size_t parseLogfmt(std::string_view line, LogFields& out) {
    size_t pos = 0, pairs = 0;
    while (pos < line.size()) {
        while (pos < line.size() && isSpace(line[pos]))
            ++pos;
        if (pos == line.size()) break;
        const size_t keyStart = pos;
        pos = tokenEnd<true>(line, pos);
        const std::string_view key = line.substr(keyStart, pos - keyStart);
        if (pos >= line.size() || line[pos] != '=') {
            if (!key.empty()) out.addString(key, {});
            continue;
        }
        ++pos; // '='
        std::string_view value;
        if (pos < line.size() && line[pos] == '"') {
            ++pos;
            value = readQuoted(line, pos, out);
        } else {
            const size_t start = pos;
            pos = tokenEnd<false>(line, pos);
            value = line.substr(start, pos - start);
        }
        if (key.empty()) continue; // "=value": not a field
        out.addString(key, value);
        ++pairs;
    }
    return pairs;
}

model::Status importLogfmtLogs(const TelemetryInput& input, TelemetryTarget& target,
                               const TelemetryImportOptions& options) {
    LogFields fields;
    model::LogInput record;
    std::vector<model::LabelInput> labels;
    return forEachLine(input, options, target.logs, [&](const TextLine& line) {
        if (line.text.find_first_not_of(" \t") == std::string_view::npos) return;
        fields.clear();
        record.clear();
        labels.clear();
        if (parseLogfmt(line.text, fields) == 0) {
            target.diagnostics.report("not_logfmt", model::Severity::Warning,
                                      linePosition(input.path, line.number) +
                                          ": no key=value pair; kept as plain text");
            fields.clear();
            record.body = line.text;
            record.flags |= model::kLogNoTime;
        } else if (!fields.assemble(record, labels, line.text)) {
            target.diagnostics.report("missing_time", model::Severity::Info,
                                      linePosition(input.path, line.number) +
                                          ": no time field (ts=, time=, timestamp=, ...)");
        }
        addLogRecord(target, record, labels);
    });
}

} // namespace tg::import
