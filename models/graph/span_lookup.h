#pragma once
// Open-addressing hash index from (trace ID, span ID) to span row, built once over a frozen
// dataset. Keys seen more than once are remembered with all their rows, so callers can tell a
// unique parent from an ambiguous one. Read-only after construction; any thread.
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "models/dataset/dataset.h"

namespace tg::model {

class SpanLookup {
public:
    explicit SpanLookup(const Dataset& dataset);

    static constexpr int32_t kNotFound = -1;
    // The first row with this key, or kNotFound.
    int32_t find(const TraceId& trace, SpanId span) const;
    // All rows sharing the key of `firstRow` when it is duplicated; empty when unique.
    std::span<const int32_t> duplicatesOf(int32_t firstRow) const;
    size_t duplicateKeyCount() const { return m_duplicates.size(); }
    const std::unordered_map<int32_t, std::vector<int32_t>>& duplicates() const {
        return m_duplicates;
    }

private:
    static uint64_t hashKey(const TraceId& trace, SpanId span);

    const Dataset& m_dataset;
    std::vector<uint32_t> m_slots; // row + 1; 0 = empty
    uint64_t m_mask = 0;
    std::unordered_map<int32_t, std::vector<int32_t>> m_duplicates; // first row -> all rows
};

} // namespace tg::model
