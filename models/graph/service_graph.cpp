#include "models/graph/service_graph.h"

#include <algorithm>

namespace tg::model {

const char* nodeKindName(NodeKind kind) {
    switch (kind) {
    case NodeKind::Service:
        return "service";
    case NodeKind::Database:
        return "database";
    case NodeKind::Queue:
        return "queue";
    case NodeKind::External:
        return "external";
    }
    return "service";
}

void CallStats::add(uint32_t bucket, int64_t durationNs, bool error) {
    ++calls;
    errors += error;
    latency.add(durationNs);
    // Spans arrive roughly in time order per trace: look at the back first.
    BucketStats* target = nullptr;
    if (!buckets.empty() && buckets.back().bucket == bucket) {
        target = &buckets.back();
    } else {
        auto it =
            std::lower_bound(buckets.begin(), buckets.end(), bucket,
                             [](const BucketStats& b, uint32_t key) { return b.bucket < key; });
        if (it == buckets.end() || it->bucket != bucket) {
            BucketStats fresh;
            fresh.bucket = bucket;
            it = buckets.insert(it, std::move(fresh));
        }
        target = &*it;
    }
    ++target->calls;
    target->errors += error;
    target->latency.add(durationNs);
}

CallStats CallStats::window(uint32_t firstBucket, uint32_t lastBucket) const {
    CallStats sum;
    for (const BucketStats& b : buckets) {
        if (b.bucket < firstBucket || b.bucket > lastBucket) continue;
        sum.calls += b.calls;
        sum.errors += b.errors;
        sum.latency.merge(b.latency);
        sum.buckets.push_back(b);
    }
    return sum;
}

uint32_t TimeBuckets::bucketOf(int64_t timeNs) const {
    if (count == 0 || timeNs <= startNs) return 0;
    const auto b = static_cast<uint64_t>((timeNs - startNs) / widthNs);
    return static_cast<uint32_t>(std::min<uint64_t>(b, count - 1));
}

TimeBuckets TimeBuckets::cover(int64_t minNs, int64_t maxNs, uint32_t maxBuckets) {
    static constexpr int64_t kSecond = 1'000'000'000;
    static constexpr int64_t kLadder[] = {
        kSecond,         2 * kSecond,        5 * kSecond,        10 * kSecond,
        15 * kSecond,    30 * kSecond,       60 * kSecond,       120 * kSecond,
        300 * kSecond,   600 * kSecond,      900 * kSecond,      1800 * kSecond,
        3600 * kSecond,  3 * 3600 * kSecond, 6 * 3600 * kSecond, 12 * 3600 * kSecond,
        86400 * kSecond, 7 * 86400 * kSecond};
    TimeBuckets tb;
    if (maxNs < minNs) return tb;
    // The first width whose aligned buckets fit (alignment can add one bucket to span / width);
    // the widest one when none does.
    for (int64_t w : kLadder) {
        tb.widthNs = w;
        // Align to the width so bucket edges are round wall-clock times.
        tb.startNs = minNs - ((minNs % w) + w) % w;
        const int64_t count = (maxNs - tb.startNs) / w + 1; // int64: decades of 1 s buckets
        tb.count = static_cast<uint32_t>(std::min<int64_t>(count, UINT32_MAX));
        if (count <= static_cast<int64_t>(maxBuckets)) break;
    }
    return tb;
}

std::optional<uint32_t> ServiceGraph::findNode(const std::string& name) const {
    const auto it = m_nodeByName.find(name);
    if (it == m_nodeByName.end()) return std::nullopt;
    return it->second;
}

namespace {
// Real and inferred edges between the same pair stay apart (an inferred edge to a service that
// is also instrumented means some calls were not answered by it).
uint64_t edgeKey(uint32_t source, uint32_t target, bool inferred) {
    return (uint64_t{inferred} << 63) | (uint64_t{source} << 32) | target;
}
} // namespace

std::optional<uint32_t> ServiceGraph::findEdge(uint32_t source, uint32_t target,
                                               bool inferred) const {
    const auto it = m_edgeByKey.find(edgeKey(source, target, inferred));
    if (it == m_edgeByKey.end()) return std::nullopt;
    return it->second;
}

uint32_t ServiceGraph::addNode(const std::string& name, NodeKind kind) {
    if (auto existing = findNode(name)) return *existing;
    const auto id = static_cast<uint32_t>(nodes.size());
    GraphNode node;
    node.name = name;
    node.kind = kind;
    nodes.push_back(std::move(node));
    m_nodeByName.emplace(name, id);
    return id;
}

uint32_t ServiceGraph::edgeIndex(uint32_t source, uint32_t target, bool inferred) {
    const uint64_t key = edgeKey(source, target, inferred);
    if (auto it = m_edgeByKey.find(key); it != m_edgeByKey.end()) return it->second;
    const auto id = static_cast<uint32_t>(edges.size());
    GraphEdge e;
    e.source = source;
    e.target = target;
    e.inferred = inferred;
    edges.push_back(std::move(e));
    m_edgeByKey.emplace(key, id);
    return id;
}

} // namespace tg::model
