#pragma once
// Builds a one-trace dataset from compact span specs (times in ms after kEpoch) and its
// WaterfallData, for the waterfall tests. Unlike tests/models/trace_test_builder.h, specs carry
// an error status and attributes, which the waterfall shows and finds.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/dataset/dataset_builder.h"
#include "models/graph/trace_structure.h"
#include "views/trace/waterfall_data.h"

namespace tg::test {

inline constexpr int64_t kMs = 1'000'000;
inline constexpr int64_t kEpoch = 1'700'000'000'000'000'000;

struct WfSpan {
    uint64_t id;
    uint64_t parent; // 0 = none
    int64_t startMs, endMs;
    const char* service = "svc";
    const char* operation = "op";
    bool error = false;
    std::vector<std::pair<std::string, std::string>> attributes = {};
};

struct WfTrace {
    std::shared_ptr<model::Dataset> dataset = std::make_shared<model::Dataset>();
    model::Diagnostics diagnostics;
    model::TraceStructure structure;
    std::shared_ptr<const view::WaterfallData> data;

    uint32_t row(uint64_t spanId) const {
        for (uint32_t r = 0; r < dataset->spanCount(); ++r)
            if (dataset->spanId[r] == spanId) return r;
        return UINT32_MAX;
    }
    uint32_t node(uint64_t spanId) const { return uint32_t(data->nodeOfRow(row(spanId))); }
};

inline std::shared_ptr<WfTrace> makeWfTrace(const std::vector<WfSpan>& specs) {
    auto t = std::make_shared<WfTrace>();
    {
        model::DatasetBuilder builder(*t->dataset, t->diagnostics, 0);
        model::SpanInput in;
        for (const WfSpan& s : specs) {
            in.clear();
            in.trace = model::parseTraceId("abc");
            in.span = {s.id, model::IdSpelling::Hex};
            if (s.parent) in.parent = {s.parent, model::IdSpelling::Hex};
            in.operation = s.operation;
            in.resource = builder.addResource(s.service, {});
            in.startNs = kEpoch + s.startMs * kMs;
            in.durationNs = (s.endMs - s.startMs) * kMs;
            in.status = s.error ? model::StatusCode::Error : model::StatusCode::Unset;
            for (const auto& [k, v] : s.attributes)
                in.attributes.push_back(model::AttributeInput::string(k, v));
            builder.addSpan(in);
        }
    }
    t->structure = model::analyzeTraceStructure(*t->dataset, t->diagnostics);
    t->data = view::WaterfallData::build(t->dataset, t->structure, t->dataset->traceId[0]);
    return t;
}

// The checkout trace used by several tests (times in ms):
//   1 a "GET /checkout"     0..100
//   ├ 2 b "reserve stock"  10..40
//   │ └ 3 b "SELECT stock" 15..20   (error; db.statement attribute)
//   ├ 6 a "cache lookup"   45..48
//   └ 4 c "charge card"    50..90
//     └ 5 c "POST /payments" 60..70 (http.route=/payments)
// Depth-first order (children by start): 1, 2, 3, 6, 4, 5.
inline std::shared_ptr<WfTrace> checkoutTrace() {
    return makeWfTrace({
        {1, 0, 0, 100, "a", "GET /checkout"},
        {2, 1, 10, 40, "b", "reserve stock"},
        {3, 2, 15, 20, "b", "SELECT stock", true, {{"db.statement", "select * from stock"}}},
        {4, 1, 50, 90, "c", "charge card"},
        {5, 4, 60, 70, "c", "POST /payments", false, {{"http.route", "/payments"}}},
        {6, 1, 45, 48, "a", "cache lookup"},
    });
}

} // namespace tg::test
