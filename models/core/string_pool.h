#pragma once
// Interned strings: every service, operation, attribute key and string value is stored once and
// referred to by a 32-bit StringId. Id 0 is always the empty string.
//
// Storage is a list of fixed-size blocks so that string_views handed out stay valid while the
// pool grows (no reallocation moves the bytes). Not thread-safe for writes; concurrent reads of
// ids that already exist are safe once the writer has finished (the dataset is frozen then).
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace tg::model {

using StringId = uint32_t;

class StringPool {
public:
    StringPool();
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;

    StringId intern(std::string_view text);
    // Lookup without inserting; returns false when absent.
    bool find(std::string_view text, StringId& id) const;
    std::string_view view(StringId id) const { return m_views[id]; }
    size_t size() const { return m_views.size(); }
    size_t bytesUsed() const;

private:
    std::string_view store(std::string_view text);
    void rehash(size_t capacity);

    std::vector<std::unique_ptr<char[]>> m_blocks;
    size_t m_blockUsed = 0;
    size_t m_blockSize = 0;
    std::vector<std::string_view> m_views; // by id
    std::vector<uint64_t> m_hashes;        // by id, cached for rehashing
    std::vector<StringId> m_table;         // open addressing, kEmpty for free slots
    static constexpr StringId kEmpty = 0xFFFFFFFFu;
};

uint64_t hashString(std::string_view text);

} // namespace tg::model
