#include "models/workspace/workspace.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>

#include "models/workspace/fts5_support.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace_schema.h"

namespace tg::model {

Error Workspace::sqlError(const std::string& what) const {
    Error e;
    e.code = ErrorCode::Storage;
    e.detail = what + ": " + (m_db ? sqlite3_errmsg(m_db) : "no database");
    e.path = m_path;
    return e;
}

Status Workspace::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error e = sqlError("SQL failed");
        if (message) e.detail = std::string("SQL failed: ") + message;
        sqlite3_free(message);
        return e;
    }
    return okStatus();
}

namespace {

// SQLite opens a non-empty file shorter than its header as an empty database and would then
// write our schema over it; anything non-empty must start with the SQLite magic instead.
bool hasForeignHeader(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false; // missing: sqlite3_open_v2 reports it (or creates it)
    char head[16] = {};
    const size_t n = std::fread(head, 1, sizeof head, f);
    std::fclose(f);
    return n > 0 && (n < sizeof head || std::memcmp(head, "SQLite format 3", sizeof head) != 0);
}

} // namespace

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& path, bool create) {
    if (hasForeignHeader(path)) {
        Error e;
        e.code = ErrorCode::UnknownFormat;
        e.path = path;
        e.offset = 0;
        e.detail = "not a Topograph workspace (not an SQLite database)";
        return e;
    }
    sqlite3* db = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    std::unique_ptr<Workspace> ws(new Workspace(db, path));
    if (rc != SQLITE_OK) {
        Error e = ws->sqlError("cannot open workspace");
        e.code = ErrorCode::CannotOpen;
        return e;
    }
    sqlite3_busy_timeout(db, 5000);
    if (!fts::registerPhraseHits(db)) {
        Error e = ws->sqlError("cannot open workspace: SQLite lacks FTS5");
        e.code = ErrorCode::CannotOpen;
        return e;
    }
    if (Status s = ws->exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !s)
        return s.error();
    if (Status s = ws->exec(kNormalCache); !s) return s.error();
    if (Status s = ws->migrate(); !s) return s.error();
    if (Status s = ws->readCounts(); !s) return s.error();
    return ws;
}

Workspace::~Workspace() {
    if (m_db) sqlite3_close(m_db);
}

int Workspace::schemaVersion() const {
    Statement st(m_db, "PRAGMA user_version");
    return st.ok() && st.step() == SQLITE_ROW ? static_cast<int>(st.i64(0)) : -1;
}

Status Workspace::migrate() {
    int version = schemaVersion();
    if (version < 0) {
        Error e = sqlError("not a Topograph workspace (cannot read its schema version)");
        e.code = ErrorCode::UnknownFormat;
        return e;
    }
    if (version == 0 && hasOtherTables()) {
        // Another program's database: never migrate into it.
        Error e;
        e.code = ErrorCode::UnknownFormat;
        e.path = m_path;
        e.detail = "not a Topograph workspace (an SQLite database with other tables)";
        return e;
    }
    if (version > schema::kLatestVersion) {
        Error e;
        e.code = ErrorCode::Unsupported;
        e.path = m_path;
        e.detail = "workspace schema version " + std::to_string(version) +
                   " is newer than this Topograph understands (" +
                   std::to_string(schema::kLatestVersion) + ")";
        return e;
    }
    for (; version < schema::kLatestVersion; ++version) {
        // Each migration and its version bump commit together.
        if (Status s = exec("BEGIN IMMEDIATE"); !s) return s;
        Status s = exec(schema::kMigrations[version]);
        if (s && version + 1 == 5) s = migrateLogsToBlocks();
        if (s) s = exec(("PRAGMA user_version=" + std::to_string(version + 1)).c_str());
        if (!s) {
            exec("ROLLBACK");
            return s;
        }
        if (Status c = exec("COMMIT"); !c) return c;
    }
    return okStatus();
}

bool Workspace::hasOtherTables() const {
    Statement st(m_db, "SELECT count(*) FROM sqlite_master");
    return !st.ok() || st.step() != SQLITE_ROW || st.i64(0) != 0;
}

Status Workspace::beginWrite(bool& nested) {
    nested = !sqlite3_get_autocommit(m_db);
    return exec(nested ? "SAVEPOINT tg_write" : "BEGIN IMMEDIATE");
}

Status Workspace::commitWrite(bool nested) {
    return exec(nested ? "RELEASE tg_write" : "COMMIT");
}

void Workspace::rollbackWrite(bool nested) {
    exec(nested ? "ROLLBACK TO tg_write; RELEASE tg_write" : "ROLLBACK");
}

Status Workspace::runBatch(const std::function<Status()>& writes) {
    if (!sqlite3_get_autocommit(m_db))
        return makeError(ErrorCode::Internal, "a batch of workspace writes cannot nest", m_path);
    if (Status s = exec("BEGIN IMMEDIATE"); !s) return s;
    Status s = writes();
    if (s) s = exec("COMMIT");
    if (s) return s;
    if (!sqlite3_get_autocommit(m_db)) exec("ROLLBACK");
    // The writes advanced the counts of what the file holds; it holds none of it now.
    if (Status r = readCounts(); !r) return r;
    return s;
}

Status Workspace::readCounts() {
    auto count = [&](const char* sql, uint64_t& out) -> Status {
        Statement st(m_db, sql);
        if (!st.ok() || st.step() != SQLITE_ROW) return sqlError("cannot read workspace");
        out = static_cast<uint64_t>(st.i64(0));
        return okStatus();
    };
    if (Status s = count("SELECT count(*) FROM spans", m_storedSpans); !s) return s;
    if (Status s = count("SELECT count(*) FROM strings", m_storedStrings); !s) return s;
    if (Status s = count("SELECT count(*) FROM resources", m_storedResources); !s) return s;
    if (Status s = count("SELECT count(*) FROM imports", m_storedSources); !s) return s;
    // Rows are dense from 0 and blocks in row order, so the last block ends at the count.
    if (Status s = count("SELECT coalesce((SELECT first_row + row_count FROM log_blocks "
                         "ORDER BY id DESC LIMIT 1), 0)",
                         m_storedLogs);
        !s)
        return s;
    if (Status s = count("SELECT count(*) FROM log_strings", m_storedLogStrings); !s) return s;
    if (Status s = count("SELECT count(*) FROM log_streams", m_storedLogStreams); !s) return s;
    if (Status s = count("SELECT count(*) FROM log_imports", m_storedLogSources); !s) return s;
    if (Status s = count("SELECT count(*) FROM metric_strings", m_storedMetricStrings); !s)
        return s;
    if (Status s = count("SELECT count(*) FROM metric_imports", m_storedMetricSources); !s)
        return s;
    if (Status s = count("SELECT count(*) FROM metric_families", m_storedFamilies); !s) return s;
    if (Status s = count("SELECT count(*) FROM metric_series", m_storedSeries); !s) return s;
    if (Status s = count("SELECT coalesce(max(row) + 1, 0) FROM metric_samples", m_storedSamples);
        !s)
        return s;
    return count("SELECT coalesce(max(row) + 1, 0) FROM metric_exemplars", m_storedExemplars);
}

} // namespace tg::model
