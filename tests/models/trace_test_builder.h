#pragma once
// Builds a one-trace Dataset from compact span specs (times in ms) for the trace-analysis
// tests, and describes results relative to the trace start.
#include <QString>
#include <QStringList>
#include <vector>

#include "models/dataset/dataset_builder.h"
#include "models/trace/trace_tree.h"

namespace tg::test {

inline constexpr int64_t kMs = 1'000'000;
inline constexpr int64_t kEpoch = 1'700'000'000'000'000'000;

struct SpanSpec {
    uint64_t id;
    uint64_t parent; // 0 = none
    int64_t startMs, endMs;
    bool followsFrom = false;
    const char* service = "svc";
    const char* operation = "op";
};

struct BuiltTrace {
    model::Dataset dataset;
    model::Diagnostics diagnostics;
    model::TraceStructure structure;
    model::TraceTree tree;
};

// Spans go to trace `trace` (several calls may share one dataset when `into` is reused).
inline void addSpans(model::Dataset& dataset, model::Diagnostics& diag,
                     const std::vector<SpanSpec>& specs, std::string_view trace = "abc") {
    model::DatasetBuilder builder(dataset, diag, 0);
    model::SpanInput in;
    for (const SpanSpec& s : specs) {
        in.clear();
        in.trace = model::parseTraceId(trace);
        in.span = {s.id, model::IdSpelling::Hex};
        if (s.parent) in.parent = {s.parent, model::IdSpelling::Hex};
        in.parentRef = s.followsFrom ? model::RefType::FollowsFrom : model::RefType::ChildOf;
        in.operation = s.operation;
        in.resource = builder.addResource(s.service, {});
        in.startNs = kEpoch + s.startMs * kMs;
        in.durationNs = (s.endMs - s.startMs) * kMs;
        builder.addSpan(in);
    }
}

inline void buildTrace(BuiltTrace& b, const std::vector<SpanSpec>& specs) {
    addSpans(b.dataset, b.diagnostics, specs);
    b.structure = model::analyzeTraceStructure(b.dataset, b.diagnostics);
    b.tree = model::TraceTree::build(b.dataset, b.structure,
                                     model::rowsOfTrace(b.dataset, b.dataset.traceId[0]));
}

} // namespace tg::test
