// CorrelationBuilder's metric steps: map each series to a service of the traces, and link each
// exemplar to its trace and span.
#include <algorithm>

#include "models/correlate/correlation_builder.h"

namespace tg::model {

std::string CorrelationBuilder::seriesText(const MetricStore& m, uint32_t series) const {
    const uint16_t source = m.seriesSource[series];
    std::string out = source < m.sources.size() ? m.sources[source].path : "metrics";
    out += ": ";
    out += m.nameOf(series);
    out += '{';
    bool first = true;
    for (const Label& l : m.labelsOf(series)) {
        if (!first) out += ',';
        first = false;
        out += m.strings.view(l.key);
        out += "=\"";
        out += m.strings.view(l.value);
        out += '"';
    }
    out += '}';
    return out;
}

void CorrelationBuilder::linkSeries(const MetricStore& m) {
    CorrelationIndex& x = m_index;
    CorrelationReport& r = x.m_report;
    const size_t n = m.seriesCount();
    r.series = n;
    x.m_seriesService.assign(n, 0);
    for (uint32_t s = 0; s < n; ++s) {
        const ServiceMatch sm = m_services.resolve(m.strings, m.labelsOf(s));
        x.m_seriesService[s] = sm.service;
        if (sm.mapped()) {
            ++r.seriesLinkedToService;
            ++x.m_serviceSeries[sm.service].end;
            continue;
        }
        const ServiceMiss why =
            sm.candidate.empty() ? ServiceMiss::NoServiceLabel : ServiceMiss::UnknownService;
        MissTally& miss = r.seriesMisses[static_cast<size_t>(why)];
        if (miss.count == 0)
            miss.add(sm.candidate.empty()
                         ? seriesText(m, s)
                         : "service '" + std::string(sm.candidate) + "': " + seriesText(m, s));
        else
            miss.add();
    }
    uint32_t offset = 0;
    for (auto& [service, range] : x.m_serviceSeries) {
        range.begin = offset;
        offset += range.end;
        range.end = range.begin;
    }
    x.m_seriesByService.resize(offset);
    for (uint32_t s = 0; s < n; ++s)
        if (const StringId service = x.m_seriesService[s]) {
            auto& range = x.m_serviceSeries[service];
            x.m_seriesByService[range.end++] = s;
        }
}

void CorrelationBuilder::linkExemplars(const MetricStore& m) {
    CorrelationIndex& x = m_index;
    CorrelationReport& r = x.m_report;
    const size_t n = m.exemplarCount();
    r.exemplars = n;
    x.m_exemplarStatus.assign(n, LinkStatus::NoId);
    x.m_exemplarSpanRow.assign(n, -1);
    std::vector<std::pair<TraceId, uint32_t>> byTrace;
    for (uint32_t e = 0; e < n; ++e) {
        const TraceId& trace = m.exemplarTrace[e];
        LinkStatus status = LinkStatus::NoId;
        int32_t spanRow = -1;
        if (!trace.isZero()) {
            // An exemplar without its own time happened at its sample's time.
            const bool ownTime = m.exemplarFlags[e] & kExemplarHasTime;
            const uint32_t sample = m.exemplarSample[e];
            const bool sampleTime = !ownTime && sample != kNoRow && sample < m.sampleCount();
            const int64_t t = ownTime      ? m.exemplarTimeNs[e]
                              : sampleTime ? m.sampleTimeNs[sample]
                                           : 0;
            status = traceStatus(trace, m.exemplarSpan[e], t, ownTime || sampleTime, spanRow);
            byTrace.emplace_back(trace, e);
        }
        x.m_exemplarStatus[e] = status;
        x.m_exemplarSpanRow[e] = spanRow;
        if (status == LinkStatus::Span) {
            ++r.exemplarsLinkedToSpan;
        } else if (status == LinkStatus::Trace) {
            ++r.exemplarsLinkedToTrace;
        } else {
            const TraceMiss why = status == LinkStatus::UnknownTrace ? TraceMiss::UnknownTrace
                                  : status == LinkStatus::OutsideTimeRange
                                      ? TraceMiss::OutsideTimeRange
                                      : TraceMiss::NoId;
            MissTally& miss = r.exemplarMisses[static_cast<size_t>(why)];
            if (miss.count == 0) {
                std::string sample =
                    seriesText(m, m.exemplarSeries[e]) + ": exemplar " + std::to_string(e + 1);
                if (!trace.isZero()) sample += " (trace " + trace.toHex() + ")";
                miss.add(std::move(sample));
            } else {
                miss.add();
            }
        }
    }
    std::sort(byTrace.begin(), byTrace.end());
    x.m_exemplarsByTrace.resize(byTrace.size());
    for (size_t i = 0; i < byTrace.size();) {
        size_t end = i;
        for (; end < byTrace.size() && byTrace[end].first == byTrace[i].first; ++end)
            x.m_exemplarsByTrace[end] = byTrace[end].second;
        x.m_traceExemplars.emplace(
            byTrace[i].first,
            CorrelationIndex::Range{static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
        i = end;
    }
}

} // namespace tg::model
