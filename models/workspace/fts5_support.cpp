#include "models/workspace/fts5_support.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include <sqlite3.h>

namespace tg::model::fts {
namespace {

fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int countToken(void* ctx, int flags, const char*, int, int, int) {
    // A colocated token (a synonym) shares the previous position; unicode61 emits none.
    if (!(flags & FTS5_TOKEN_COLOCATED)) ++*static_cast<uint32_t*>(ctx);
    return SQLITE_OK;
}

void putU32(std::string& out, uint32_t v) {
    char bytes[4];
    std::memcpy(bytes, &v, 4); // little-endian hosts, as the workspace's other blobs
    out.append(bytes, 4);
}

void phraseHits(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
                sqlite3_value**) {
    const int phrases = api->xPhraseCount(fts);
    int instances = 0;
    if (int rc = api->xInstCount(fts, &instances); rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    std::string out;
    out.reserve(4 * (1 + static_cast<size_t>(phrases) + 2 * static_cast<size_t>(instances)));
    putU32(out, static_cast<uint32_t>(phrases));
    for (int p = 0; p < phrases; ++p)
        putU32(out, static_cast<uint32_t>(api->xPhraseSize(fts, p)));
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (int rc = api->xInst(fts, i, &phrase, &column, &offset); rc != SQLITE_OK) {
            sqlite3_result_error_code(ctx, rc);
            return;
        }
        putU32(out, static_cast<uint32_t>(phrase));
        putU32(out, static_cast<uint32_t>(offset));
    }
    sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

bool readU32(std::string_view& in, uint32_t& v) {
    if (in.size() < 4) return false;
    std::memcpy(&v, in.data(), 4);
    in.remove_prefix(4);
    return true;
}

} // namespace

TokenCounter::TokenCounter(sqlite3* db) {
    fts5_api* api = fts5Api(db);
    if (!api) return;
    auto methods = std::make_unique<fts5_tokenizer>();
    void* context = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &context, methods.get()) != SQLITE_OK) return;
    Fts5Tokenizer* tokenizer = nullptr;
    if (methods->xCreate(context, nullptr, 0, &tokenizer) != SQLITE_OK) return;
    m_methods = std::move(methods);
    m_tokenizer = tokenizer;
}

TokenCounter::~TokenCounter() {
    if (m_tokenizer) m_methods->xDelete(m_tokenizer);
}

uint32_t TokenCounter::count(std::string_view text) {
    uint32_t n = 0;
    if (m_tokenizer && !text.empty())
        m_methods->xTokenize(m_tokenizer, &n, FTS5_TOKENIZE_DOCUMENT, text.data(),
                             static_cast<int>(text.size()), countToken);
    return n;
}

bool registerPhraseHits(sqlite3* db) {
    fts5_api* api = fts5Api(db);
    return api &&
           api->xCreateFunction(api, "tg_phrase_hits", nullptr, phraseHits, nullptr) == SQLITE_OK;
}

bool recordsMatchingAll(std::string_view hits, std::span<const uint32_t> starts,
                        std::vector<uint32_t>& records) {
    uint32_t phrases;
    if (starts.empty() || !readU32(hits, phrases) || phrases > kMaxPhrases ||
        hits.size() < 4 * static_cast<size_t>(phrases))
        return false;
    std::vector<uint32_t> sizes(phrases);
    for (uint32_t& s : sizes)
        readU32(hits, s);
    if (hits.size() % 8 != 0) return false;
    const size_t recordCount = starts.size() - 1;
    // Per record, a bit per phrase found whole inside it.
    std::vector<uint64_t> found(recordCount, 0);
    while (!hits.empty()) {
        uint32_t phrase, offset;
        readU32(hits, phrase);
        readU32(hits, offset);
        if (phrase >= phrases) return false;
        // The record whose tokens hold `offset`: the last start <= offset.
        const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
        if (it == starts.begin() || it == starts.end()) continue; // outside the records
        const size_t record = static_cast<size_t>(it - starts.begin()) - 1;
        const uint32_t size = std::max<uint32_t>(sizes[phrase], 1);
        if (uint64_t(offset) + size <= starts[record + 1]) found[record] |= uint64_t(1) << phrase;
    }
    const uint64_t all = phrases == kMaxPhrases ? ~uint64_t(0) : (uint64_t(1) << phrases) - 1;
    for (size_t r = 0; r < recordCount; ++r)
        if (phrases > 0 && found[r] == all) records.push_back(static_cast<uint32_t>(r));
    return true;
}

} // namespace tg::model::fts
