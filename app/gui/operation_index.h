#pragma once
// Top operations by calls for every node and edge of a service graph, computed once per import
// off the GUI thread so the Inspector only looks them up. A node's calls are its entry spans
// (parent absent or in another service), as in the graph's node stats; an edge's calls are the
// callee's spans whose parent is in the caller's service. Inferred edges and nodes have none.
//
// Thread affinity: computed on a background thread; read-only afterwards (any thread).
#include <cstdint>
#include <string>
#include <vector>

#include "models/dataset/dataset.h"
#include "models/graph/service_graph.h"
#include "models/graph/trace_structure.h"

namespace tg::app {

struct OperationCount {
    std::string name;
    uint64_t calls = 0;
    uint64_t errors = 0;
};

struct OperationIndex {
    std::vector<std::vector<OperationCount>> byNode; // index = graph node; by calls, descending
    std::vector<std::vector<OperationCount>> byEdge; // index = graph edge
};

OperationIndex indexOperations(const model::Dataset& dataset,
                               const model::TraceStructure& structure,
                               const model::ServiceGraph& graph, size_t topN = 10);

} // namespace tg::app
