#include "models/trace/trace_index.h"

#include <algorithm>
#include <numeric>

namespace tg::model {

TraceIndex TraceIndex::build(const Dataset& d, const TraceStructure& ts) {
    TraceIndex index;
    const size_t n = d.spanCount();
    index.rows.resize(n);
    std::iota(index.rows.begin(), index.rows.end(), 0u);
    std::sort(index.rows.begin(), index.rows.end(), [&](uint32_t a, uint32_t b) {
        if (!(d.traceId[a] == d.traceId[b])) return d.traceId[a] < d.traceId[b];
        return d.startNs[a] != d.startNs[b] ? d.startNs[a] < d.startNs[b] : a < b;
    });
    for (uint32_t i = 0; i < n;) {
        TraceSummary t;
        t.id = d.traceId[index.rows[i]];
        t.rowBegin = i;
        t.startNs = d.startNs[index.rows[i]];
        t.endNs = t.startNs;
        for (; i < n && d.traceId[index.rows[i]] == t.id; ++i) {
            const uint32_t row = index.rows[i];
            t.endNs = std::max(t.endNs, d.startNs[row] + d.durationNs[row]);
            t.errorCount += d.isError(row);
            if (std::find(t.services.begin(), t.services.end(), d.service[row]) == t.services.end())
                t.services.push_back(d.service[row]);
            if (t.rootRow < 0 && row < ts.parentRow.size() &&
                ts.parentRow[row] == TraceStructure::kRoot)
                t.rootRow = static_cast<int32_t>(row);
        }
        t.rowEnd = i;
        if (t.rootRow < 0) t.rootRow = static_cast<int32_t>(index.rows[t.rowBegin]);
        index.traces.push_back(std::move(t));
    }
    std::sort(index.traces.begin(), index.traces.end(),
              [](const TraceSummary& a, const TraceSummary& b) {
                  return a.startNs != b.startNs ? a.startNs < b.startNs : a.id < b.id;
              });
    return index;
}

std::optional<size_t> TraceIndex::find(const TraceId& id) const {
    for (size_t i = 0; i < traces.size(); ++i)
        if (traces[i].id == id) return i;
    return std::nullopt;
}

namespace {

bool spanMatches(const Dataset& d, uint32_t row, const TraceQuery& q, StringId service,
                 StringId operation) {
    if (!q.service.empty() && d.service[row] != service) return false;
    if (!q.operation.empty() && d.operation[row] != operation) return false;
    for (const auto& [key, value] : q.tags) {
        const Attribute* a = d.findAttribute(row, key);
        if (!a || d.attributeText(*a) != value) return false;
    }
    return true;
}

} // namespace

std::vector<size_t> searchTraces(const Dataset& d, const TraceIndex& index, const TraceQuery& q) {
    std::vector<size_t> out;
    StringId service = 0, operation = 0;
    // A name the dataset never saw matches nothing.
    if (!q.service.empty() && !d.strings.find(q.service, service)) return out;
    if (!q.operation.empty() && !d.strings.find(q.operation, operation)) return out;
    const bool spanFilter = !q.service.empty() || !q.operation.empty() || !q.tags.empty();
    for (size_t i = 0; i < index.traces.size(); ++i) {
        const TraceSummary& t = index.traces[i];
        if (q.errorsOnly && t.errorCount == 0) continue;
        if (q.minDurationNs && t.durationNs() < *q.minDurationNs) continue;
        if (q.maxDurationNs && t.durationNs() > *q.maxDurationNs) continue;
        if (q.fromNs && t.endNs < *q.fromNs) continue;
        if (q.toNs && t.startNs > *q.toNs) continue;
        if (spanFilter) {
            bool any = false;
            for (uint32_t row : index.rowsOf(t))
                if ((any = spanMatches(d, row, q, service, operation))) break;
            if (!any) continue;
        }
        out.push_back(i);
        if (q.limit && out.size() >= q.limit) break;
    }
    return out;
}

} // namespace tg::model
