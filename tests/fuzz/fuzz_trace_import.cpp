// Fuzz target (DESIGN §5: importers have fuzz targets): arbitrary bytes go through format
// sniffing and every importer, into a dataset that already holds a small valid import, and then
// through everything that runs after an import (trace structure, service graph), so broken data
// can crash neither an importer nor the analyses. Invariants checked on every input:
//  - a fatal error names the input and leaves the dataset exactly as before (rollback);
//  - the dataset's columns stay consistent (same lengths, prefix offsets closed);
//  - the analyses cover every span.
// Built as a libFuzzer binary with Clang (TOPOGRAPH_FUZZ=ON) or, with any compiler, linked to
// fuzz_replay_main.cpp to replay a corpus (CI).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "importers/registry/trace_import.h"
#include "models/graph/service_graph_builder.h"
#include "models/graph/trace_structure.h"

using namespace tg;

namespace {

void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_trace_import: invariant violated: %s\n", what);
    std::abort();
}

// The import every input lands on top of (IDs the seeds do not use, so it does not turn their
// parents ambiguous and hide the analyses' code from the fuzzer).
constexpr std::string_view kBase =
    R"({"traceID":"ba5eba5eba5e0001","spans":[)"
    R"({"traceID":"ba5eba5eba5e0001","spanID":"ba5eba5eba5e0001","operationName":"GET /",)"
    R"("references":[],"startTime":1700000000000000,"duration":2000,)"
    R"("tags":[{"key":"span.kind","type":"string","value":"server"}],"logs":[],"processID":"p1"},)"
    R"({"traceID":"ba5eba5eba5e0001","spanID":"ba5eba5eba5e0002","operationName":"SELECT",)"
    R"("references":[{"refType":"CHILD_OF","traceID":"ba5eba5eba5e0001","spanID":"ba5eba5eba5e0001"},)"
    R"({"refType":"FOLLOWS_FROM","traceID":"0000000000000009","spanID":"0000000000000009"}],)"
    R"("startTime":1700000000000100,"duration":500,"tags":[{"key":"error","type":"bool","value":true}],)"
    R"("logs":[{"timestamp":1700000000000200,"fields":[{"key":"event","type":"string","value":"x"}]}],)"
    R"("processID":"p2"}],"processes":{"p1":{"serviceName":"front","tags":[]},)"
    R"("p2":{"serviceName":"db","tags":[{"key":"host","type":"string","value":"h"}]}}})";

bool sameCheckpoint(const model::Dataset::Checkpoint& a, const model::Dataset::Checkpoint& b) {
    return a.spans == b.spans && a.attributes == b.attributes &&
           a.eventAttributes == b.eventAttributes && a.resourceAttributes == b.resourceAttributes &&
           a.events == b.events && a.links == b.links && a.resources == b.resources &&
           a.sources == b.sources;
}

void checkColumns(const model::Dataset& d) {
    const size_t n = d.spanCount();
    check(d.spanId.size() == n && d.parentId.size() == n && d.service.size() == n &&
              d.operation.size() == n && d.kind.size() == n && d.status.size() == n &&
              d.flags.size() == n && d.startNs.size() == n && d.durationNs.size() == n &&
              d.resource.size() == n && d.source.size() == n,
          "span columns of equal length");
    check(d.attrBegin.size() == n + 1 && d.eventBegin.size() == n + 1 &&
              d.linkBegin.size() == n + 1,
          "prefix offsets have spanCount()+1 entries");
    check(d.attrBegin.back() == d.attributes.size(), "attrBegin closed");
    check(d.eventBegin.back() == d.events.size(), "eventBegin closed");
    check(d.linkBegin.back() == d.links.size(), "linkBegin closed");
    for (size_t i = 0; i < n; ++i) {
        check(d.resource[i] < d.resources.size(), "span resource in range");
        check(d.source[i] < d.sources.size(), "span source in range");
        check(d.durationNs[i] >= 0, "durations clamped to >= 0");
    }
    for (const model::SpanEvent& e : d.events)
        check(size_t{e.attrBegin} + e.attrCount <= d.eventAttributes.size(),
              "event attributes in range");
    for (const model::Resource& r : d.resources)
        check(size_t{r.attrBegin} + r.attrCount <= d.resourceAttributes.size(),
              "resource attributes in range");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    model::Dataset dataset;
    const import::ImportReport base = import::importTraceBytes(kBase, "base.json", dataset);
    check(!base.failed && base.spans == 2, "the base import succeeds");
    const model::Dataset::Checkpoint before = dataset.checkpoint();

    import::ImportOptions options;
    options.maxRecordBytes = 1u << 20; // bounded work per input; larger records are TooLarge
    uint64_t lastProgress = 0;
    options.progress = [&](uint64_t done) {
        check(done >= lastProgress && done <= size, "progress is monotonic and within the input");
        lastProgress = done;
    };
    const import::ImportReport report =
        import::importTraceBytes(bytes, "fuzz-input", dataset, options);

    if (report.failed) {
        check(report.error.path == "fuzz-input", "a fatal error names the input");
        check(report.spans == 0, "a failed import reports no spans");
        check(sameCheckpoint(before, dataset.checkpoint()), "a failed import is rolled back");
        check(!report.error.toString().empty(), "the error renders");
    } else {
        check(dataset.spanCount() == before.spans + report.spans, "reported spans were added");
        check(dataset.sources.size() == before.sources + 1, "the input is one source");
    }
    checkColumns(dataset);
    for (size_t i = 0; i < dataset.spanCount(); ++i) {
        (void)dataset.serviceName(i);
        (void)dataset.operationName(i);
        for (const model::Attribute& a : dataset.spanAttributes(i))
            (void)dataset.attributeText(a);
    }

    model::Diagnostics diagnostics;
    const model::TraceStructure structure = model::analyzeTraceStructure(dataset, diagnostics);
    check(structure.parentRow.size() == dataset.spanCount(), "structure covers every span");
    for (const int32_t parent : structure.parentRow)
        check(parent < 0 ? parent >= model::TraceStructure::kAmbiguous
                         : size_t(parent) < dataset.spanCount(),
              "parent rows in range");
    const model::ServiceGraph graph = model::buildServiceGraph(dataset, structure);
    check(!graph.nodes.empty(), "the base import's services are in the graph");
    return 0;
}
