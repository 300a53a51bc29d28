#include "models/correlate/correlation_index.h"

#include <algorithm>

#include "models/correlate/correlation_builder.h"

namespace tg::model {

const char* linkStatusName(LinkStatus status) {
    switch (status) {
    case LinkStatus::Span:
        return "span";
    case LinkStatus::Trace:
        return "trace";
    case LinkStatus::UnknownTrace:
        return "unknown_trace";
    case LinkStatus::OutsideTimeRange:
        return "outside_time_range";
    case LinkStatus::NoId:
        return "no_id";
    }
    return "no_id";
}

CorrelationIndex CorrelationIndex::build(const Dataset& dataset, const LogStore* logs,
                                         const MetricStore* metrics,
                                         const CorrelationConfig& config) {
    CorrelationIndex index;
    CorrelationBuilder builder(index, dataset, config);
    builder.describeTraces();
    if (logs) builder.linkLogs(*logs);
    if (metrics) {
        builder.linkSeries(*metrics);
        builder.linkExemplars(*metrics);
    }
    return index;
}

std::span<const uint32_t> CorrelationIndex::logsForTrace(const TraceId& trace) const {
    const auto it = m_traceLogs.find(trace);
    if (it == m_traceLogs.end()) return {};
    return {m_logsByTrace.data() + it->second.begin, it->second.end - it->second.begin};
}

std::span<const uint32_t> CorrelationIndex::logsForSpan(const TraceId& trace, SpanId span) const {
    const auto it = m_traceLogs.find(trace);
    if (it == m_traceLogs.end() || span == 0) return {};
    const auto keysBegin = m_spanKeys.begin() + it->second.begin;
    const auto keysEnd = m_spanKeys.begin() + it->second.end;
    const auto [lo, hi] = std::equal_range(keysBegin, keysEnd, span);
    return {m_logsBySpan.data() + (lo - m_spanKeys.begin()), static_cast<size_t>(hi - lo)};
}

std::span<const uint32_t> CorrelationIndex::logsForService(StringId service) const {
    const auto it = m_serviceLogs.find(service);
    if (it == m_serviceLogs.end()) return {};
    return {m_logsByService.data() + it->second.begin, it->second.end - it->second.begin};
}

std::span<const uint32_t> CorrelationIndex::seriesForService(StringId service) const {
    const auto it = m_serviceSeries.find(service);
    if (it == m_serviceSeries.end()) return {};
    return {m_seriesByService.data() + it->second.begin, it->second.end - it->second.begin};
}

std::span<const uint32_t> CorrelationIndex::exemplarsForTrace(const TraceId& trace) const {
    const auto it = m_traceExemplars.find(trace);
    if (it == m_traceExemplars.end()) return {};
    return {m_exemplarsByTrace.data() + it->second.begin, it->second.end - it->second.begin};
}

LogLink CorrelationIndex::logLink(uint32_t row) const {
    LogLink link;
    if (row >= m_logStatus.size()) return link;
    link.status = m_logStatus[row];
    link.origin = m_logOrigin[row];
    link.spanRow = m_logSpanRow[row];
    link.service = m_logService[row];
    if (link.origin == IdOrigin::Explicit) {
        link.trace = m_logs->traceId[row];
        link.span = m_logs->spanId[row];
    } else if (link.origin != IdOrigin::None) {
        const auto it = std::lower_bound(m_derivedRows.begin(), m_derivedRows.end(), row);
        if (it != m_derivedRows.end() && *it == row) {
            const size_t i = static_cast<size_t>(it - m_derivedRows.begin());
            link.trace = m_derivedTrace[i];
            link.span = m_derivedSpan[i];
        }
    }
    return link;
}

ExemplarLink CorrelationIndex::exemplarLink(uint32_t exemplar) const {
    if (exemplar >= m_exemplarStatus.size()) return {};
    return {m_exemplarStatus[exemplar], m_exemplarSpanRow[exemplar]};
}

void CorrelationBuilder::describeTraces() {
    CorrelationReport& r = m_index.m_report;
    r.traces = m_catalog.traceCount();
    r.spans = m_dataset.spanCount();
    r.services = m_services.serviceCount();
    r.tracesStartNs = m_catalog.startNs();
    r.tracesEndNs = m_catalog.endNs();
}

LinkStatus CorrelationBuilder::traceStatus(const TraceId& trace, SpanId span, int64_t timeNs,
                                           bool hasTime, int32_t& spanRow) const {
    spanRow = -1;
    if (m_catalog.hasTrace(trace)) {
        if (span != 0) spanRow = m_catalog.spanRow(trace, span);
        return spanRow >= 0 ? LinkStatus::Span : LinkStatus::Trace;
    }
    // With no traces at all, or no time, nothing says the record is outside their range.
    if (hasTime && m_catalog.traceCount() > 0 &&
        !m_catalog.inTimeRange(timeNs, m_config.timeSlackNs))
        return LinkStatus::OutsideTimeRange;
    return LinkStatus::UnknownTrace;
}

} // namespace tg::model
