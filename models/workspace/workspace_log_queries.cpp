// Workspace log queries (schema v5): records of a trace through log_trace_blocks (the blocks
// that hold it, then their records), and full-text search through the FTS5 index of the
// blocks, resolved to records by token position (fts5_support.h). User text never reaches
// FTS5 as syntax: each word is turned into a quoted FTS5 string (ftsQuery).
#include <algorithm>
#include <utility>

#include "models/workspace/fts5_support.h"
#include "models/workspace/log_block_codec.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace.h"

namespace tg::model {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void appendQuoted(std::string& out, std::string_view word) {
    out += '"';
    for (const char c : word) {
        if (c == '"') out += '"'; // FTS5 strings escape a quote by doubling it
        out += c;
    }
    out += '"';
}

// Does `word` hold something the tokenizer keeps (a letter, digit or non-ASCII byte)? A
// string of punctuation alone would be an empty FTS5 phrase, which matches nothing.
bool hasToken(std::string_view word) {
    for (const char c : word) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z'))
            return true;
    }
    return false;
}

// A block that does not decode: the file is damaged, whatever SQLite says of it.
Error badBlock(const std::string& path) {
    return makeError(ErrorCode::Syntax, "workspace is damaged: a bad log block", path);
}

} // namespace

std::string Workspace::ftsQuery(std::string_view text, size_t* phrases) {
    std::string out;
    if (phrases) *phrases = 0;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (i >= text.size()) break;
        std::string_view word;
        bool prefix = false;
        if (text[i] == '"') {
            // "several words": one phrase, up to the closing quote (or the end).
            const size_t close = text.find('"', i + 1);
            const size_t end = close == std::string_view::npos ? text.size() : close;
            word = text.substr(i + 1, end - i - 1);
            i = close == std::string_view::npos ? text.size() : close + 1;
            // "connection ref"*: a star after the closing quote makes the last word a prefix.
            if (close != std::string_view::npos && i < text.size() && text[i] == '*') {
                prefix = true;
                ++i;
            }
        } else {
            size_t end = i;
            while (end < text.size() && !isSpace(text[end]))
                ++end;
            word = text.substr(i, end - i);
            i = end;
        }
        if (!prefix && word.size() > 1 && word.back() == '*') {
            prefix = true;
            word.remove_suffix(1);
        }
        if (!hasToken(word)) continue;
        if (!out.empty()) out += ' ';
        appendQuoted(out, word);
        if (prefix) out += '*';
        if (phrases) ++*phrases;
    }
    return out;
}

Result<std::vector<uint32_t>> Workspace::logsForTrace(const TraceId& trace, size_t limit) {
    if (trace.isZero()) return std::vector<uint32_t>{};
    Statement st(m_db, "SELECT b.first_row, b.records FROM log_trace_blocks t "
                       "JOIN log_blocks b ON b.id = t.block "
                       "WHERE t.trace_hi = ? AND t.trace_lo = ? ORDER BY t.block");
    if (!st.ok()) return sqlError("cannot query log records");
    st.bind(1, trace.hi);
    st.bind(2, trace.lo);
    std::vector<std::pair<int64_t, uint32_t>> found; // (time, row)
    logblock::PackedLogRecord r;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        const auto firstRow = static_cast<uint32_t>(st.i64(0));
        logblock::BlockDecoder block(st.blob(1));
        for (uint32_t i = 0; block.next(r); ++i)
            if (r.linkTrace == trace) found.emplace_back(r.timeNs, firstRow + i);
        if (!block.ok()) return badBlock(m_path);
    }
    if (rc != SQLITE_DONE) return sqlError("cannot query log records");
    std::sort(found.begin(), found.end());
    if (limit > 0 && found.size() > limit) found.resize(limit);
    std::vector<uint32_t> rows;
    rows.reserve(found.size());
    for (const auto& f : found)
        rows.push_back(f.second);
    return rows;
}

Status Workspace::forEachLogMatch(std::string_view text,
                                  const std::function<bool(uint32_t)>& visit) {
    size_t phrases = 0;
    const std::string query = ftsQuery(text, &phrases);
    if (query.empty()) return okStatus();
    if (phrases > fts::kMaxPhrases)
        return makeError(
            ErrorCode::Unsupported,
            "a log search takes at most " + std::to_string(fts::kMaxPhrases) + " words", m_path);
    Statement st(m_db, "SELECT b.first_row, b.row_count, b.token_starts, "
                       "tg_phrase_hits(log_blocks_fts) FROM log_blocks_fts "
                       "JOIN log_blocks b ON b.id = log_blocks_fts.rowid "
                       "WHERE log_blocks_fts MATCH ? ORDER BY log_blocks_fts.rowid");
    if (!st.ok()) return sqlError("cannot search log records");
    st.bindText(1, query);
    std::vector<uint32_t> starts, records;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        records.clear();
        if (!logblock::decodeTokenStarts(st.blob(2), static_cast<size_t>(st.i64(1)), starts) ||
            !fts::recordsMatchingAll(st.blob(3), starts, records))
            return badBlock(m_path);
        const auto firstRow = static_cast<uint32_t>(st.i64(0));
        for (const uint32_t record : records)
            if (!visit(firstRow + record)) return okStatus();
    }
    if (rc != SQLITE_DONE) return sqlError("cannot search log records");
    return okStatus();
}

Result<std::vector<uint32_t>> Workspace::searchLogs(std::string_view text, size_t limit) {
    std::vector<uint32_t> rows;
    Status s = forEachLogMatch(text, [&](uint32_t row) {
        rows.push_back(row);
        return limit == 0 || rows.size() < limit;
    });
    if (!s) return s.error();
    return rows;
}

Result<uint64_t> Workspace::countLogMatches(std::string_view text) {
    uint64_t count = 0;
    Status s = forEachLogMatch(text, [&](uint32_t) {
        ++count;
        return true;
    });
    if (!s) return s.error();
    return count;
}

} // namespace tg::model
