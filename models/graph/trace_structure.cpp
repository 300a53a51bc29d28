#include "models/graph/trace_structure.h"

#include <unordered_map>

#include "models/graph/span_lookup.h"

namespace tg::model {
namespace {

std::string spanLabel(const Dataset& d, size_t row) {
    std::string s = "span " + spanIdToHex(d.spanId[row]) + " of trace " + d.traceId[row].toHex();
    if (d.source[row] < d.sources.size()) s += " (" + d.sources[d.source[row]].path + ")";
    return s;
}

struct PerTrace {
    uint16_t firstSource = 0;
    bool hasRoot = false;
    bool split = false;
    size_t sampleRow = 0;
};

// A key used twice by a CLIENT span and a shared SERVER span is Zipkin's shared span, not a
// conflict. Returns the SERVER row for such pairs, -1 otherwise.
int32_t sharedServerOf(const Dataset& d, std::span<const int32_t> rows) {
    if (rows.size() != 2) return -1;
    const int32_t a = rows[0], b = rows[1];
    auto isSharedServer = [&](int32_t r) {
        return d.kind[static_cast<size_t>(r)] == SpanKind::Server &&
               (d.flags[static_cast<size_t>(r)] & kSpanShared);
    };
    auto isClient = [&](int32_t r) { return d.kind[static_cast<size_t>(r)] == SpanKind::Client; };
    if (isSharedServer(a) && isClient(b)) return a;
    if (isSharedServer(b) && isClient(a)) return b;
    return -1;
}

} // namespace

TraceStructure analyzeTraceStructure(const Dataset& d, Diagnostics& diag) {
    TraceStructure ts;
    const size_t n = d.spanCount();
    ts.parentRow.assign(n, TraceStructure::kRoot);
    const SpanLookup lookup(d);

    // Duplicate keys: classify once into shared pairs (resolved) and real conflicts.
    std::unordered_map<int32_t, int32_t> sharedServerByFirst; // first row -> server row
    std::unordered_map<int32_t, int32_t> sharedClientOfServer;
    for (const auto& [first, rows] : lookup.duplicates()) {
        const int32_t server = sharedServerOf(d, rows);
        if (server >= 0) {
            ++ts.sharedPairs;
            sharedServerByFirst[first] = server;
            sharedClientOfServer[server] = rows[0] == server ? rows[1] : rows[0];
        } else {
            ++ts.duplicateSpanIds;
            diag.report("duplicate_span_id", Severity::Warning,
                        spanLabel(d, static_cast<size_t>(first)) + " appears " +
                            std::to_string(rows.size()) +
                            " times; its children are not attributed to either");
        }
    }

    std::unordered_map<TraceId, PerTrace, TraceIdHash> traces;
    TraceId lastTrace{~0ull, ~0ull};
    PerTrace* current = nullptr;
    for (size_t row = 0; row < n; ++row) {
        if (!current || !(d.traceId[row] == lastTrace)) {
            lastTrace = d.traceId[row];
            auto [it, inserted] = traces.try_emplace(lastTrace);
            current = &it->second;
            if (inserted) {
                current->firstSource = d.source[row];
                current->sampleRow = row;
            }
        }
        if (current->firstSource != d.source[row]) current->split = true;

        int32_t parent = TraceStructure::kRoot;
        if (auto it = sharedClientOfServer.find(static_cast<int32_t>(row));
            it != sharedClientOfServer.end()) {
            parent = it->second;
        } else if (d.hasParent(row) && !(d.flags[row] & kSpanParentFollowsFrom)) {
            const int32_t found = lookup.find(d.traceId[row], d.parentId[row]);
            if (found == SpanLookup::kNotFound) {
                parent = TraceStructure::kOrphan;
            } else if (auto shared = sharedServerByFirst.find(found);
                       shared != sharedServerByFirst.end()) {
                parent = shared->second;
            } else if (!lookup.duplicatesOf(found).empty()) {
                parent = TraceStructure::kAmbiguous;
            } else {
                parent = found;
            }
        }
        ts.parentRow[row] = parent;
        switch (parent) {
        case TraceStructure::kRoot:
            ++ts.rootCount;
            current->hasRoot = true;
            break;
        case TraceStructure::kOrphan:
            if (++ts.orphanCount == 1)
                diag.report("orphan_span", Severity::Warning,
                            spanLabel(d, row) + ": parent " + spanIdToHex(d.parentId[row]) +
                                " is not in the trace");
            break;
        case TraceStructure::kAmbiguous:
            if (++ts.ambiguousCount == 1)
                diag.report("ambiguous_parent", Severity::Warning,
                            spanLabel(d, row) + ": parent ID " + spanIdToHex(d.parentId[row]) +
                                " is used by several spans; not counted on any edge");
            break;
        default: {
            const auto p = static_cast<size_t>(parent);
            const bool startsEarly = d.startNs[row] < d.startNs[p];
            const bool endsLate =
                d.startNs[row] + d.durationNs[row] > d.startNs[p] + d.durationNs[p];
            if ((startsEarly || endsLate) && ++ts.clockSkewedSpans == 1)
                diag.report("clock_skew", Severity::Info,
                            spanLabel(d, row) + (startsEarly ? " starts before" : " ends after") +
                                " its parent " + spanIdToHex(d.spanId[p]));
        }
        }
    }
    // Later reports only count: the first sample above is kept.
    if (ts.orphanCount > 1) diag.add("orphan_span", Severity::Warning, ts.orphanCount - 1, {});
    if (ts.ambiguousCount > 1)
        diag.add("ambiguous_parent", Severity::Warning, ts.ambiguousCount - 1, {});
    if (ts.clockSkewedSpans > 1)
        diag.add("clock_skew", Severity::Info, ts.clockSkewedSpans - 1, {});

    ts.traceCount = traces.size();
    for (const auto& [id, t] : traces) {
        if (!t.hasRoot && ++ts.tracesWithoutRoot == 1)
            diag.report("trace_without_root", Severity::Warning,
                        "trace " + id.toHex() + " has no root span (every span has a parent)");
        if (t.split && ++ts.tracesSplitAcrossSources == 1)
            diag.report("trace_split_across_files", Severity::Info,
                        "trace " + id.toHex() + " has spans in several input files; merged");
    }
    if (ts.tracesWithoutRoot > 1)
        diag.add("trace_without_root", Severity::Warning, ts.tracesWithoutRoot - 1, {});
    if (ts.tracesSplitAcrossSources > 1)
        diag.add("trace_split_across_files", Severity::Info, ts.tracesSplitAcrossSources - 1, {});
    return ts;
}

} // namespace tg::model
