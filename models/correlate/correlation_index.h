#pragma once
// Spans ⇄ logs ⇄ metrics (DESIGN §1, issue 4): for every log record the trace and span it
// belongs to (explicit IDs or derived fields), whether they exist in the dataset, and its
// service; for every metric series its service; for every exemplar its trace and span. Views
// and the CLI query it by trace, span or service without scanning: each query is a hash lookup
// returning a contiguous range of rows, sorted by time.
//
// Invariants: the dataset, LogStore and MetricStore it was built from outlive it and do not
// change afterwards (rebuild after an import). Every log row appears in logsForTrace() of its
// trace ID when it has one (linked or not: a trace that was not loaded can still be asked for),
// and in logsForService() of its service when it has one.
//
// Thread affinity: built on a background thread (build() is a pure function of its inputs);
// read-only afterwards, from any thread.
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "models/core/huge_pages.h"
#include "models/core/ids.h"
#include "models/correlate/correlation_config.h"
#include "models/correlate/correlation_report.h"
#include "models/correlate/derived_fields.h"
#include "models/dataset/dataset.h"
#include "models/telemetry/log_store.h"
#include "models/telemetry/metric_store.h"

namespace tg::model {

enum class LinkStatus : uint8_t {
    Span,             // the trace and the span exist
    Trace,            // the trace exists; no span ID, or the span is not in it
    UnknownTrace,     // see TraceMiss
    OutsideTimeRange, //
    NoId,             //
};
const char* linkStatusName(LinkStatus status); // "span", "trace", "unknown_trace", ...

struct LogLink {
    LinkStatus status = LinkStatus::NoId;
    IdOrigin origin = IdOrigin::None;
    TraceId trace; // zero when none
    SpanId span = 0;
    int32_t spanRow = -1; // dataset row when status == Span
    StringId service = 0; // dataset service id; 0 when not mapped
};

struct ExemplarLink {
    LinkStatus status = LinkStatus::NoId;
    int32_t spanRow = -1;
};

class CorrelationIndex {
public:
    // `logs` and `metrics` may be null (nothing of that kind loaded).
    static CorrelationIndex build(const Dataset& dataset, const LogStore* logs,
                                  const MetricStore* metrics, const CorrelationConfig& config);

    // Log rows, by time. Empty when nothing matches.
    std::span<const uint32_t> logsForTrace(const TraceId& trace) const;
    std::span<const uint32_t> logsForSpan(const TraceId& trace, SpanId span) const;
    std::span<const uint32_t> logsForService(StringId service) const;
    // Metric series rows mapped to the service, in series order.
    std::span<const uint32_t> seriesForService(StringId service) const;
    // Exemplar rows naming this trace, in exemplar order.
    std::span<const uint32_t> exemplarsForTrace(const TraceId& trace) const;

    LogLink logLink(uint32_t row) const;
    ExemplarLink exemplarLink(uint32_t exemplar) const;
    StringId serviceOfSeries(uint32_t series) const {
        return series < m_seriesService.size() ? m_seriesService[series] : 0;
    }
    const CorrelationReport& report() const { return m_report; }

private:
    struct Range {
        uint32_t begin = 0, end = 0;
    };
    friend class CorrelationBuilder;

    const LogStore* m_logs = nullptr;
    CorrelationReport m_report;

    // Per log row.
    HugePageVector<LinkStatus> m_logStatus;
    HugePageVector<IdOrigin> m_logOrigin;
    HugePageVector<int32_t> m_logSpanRow;
    HugePageVector<StringId> m_logService;
    // IDs found by derived fields (rows without explicit IDs), sorted by row.
    HugePageVector<uint32_t> m_derivedRows;
    HugePageVector<TraceId> m_derivedTrace;
    HugePageVector<SpanId> m_derivedSpan;

    // Log rows with a trace ID grouped by trace: by time in m_logsByTrace, by (span, time) in
    // m_logsBySpan (same ranges, so one lookup serves both); m_spanKeys parallels m_logsBySpan.
    std::unordered_map<TraceId, Range, TraceIdHash> m_traceLogs;
    HugePageVector<uint32_t> m_logsByTrace, m_logsBySpan;
    std::vector<SpanId> m_spanKeys;
    std::unordered_map<StringId, Range> m_serviceLogs;
    HugePageVector<uint32_t> m_logsByService;

    std::vector<StringId> m_seriesService;
    std::unordered_map<StringId, Range> m_serviceSeries;
    std::vector<uint32_t> m_seriesByService;

    std::vector<LinkStatus> m_exemplarStatus;
    std::vector<int32_t> m_exemplarSpanRow;
    std::unordered_map<TraceId, Range, TraceIdHash> m_traceExemplars;
    std::vector<uint32_t> m_exemplarsByTrace;
};

} // namespace tg::model
