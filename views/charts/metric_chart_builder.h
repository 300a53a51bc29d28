#pragma once
// Builds MetricsPanelData for a selection (metric_chart_data.h). The selection is resolved to
// span statistics (a graph node's or edge's CallStats, summed per time bucket without
// rescanning spans) and to services; the services' imported series come from the correlation
// index. A trace or span selection shows the stats of its (root) service and highlights its
// time window.
//
// Thread affinity: pure functions of immutable inputs; run on a worker (a trace selection
// scans the dataset's spans once).
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "models/correlate/correlation_index.h"
#include "models/dataset/dataset.h"
#include "models/graph/service_graph.h"
#include "models/telemetry/metric_store.h"
#include "views/charts/metric_chart_data.h"

namespace tg::view {

struct MetricsSources {
    std::shared_ptr<const model::Dataset> dataset;
    std::shared_ptr<const model::ServiceGraph> graph;
    std::shared_ptr<const model::MetricStore> metrics;          // null: none imported
    std::shared_ptr<const model::CorrelationIndex> correlation; // null: none built
};

struct MetricsSelection {
    enum class Kind { None, Node, Edge, Trace, Span };
    Kind kind = Kind::None;
    uint32_t index = 0;   // graph node or edge, or dataset span row
    model::TraceId trace; // Kind::Trace
};

inline constexpr size_t kMaxImportedCharts = 12;
inline constexpr size_t kMaxLinesPerChart = 6;

MetricsPanelData buildMetricsPanelData(const MetricsSources& sources,
                                       const MetricsSelection& selection);

// Request rate (req/s), error rate (%) and latency p50/p95/p99 (ms) per point. A point sums
// one or more adjacent buckets (about ten calls a point, at least 30 points); its width goes
// to `pointWidthNs` (may be null). Points without calls count as zero requests and have no
// error rate or latency.
std::vector<ChartData> spanRateCharts(const model::CallStats& stats,
                                      const model::TimeBuckets& buckets,
                                      int64_t* pointWidthNs = nullptr);

// One chart per metric family among `series` (by family name): counters as per-second rates,
// histograms as the mean observation per interval (Δsum/Δcount), summaries by quantile, the
// rest as stored; seconds are shown in ms. Bucket and _created series are not drawn; every
// exemplar of the family that names a trace is. `dataset` (may be null) tells whether an
// exemplar's trace is loaded. At most kMaxImportedCharts charts; `hidden` (may be null) gets
// how many families were left out.
std::vector<ChartData> importedMetricCharts(const model::MetricStore& metrics,
                                            std::span<const uint32_t> series,
                                            const model::CorrelationIndex* correlation,
                                            size_t* hidden = nullptr);

} // namespace tg::view
