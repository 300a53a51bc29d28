#pragma once
// Prepares log blocks for the workspace's schema-v5 tables (log_block_codec.h): packs up to
// kLogBlockRecords records, counts each body's FTS5 tokens and joins the bodies into the
// block's full-text document. Separate from the writer (log_block_writer.h) so that
// persistNewLogs can prepare the next blocks on a second thread while the connection's thread
// writes the previous ones: the two halves cost about the same.
//
// Thread affinity: made on the connection's thread (the tokenizer is found through it), then
// used by one thread at a time; it never touches the connection after construction.
#include <cstdint>
#include <string>
#include <vector>

#include "models/workspace/fts5_support.h"
#include "models/workspace/log_block_codec.h"

struct sqlite3;

namespace tg::model {

// One block as the tables take it.
struct PreparedLogBlock {
    uint64_t firstRow = 0;
    size_t count = 0;
    std::string tokenCounts;     // encodeTokenCounts of the bodies
    std::string records;         // BlockEncoder::finish
    std::string document;        // the bodies joined by '\n' (a separator: no token spans two)
    std::vector<TraceId> traces; // the distinct linked traces, sorted
};

class LogBlockBuilder {
public:
    explicit LogBlockBuilder(sqlite3* db) : m_tokens(db) {}
    bool ok() const { return m_tokens.ok(); }
    // Adds the next record; true when the block is full and must be taken.
    bool add(const logblock::PackedLogRecord& record);
    size_t count() const { return m_encoder.count(); }
    // Moves the block out (its first record is row `firstRow`) and starts the next one.
    void take(uint64_t firstRow, PreparedLogBlock& out);

private:
    fts::TokenCounter m_tokens;
    logblock::BlockEncoder m_encoder;
    std::vector<uint32_t> m_tokenCounts;
    std::string m_document;
    std::vector<TraceId> m_traces;
};

} // namespace tg::model
