#include "models/graph/service_graph_builder.h"

#include <algorithm>
#include <limits>

namespace tg::model {
namespace {

// Attribute keys that name an uninstrumented peer, in order of preference, with the kind of
// node they imply.
struct PeerKey {
    const char* key;
    NodeKind kind;
};
constexpr PeerKey kPeerKeys[] = {
    {"peer.service", NodeKind::External},  {"server.address", NodeKind::External},
    {"net.peer.name", NodeKind::External}, {"db.system", NodeKind::Database},
    {"messaging.system", NodeKind::Queue},
};

struct PeerKeyIds {
    StringId ids[std::size(kPeerKeys)];
    bool present[std::size(kPeerKeys)];
    StringId dbSystem = 0, messagingSystem = 0;
    bool hasDb = false, hasMessaging = false;
};

PeerKeyIds resolvePeerKeys(const StringPool& pool) {
    PeerKeyIds k{};
    for (size_t i = 0; i < std::size(kPeerKeys); ++i)
        k.present[i] = pool.find(kPeerKeys[i].key, k.ids[i]);
    k.hasDb = pool.find("db.system", k.dbSystem);
    k.hasMessaging = pool.find("messaging.system", k.messagingSystem);
    return k;
}

// The inferred peer of a client/producer span, or false when it names none.
bool inferredPeer(const Dataset& d, size_t row, const PeerKeyIds& keys, std::string& name,
                  NodeKind& kind) {
    const auto attrs = d.spanAttributes(row);
    int best = -1;
    bool db = false, queue = false;
    for (const Attribute& a : attrs) {
        if (keys.hasDb && a.key == keys.dbSystem) db = true;
        if (keys.hasMessaging && a.key == keys.messagingSystem) queue = true;
        for (size_t i = 0; i < std::size(kPeerKeys); ++i) {
            if (keys.present[i] && a.key == keys.ids[i] &&
                (best < 0 || static_cast<int>(i) < best)) {
                const std::string text = d.attributeText(a);
                if (!text.empty()) {
                    best = static_cast<int>(i);
                    name = text;
                }
            }
        }
    }
    if (best < 0) return false;
    kind = db ? NodeKind::Database : queue ? NodeKind::Queue : kPeerKeys[best].kind;
    if (d.kind[row] == SpanKind::Producer && kind == NodeKind::External) kind = NodeKind::Queue;
    return true;
}

void fillGrouping(const Dataset& d, ServiceGraph& g, const std::vector<uint32_t>& nodeOfService) {
    static constexpr struct {
        const char* key;
        std::string GraphNode::*field;
    } kGroupKeys[] = {
        {"k8s.namespace.name", &GraphNode::namespaceName},
        {"service.namespace", &GraphNode::namespaceName},
        {"k8s.cluster.name", &GraphNode::cluster},
        {"cloud.region", &GraphNode::region},
        {"service.version", &GraphNode::version},
    };
    for (const Resource& r : d.resources) {
        if (r.service >= nodeOfService.size() || nodeOfService[r.service] == UINT32_MAX) continue;
        GraphNode& node = g.nodes[nodeOfService[r.service]];
        for (uint32_t i = 0; i < r.attrCount; ++i) {
            const Attribute& a = d.resourceAttributes[r.attrBegin + i];
            const std::string_view key = d.strings.view(a.key);
            for (const auto& gk : kGroupKeys)
                if (key == gk.key && (node.*gk.field).empty()) node.*gk.field = d.attributeText(a);
        }
    }
}

} // namespace

ServiceGraph buildServiceGraph(const Dataset& d, const TraceStructure& ts) {
    ServiceGraph g;
    const size_t n = d.spanCount();
    int64_t minStart = std::numeric_limits<int64_t>::max(), maxStart = 0;
    for (size_t row = 0; row < n; ++row) {
        minStart = std::min(minStart, d.startNs[row]);
        maxStart = std::max(maxStart, d.startNs[row]);
    }
    if (n > 0) g.buckets = TimeBuckets::cover(minStart, maxStart);

    // Service nodes, indexed by the service's StringId for a cheap per-span lookup.
    std::vector<uint32_t> nodeOfService(d.strings.size(), UINT32_MAX);
    for (size_t row = 0; row < n; ++row) {
        uint32_t& node = nodeOfService[d.service[row]];
        if (node == UINT32_MAX)
            node = g.addNode(std::string(d.serviceName(row)), NodeKind::Service);
        ++g.nodes[node].spans;
    }

    // A client/producer span with a child in another service was answered by an instrumented
    // peer; only the others can name an inferred node.
    std::vector<bool> hasRemoteChild(n, false);
    for (size_t row = 0; row < n; ++row) {
        const int32_t p = ts.parentRow[row];
        if (p >= 0 && d.service[static_cast<size_t>(p)] != d.service[row])
            hasRemoteChild[static_cast<size_t>(p)] = true;
    }

    const PeerKeyIds peerKeys = resolvePeerKeys(d.strings);
    std::string peerName;
    for (size_t row = 0; row < n; ++row) {
        const uint32_t bucket = g.buckets.bucketOf(d.startNs[row]);
        const bool error = d.isError(row);
        const uint32_t self = nodeOfService[d.service[row]];
        const int32_t p = ts.parentRow[row];
        const bool remoteParent = p >= 0 && d.service[static_cast<size_t>(p)] != d.service[row];
        if (remoteParent) {
            const uint32_t caller = nodeOfService[d.service[static_cast<size_t>(p)]];
            g.edges[g.edgeIndex(caller, self, false)].stats.add(bucket, d.durationNs[row], error);
        }
        // Entry spans are the requests a service received (or started, for roots and orphans).
        if (p < 0 ? p != TraceStructure::kAmbiguous : remoteParent)
            g.nodes[self].stats.add(bucket, d.durationNs[row], error);

        const SpanKind k = d.kind[row];
        if ((k == SpanKind::Client || k == SpanKind::Producer) && !hasRemoteChild[row]) {
            NodeKind kind;
            if (inferredPeer(d, row, peerKeys, peerName, kind)) {
                const uint32_t peer = g.addNode(peerName, kind);
                g.edges[g.edgeIndex(self, peer, true)].stats.add(bucket, d.durationNs[row], error);
                if (g.nodes[peer].inferred())
                    g.nodes[peer].stats.add(bucket, d.durationNs[row], error);
            }
        }
    }
    fillGrouping(d, g, nodeOfService);
    return g;
}

} // namespace tg::model
