// Workspace log queries: records of a trace through the logs_by_trace index, and full-text
// search through the FTS5 index of the bodies. User text never reaches FTS5 as syntax: each
// word is turned into a quoted FTS5 string (ftsQuery).
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

Result<std::vector<uint32_t>> collectRows(Statement& st, const std::string& path, sqlite3* db) {
    std::vector<uint32_t> rows;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW)
        rows.push_back(static_cast<uint32_t>(st.i64(0)));
    if (rc != SQLITE_DONE)
        return makeError(ErrorCode::Storage,
                         std::string("cannot query log records: ") + sqlite3_errmsg(db), path);
    return rows;
}

} // namespace

std::string Workspace::ftsQuery(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (i >= text.size()) break;
        std::string_view word;
        if (text[i] == '"') {
            // "several words": one phrase, up to the closing quote (or the end).
            const size_t close = text.find('"', i + 1);
            const size_t end = close == std::string_view::npos ? text.size() : close;
            word = text.substr(i + 1, end - i - 1);
            i = close == std::string_view::npos ? text.size() : close + 1;
        } else {
            size_t end = i;
            while (end < text.size() && !isSpace(text[end]))
                ++end;
            word = text.substr(i, end - i);
            i = end;
        }
        const bool prefix = word.size() > 1 && word.back() == '*';
        if (prefix) word.remove_suffix(1);
        if (!hasToken(word)) continue;
        if (!out.empty()) out += ' ';
        appendQuoted(out, word);
        if (prefix) out += '*';
    }
    return out;
}

Result<std::vector<uint32_t>> Workspace::logsForTrace(const TraceId& trace, size_t limit) {
    if (trace.isZero()) return std::vector<uint32_t>{};
    Statement st(m_db, "SELECT row FROM logs WHERE link_trace_hi = ? AND link_trace_lo = ? "
                       "ORDER BY time_ns, row LIMIT ?");
    if (!st.ok()) return sqlError("cannot query log records");
    st.bind(1, trace.hi);
    st.bind(2, trace.lo);
    st.bind(3, limit > 0 ? static_cast<int64_t>(limit) : int64_t(-1));
    return collectRows(st, m_path, m_db);
}

Result<std::vector<uint32_t>> Workspace::searchLogs(std::string_view text, size_t limit) {
    const std::string query = ftsQuery(text);
    if (query.empty()) return std::vector<uint32_t>{};
    Statement st(m_db, "SELECT rowid FROM logs_fts WHERE logs_fts MATCH ? ORDER BY rowid LIMIT ?");
    if (!st.ok()) return sqlError("cannot search log records");
    st.bindText(1, query);
    st.bind(2, limit > 0 ? static_cast<int64_t>(limit) : int64_t(-1));
    return collectRows(st, m_path, m_db);
}

Result<uint64_t> Workspace::countLogMatches(std::string_view text) {
    const std::string query = ftsQuery(text);
    if (query.empty()) return uint64_t(0);
    Statement st(m_db, "SELECT count(*) FROM logs_fts WHERE logs_fts MATCH ?");
    if (!st.ok()) return sqlError("cannot search log records");
    st.bindText(1, query);
    if (st.step() != SQLITE_ROW) return sqlError("cannot search log records");
    return static_cast<uint64_t>(st.i64(0));
}

} // namespace tg::model
