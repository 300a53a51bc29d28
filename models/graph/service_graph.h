#pragma once
// The service dependency graph with per-time-bucket statistics (DESIGN §3).
//
// Nodes are services seen in spans plus inferred peers (databases, queues, external APIs) named
// by client spans that have no server child. An edge caller -> callee counts the spans of the
// callee whose parent (same trace) belongs to the caller; inferred edges count the client spans.
// Every node and edge keeps totals and a sparse list of per-bucket stats (calls, errors, latency
// sketch), so any window is summed from buckets without rescanning spans.
//
// Value type; built once by buildServiceGraph and read-only afterwards (any thread).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/graph/latency_sketch.h"

namespace tg::model {

enum class NodeKind : uint8_t { Service, Database, Queue, External };
const char* nodeKindName(NodeKind kind); // "service", "database", "queue", "external"

struct BucketStats {
    uint32_t bucket = 0;
    uint64_t calls = 0;
    uint64_t errors = 0;
    LatencySketch latency;
};

struct CallStats {
    uint64_t calls = 0;
    uint64_t errors = 0;
    LatencySketch latency;
    std::vector<BucketStats> buckets; // sorted by bucket, only buckets with calls

    void add(uint32_t bucket, int64_t durationNs, bool error);
    // Sum of the buckets in [firstBucket, lastBucket].
    CallStats window(uint32_t firstBucket, uint32_t lastBucket) const;
};

struct GraphNode {
    std::string name;
    NodeKind kind = NodeKind::Service;
    // Grouping attributes from the service's resources (first value seen; empty if none).
    std::string namespaceName, cluster, region, version;
    uint64_t spans = 0; // all spans of the service (0 for inferred nodes)
    CallStats stats;    // requests received: entry spans (parent absent or in another service)
    bool inferred() const { return kind != NodeKind::Service; }
};

struct GraphEdge {
    uint32_t source = 0;
    uint32_t target = 0;
    bool inferred = false;
    CallStats stats;
};

struct TimeBuckets {
    int64_t startNs = 0;
    int64_t widthNs = 1'000'000'000;
    uint32_t count = 0;
    uint32_t bucketOf(int64_t timeNs) const;
    // A width from a ladder of round values giving at most maxBuckets over [minNs, maxNs].
    static TimeBuckets cover(int64_t minNs, int64_t maxNs, uint32_t maxBuckets = 360);
};

class ServiceGraph {
public:
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    TimeBuckets buckets;

    std::optional<uint32_t> findNode(const std::string& name) const;
    std::optional<uint32_t> findEdge(uint32_t source, uint32_t target, bool inferred = false) const;

    uint32_t addNode(const std::string& name, NodeKind kind);
    uint32_t edgeIndex(uint32_t source, uint32_t target, bool inferred);

private:
    std::unordered_map<std::string, uint32_t> m_nodeByName;
    std::unordered_map<uint64_t, uint32_t> m_edgeByKey;
};

} // namespace tg::model
