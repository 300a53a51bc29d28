#pragma once
// Per-trace summaries over a frozen dataset: which rows belong to each trace, its time span,
// span and error counts, services and root. The trace search, the results table and
// `topograph traces` read it. Built once (sorting rows by trace); read-only afterwards.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/dataset/dataset.h"
#include "models/graph/trace_structure.h"

namespace tg::model {

struct TraceSummary {
    TraceId id;
    uint32_t rowBegin = 0, rowEnd = 0; // range in TraceIndex::rows
    int64_t startNs = 0, endNs = 0;
    uint32_t errorCount = 0;
    int32_t rootRow = -1;           // earliest root span, or earliest span when none
    std::vector<StringId> services; // distinct, in first-seen order
    uint32_t spanCount() const { return rowEnd - rowBegin; }
    int64_t durationNs() const { return endNs - startNs; }
};

class TraceIndex {
public:
    static TraceIndex build(const Dataset& dataset, const TraceStructure& structure);

    std::vector<TraceSummary> traces; // by start time
    std::vector<uint32_t> rows;       // dataset rows grouped by trace, by start time in a trace

    std::span<const uint32_t> rowsOf(const TraceSummary& t) const {
        return {rows.data() + t.rowBegin, t.spanCount()};
    }
    std::optional<size_t> find(const TraceId& id) const;
};

// Filters of the trace search (DESIGN: search by service, operation, attribute, duration,
// errors, time). Span-level filters (service, operation, tags) must hold on one same span.
struct TraceQuery {
    std::string service;
    std::string operation;
    std::vector<std::pair<std::string, std::string>> tags; // key=value, value compared as text
    std::optional<int64_t> minDurationNs, maxDurationNs;   // of the whole trace
    bool errorsOnly = false;                               // trace has at least one error span
    std::optional<int64_t> fromNs, toNs;                   // trace overlaps [from, to]
    size_t limit = 0;                                      // 0 = no limit
};

// Indices into index.traces of the matching traces, by start time.
std::vector<size_t> searchTraces(const Dataset& dataset, const TraceIndex& index,
                                 const TraceQuery& query);

} // namespace tg::model
