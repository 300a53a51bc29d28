#include "app/demo/trace_generator.h"

#include <algorithm>

#include "app/demo/demo_topology.h"
#include "app/demo/span_attributes.h"

namespace tg::app {

using namespace demo;

const char* genKindName(GenKind kind) {
    switch (kind) {
    case GenKind::Internal:
        return "internal";
    case GenKind::Server:
        return "server";
    case GenKind::Client:
        return "client";
    case GenKind::Producer:
        return "producer";
    case GenKind::Consumer:
        return "consumer";
    }
    return "internal";
}

namespace {

constexpr int kMaxDepth = 10;

int64_t ms(double milliseconds) {
    return static_cast<int64_t>(milliseconds * 1e6);
}

} // namespace

struct TraceGenerator::Impl {
    struct Outcome {
        int64_t endNs = 0;
        bool error = false; // the callee failed (propagates to the caller's decision)
        int status = 0;
    };
    struct Delivery {
        const Backend* broker = nullptr;
        int partition = 0;
        int64_t offset = 0;
    };

    TraceGeneratorOptions options;
    Rng rng;
    Topology topology;
    std::vector<std::vector<std::vector<GenAttr>>> resources; // [service][pod]
    std::vector<int64_t> topicOffsets;
    uint64_t spans = 0, traces = 0;

    // The trace being generated.
    std::vector<GenSpan>* out = nullptr;
    uint64_t traceHi = 0, traceLo = 0;
    std::vector<int32_t> podOfService;
    TraceContext ctx;
    double position = 0; // of the trace in the time window, 0..1

    explicit Impl(const TraceGeneratorOptions& o) : options(o), rng(o.seed) {
        topology = buildTopology(o.services, rng);
        for (const Service& s : topology.services) {
            auto& pods = resources.emplace_back();
            for (const Pod& p : s.pods)
                pods.push_back(podResource(s, p));
        }
        podOfService.assign(topology.services.size(), -1);
        topicOffsets.assign(topology.topics.size(), 0);
        for (int64_t& offset : topicOffsets)
            offset = 1'000'000 + static_cast<int64_t>(rng.below(50'000'000));
    }

    bool full() const { return out->size() >= options.maxSpansPerTrace; }

    bool inIncident(const Service& s) const {
        return options.incident && position >= 0.55 && position < 0.75 && s.name == "risk";
    }

    // One pod per service per trace (a request sticks to the pod that served it).
    uint32_t podFor(uint32_t service) {
        int32_t& pod = podOfService[service];
        if (pod < 0) pod = static_cast<int32_t>(rng.below(topology.services[service].pods.size()));
        return static_cast<uint32_t>(pod);
    }

    size_t newSpan(uint32_t service, GenKind kind, ScopeKind scope, uint64_t parentId,
                   int64_t startNs, std::string_view name) {
        GenSpan& s = out->emplace_back();
        s.traceHi = traceHi;
        s.traceLo = traceLo;
        do
            s.spanId = rng.next();
        while (s.spanId == 0);
        s.parentId = parentId;
        s.service = service;
        s.pod = podFor(service);
        s.name.assign(name);
        s.kind = kind;
        s.scope = scope;
        s.startNs = startNs;
        return out->size() - 1;
    }

    void decorate(GenSpan& span, SpanFacts& facts) {
        facts.errorType = addEvents(span, facts, ctx, rng);
        addAttributes(span, facts, ctx, rng);
    }

    int64_t internalSpan(const Endpoint& ep, uint64_t parentId, int64_t at) {
        static constexpr const char* kNames[] = {"validate request",   "apply business rules",
                                                 "compute totals",     "serialize response",
                                                 "load configuration", "map entities"};
        const size_t idx = newSpan(ep.service, GenKind::Internal, ScopeKind::Internal, parentId, at,
                                   rng.pick(kNames));
        GenSpan& span = (*out)[idx];
        span.durationNs = std::max<int64_t>(1000, ms(rng.logNormal(ep.selfMedianMs * 0.4, 0.6)));
        const Service& svc = topology.services[ep.service];
        SpanFacts f;
        f.service = &svc;
        f.pod = &svc.pods[span.pod];
        f.endpoint = &ep;
        decorate(span, f);
        return at + span.durationNs;
    }

    Outcome serve(uint32_t endpoint, uint64_t parentId, const Pod* callerPod, int64_t startNs,
                  int depth, GenKind kind, const Delivery* delivery = nullptr) {
        const Endpoint& ep = topology.endpoints[endpoint];
        const Service& svc = topology.services[ep.service];
        const ScopeKind scope = kind == GenKind::Consumer        ? ScopeKind::Kafka
                                : svc.protocol == Protocol::Grpc ? ScopeKind::GrpcServer
                                                                 : ScopeKind::HttpServer;
        const size_t idx = newSpan(ep.service, kind, scope, parentId, startNs, ep.spanName);
        const uint64_t selfId = (*out)[idx].spanId;
        const Pod* pod = &svc.pods[(*out)[idx].pod];
        const bool incident = inIncident(svc);
        const double slow = incident ? 4.0 : 1.0;

        int64_t cursor = startNs + ms(rng.logNormal(ep.selfMedianMs * 0.3 * slow, ep.sigma));
        if (!full() && rng.chance(0.2)) cursor = internalSpan(ep, selfId, cursor);
        int64_t end = cursor;
        bool childFailed = false;
        for (const Call& call : ep.calls) {
            if (depth >= kMaxDepth || !rng.chance(call.probability)) continue;
            const int repeats = rng.between(call.minRepeat, call.maxRepeat);
            for (int r = 0; r < repeats && !full(); ++r) {
                const int64_t at =
                    (ep.parallel ? cursor : end) + static_cast<int64_t>(rng.below(150'000));
                const Outcome o = call.target == CallTarget::Service
                                      ? callService(call, selfId, pod, ep.service, at, depth)
                                      : callBackend(call, selfId, ep.service, at, depth);
                end = std::max(end, o.endNs);
                childFailed |= o.error;
            }
        }
        end += ms(rng.logNormal(ep.selfMedianMs * 0.7 * slow, ep.sigma));

        GenSpan& span = (*out)[idx];
        span.durationNs = end - startNs;
        span.error =
            rng.chance(incident ? 0.12 : options.faultRate) || (childFailed && rng.chance(0.5));
        SpanFacts f;
        f.service = &svc;
        f.pod = pod;
        f.endpoint = &ep;
        f.callerPod = callerPod;
        if (delivery) {
            f.backend = delivery->broker;
            f.partition = delivery->partition;
            f.offset = delivery->offset;
        } else {
            f.status = chooseStatus(svc.protocol, ep.method, span.error, rng);
        }
        decorate(span, f);
        return {end, span.error, f.status};
    }

    Outcome callService(const Call& call, uint64_t parentId, const Pod* callerPod,
                        uint32_t callerService, int64_t at, int depth) {
        const uint32_t endpoint = rng.pick(topology.services[call.index].endpoints);
        const Endpoint& ep = topology.endpoints[endpoint];
        const Service& callee = topology.services[call.index];
        const Service& caller = topology.services[callerService];
        const bool grpc = callee.protocol == Protocol::Grpc;
        const size_t idx = newSpan(callerService, GenKind::Client,
                                   grpc ? ScopeKind::GrpcClient : ScopeKind::HttpClient, parentId,
                                   at, grpc ? ep.spanName : ep.method);
        const uint64_t selfId = (*out)[idx].spanId;
        int64_t network = ms(rng.logNormal(0.25, 0.5));
        if (caller.region != callee.region) network += ms(rng.logNormal(9.0, 0.2));
        Outcome o;
        if (full()) { // the callee's span would not fit: it answers without a span (e.g. not
                      // sampled)
            o.endNs = at + 2 * network + ms(rng.logNormal(ep.selfMedianMs, ep.sigma));
            o.status = grpc ? 0 : 200;
        } else {
            o = serve(endpoint, selfId, callerPod, at + network, depth + 1, GenKind::Server);
        }
        const int64_t end = o.endNs + network;
        GenSpan& span = (*out)[idx];
        span.durationNs = end - at;
        // Client spans fail on any non-OK gRPC code and on HTTP 4xx too (semantic conventions).
        span.error = o.error || (grpc ? o.status != 0 : o.status >= 400);
        SpanFacts f;
        f.service = &caller;
        f.pod = callerPod;
        f.endpoint = &ep;
        f.callee = &callee;
        f.calleePod = &callee.pods[podFor(ep.service)];
        f.status = o.status;
        decorate(span, f);
        return {end, o.error, o.status};
    }

    Outcome callBackend(const Call& call, uint64_t parentId, uint32_t service, int64_t at,
                        int depth) {
        const Backend& b = topology.backends[call.index];
        const Service& svc = topology.services[service];
        GenKind kind = GenKind::Client;
        ScopeKind scope = ScopeKind::HttpClient;
        std::string name;
        switch (b.kind) {
        case BackendKind::Redis:
            scope = ScopeKind::Redis;
            name = call.operation;
            break;
        case BackendKind::Postgres:
            scope = ScopeKind::Postgres;
            name = call.operation + ' ' + call.collection;
            break;
        case BackendKind::Elasticsearch:
            scope = ScopeKind::Elasticsearch;
            name = "search " + call.collection;
            break;
        case BackendKind::Kafka:
            kind = GenKind::Producer;
            scope = ScopeKind::Kafka;
            name = call.namespaceName + " publish";
            break;
        case BackendKind::ExternalHttp:
            name = call.operation;
            break;
        }
        const size_t idx = newSpan(service, kind, scope, parentId, at, name);
        const uint64_t selfId = (*out)[idx].spanId;
        const int64_t end = at + std::max<int64_t>(20'000, ms(rng.logNormal(b.medianMs, b.sigma)));
        const bool error = rng.chance(options.faultRate * 0.6);
        SpanFacts f;
        f.service = &svc;
        f.pod = &svc.pods[(*out)[idx].pod];
        f.backend = &b;
        f.call = &call;
        if (b.kind == BackendKind::ExternalHttp)
            f.status = chooseStatus(Protocol::Http, call.operation, error, rng);
        else if (b.kind == BackendKind::Elasticsearch && error)
            f.status = 503;
        int topic = -1;
        if (b.kind == BackendKind::Kafka) {
            topic = topology.topicIndex(call.namespaceName);
            f.partition = static_cast<int>(rng.below(12));
            f.offset = topicOffsets[topic] += 1 + static_cast<int64_t>(rng.below(40));
        }
        {
            GenSpan& span = (*out)[idx];
            span.durationNs = end - at;
            span.error = error || f.status >= 400;
            decorate(span, f);
        }
        if (topic >= 0 && !error) {
            // Consumers pick the message up later, in the same trace (a child of the producer).
            const Delivery delivery{&b, f.partition, f.offset};
            for (uint32_t consumer : topology.consumersOfTopic[topic])
                if (!full() && depth < kMaxDepth && rng.chance(0.9))
                    serve(consumer, selfId, nullptr, end + ms(rng.logNormal(35.0, 0.8)), depth + 1,
                          GenKind::Consumer, &delivery);
        }
        return {end, error, f.status};
    }

    void generate(std::vector<GenSpan>& o) {
        out = &o;
        o.clear();
        traceHi = rng.next();
        traceLo = rng.next();
        std::fill(podOfService.begin(), podOfService.end(), -1);
        ctx.reset(rng);
        const double target = static_cast<double>(std::max<uint64_t>(1, options.targetSpans));
        position = std::min(1.0, static_cast<double>(spans) / target);
        const int64_t start =
            options.startNs +
            static_cast<int64_t>(position * static_cast<double>(options.windowNs)) +
            static_cast<int64_t>(rng.below(2'000'000'000));
        // Home and product pages are requested more often than checkout: favour the first routes.
        const auto& entries = topology.entryEndpoints;
        const uint32_t entry =
            entries[std::min(rng.below(entries.size()), rng.below(entries.size()))];
        serve(entry, 0, nullptr, start, 0, GenKind::Server);
        spans += o.size();
        ++traces;
        out = nullptr;
    }
};

TraceGenerator::TraceGenerator(const TraceGeneratorOptions& options)
    : d(std::make_unique<Impl>(options)) {}
TraceGenerator::~TraceGenerator() = default;

void TraceGenerator::nextTrace(std::vector<GenSpan>& out) {
    d->generate(out);
}
uint64_t TraceGenerator::spansGenerated() const {
    return d->spans;
}
uint64_t TraceGenerator::tracesGenerated() const {
    return d->traces;
}
const Topology& TraceGenerator::topology() const {
    return d->topology;
}
const std::string& TraceGenerator::serviceName(uint32_t service) const {
    return d->topology.services[service].name;
}

const std::vector<GenAttr>& TraceGenerator::resourceAttributes(uint32_t service,
                                                               uint32_t pod) const {
    return d->resources[service][pod];
}

std::pair<std::string_view, std::string_view> TraceGenerator::scope(const GenSpan& span) const {
    return scopeFor(d->topology.services[span.service].language, span.scope);
}

} // namespace tg::app
