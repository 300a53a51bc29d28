#pragma once
// The traces of a frozen dataset as correlation needs them: does a trace exist, its time span,
// the row of a (trace, span) pair, and the time range of all traces. Built in one pass (plus the
// SpanLookup hash); read-only afterwards, from any thread.
#include <cstdint>
#include <unordered_map>

#include "models/core/ids.h"
#include "models/dataset/dataset.h"
#include "models/graph/span_lookup.h"

namespace tg::model {

class TraceCatalog {
public:
    explicit TraceCatalog(const Dataset& dataset);

    struct Times {
        int64_t startNs = 0, endNs = 0;
    };
    bool hasTrace(const TraceId& id) const { return m_traces.count(id) != 0; }
    const Times* times(const TraceId& id) const;
    // The dataset row of the span, or -1 (the first row when the pair is duplicated).
    int32_t spanRow(const TraceId& trace, SpanId span) const { return m_spans.find(trace, span); }
    // Whether `timeNs` lies in [first span start - slack, last span end + slack] of all traces.
    bool inTimeRange(int64_t timeNs, int64_t slackNs) const;

    size_t traceCount() const { return m_traces.size(); }
    int64_t startNs() const { return m_start; }
    int64_t endNs() const { return m_end; }

private:
    std::unordered_map<TraceId, Times, TraceIdHash> m_traces;
    SpanLookup m_spans;
    int64_t m_start = 0, m_end = 0;
};

} // namespace tg::model
