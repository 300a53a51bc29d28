#pragma once
// Hand-built inputs for the correlation tests: a two-trace dataset, and helpers that append log
// records and metric series to the telemetry stores. Times are relative to kT0 in ms.
#include <string_view>
#include <vector>

#include "models/dataset/dataset_builder.h"
#include "models/telemetry/log_store.h"
#include "models/telemetry/metric_store.h"

namespace tg::test {

inline constexpr int64_t kMs = 1'000'000;
inline constexpr int64_t kT0 = 1'700'000'000'000'000'000;

inline constexpr std::string_view kTraceA = "4bf92f3577b34da6a3ce929d0e0e4736";
inline constexpr std::string_view kTraceB = "00000000000000000000000000000abc";
inline constexpr uint64_t kSpanA1 = 0x00f067aa0ba902b7, kSpanA2 = 0x1111, kSpanB1 = 0x2222;

// Trace A: frontend span A1 (0..100 ms) with a checkout child A2 (10..60 ms).
// Trace B: checkout span B1 (1000..1200 ms). The traces cover 0..1200 ms.
inline void buildTwoTraces(model::Dataset& d) {
    model::Diagnostics diag;
    model::DatasetBuilder b(d, diag, 0);
    d.sources.push_back({"traces.json", "jaeger-json"});
    struct S {
        std::string_view trace;
        uint64_t id, parent;
        const char* service;
        int64_t startMs, endMs;
    };
    const S specs[] = {{kTraceA, kSpanA1, 0, "frontend", 0, 100},
                       {kTraceA, kSpanA2, kSpanA1, "checkout", 10, 60},
                       {kTraceB, kSpanB1, 0, "checkout", 1000, 1200}};
    for (const S& s : specs) {
        model::SpanInput in;
        in.trace = model::parseTraceId(s.trace);
        in.span = {s.id, model::IdSpelling::Hex};
        if (s.parent) in.parent = {s.parent, model::IdSpelling::Hex};
        in.operation = "op";
        in.resource = b.addResource(s.service, {});
        in.startNs = kT0 + s.startMs * kMs;
        in.durationNs = (s.endMs - s.startMs) * kMs;
        b.addSpan(in);
    }
}

struct LogSpec {
    int64_t timeMs;
    std::string_view body;
    std::vector<model::LabelInput> stream;
    std::string_view explicitTrace = {}, explicitSpan = {};
    std::vector<model::AttributeInput> attributes = {};
    model::LogSeverity severity = model::LogSeverity::Unspecified;
    std::string_view severityText = {};
};

inline void addLogs(model::LogStore& logs, std::string path, const std::vector<LogSpec>& specs) {
    logs.addSource(std::move(path), "test");
    model::LogInput in;
    for (const LogSpec& s : specs) {
        in.clear();
        in.timeNs = kT0 + s.timeMs * kMs;
        in.body = s.body;
        in.attributes = s.attributes;
        in.severity = s.severity;
        in.severityText = s.severityText;
        if (!s.explicitTrace.empty()) in.trace = model::parseTraceId(s.explicitTrace);
        if (!s.explicitSpan.empty()) in.span = model::parseSpanId(s.explicitSpan);
        logs.addRecord(logs.addStream(s.stream), in);
    }
    logs.buildIndex();
}

} // namespace tg::test
