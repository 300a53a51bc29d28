#pragma once
// A RAII wrapper of one prepared SQLite statement with typed binds and column reads.
// Used by the workspace on its connection's thread only.
#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace tg::model {

// RAII prepared statement.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    bool ok() const { return m_rc == SQLITE_OK; }
    sqlite3_stmt* get() const { return m_stmt; }
    void bind(int i, int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, uint64_t v) { sqlite3_bind_int64(m_stmt, i, static_cast<int64_t>(v)); }
    void bindText(int i, std::string_view s) {
        // An empty view may have a null data pointer, which SQLite would bind as NULL.
        sqlite3_bind_text(m_stmt, i, s.data() ? s.data() : "", static_cast<int>(s.size()),
                          SQLITE_STATIC);
    }
    void bindBlob(int i, const std::string& s) {
        sqlite3_bind_blob(m_stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    }
    int step() { return sqlite3_step(m_stmt); }
    void reset() { sqlite3_reset(m_stmt); }
    int64_t i64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    std::string_view text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col)))
                 : std::string_view();
    }
    std::string_view blob(int col) const {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
        return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col)))
                 : std::string_view();
    }

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
};

} // namespace tg::model
