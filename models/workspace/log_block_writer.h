#pragma once
// Writes prepared log blocks (log_block_builder.h) to the workspace's schema-v5 tables: per
// block one log_blocks row, one FTS5 document of its bodies, and one log_trace_blocks row per
// distinct linked trace. Used by Workspace::persistNewLogs and by the v4 -> v5 migration.
// The caller owns the transaction; after a failed write it rolls back.
//
// Thread affinity: the connection's thread.
#include <cstdint>

#include "models/workspace/log_block_builder.h"
#include "models/workspace/sqlite_statement.h"

namespace tg::model {

class LogBlockWriter {
public:
    // Blocks are numbered from `nextBlock`, in the order they are written.
    LogBlockWriter(sqlite3* db, int64_t nextBlock);
    bool ok() const;
    // False on an SQLite error.
    bool write(const PreparedLogBlock& block);

private:
    Statement m_insertBlock;
    Statement m_insertDocument;
    Statement m_insertTrace;
    int64_t m_block;
};

} // namespace tg::model
