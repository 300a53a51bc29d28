#pragma once
// What the metrics panel draws, as plain values built off the GUI thread: for a selection
// (service, call, trace or span) the request rate, error rate and latency percentiles computed
// from the service graph's per-time-bucket stats, then one chart per imported metric family
// mapped to the selection's services, with its exemplars. Times are milliseconds since the Unix
// epoch (UTC) as doubles, the unit QtCharts axes take.
//
// Thread affinity: plain values and pure builder functions (metric_chart_builder.h); built on
// a worker, read on the GUI thread.
#include <QString>
#include <optional>
#include <utility>
#include <vector>

#include "models/core/ids.h"

namespace tg::view {

struct ChartLine {
    QString name;
    std::vector<double> xMs; // sorted ascending
    std::vector<double> y;   // same size; NaN where there is no value (the line bridges it)
    int colour = 0;          // index into the chart palette (time_chart_view.h)
};

// A sample's exemplar that names a trace: drawn as a marker, a click opens the trace.
struct ChartExemplar {
    double xMs = 0;
    double y = 0;
    model::TraceId trace;
    model::SpanId span = 0;
    bool traceLoaded = false; // the trace is in the dataset
    QString text;             // tooltip: value, time, trace ID
};

struct ChartData {
    QString key;   // stable name ("requests", "errors", "latency", "metric:<family>")
    QString title; // "Request rate", "http_requests_total · per second"
    QString unit;  // axis title: "req/s", "%", "ms", "bytes", "" for plain numbers
    std::vector<ChartLine> lines;
    std::vector<ChartExemplar> exemplars;
    QString note;         // "+3 more series not shown", "no calls in this window"
    bool percent = false; // the value axis is 0..100 at most
};

struct MetricsPanelData {
    QString scope;  // "Service checkout", "Call frontend → checkout", "Trace 4bf92f35…"
    QString detail; // "1 s buckets · 2 imported metrics"
    double fromMs = 0, toMs = 0;                          // the time axis every chart shares
    std::optional<std::pair<double, double>> highlightMs; // the selected trace or span
    std::vector<ChartData> charts;
    QString emptyText; // said instead of charts when there are none
};

} // namespace tg::view
