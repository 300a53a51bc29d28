#pragma once
// Where a search from the service map started, when that is more than a service name the
// model's TraceQuery can express: an edge (a span of the callee whose parent span, in the same
// trace, belongs to the caller — the service graph's own edge rule), or an inferred peer
// (a database, queue or external API named by a client span's peer.service, server.address,
// net.peer.name, db.system or messaging.system attribute; an inferred edge also needs that
// client span to belong to the caller). The explorer runs the model search first and keeps the
// hits that also pass the scope.
//
// Thread affinity: pure functions; any thread (run in the search job).
#include <string>
#include <vector>

#include "models/trace/trace_index.h"

namespace tg::app {

struct TraceScope {
    enum class Kind { None, Edge, Peer };
    Kind kind = Kind::None;
    std::string caller; // Edge: the calling service; Peer: the calling service or "" for any
    std::string callee; // Edge: the called service; Peer: the inferred node's name
    bool active() const { return kind != Kind::None; }
};

// The hits (indices into index.traces) whose trace passes the scope, in the same order.
std::vector<size_t> filterByScope(const model::Dataset& dataset,
                                  const model::TraceStructure& structure,
                                  const model::TraceIndex& index, std::vector<size_t> hits,
                                  const TraceScope& scope);

} // namespace tg::app
