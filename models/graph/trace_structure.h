#pragma once
// Resolves every span's parent row within its trace and counts the broken-data cases DESIGN §3
// calls normal: orphans, missing roots, duplicate span IDs, Zipkin shared spans, clock skew,
// traces split across files.
//
// Parent rule: the parent is the span with the same trace ID and the span's parentId, when that
// ID is present exactly once in the trace. A FOLLOWS_FROM-only reference is not a parent (the span
// counts as a root). A Zipkin shared SERVER span whose ID is also a CLIENT span in the trace has
// that CLIENT span as parent, and children naming the shared ID attach to the SERVER half.
//
// Computed once from a frozen dataset; read-only afterwards (any thread).
#include <cstdint>
#include <vector>

#include "models/core/diagnostics.h"
#include "models/dataset/dataset.h"

namespace tg::model {

struct TraceStructure {
    static constexpr int32_t kRoot = -1;      // no parent reference (or FOLLOWS_FROM only)
    static constexpr int32_t kOrphan = -2;    // parent ID not in the trace
    static constexpr int32_t kAmbiguous = -3; // parent ID occurs more than once in the trace

    std::vector<int32_t> parentRow; // per span: parent's row, or one of the codes above
    uint64_t traceCount = 0;
    uint64_t rootCount = 0;
    uint64_t orphanCount = 0;
    uint64_t ambiguousCount = 0;
    uint64_t duplicateSpanIds =
        0; // (trace, span ID) keys seen more than once, shared pairs excluded
    uint64_t sharedPairs = 0;
    uint64_t tracesWithoutRoot = 0;
    uint64_t clockSkewedSpans = 0; // child starts before or ends after its parent
    uint64_t tracesSplitAcrossSources = 0;
};

// Fills structure and adds its counts to diagnostics (with a first sample each).
TraceStructure analyzeTraceStructure(const Dataset& dataset, Diagnostics& diagnostics);

} // namespace tg::model
