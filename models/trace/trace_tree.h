#pragma once
// One trace as a tree, for the waterfall, the critical path and `topograph trace`: the rows of
// the trace, each with its parent and children (children sorted by start time). Unlike the
// service graph, a FOLLOWS_FROM reference is kept here as a parent (flagged), so async work
// still hangs under what caused it; orphans and extra roots become top-level nodes.
// Built from a frozen dataset; a value, read-only afterwards (any thread).
#include <cstdint>
#include <vector>

#include "models/dataset/dataset.h"
#include "models/graph/trace_structure.h"

namespace tg::model {

struct TraceTreeNode {
    uint32_t row = 0;    // dataset row
    int32_t parent = -1; // index into TraceTree::nodes, -1 for top-level
    bool followsFrom = false;
    std::vector<uint32_t> children; // indices into nodes, by start time
};

struct TraceTree {
    TraceId trace;
    std::vector<TraceTreeNode> nodes;
    std::vector<uint32_t> roots; // top-level node indices, by start time
    int64_t startNs = 0, endNs = 0;

    static TraceTree build(const Dataset& dataset, const TraceStructure& structure,
                           const std::vector<uint32_t>& rowsOfTrace);
};

// Rows of one trace (linear scan; the trace index gives them faster for many lookups).
std::vector<uint32_t> rowsOfTrace(const Dataset& dataset, const TraceId& trace);

} // namespace tg::model
