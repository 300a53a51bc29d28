// Workspace::persistNewLogs and Workspace::loadLogsInto: the bulk paths between the LogStore
// and the file's log tables (schema v5). One transaction per persist: sources, strings,
// streams, then the records in blocks (log_block_builder.h prepares them, log_block_writer.h
// writes the block rows, their FTS5 documents and the trace index).
#include <algorithm>
#include <cstring>
#include <future>

#include "models/correlate/correlation_index.h"
#include "models/workspace/label_blob.h"
#include "models/workspace/log_block_writer.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace.h"

namespace tg::model {
namespace {

logblock::PackedLogRecord packedRecord(const LogStore& logs, size_t row,
                                       const CorrelationIndex* links) {
    logblock::PackedLogRecord r;
    r.timeNs = logs.timeNs[row];
    r.observedNs = logs.observedNs[row];
    r.severity = static_cast<uint8_t>(logs.severity[row]);
    r.flags = logs.flags[row];
    r.severityText = logs.severityText[row];
    r.stream = logs.stream[row];
    r.source = logs.source[row];
    r.trace = logs.traceId[row];
    r.span = logs.spanId[row];
    if (links) {
        const LogLink link = links->logLink(static_cast<uint32_t>(row));
        r.linkTrace = link.trace;
        r.linkSpan = link.span;
    } else {
        r.linkTrace = r.trace;
        r.linkSpan = r.span;
    }
    r.body = logs.body(row);
    r.attributes = logs.attributesOf(row);
    return r;
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
        Statement st(m_db, "SELECT first_row, records FROM log_blocks ORDER BY id DESC LIMIT 1");
        if (st.step() != SQLITE_ROW) return e;
        logblock::BlockDecoder block(st.blob(1));
        logblock::PackedLogRecord last;
        while (block.next(last)) {
        }
        if (!block.ok() || block.count() == 0 ||
            static_cast<uint64_t>(st.i64(0)) + block.count() != m_storedLogs ||
            last.timeNs != logs.timeNs[row] || last.body != logs.body(row))
            return e;
    }
    return okStatus();
}

// Records go out in batches of whole blocks: a second thread prepares the next batch (packing,
// token counts, documents: LogBlockBuilder, which only reads the store and the links) while
// this one writes the current one, the two halves costing about the same. The store must not
// change until persistNewLogs returns (the class contract), which makes the reads safe.
Status Workspace::writeLogRows(const LogStore& logs, const CorrelationIndex* links) {
    constexpr size_t kBatchRows = 16 * logblock::kLogBlockRecords;
    int64_t nextBlock = 0;
    {
        Statement st(m_db, "SELECT coalesce(max(id) + 1, 0) FROM log_blocks");
        if (st.step() != SQLITE_ROW) return sqlError("cannot write log records");
        nextBlock = st.i64(0);
    }
    LogBlockWriter writer(m_db, nextBlock);
    LogBlockBuilder builder(m_db);
    if (!writer.ok() || !builder.ok()) return sqlError("cannot write log records");
    const size_t end = logs.recordCount();
    auto prepare = [&builder, &logs, links, end](size_t from) {
        std::vector<PreparedLogBlock> blocks;
        const size_t to = std::min(end, from + kBatchRows);
        size_t first = from;
        for (size_t row = from; row < to; ++row)
            if (builder.add(packedRecord(logs, row, links))) {
                builder.take(first, blocks.emplace_back());
                first = row + 1;
            }
        if (builder.count() > 0) builder.take(first, blocks.emplace_back());
        return blocks;
    };
    // async|deferred: runs on a new thread, or here when no thread can be made.
    constexpr auto kPolicy = std::launch::async | std::launch::deferred;
    size_t from = m_storedLogs;
    std::future<std::vector<PreparedLogBlock>> next;
    try {
        if (from < end) next = std::async(kPolicy, prepare, from);
        while (from < end) {
            const std::vector<PreparedLogBlock> blocks = next.get(); // rethrows what it threw
            from += kBatchRows;
            if (from < end) next = std::async(kPolicy, prepare, from);
            // On a failed write, returning waits for the batch in flight (std::async's future).
            for (const PreparedLogBlock& block : blocks)
                if (!writer.write(block)) return sqlError("cannot write log records");
        }
    } catch (const std::exception& e) {
        // bad_alloc in a batch, or no thread and no deferral: an error the caller rolls back.
        return makeError(ErrorCode::Storage, std::string("cannot prepare log records: ") + e.what(),
                         m_path);
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
    if (Status s = exec(kBulkWriteCache); !s) return fail(s);
    Status written = writeLogRows(logs, links);
    if (written) written = commitWrite(nested);
    // Back to the normal cache whatever happened; a cache left small would only be slower.
    (void)exec(kNormalCache);
    if (!written) return fail(written);
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
    Statement st(m_db, "SELECT first_row, row_count, records FROM log_blocks ORDER BY id");
    LogInput in;
    logblock::PackedLogRecord r;
    uint64_t rows = 0;
    while ((rc = st.step()) == SQLITE_ROW) {
        logblock::BlockDecoder block(st.blob(2));
        if (!block.ok()) return corrupt("bad log block at row " + std::to_string(rows));
        if (static_cast<uint64_t>(st.i64(0)) != rows ||
            block.count() != static_cast<uint64_t>(st.i64(1)))
            return corrupt("log block at row " + std::to_string(rows) + " is out of place");
        while (block.next(r)) {
            if (r.source >= logs.sources.size() || r.severityText >= logs.strings.size() ||
                r.stream >= logs.streamCount())
                return corrupt("log record " + std::to_string(rows) +
                               " refers to a missing string, stream or import");
            in.clear();
            in.timeNs = r.timeNs;
            in.observedNs = r.observedNs;
            in.severity = static_cast<LogSeverity>(std::min<int>(r.severity & 7, 6));
            in.severityText = logs.strings.view(r.severityText);
            in.flags = r.flags;
            if (!r.trace.isZero()) in.trace = {r.trace, IdSpelling::Hex};
            if (r.span != 0) in.span = {r.span, IdSpelling::Hex};
            in.body = r.body;
            in.attributes.resize(r.attributes.size());
            for (size_t i = 0; i < r.attributes.size(); ++i)
                if (!toInput(r.attributes[i], logs.strings, in.attributes[i]))
                    return corrupt("log record " + std::to_string(rows) +
                                   " names a missing string");
            logs.setCurrentSource(static_cast<uint16_t>(r.source));
            logs.addRecord(static_cast<StreamId>(r.stream), in);
            ++rows;
        }
        if (!block.ok() || !block.atEnd())
            return corrupt("bad log block before row " + std::to_string(rows));
    }
    if (rc != SQLITE_DONE) return readFailed(rc, "log_blocks");
    if (rows != m_storedLogs) return corrupt("log rows are missing");
    logs.buildIndex();
    return okStatus();
}

} // namespace tg::model
