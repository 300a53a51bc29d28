#pragma once
// Writes log records to the workspace's schema-v5 tables in blocks (log_block_codec.h): per
// block one log_blocks row, one FTS5 document of its bodies, and one log_trace_blocks row per
// distinct linked trace. Used by Workspace::persistNewLogs and by the v4 -> v5 migration.
// The caller owns the transaction; a failed call leaves it to the caller to roll back.
//
// Thread affinity: the connection's thread.
#include <cstdint>
#include <string>
#include <vector>

#include "models/workspace/fts5_support.h"
#include "models/workspace/log_block_codec.h"
#include "models/workspace/sqlite_statement.h"

namespace tg::model {

class LogBlockWriter {
public:
    // Blocks are numbered from `nextBlock`; the first record added is row `firstRow`.
    LogBlockWriter(sqlite3* db, int64_t nextBlock, uint64_t firstRow);
    bool ok() const;
    // Adds the next row; writes a block when it is full. False on an SQLite error.
    bool add(const logblock::PackedLogRecord& record);
    // Writes the last, partial block.
    bool finish();

private:
    bool flush();

    Statement m_insertBlock;
    Statement m_insertDocument;
    Statement m_insertTrace;
    fts::TokenCounter m_tokens;
    logblock::BlockEncoder m_encoder;
    std::vector<uint32_t> m_tokenCounts;
    std::string m_tokenBlob;
    std::string m_document; // the block's bodies joined by '\n'
    std::vector<TraceId> m_traces;
    int64_t m_block;
    uint64_t m_firstRow;
};

} // namespace tg::model
