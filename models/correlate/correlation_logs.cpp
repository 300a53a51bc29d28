// CorrelationBuilder's log steps: find each record's IDs, link them to the dataset, map its
// service, and group the rows by trace, span and service for the index's queries.
#include <algorithm>
#include <numeric>

#include "models/correlate/correlation_builder.h"

namespace tg::model {
namespace {

constexpr size_t kSampleBodyBytes = 120;

TraceMiss missOf(LinkStatus status) {
    switch (status) {
    case LinkStatus::UnknownTrace:
        return TraceMiss::UnknownTrace;
    case LinkStatus::OutsideTimeRange:
        return TraceMiss::OutsideTimeRange;
    default:
        return TraceMiss::NoId;
    }
}

} // namespace

std::string CorrelationBuilder::logSample(const LogStore& logs, size_t row,
                                          const TraceId* trace) const {
    const uint16_t source = logs.source[row];
    std::string out = source < logs.sources.size() ? logs.sources[source].path : "logs";
    const size_t first = source < m_sourceFirstRow.size() ? m_sourceFirstRow[source] : 0;
    out += ": record " + std::to_string(row - first + 1);
    if (trace) out += " (trace " + trace->toHex() + ")";
    std::string_view body = logs.body(row);
    out += ": ";
    if (body.size() > kSampleBodyBytes) {
        // Cut at a UTF-8 character boundary.
        size_t cut = kSampleBodyBytes;
        while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(body.substr(0, cut)).append("...");
    } else {
        out.append(body);
    }
    return out;
}

void CorrelationBuilder::linkLogs(const LogStore& logs) {
    CorrelationIndex& x = m_index;
    const size_t n = logs.recordCount();
    x.m_logs = &logs;
    x.m_report.logs = n;
    m_sourceFirstRow.assign(logs.sources.size(), 0);
    for (size_t row = n; row-- > 0;)
        if (logs.source[row] < m_sourceFirstRow.size()) m_sourceFirstRow[logs.source[row]] = row;

    DerivedFieldExtractor extractor(m_config.derivedFields, logs);
    x.m_report.skippedRules = extractor.skippedRules();
    std::vector<ServiceMatch> streamService(logs.streamCount());
    for (StreamId s = 0; s < logs.streamCount(); ++s)
        streamService[s] = m_services.resolve(logs.strings, logs.streamLabels(s));

    x.m_logStatus.assign(n, LinkStatus::NoId);
    x.m_logOrigin.assign(n, IdOrigin::None);
    x.m_logSpanRow.assign(n, -1);
    x.m_logService.assign(n, 0);
    HugePageVector<LogEntry> entries;
    for (size_t row = 0; row < n; ++row) {
        const int32_t spanRow = linkLogToTrace(logs, row, extractor.find(row), entries);
        const ServiceMatch& sm = streamService[logs.stream[row]];
        // A record of a span belongs to the span's service, whatever its stream says.
        linkLogToService(logs, row, spanRow >= 0 ? m_dataset.service[spanRow] : sm.service, sm);
    }
    groupLogsByTrace(entries);
    groupLogsByService(logs);
}

int32_t CorrelationBuilder::linkLogToTrace(const LogStore& logs, size_t row, const FoundIds& found,
                                           HugePageVector<LogEntry>& entries) {
    CorrelationIndex& x = m_index;
    CorrelationReport& r = x.m_report;
    x.m_logOrigin[row] = found.origin;
    ++r.logsByIdOrigin[static_cast<size_t>(found.origin)];
    int32_t spanRow = -1;
    LinkStatus status = LinkStatus::NoId;
    if (found.origin != IdOrigin::None) {
        const TraceId& trace = found.trace.id;
        if (found.origin != IdOrigin::Explicit) {
            x.m_derivedRows.push_back(static_cast<uint32_t>(row));
            x.m_derivedTrace.push_back(trace);
            x.m_derivedSpan.push_back(found.span.id);
        }
        entries.push_back({trace, found.span.id, logs.timeNs[row], static_cast<uint32_t>(row)});
        status = traceStatus(trace, found.span.id, logs.timeNs[row],
                             !(logs.flags[row] & kLogNoTime), spanRow);
        if (status == LinkStatus::Trace && found.span.id != 0) ++r.logsSpanNotFound;
    }
    x.m_logStatus[row] = status;
    x.m_logSpanRow[row] = spanRow;
    if (status == LinkStatus::Span) {
        ++r.logsLinkedToSpan;
    } else if (status == LinkStatus::Trace) {
        ++r.logsLinkedToTrace;
    } else {
        MissTally& miss = r.logMisses[static_cast<size_t>(missOf(status))];
        if (miss.count == 0)
            miss.add(logSample(logs, row, status == LinkStatus::NoId ? nullptr : &found.trace.id));
        else
            miss.add();
    }
    return spanRow;
}

void CorrelationBuilder::linkLogToService(const LogStore& logs, size_t row, StringId service,
                                          const ServiceMatch& stream) {
    CorrelationReport& r = m_index.m_report;
    m_index.m_logService[row] = service;
    if (service != 0) {
        ++r.logsLinkedToService;
        return;
    }
    const ServiceMiss why =
        stream.candidate.empty() ? ServiceMiss::NoServiceLabel : ServiceMiss::UnknownService;
    MissTally& miss = r.logServiceMisses[static_cast<size_t>(why)];
    if (miss.count > 0) {
        miss.add();
        return;
    }
    std::string sample = logSample(logs, row, nullptr);
    if (!stream.candidate.empty())
        sample = "service '" + std::string(stream.candidate) + "': " + sample;
    miss.add(std::move(sample));
}

void CorrelationBuilder::groupLogsByTrace(HugePageVector<LogEntry>& entries) {
    CorrelationIndex& x = m_index;
    std::sort(entries.begin(), entries.end(), [](const LogEntry& a, const LogEntry& b) {
        if (!(a.trace == b.trace)) return a.trace < b.trace;
        return a.timeNs != b.timeNs ? a.timeNs < b.timeNs : a.row < b.row;
    });
    x.m_logsByTrace.resize(entries.size());
    x.m_logsBySpan.resize(entries.size());
    x.m_spanKeys.resize(entries.size());
    x.m_traceLogs.reserve(entries.size() / 4 + 1);
    for (size_t i = 0; i < entries.size();) {
        size_t end = i;
        while (end < entries.size() && entries[end].trace == entries[i].trace)
            ++end;
        x.m_traceLogs.emplace(
            entries[i].trace,
            CorrelationIndex::Range{static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
        for (size_t k = i; k < end; ++k)
            x.m_logsByTrace[k] = entries[k].row;
        // The same range again, by span then time (stable keeps the time order).
        std::stable_sort(entries.begin() + static_cast<ptrdiff_t>(i),
                         entries.begin() + static_cast<ptrdiff_t>(end),
                         [](const LogEntry& a, const LogEntry& b) { return a.span < b.span; });
        for (size_t k = i; k < end; ++k) {
            x.m_logsBySpan[k] = entries[k].row;
            x.m_spanKeys[k] = entries[k].span;
        }
        i = end;
    }
}

void CorrelationBuilder::groupLogsByService(const LogStore& logs) {
    CorrelationIndex& x = m_index;
    std::vector<uint32_t> order;
    std::span<const uint32_t> byTime = logs.timeOrder();
    if (!logs.indexCurrent()) {
        order.resize(logs.recordCount());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(),
                         [&](uint32_t a, uint32_t b) { return logs.timeNs[a] < logs.timeNs[b]; });
        byTime = order;
    }
    // Counting sort by service, keeping the time order within each service.
    for (const uint32_t row : byTime)
        if (const StringId s = x.m_logService[row]) ++x.m_serviceLogs[s].end;
    uint32_t offset = 0;
    for (auto& [service, range] : x.m_serviceLogs) {
        range.begin = offset;
        offset += range.end;
        range.end = range.begin; // filled below
    }
    x.m_logsByService.resize(offset);
    for (const uint32_t row : byTime)
        if (const StringId s = x.m_logService[row]) {
            auto& range = x.m_serviceLogs[s];
            x.m_logsByService[range.end++] = row;
        }
}

} // namespace tg::model
