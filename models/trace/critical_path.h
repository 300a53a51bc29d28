#pragma once
// The critical path of a trace, with Jaeger UI's definition (docs/critical-path.md):
// starting at the root's end, repeatedly descend into the last-finishing child that ends
// before the current point; the time a span spends without such a child is on the path.
// Children that outlive their parent are clipped to it (children entirely outside it are
// dropped); FOLLOWS_FROM children and their subtrees are not on the path (they do not block the
// parent). Pure function; any thread.
#include <cstdint>
#include <vector>

#include "models/trace/trace_tree.h"

namespace tg::model {

struct CriticalSegment {
    uint32_t row = 0; // dataset row of the span on the path
    int64_t startNs = 0;
    int64_t endNs = 0;
};

// Segments in time order. With several roots, the path of the root that ends last.
std::vector<CriticalSegment> computeCriticalPath(const Dataset& dataset, const TraceTree& tree);

} // namespace tg::model
