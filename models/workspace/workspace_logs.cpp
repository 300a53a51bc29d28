// Workspace::persistNewLogs and Workspace::loadLogsInto: the bulk paths between the LogStore
// and the file's log tables (schema v3). One transaction per persist: sources, strings,
// streams, records, then the FTS5 index of the new bodies in one INSERT ... SELECT (faster
// than indexing row by row, and the bodies are stored once, in logs.body).
#include <algorithm>
#include <cstring>

#include "models/correlate/correlation_index.h"
#include "models/workspace/label_blob.h"
#include "models/workspace/span_blob_codec.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace.h"

namespace tg::model {
namespace {

// NULL for an absent ID, so the partial index only holds records that have one.
void bindTrace(Statement& st, int col, const TraceId& t, SpanId span) {
    if (t.isZero()) {
        sqlite3_bind_null(st.get(), col);
        sqlite3_bind_null(st.get(), col + 1);
    } else {
        st.bind(col, t.hi);
        st.bind(col + 1, t.lo);
    }
    if (span == 0)
        sqlite3_bind_null(st.get(), col + 2);
    else
        st.bind(col + 2, span);
}

} // namespace

Status Workspace::checkExtendsLogs(const LogStore& logs) const {
    Error e = makeError(ErrorCode::Internal,
                        "log store does not extend this workspace (load the workspace's logs "
                        "into it first)",
                        m_path);
    if (logs.recordCount() < m_storedLogs || logs.strings.size() < m_storedLogStrings ||
        logs.streamCount() < m_storedLogStreams || logs.sources.size() < m_storedLogSources)
        return e;
    if (m_storedLogStrings > 0) {
        Statement st(m_db, "SELECT text FROM log_strings WHERE id = ?");
        st.bind(1, static_cast<int64_t>(m_storedLogStrings - 1));
        if (st.step() != SQLITE_ROW ||
            st.text(0) != logs.strings.view(static_cast<StringId>(m_storedLogStrings - 1)))
            return e;
    }
    if (m_storedLogs > 0) {
        const size_t row = m_storedLogs - 1;
        Statement st(m_db, "SELECT time_ns, body FROM logs WHERE row = ?");
        st.bind(1, static_cast<int64_t>(row));
        if (st.step() != SQLITE_ROW || st.i64(0) != logs.timeNs[row] ||
            st.text(1) != logs.body(row))
            return e;
    }
    return okStatus();
}

namespace {

constexpr int kLogColumns = 16;
constexpr size_t kRowsPerInsert = 64; // one multi-row INSERT: fewer statement steps per row

std::string insertSql(size_t rows) {
    std::string sql = "INSERT INTO logs VALUES";
    for (size_t r = 0; r < rows; ++r)
        sql += r ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    return sql;
}

// Binds one record to parameters base+1 .. base+16; `attrs` must live until the step.
void bindLogRow(Statement& st, int base, const LogStore& logs, size_t row,
                const CorrelationIndex* links, std::string& attrs) {
    st.bind(base + 1, static_cast<int64_t>(row));
    st.bind(base + 2, static_cast<int64_t>(logs.source[row]) + 1);
    st.bind(base + 3, logs.timeNs[row]);
    st.bind(base + 4, logs.observedNs[row]);
    st.bind(base + 5, static_cast<int64_t>(logs.severity[row]));
    st.bind(base + 6, static_cast<int64_t>(logs.severityText[row]));
    st.bind(base + 7, static_cast<int64_t>(logs.stream[row]));
    st.bind(base + 8, static_cast<int64_t>(logs.flags[row]));
    bindTrace(st, base + 9, logs.traceId[row], logs.spanId[row]);
    if (links) {
        const LogLink link = links->logLink(static_cast<uint32_t>(row));
        bindTrace(st, base + 12, link.trace, link.span);
    } else {
        bindTrace(st, base + 12, logs.traceId[row], logs.spanId[row]);
    }
    st.bindText(base + 15, logs.body(row));
    const auto a = logs.attributesOf(row);
    if (a.empty()) {
        sqlite3_bind_null(st.get(), base + 16);
    } else {
        blob::encodeAttributes(a, attrs);
        st.bindBlob(base + 16, attrs);
    }
}

} // namespace

Status Workspace::writeLogRows(const LogStore& logs, const CorrelationIndex* links) {
    Statement batch(m_db, insertSql(kRowsPerInsert).c_str());
    Statement single(m_db, insertSql(1).c_str());
    if (!batch.ok() || !single.ok()) return sqlError("cannot write log records");
    std::vector<std::string> attrs(kRowsPerInsert);
    size_t row = m_storedLogs;
    const size_t n = logs.recordCount();
    for (; row + kRowsPerInsert <= n; row += kRowsPerInsert) {
        for (size_t i = 0; i < kRowsPerInsert; ++i)
            bindLogRow(batch, static_cast<int>(i) * kLogColumns, logs, row + i, links, attrs[i]);
        if (batch.step() != SQLITE_DONE) return sqlError("cannot write log records");
        batch.reset();
    }
    for (; row < n; ++row) {
        bindLogRow(single, 0, logs, row, links, attrs[0]);
        if (single.step() != SQLITE_DONE) return sqlError("cannot write log records");
        single.reset();
    }
    return okStatus();
}

Status Workspace::persistNewLogs(const LogStore& logs, const CorrelationIndex* links,
                                 const std::vector<std::string>& reports) {
    if (Status s = checkExtendsLogs(logs); !s) return s;
    bool nested = false;
    if (Status s = beginWrite(nested); !s) return s;
    auto fail = [&](Status s) -> Status {
        rollbackWrite(nested);
        return s;
    };
    {
        Statement imp(m_db, "INSERT INTO log_imports(id, path, format, report) VALUES(?,?,?,?)");
        for (size_t i = m_storedLogSources; i < logs.sources.size(); ++i) {
            imp.bind(1, static_cast<int64_t>(i + 1));
            imp.bindText(2, logs.sources[i].path);
            imp.bindText(3, logs.sources[i].format);
            const size_t r = i - m_storedLogSources;
            if (r < reports.size())
                imp.bindText(4, reports[r]);
            else
                sqlite3_bind_null(imp.get(), 4);
            if (imp.step() != SQLITE_DONE) return fail(sqlError("cannot write log import record"));
            imp.reset();
        }
        Statement str(m_db, "INSERT INTO log_strings(id, text) VALUES(?,?)");
        for (size_t id = m_storedLogStrings; id < logs.strings.size(); ++id) {
            str.bind(1, static_cast<int64_t>(id));
            str.bindText(2, logs.strings.view(static_cast<StringId>(id)));
            if (str.step() != SQLITE_DONE) return fail(sqlError("cannot write log strings"));
            str.reset();
        }
        Statement stream(m_db, "INSERT INTO log_streams(id, labels) VALUES(?,?)");
        std::string labels;
        for (size_t id = m_storedLogStreams; id < logs.streamCount(); ++id) {
            stream.bind(1, static_cast<int64_t>(id));
            blob::encodeLabels(logs.streamLabels(static_cast<StreamId>(id)), labels);
            stream.bindBlob(2, labels);
            if (stream.step() != SQLITE_DONE) return fail(sqlError("cannot write log streams"));
            stream.reset();
        }
    }
    if (Status s = writeLogRows(logs, links); !s) return fail(s);
    {
        Statement fts(m_db, "INSERT INTO logs_fts(rowid, body) SELECT row, body FROM logs "
                            "WHERE row >= ? ORDER BY row");
        fts.bind(1, static_cast<int64_t>(m_storedLogs));
        if (!fts.ok() || fts.step() != SQLITE_DONE)
            return fail(sqlError("cannot index log bodies for search"));
    }
    if (Status s = commitWrite(nested); !s) return fail(s);
    m_storedLogSources = logs.sources.size();
    m_storedLogStrings = logs.strings.size();
    m_storedLogStreams = logs.streamCount();
    m_storedLogs = logs.recordCount();
    return okStatus();
}

namespace {

// A stored attribute back to an importer's input form (the store interns it again, which gives
// the same id because every stored string was interned first, in id order).
bool toInput(const Attribute& a, const StringPool& strings, AttributeInput& in) {
    if (a.key >= strings.size()) return false;
    in = AttributeInput();
    in.key = strings.view(a.key);
    in.type = a.type;
    switch (a.type) {
    case AttrType::Int:
        in.i = a.i;
        return true;
    case AttrType::Double:
        in.d = a.d;
        return true;
    case AttrType::Bool:
        in.b = a.b;
        return true;
    default:
        if (a.s >= strings.size()) return false;
        in.str = strings.view(a.s);
        return true;
    }
}

} // namespace

Status Workspace::loadLogsInto(LogStore& logs) {
    if (logs.recordCount() != 0 || logs.strings.size() != 1 || logs.streamCount() != 0)
        return makeError(ErrorCode::Internal, "a workspace loads into an empty log store only",
                         m_path);
    auto corrupt = [&](const std::string& what) -> Status {
        logs.truncate({});
        Error e = makeError(ErrorCode::Syntax, "workspace is damaged: " + what, m_path);
        return e;
    };
    auto readFailed = [&](int rc, const char* table) -> Status {
        return corrupt(std::string("cannot read ") + table + ": " + sqlite3_errstr(rc));
    };
    int rc;
    {
        Statement st(m_db, "SELECT id, text FROM log_strings ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW)
            if (logs.strings.intern(st.text(1)) != static_cast<StringId>(st.i64(0)))
                return corrupt("log string ids are not dense and unique");
        if (rc != SQLITE_DONE) return readFailed(rc, "log_strings");
    }
    {
        Statement st(m_db, "SELECT path, format FROM log_imports ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW)
            logs.addSource(std::string(st.text(0)), std::string(st.text(1)));
        if (rc != SQLITE_DONE) return readFailed(rc, "log_imports");
    }
    {
        Statement st(m_db, "SELECT id, labels FROM log_streams ORDER BY id");
        std::vector<LabelInput> labels;
        while ((rc = st.step()) == SQLITE_ROW)
            if (!blob::decodeLabels(st.blob(1), logs.strings, labels) ||
                logs.addStream(labels) != static_cast<StreamId>(st.i64(0)))
                return corrupt("bad log stream " + std::to_string(st.i64(0)));
        if (rc != SQLITE_DONE) return readFailed(rc, "log_streams");
    }
    Statement st(m_db,
                 "SELECT import_id, time_ns, observed_ns, severity, severity_text, stream, "
                 "flags, trace_hi, trace_lo, span_id, body, attributes FROM logs ORDER BY row");
    LogInput in;
    std::vector<Attribute> decoded;
    uint64_t rows = 0;
    while ((rc = st.step()) == SQLITE_ROW) {
        const int64_t importId = st.i64(0), severityText = st.i64(4), stream = st.i64(5);
        if (importId < 1 || static_cast<uint64_t>(importId) > logs.sources.size() ||
            severityText < 0 || static_cast<uint64_t>(severityText) >= logs.strings.size() ||
            stream < 0 || static_cast<uint64_t>(stream) >= logs.streamCount())
            return corrupt("log record " + std::to_string(rows) +
                           " refers to a missing string, stream or import");
        in.clear();
        in.timeNs = st.i64(1);
        in.observedNs = st.i64(2);
        in.severity = static_cast<LogSeverity>(std::min<int64_t>(st.i64(3) & 7, 6));
        in.severityText = logs.strings.view(static_cast<StringId>(severityText));
        in.flags = static_cast<uint8_t>(st.i64(6));
        if (sqlite3_column_type(st.get(), 7) != SQLITE_NULL)
            in.trace = {{static_cast<uint64_t>(st.i64(7)), static_cast<uint64_t>(st.i64(8))},
                        IdSpelling::Hex};
        if (sqlite3_column_type(st.get(), 9) != SQLITE_NULL)
            in.span = {static_cast<uint64_t>(st.i64(9)), IdSpelling::Hex};
        in.body = st.text(10);
        decoded.clear();
        if (!blob::decodeAttributes(st.blob(11), decoded))
            return corrupt("bad attributes of log record " + std::to_string(rows));
        in.attributes.resize(decoded.size());
        for (size_t i = 0; i < decoded.size(); ++i)
            if (!toInput(decoded[i], logs.strings, in.attributes[i]))
                return corrupt("log record " + std::to_string(rows) + " names a missing string");
        logs.setCurrentSource(static_cast<uint16_t>(importId - 1));
        logs.addRecord(static_cast<StreamId>(stream), in);
        ++rows;
    }
    if (rc != SQLITE_DONE) return readFailed(rc, "logs");
    if (rows != m_storedLogs) return corrupt("log rows are missing");
    logs.buildIndex();
    return okStatus();
}

} // namespace tg::model
