#pragma once
// Four small traces for the explorer view tests (times in ms after kEpoch, 2023-11-14
// 22:13:20 UTC). By hand, in start order (= TraceIndex position):
//   0 "a1" at    0 ms: frontend GET /checkout [0,120] > checkout POST /pay [10,100] ERROR
//                      → 2 spans, 120 ms, 1 error, services frontend+checkout
//   1 "a2" at 1000 ms: frontend GET /checkout [1000,1030] > checkout POST /pay [1005,1025]
//                      → 2 spans, 30 ms, no error
//   2 "a3" at 2000 ms: frontend GET /home [2000,2005] → 1 span, 5 ms
//   3 "a4" at 3000 ms: frontend GET /checkout [3000,4000] > checkout POST /pay [3010,3990]
//                      > payments charge [3020,3980] (attribute http.route=/charge)
//                      → 3 spans, 1000 ms, no error
#include <memory>
#include <vector>

#include "models/dataset/dataset_builder.h"
#include "models/graph/trace_structure.h"
#include "models/trace/trace_index.h"

namespace tg::test {

inline constexpr int64_t kMs = 1'000'000;
inline constexpr int64_t kEpoch = 1'700'000'000'000'000'000;

struct TestSpan {
    const char* trace;
    uint64_t id, parent;
    int64_t startMs, endMs;
    const char* service;
    const char* operation;
    bool error = false;
    const char* attrKey = nullptr;
    const char* attrValue = nullptr;
};

struct ExplorerTestData {
    std::shared_ptr<model::Dataset> dataset = std::make_shared<model::Dataset>();
    model::Diagnostics diagnostics;
    model::TraceStructure structure;
    std::shared_ptr<const model::TraceIndex> index;
};

inline void buildExplorerTestData(ExplorerTestData& out, const std::vector<TestSpan>& spans) {
    {
        model::DatasetBuilder builder(*out.dataset, out.diagnostics, 0);
        model::SpanInput in;
        for (const TestSpan& s : spans) {
            in.clear();
            in.trace = model::parseTraceId(s.trace);
            in.span = {s.id, model::IdSpelling::Hex};
            if (s.parent) in.parent = {s.parent, model::IdSpelling::Hex};
            in.operation = s.operation;
            in.kind = model::SpanKind::Server;
            in.status = s.error ? model::StatusCode::Error : model::StatusCode::Unset;
            in.resource = builder.addResource(s.service, {});
            in.startNs = kEpoch + s.startMs * kMs;
            in.durationNs = (s.endMs - s.startMs) * kMs;
            if (s.attrKey)
                in.attributes.push_back(model::AttributeInput::string(s.attrKey, s.attrValue));
            builder.addSpan(in);
        }
    }
    out.structure = model::analyzeTraceStructure(*out.dataset, out.diagnostics);
    out.index = std::make_shared<const model::TraceIndex>(
        model::TraceIndex::build(*out.dataset, out.structure));
}

inline void buildFourTraces(ExplorerTestData& out) {
    buildExplorerTestData(
        out, {
                 {"a1", 1, 0, 0, 120, "frontend", "GET /checkout"},
                 {"a1", 2, 1, 10, 100, "checkout", "POST /pay", true},
                 {"a2", 3, 0, 1000, 1030, "frontend", "GET /checkout"},
                 {"a2", 4, 3, 1005, 1025, "checkout", "POST /pay"},
                 {"a3", 5, 0, 2000, 2005, "frontend", "GET /home"},
                 {"a4", 6, 0, 3000, 4000, "frontend", "GET /checkout"},
                 {"a4", 7, 6, 3010, 3990, "checkout", "POST /pay"},
                 {"a4", 8, 7, 3020, 3980, "payments", "charge", false, "http.route", "/charge"},
             });
}

} // namespace tg::test
