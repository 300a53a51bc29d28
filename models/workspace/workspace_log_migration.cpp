// Workspace::migrateLogsToBlocks: the C++ half of the schema 4 -> 5 migration. Schema v3 kept
// one SQLite row (and one FTS5 document) per log record in `logs`; v5 packs them in blocks.
// Runs inside the migration's transaction, after the v5 tables exist: reads the v3 rows in row
// order into a LogBlockWriter, then drops the v3 tables, so the version bump commits with it.
#include "models/workspace/log_block_writer.h"
#include "models/workspace/span_blob_codec.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace.h"

namespace tg::model {
namespace {

TraceId traceColumns(const Statement& st, int col) {
    if (sqlite3_column_type(st.get(), col) == SQLITE_NULL) return {};
    return {static_cast<uint64_t>(st.i64(col)), static_cast<uint64_t>(st.i64(col + 1))};
}

SpanId spanColumn(const Statement& st, int col) {
    return sqlite3_column_type(st.get(), col) == SQLITE_NULL ? 0 : static_cast<SpanId>(st.i64(col));
}

} // namespace

// A damaged v3 row must not make the whole file unreadable (its spans and metrics are fine):
// rows are packed in row order and renumbered densely (a row is only the store's index), a
// missing import keeps its impossible number (loading the logs then says so, as in v4), and
// attributes that do not decode are left out of their record.
Status Workspace::migrateLogsToBlocks() {
    Statement st(m_db, "SELECT row, import_id, time_ns, observed_ns, severity, severity_text, "
                       "stream, flags, trace_hi, trace_lo, span_id, link_trace_hi, "
                       "link_trace_lo, link_span_id, body, attributes FROM logs ORDER BY row");
    LogBlockBuilder builder(m_db);
    LogBlockWriter writer(m_db, 0);
    if (!st.ok() || !builder.ok() || !writer.ok())
        return sqlError("cannot move log records to schema 5");
    PreparedLogBlock block;
    uint64_t blockStart = 0;
    HugePageVector<Attribute> attributes; // the type blob::decodeAttributes appends to
    uint64_t rows = 0;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        logblock::PackedLogRecord r;
        r.source = static_cast<uint32_t>(st.i64(1) - 1); // import 0 (none): UINT32_MAX
        r.timeNs = st.i64(2);
        r.observedNs = st.i64(3);
        r.severity = static_cast<uint8_t>(st.i64(4));
        r.severityText = static_cast<uint32_t>(st.i64(5));
        r.stream = static_cast<uint32_t>(st.i64(6));
        r.flags = static_cast<uint8_t>(st.i64(7));
        r.trace = traceColumns(st, 8);
        r.span = spanColumn(st, 10);
        r.linkTrace = traceColumns(st, 11);
        r.linkSpan = spanColumn(st, 13);
        r.body = st.text(14);
        attributes.clear();
        if (!blob::decodeAttributes(st.blob(15), attributes)) attributes.clear();
        r.attributes = attributes;
        ++rows;
        if (builder.add(r)) {
            builder.take(blockStart, block);
            blockStart = rows;
            if (!writer.write(block)) return sqlError("cannot move log records to schema 5");
        }
    }
    if (rc != SQLITE_DONE) return sqlError("cannot move log records to schema 5");
    if (builder.count() > 0) {
        builder.take(blockStart, block);
        if (!writer.write(block)) return sqlError("cannot move log records to schema 5");
    }
    return exec("DROP VIEW IF EXISTS logs_readable; DROP TABLE logs_fts; DROP TABLE logs;");
}

} // namespace tg::model
