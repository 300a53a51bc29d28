#pragma once
// Prometheus metrics of the demo incident, computed from its server spans (issue 4): per
// service a request counter by outcome (success / error) and a request-duration histogram,
// cumulated over fixed steps and written as OpenMetrics text with a timestamp per point (the
// form `promtool tsdb create-blocks-from openmetrics` backfills). Each histogram bucket that
// received requests during a step carries an exemplar: the trace and span of the last request
// it counted. Series are labelled as a Kubernetes scrape labels them: job="<namespace>/<name>"
// and namespace (no service label: correlation maps the job). The same numbers can be written
// as an OTLP JSON ExportMetricsServiceRequest instead (a cumulative sum and a histogram per
// service resource, exemplars on the histogram's data points), as OpenTelemetry SDKs export
// them. Not thread-safe.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/demo/demo_topology.h"
#include "app/demo/json_stream_writer.h"
#include "app/demo/trace_generator.h"
#include "models/core/result.h"

namespace tg::app::demo {

struct DemoMetricsCounts {
    uint64_t series = 0, samples = 0, exemplars = 0, bytes = 0;
};

class DemoMetricsWriter {
public:
    static constexpr size_t kBuckets = 11; // 5 ms ... 5 s and +Inf

    DemoMetricsWriter(const Topology& topology, int64_t startNs, int64_t stepNs);
    // Counts a server span in the step its request ended in.
    void observe(const GenSpan& span);
    model::Result<DemoMetricsCounts> write(const std::string& path) const;     // OpenMetrics
    model::Result<DemoMetricsCounts> writeOtlp(const std::string& path) const; // OTLP JSON

private:
    struct Exemplar {
        uint64_t traceHi = 0, traceLo = 0, spanId = 0;
        double seconds = 0;
        int64_t timeNs = 0;
        bool set = false;
    };
    struct Step { // what one step added (not cumulative)
        uint64_t ok = 0, errors = 0;
        std::array<uint64_t, kBuckets> buckets{};
        std::array<Exemplar, kBuckets> exemplars{};
        double sumSeconds = 0;
    };

    const Step& stepOf(size_t service, size_t k) const;
    void otlpCounter(JsonStreamWriter& out, size_t service, DemoMetricsCounts& n) const;
    void otlpHistogram(JsonStreamWriter& out, size_t service, DemoMetricsCounts& n) const;

    const Topology& m_topology;
    int64_t m_startNs, m_stepNs;
    size_t m_steps = 0;
    std::vector<std::vector<Step>> m_cells; // [service][step - 1]
    Step m_empty;
};

} // namespace tg::app::demo
