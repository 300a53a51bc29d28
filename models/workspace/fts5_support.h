#pragma once
// The two FTS5 extension points the workspace's block-level log index needs (schema v5):
//  - a token counter using the very tokenizer of the index (unicode61), so a block's
//    document can be cut back into its records by token position;
//  - an auxiliary function, tg_phrase_hits(fts_table), returning for the current row where
//    each phrase of the query matched: a BLOB of little-endian u32: the phrase count P, the
//    P phrase sizes in tokens, then (phrase, token offset) pairs, one per instance.
// FTS5 is reached through its documented fts5_api pointer (SELECT fts5(?1)).
//
// Thread affinity: that of the connection they were made for.
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

struct sqlite3;
struct Fts5Tokenizer;
struct fts5_tokenizer;

namespace tg::model::fts {

// Counts tokens as the FTS5 index of the log blocks does (unicode61, default options).
class TokenCounter {
public:
    explicit TokenCounter(sqlite3* db);
    ~TokenCounter();
    TokenCounter(const TokenCounter&) = delete;
    TokenCounter& operator=(const TokenCounter&) = delete;
    bool ok() const { return m_tokenizer != nullptr; }
    uint32_t count(std::string_view text);

private:
    Fts5Tokenizer* m_tokenizer = nullptr;
    std::unique_ptr<fts5_tokenizer> m_methods; // FTS5 fills it with the tokenizer's functions
};

inline constexpr uint32_t kMaxPhrases = 64;

// Registers tg_phrase_hits on the connection; false when FTS5 is unavailable.
bool registerPhraseHits(sqlite3* db);

// The records of a block that hold every phrase of the query whole (an instance that starts
// in one record and ends in the next does not count). `hits` is what tg_phrase_hits returned
// for the block, `starts` its records' first token positions plus the total (log_block_codec).
// Appends record indices, ascending; false when `hits` is malformed or holds more than
// kMaxPhrases phrases.
bool recordsMatchingAll(std::string_view hits, std::span<const uint32_t> starts,
                        std::vector<uint32_t>& records);

} // namespace tg::model::fts
