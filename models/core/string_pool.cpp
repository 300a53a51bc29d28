#include "models/core/string_pool.h"

#include <cstring>

namespace tg::model {
namespace {
constexpr size_t kBlockBytes = 1 << 20;
}

uint64_t hashString(std::string_view text) {
    // 64-bit FNV-1a over 8-byte words then bytes: cheap, good enough for short keys.
    uint64_t h = 0xcbf29ce484222325ull ^ text.size();
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < text.size(); ++i)
        h = (h ^ static_cast<unsigned char>(text[i])) * 0x100000001b3ull;
    return h ^ (h >> 32);
}

StringPool::StringPool() {
    m_table.assign(1024, kEmpty);
    m_views.emplace_back();
    m_hashes.push_back(hashString({}));
    m_table[m_hashes[0] & (m_table.size() - 1)] = 0;
}

std::string_view StringPool::store(std::string_view text) {
    if (text.size() > kBlockBytes / 4) { // large strings get a block of their own
        m_blocks.emplace_back(new char[text.size()]);
        std::memcpy(m_blocks.back().get(), text.data(), text.size());
        const std::string_view v(m_blocks.back().get(), text.size());
        // keep the current small-string block last so the next small string goes there
        if (m_blocks.size() > 1)
            std::swap(m_blocks[m_blocks.size() - 1], m_blocks[m_blocks.size() - 2]);
        return v;
    }
    if (m_blocks.empty() || m_blockUsed + text.size() > m_blockSize) {
        m_blocks.emplace_back(new char[kBlockBytes]);
        m_blockSize = kBlockBytes;
        m_blockUsed = 0;
    }
    char* dst = m_blocks.back().get() + m_blockUsed;
    std::memcpy(dst, text.data(), text.size());
    m_blockUsed += text.size();
    return {dst, text.size()};
}

void StringPool::rehash(size_t capacity) {
    m_table.assign(capacity, kEmpty);
    const size_t mask = capacity - 1;
    for (StringId id = 0; id < m_views.size(); ++id) {
        size_t slot = m_hashes[id] & mask;
        while (m_table[slot] != kEmpty)
            slot = (slot + 1) & mask;
        m_table[slot] = id;
    }
}

bool StringPool::find(std::string_view text, StringId& id) const {
    const uint64_t h = hashString(text);
    const size_t mask = m_table.size() - 1;
    for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
        const StringId candidate = m_table[slot];
        if (candidate == kEmpty) return false;
        if (m_hashes[candidate] == h && m_views[candidate] == text) {
            id = candidate;
            return true;
        }
    }
}

StringId StringPool::intern(std::string_view text) {
    const uint64_t h = hashString(text);
    size_t mask = m_table.size() - 1;
    size_t slot = h & mask;
    for (;; slot = (slot + 1) & mask) {
        const StringId candidate = m_table[slot];
        if (candidate == kEmpty) break;
        if (m_hashes[candidate] == h && m_views[candidate] == text) return candidate;
    }
    const auto id = static_cast<StringId>(m_views.size());
    m_views.push_back(store(text));
    m_hashes.push_back(h);
    if (m_views.size() * 2 > m_table.size()) {
        rehash(m_table.size() * 2);
    } else {
        m_table[slot] = id;
    }
    return id;
}

size_t StringPool::bytesUsed() const {
    return m_blocks.size() * kBlockBytes + m_views.capacity() * sizeof(std::string_view) +
           m_hashes.capacity() * 8 + m_table.capacity() * 4;
}

} // namespace tg::model
