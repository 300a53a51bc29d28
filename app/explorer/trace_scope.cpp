#include "app/explorer/trace_scope.h"

#include <algorithm>

namespace tg::app {
namespace {

constexpr const char* kPeerKeys[] = {"peer.service", "server.address", "net.peer.name", "db.system",
                                     "messaging.system"};

struct Ids {
    model::StringId caller = 0, callee = 0;
    std::vector<model::StringId> peerKeys;
};

bool namesPeer(const model::Dataset& d, uint32_t row, const Ids& ids, const std::string& name) {
    for (const model::Attribute& a : d.spanAttributes(row))
        if (std::find(ids.peerKeys.begin(), ids.peerKeys.end(), a.key) != ids.peerKeys.end() &&
            d.attributeText(a) == name)
            return true;
    return false;
}

// Client spans answered by an instrumented service (a child in another service) name no
// inferred node in the service graph; the same holds here.
std::vector<uint32_t> answeredRows(const model::Dataset& d, const model::TraceStructure& ts,
                                   std::span<const uint32_t> rows) {
    std::vector<uint32_t> answered;
    for (uint32_t row : rows) {
        const int32_t p = ts.parentRow[row];
        if (p >= 0 && d.service[size_t(p)] != d.service[row]) answered.push_back(uint32_t(p));
    }
    std::sort(answered.begin(), answered.end());
    return answered;
}

bool passes(const model::Dataset& d, const model::TraceStructure& ts,
            std::span<const uint32_t> rows, const TraceScope& scope, const Ids& ids) {
    std::vector<uint32_t> answered;
    if (scope.kind == TraceScope::Kind::Peer) answered = answeredRows(d, ts, rows);
    for (uint32_t row : rows) {
        if (scope.kind == TraceScope::Kind::Edge) {
            const int32_t parent = ts.parentRow[row];
            if (d.service[row] == ids.callee && parent >= 0 &&
                d.service[size_t(parent)] == ids.caller)
                return true;
        } else {
            const auto kind = d.kind[row];
            const bool client =
                kind == model::SpanKind::Client || kind == model::SpanKind::Producer;
            if (client && (scope.caller.empty() || d.service[row] == ids.caller) &&
                !std::binary_search(answered.begin(), answered.end(), row) &&
                namesPeer(d, row, ids, scope.callee))
                return true;
        }
    }
    return false;
}

} // namespace

std::vector<size_t> filterByScope(const model::Dataset& d, const model::TraceStructure& ts,
                                  const model::TraceIndex& index, std::vector<size_t> hits,
                                  const TraceScope& scope) {
    if (!scope.active()) return hits;
    Ids ids;
    // Names the dataset never interned match nothing.
    const bool haveCaller = scope.caller.empty() || d.strings.find(scope.caller, ids.caller);
    bool haveCallee = true;
    if (scope.kind == TraceScope::Kind::Edge) {
        haveCallee = d.strings.find(scope.callee, ids.callee);
    } else {
        for (const char* key : kPeerKeys)
            if (model::StringId id; d.strings.find(key, id)) ids.peerKeys.push_back(id);
    }
    if (!haveCaller || !haveCallee) return {};
    std::erase_if(hits, [&](size_t t) {
        return t >= index.traces.size() ||
               !passes(d, ts, index.rowsOf(index.traces[t]), scope, ids);
    });
    return hits;
}

} // namespace tg::app
