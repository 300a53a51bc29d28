#pragma once
// Deterministic generator of realistic traces of an e-commerce system (demo data, benchmarks,
// tests): ~30 services in two namespaces and regions calling each other over HTTP and gRPC,
// Redis/PostgreSQL/Elasticsearch/Kafka/external API client spans (inferred graph nodes), Kafka
// consumers in the same trace as their producer, 15-20 OpenTelemetry semantic-convention
// attributes per span, 0-3 events (exceptions on errors), a few percent errors (and a risk
// service incident two thirds into the window), log-normal durations, and trace start times
// spread over ~30 minutes.
//
// The same options (seed included) give the same traces, bit for bit, with any compiler: only
// std::mt19937_64's raw output is used. The writers stream one trace at a time to the file, so
// memory stays small however many spans are asked for; they stop after the trace that reaches
// the requested span count (whole traces only).
//
// Thread affinity: a TraceGenerator is used by one thread; the writers are reentrant.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/core/result.h"

namespace tg::app {

namespace demo {
struct Topology;
}

struct TraceGeneratorOptions {
    uint64_t seed = 1;
    int services = 30;
    uint64_t targetSpans = 100000;                // spreads trace start times over the window
    int64_t startNs = 1741942800'000000000;       // 2025-03-14T09:00:00Z
    int64_t windowNs = 30LL * 60 * 1'000'000'000; // 30 minutes
    double faultRate = 0.012;                     // chance a span fails on its own
    bool incident = true;                         // risk degrades in 55-75 % of the window
    uint32_t maxSpansPerTrace = 400;
};

// OTLP numbering (1 internal ... 5 consumer).
enum class GenKind : uint8_t { Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };
const char* genKindName(GenKind kind); // Jaeger's span.kind tag values: "server", ...

struct GenAttr {
    enum class Type : uint8_t { String, Int, Double, Bool };
    std::string_view key; // always a string literal
    Type type = Type::String;
    std::string str;
    int64_t i = 0;
    double d = 0;
    bool b = false;
};

struct GenEvent {
    int64_t timeNs = 0;
    std::string_view name;
    std::vector<GenAttr> attributes;
};

// Instrumentation libraries (OTLP scopes), chosen per span kind and service language.
enum class ScopeKind : uint8_t {
    HttpServer,
    HttpClient,
    GrpcServer,
    GrpcClient,
    Postgres,
    Redis,
    Kafka,
    Elasticsearch,
    Internal
};

struct GenSpan {
    uint64_t traceHi = 0, traceLo = 0;
    uint64_t spanId = 0, parentId = 0; // parentId 0: a root
    uint32_t service = 0, pod = 0;     // indices into the topology
    std::string name;
    GenKind kind = GenKind::Internal;
    ScopeKind scope = ScopeKind::Internal;
    int64_t startNs = 0, durationNs = 0;
    bool error = false;
    std::string statusMessage;
    std::vector<GenAttr> attributes;
    std::vector<GenEvent> events;
};

class TraceGenerator {
public:
    explicit TraceGenerator(const TraceGeneratorOptions& options = {});
    ~TraceGenerator();
    TraceGenerator(const TraceGenerator&) = delete;
    TraceGenerator& operator=(const TraceGenerator&) = delete;

    // Replaces `out` with the next trace, parents before children.
    void nextTrace(std::vector<GenSpan>& out);
    uint64_t spansGenerated() const;
    uint64_t tracesGenerated() const;

    const demo::Topology& topology() const;
    const std::string& serviceName(uint32_t service) const;
    // Resource attributes of a pod, service.name first (OTLP resource, Jaeger process tags).
    const std::vector<GenAttr>& resourceAttributes(uint32_t service, uint32_t pod) const;
    // Instrumentation scope {name, version} of a span.
    std::pair<std::string_view, std::string_view> scope(const GenSpan& span) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

struct GeneratedFile {
    std::string path;
    uint64_t spans = 0;
    uint64_t traces = 0;
    uint64_t bytes = 0;
};

// Jaeger query-API JSON: {"data":[trace...],"total":0,...} with per-trace processes maps,
// µs timestamps and span.kind / otel.status_code / error tags as Jaeger's OTLP translator writes.
model::Result<GeneratedFile> writeJaegerJson(const std::string& path, uint64_t spans,
                                             uint64_t seed);
model::Result<GeneratedFile> writeJaegerJson(const std::string& path,
                                             const TraceGeneratorOptions& options);

// OTLP JSON Lines as the Collector's file exporter writes them: one ExportTraceServiceRequest
// per line holding ~512 spans grouped by resource and scope; hex IDs, string nanoseconds,
// intValue as a string, enums as numbers.
model::Result<GeneratedFile> writeOtlpJsonLines(const std::string& path, uint64_t spans,
                                                uint64_t seed);
model::Result<GeneratedFile> writeOtlpJsonLines(const std::string& path,
                                                const TraceGeneratorOptions& options);

} // namespace tg::app
