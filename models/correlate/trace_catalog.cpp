#include "models/correlate/trace_catalog.h"

#include <algorithm>
#include <limits>

namespace tg::model {

namespace {

// Saturating a + b for times near the int64 limits (clamped imports produce them).
int64_t addSat(int64_t a, int64_t b) {
    if (b > 0 && a > std::numeric_limits<int64_t>::max() - b)
        return std::numeric_limits<int64_t>::max();
    if (b < 0 && a < std::numeric_limits<int64_t>::min() - b)
        return std::numeric_limits<int64_t>::min();
    return a + b;
}

} // namespace

TraceCatalog::TraceCatalog(const Dataset& d) : m_spans(d) {
    m_traces.reserve(d.spanCount() / 8 + 16);
    for (size_t row = 0; row < d.spanCount(); ++row) {
        const int64_t start = d.startNs[row];
        const int64_t end = addSat(start, std::max<int64_t>(0, d.durationNs[row]));
        auto [it, added] = m_traces.try_emplace(d.traceId[row], Times{start, end});
        if (!added) {
            it->second.startNs = std::min(it->second.startNs, start);
            it->second.endNs = std::max(it->second.endNs, end);
        }
        if (row == 0 || start < m_start) m_start = start;
        if (row == 0 || end > m_end) m_end = end;
    }
}

const TraceCatalog::Times* TraceCatalog::times(const TraceId& id) const {
    const auto it = m_traces.find(id);
    return it == m_traces.end() ? nullptr : &it->second;
}

bool TraceCatalog::inTimeRange(int64_t timeNs, int64_t slackNs) const {
    if (m_traces.empty()) return false;
    return timeNs >= addSat(m_start, -slackNs) && timeNs <= addSat(m_end, slackNs);
}

} // namespace tg::model
