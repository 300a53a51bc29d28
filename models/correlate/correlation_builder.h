#pragma once
// Internal to models/correlate: the steps of CorrelationIndex::build, split by what they link
// (log records in correlation_logs.cpp, metric series and exemplars in correlation_metrics.cpp).
// One builder per build() call, on that call's thread.
#include <string>

#include "models/correlate/correlation_index.h"
#include "models/correlate/service_mapping.h"
#include "models/correlate/trace_catalog.h"

namespace tg::model {

class CorrelationBuilder {
public:
    CorrelationBuilder(CorrelationIndex& index, const Dataset& dataset,
                       const CorrelationConfig& config)
        : m_index(index), m_dataset(dataset), m_config(config), m_catalog(dataset),
          m_services(dataset, config.serviceRules) {}

    void describeTraces();
    void linkLogs(const LogStore& logs);
    void linkSeries(const MetricStore& metrics);
    void linkExemplars(const MetricStore& metrics);

private:
    struct LogEntry {
        TraceId trace;
        SpanId span = 0;
        int64_t timeNs = 0;
        uint32_t row = 0;
    };

    // Which status a trace ID found at `timeNs` gets (hasTime false: time unknown).
    LinkStatus traceStatus(const TraceId& trace, SpanId span, int64_t timeNs, bool hasTime,
                           int32_t& spanRow) const;
    // The record's trace link (status, report counts, index entry); returns its span row or -1.
    int32_t linkLogToTrace(const LogStore& logs, size_t row, const FoundIds& found,
                           HugePageVector<LogEntry>& entries);
    void linkLogToService(const LogStore& logs, size_t row, StringId service,
                          const ServiceMatch& stream);
    void groupLogsByTrace(HugePageVector<LogEntry>& entries);
    void groupLogsByService(const LogStore& logs);
    std::string logSample(const LogStore& logs, size_t row, const TraceId* trace) const;
    std::string seriesText(const MetricStore& metrics, uint32_t series) const;

    CorrelationIndex& m_index;
    const Dataset& m_dataset;
    const CorrelationConfig& m_config;
    TraceCatalog m_catalog;
    ServiceMapper m_services;
    std::vector<size_t> m_sourceFirstRow; // of the log store, for "record N" in samples
};

} // namespace tg::model
