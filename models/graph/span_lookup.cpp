#include "models/graph/span_lookup.h"

#include <bit>

namespace tg::model {

uint64_t SpanLookup::hashKey(const TraceId& trace, SpanId span) {
    uint64_t h = (trace.hi * 0x9E3779B97F4A7C15ull) ^ (trace.lo * 0xC2B2AE3D27D4EB4Full) ^ span;
    h ^= h >> 31;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

SpanLookup::SpanLookup(const Dataset& dataset) : m_dataset(dataset) {
    const size_t n = dataset.spanCount();
    const size_t capacity = std::bit_ceil(std::max<size_t>(16, n * 2));
    m_slots.assign(capacity, 0);
    m_mask = capacity - 1;
    for (size_t row = 0; row < n; ++row) {
        const TraceId& t = dataset.traceId[row];
        const SpanId s = dataset.spanId[row];
        for (uint64_t slot = hashKey(t, s) & m_mask;; slot = (slot + 1) & m_mask) {
            const uint32_t v = m_slots[slot];
            if (v == 0) {
                m_slots[slot] = static_cast<uint32_t>(row + 1);
                break;
            }
            const size_t other = v - 1;
            if (dataset.spanId[other] == s && dataset.traceId[other] == t) {
                auto& rows = m_duplicates[static_cast<int32_t>(other)];
                if (rows.empty()) rows.push_back(static_cast<int32_t>(other));
                rows.push_back(static_cast<int32_t>(row));
                break;
            }
        }
    }
}

int32_t SpanLookup::find(const TraceId& trace, SpanId span) const {
    for (uint64_t slot = hashKey(trace, span) & m_mask;; slot = (slot + 1) & m_mask) {
        const uint32_t v = m_slots[slot];
        if (v == 0) return kNotFound;
        const size_t row = v - 1;
        if (m_dataset.spanId[row] == span && m_dataset.traceId[row] == trace)
            return static_cast<int32_t>(row);
    }
}

std::span<const int32_t> SpanLookup::duplicatesOf(int32_t firstRow) const {
    const auto it = m_duplicates.find(firstRow);
    if (it == m_duplicates.end()) return {};
    return it->second;
}

} // namespace tg::model
