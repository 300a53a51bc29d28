#include "models/workspace/log_block_writer.h"

#include <algorithm>

namespace tg::model {

LogBlockWriter::LogBlockWriter(sqlite3* db, int64_t nextBlock, uint64_t firstRow)
    : m_insertBlock(db, "INSERT INTO log_blocks(id, first_row, row_count, token_starts, records) "
                        "VALUES(?,?,?,?,?)"),
      m_insertDocument(db, "INSERT INTO log_blocks_fts(rowid, bodies) VALUES(?,?)"),
      m_insertTrace(db, "INSERT OR IGNORE INTO log_trace_blocks(trace_hi, trace_lo, block) "
                        "VALUES(?,?,?)"),
      m_tokens(db), m_block(nextBlock), m_firstRow(firstRow) {}

bool LogBlockWriter::ok() const {
    return m_insertBlock.ok() && m_insertDocument.ok() && m_insertTrace.ok() && m_tokens.ok();
}

bool LogBlockWriter::add(const logblock::PackedLogRecord& record) {
    m_encoder.append(record);
    m_tokenCounts.push_back(m_tokens.count(record.body));
    if (m_encoder.count() > 1) m_document += '\n';
    m_document += record.body;
    if (!record.linkTrace.isZero()) m_traces.push_back(record.linkTrace);
    return m_encoder.count() < logblock::kLogBlockRecords || flush();
}

bool LogBlockWriter::finish() {
    return m_encoder.count() == 0 || flush();
}

bool LogBlockWriter::flush() {
    const size_t count = m_encoder.count();
    logblock::encodeTokenCounts(m_tokenCounts, m_tokenBlob);
    m_insertBlock.bind(1, m_block);
    m_insertBlock.bind(2, m_firstRow);
    m_insertBlock.bind(3, static_cast<int64_t>(count));
    m_insertBlock.bindBlob(4, m_tokenBlob);
    m_insertBlock.bindBlob(5, m_encoder.finish());
    if (m_insertBlock.step() != SQLITE_DONE) return false;
    m_insertBlock.reset();
    m_insertDocument.bind(1, m_block);
    m_insertDocument.bindText(2, m_document);
    if (m_insertDocument.step() != SQLITE_DONE) return false;
    m_insertDocument.reset();
    std::sort(m_traces.begin(), m_traces.end());
    m_traces.erase(std::unique(m_traces.begin(), m_traces.end()), m_traces.end());
    for (const TraceId& t : m_traces) {
        m_insertTrace.bind(1, t.hi);
        m_insertTrace.bind(2, t.lo);
        m_insertTrace.bind(3, m_block);
        if (m_insertTrace.step() != SQLITE_DONE) return false;
        m_insertTrace.reset();
    }
    ++m_block;
    m_firstRow += count;
    m_encoder.clear();
    m_tokenCounts.clear();
    m_document.clear();
    m_traces.clear();
    return true;
}

} // namespace tg::model
