#pragma once
// Hand-built inputs for the Logs panel tests: two traces and seven log records (below), with the
// correlation index over them. Times are relative to kT0 in ms.
//
//   row  t (ms)  stream             level  body                              trace / span
//   0    5       service=frontend   INFO   GET /cart started                  A / A1
//   1    20      service=checkout   DEBUG  loading cart items                 A / A2
//   2    30      service=checkout   ERROR  payment declined: card expired     A / A2
//   3    50      service=frontend   WARN   slow response from checkout        A / A1
//   4    1100    service=checkout   INFO   cart checked out                   B / B1
//   5    1500    service=checkout   -      heartbeat ok                       -
//   6    2       service=inventory  ERROR  inventory sync failed              -
#include <memory>

#include "models/correlate/correlation_index.h"
#include "models/dataset/dataset_builder.h"
#include "models/telemetry/log_store.h"
#include "views/logs/log_query.h"

namespace tg::test {

inline constexpr int64_t kMs = 1'000'000;
inline constexpr int64_t kT0 = 1'700'000'000'000'000'000; // 2023-11-14 22:13:20 UTC
inline constexpr const char* kTraceA = "4bf92f3577b34da6a3ce929d0e0e4736";
inline constexpr const char* kTraceB = "0000000000000000000000000000abcd";
inline constexpr uint64_t kSpanA1 = 0xa1, kSpanA2 = 0xa2, kSpanB1 = 0xb1;

// Trace A: frontend A1 (0..100 ms) calls checkout A2 (10..60 ms); trace B: checkout B1
// (1000..1200 ms).
inline std::shared_ptr<model::Dataset> buildTraces() {
    auto d = std::make_shared<model::Dataset>();
    model::Diagnostics diag;
    model::DatasetBuilder b(*d, diag, 0);
    d->sources.push_back({"traces.json", "jaeger-json"});
    struct S {
        const char* trace;
        uint64_t id, parent;
        const char* service;
        const char* operation;
        int64_t startMs, endMs;
    };
    const S specs[] = {{kTraceA, kSpanA1, 0, "frontend", "GET /cart", 0, 100},
                       {kTraceA, kSpanA2, kSpanA1, "checkout", "load cart", 10, 60},
                       {kTraceB, kSpanB1, 0, "checkout", "checkout", 1000, 1200}};
    for (const S& s : specs) {
        model::SpanInput in;
        in.trace = model::parseTraceId(s.trace);
        in.span = {s.id, model::IdSpelling::Hex};
        if (s.parent) in.parent = {s.parent, model::IdSpelling::Hex};
        in.operation = s.operation;
        in.resource = b.addResource(s.service, {});
        in.startNs = kT0 + s.startMs * kMs;
        in.durationNs = (s.endMs - s.startMs) * kMs;
        b.addSpan(in);
    }
    return d;
}

inline std::shared_ptr<model::LogStore> buildLogs() {
    auto logs = std::make_shared<model::LogStore>();
    logs->addSource("app.log", "test");
    struct L {
        int64_t timeMs;
        const char* service;
        model::LogSeverity severity;
        const char* body;
        const char* trace;
        uint64_t span;
    };
    using S = model::LogSeverity;
    const L specs[] = {
        {5, "frontend", S::Info, "GET /cart started", kTraceA, kSpanA1},
        {20, "checkout", S::Debug, "loading cart items", kTraceA, kSpanA2},
        {30, "checkout", S::Error, "payment declined: card expired", kTraceA, kSpanA2},
        {50, "frontend", S::Warn, "slow response from checkout", kTraceA, kSpanA1},
        {1100, "checkout", S::Info, "cart checked out", kTraceB, kSpanB1},
        {1500, "checkout", S::Unspecified, "heartbeat ok", nullptr, 0},
        {2, "inventory", S::Error, "inventory sync failed", nullptr, 0}};
    model::LogInput in;
    for (const L& s : specs) {
        in.clear();
        in.timeNs = kT0 + s.timeMs * kMs;
        in.severity = s.severity;
        in.body = s.body;
        if (s.trace) in.trace = model::parseTraceId(s.trace);
        if (s.span) in.span = {s.span, model::IdSpelling::Hex};
        const model::LabelInput stream[] = {{"service", s.service}};
        logs->addRecord(logs->addStream(stream), in);
    }
    logs->buildIndex();
    return logs;
}

inline view::LogsSources buildSources(bool withCorrelation = true) {
    view::LogsSources s;
    auto dataset = buildTraces();
    auto logs = buildLogs();
    s.dataset = dataset;
    s.logs = logs;
    if (withCorrelation)
        s.correlation = std::make_shared<model::CorrelationIndex>(model::CorrelationIndex::build(
            *dataset, logs.get(), nullptr, model::CorrelationConfig::defaults()));
    return s;
}

inline view::LogScope serviceScope(std::vector<std::string> services) {
    view::LogScope scope;
    scope.kind = view::LogScope::Kind::Services;
    scope.services = std::move(services);
    return scope;
}

} // namespace tg::test
