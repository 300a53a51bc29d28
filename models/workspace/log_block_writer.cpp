#include "models/workspace/log_block_writer.h"

namespace tg::model {

LogBlockWriter::LogBlockWriter(sqlite3* db, int64_t nextBlock)
    : m_insertBlock(db, "INSERT INTO log_blocks(id, first_row, row_count, token_starts, records) "
                        "VALUES(?,?,?,?,?)"),
      m_insertDocument(db, "INSERT INTO log_blocks_fts(rowid, bodies) VALUES(?,?)"),
      m_insertTrace(db, "INSERT OR IGNORE INTO log_trace_blocks(trace_hi, trace_lo, block) "
                        "VALUES(?,?,?)"),
      m_block(nextBlock) {}

bool LogBlockWriter::ok() const {
    return m_insertBlock.ok() && m_insertDocument.ok() && m_insertTrace.ok();
}

bool LogBlockWriter::write(const PreparedLogBlock& block) {
    m_insertBlock.bind(1, m_block);
    m_insertBlock.bind(2, block.firstRow);
    m_insertBlock.bind(3, static_cast<int64_t>(block.count));
    m_insertBlock.bindBlob(4, block.tokenCounts);
    m_insertBlock.bindBlob(5, block.records);
    if (m_insertBlock.step() != SQLITE_DONE) return false;
    m_insertBlock.reset();
    m_insertDocument.bind(1, m_block);
    m_insertDocument.bindText(2, block.document);
    if (m_insertDocument.step() != SQLITE_DONE) return false;
    m_insertDocument.reset();
    for (const TraceId& t : block.traces) {
        m_insertTrace.bind(1, t.hi);
        m_insertTrace.bind(2, t.lo);
        m_insertTrace.bind(3, m_block);
        if (m_insertTrace.step() != SQLITE_DONE) return false;
        m_insertTrace.reset();
    }
    ++m_block;
    return true;
}

} // namespace tg::model
