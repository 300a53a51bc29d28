#pragma once
// Builds the ServiceGraph from a frozen Dataset and its TraceStructure (DESIGN §3): real edges
// from cross-service parent/child pairs, inferred nodes from client/producer spans that name an
// uninstrumented peer and have no child in another service, per-bucket stats for both.
// Pure function of its inputs; runs on the caller's thread (a background job in the GUI).
#include "models/dataset/dataset.h"
#include "models/graph/service_graph.h"
#include "models/graph/trace_structure.h"

namespace tg::model {

ServiceGraph buildServiceGraph(const Dataset& dataset, const TraceStructure& structure);

} // namespace tg::model
