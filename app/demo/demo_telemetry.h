#pragma once
// The logs and metrics of the demo incident, consistent with its traces (issue 4): the same
// options (seed included) run the same trace generator again, so every log line and exemplar
// that names a span names one of the trace file's spans, and the cascading fault shows in the
// error logs, the error counters and the latency histograms at the same time as in the traces.
//
// Logs: every error span writes an error line with its IDs; 1 in `accessLogEvery` other server
// and consumer spans writes an access line with its IDs; 1 request in 20 writes a line with
// the IDs of a trace that was not sampled (not in the trace file); 1 request in 3 comes with a
// line without IDs (pool stats, cache refreshes); five warm-up lines with IDs precede the
// traces by ten minutes. Lines of one request are in time order; requests follow the traces.
// A separate random stream drives these choices, so the trace files stay byte-identical.
//
// Thread affinity: reentrant; each call owns its generator and files.
#include <cstdint>
#include <string>

#include "app/demo/demo_log_writer.h"
#include "app/demo/trace_generator.h"
#include "models/core/result.h"

namespace tg::app {

struct DemoTelemetryOptions {
    std::string logsPath; // empty: no logs
    demo::DemoLogFormat logFormat = demo::DemoLogFormat::JsonLines;
    std::string metricsPath;  // empty: no metrics
    bool metricsOtlp = false; // OTLP JSON instead of OpenMetrics text
    uint32_t accessLogEvery = 4;
    int64_t metricStepNs = 30'000'000'000; // 30 s
};

// What was written, counted at emission (tests compare correlation against these).
struct DemoTelemetryCounts {
    uint64_t spans = 0, traces = 0;
    uint64_t logLines = 0;
    uint64_t logsOfSpans = 0;      // carrying the IDs of a span of the trace file
    uint64_t errorLogsOfSpans = 0; // ...of which error lines of error spans
    uint64_t logsOfUnsampledTraces = 0;
    uint64_t logsBeforeTraces = 0; // with IDs, ten minutes before the first trace
    uint64_t logsWithoutIds = 0;
    uint64_t series = 0, samples = 0, exemplars = 0;
    uint64_t logBytes = 0, metricBytes = 0;
};

model::Result<DemoTelemetryCounts> writeDemoTelemetry(const TraceGeneratorOptions& traces,
                                                      const DemoTelemetryOptions& options);

} // namespace tg::app
