#pragma once
// Side-by-side comparison of two traces (issue: trace explorer, compare): spans are aligned by
// their service/operation path (the k-th child with a given service and operation on one side
// pairs with the k-th on the other), subtrees present on one side only are kept as such, and
// every aligned node carries both durations and self times. The summary says where the extra
// time went: self-time difference per service, largest first. Pure function; any thread.
#include <cstdint>
#include <string>
#include <vector>

#include "models/trace/trace_tree.h"

namespace tg::model {

struct CompareNode {
    std::string service, operation;
    int depth = 0;
    int32_t left = -1, right = -1; // tree node index on each side, -1 when absent there
    int64_t leftDurationNs = 0, rightDurationNs = 0;
    int64_t leftSelfNs = 0, rightSelfNs = 0;
    std::vector<uint32_t> children; // indices into TraceComparison::nodes
    bool onlyLeft() const { return right < 0; }
    bool onlyRight() const { return left < 0; }
};

struct ServiceDelta {
    std::string service;
    int64_t selfDeltaNs = 0; // right minus left
};

struct TraceComparison {
    std::vector<CompareNode> nodes; // depth-first order
    std::vector<uint32_t> roots;
    int64_t leftDurationNs = 0, rightDurationNs = 0;
    std::vector<ServiceDelta> byService; // by |selfDeltaNs|, largest first
};

TraceComparison compareTraces(const Dataset& dataset, const TraceTree& left,
                              const TraceTree& right);

} // namespace tg::model
