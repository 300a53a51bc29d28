#include "app/demo/demo_telemetry.h"

#include <algorithm>
#include <memory>

#include "app/demo/demo_metrics_writer.h"
#include "app/demo/demo_random.h"
#include "app/demo/demo_text.h"

namespace tg::app {

using namespace demo;

namespace {

constexpr uint64_t kLogSeedSalt = 0x6c6f67732d64656dull; // "logs-dem": a stream of its own
constexpr int64_t kSecond = 1'000'000'000;

constexpr const char* kBackground[] = {"connection pool stats active=12 idle=4 waiting=0",
                                       "cache refreshed entries=2048", "config reloaded",
                                       "health check ok", "gc pause 3.2ms heap=412MiB"};

std::string accessMessage(const GenSpan& s) {
    return s.name + (s.kind == GenKind::Consumer ? " processed in " : " served in ") +
           format("%.1f ms", static_cast<double>(s.durationNs) / 1e6);
}

std::string errorMessage(const GenSpan& s) {
    return s.name + " failed: " + (s.statusMessage.empty() ? "error" : s.statusMessage);
}

class Emitter {
public:
    Emitter(const TraceGenerator& gen, const TraceGeneratorOptions& traces,
            const DemoTelemetryOptions& o, DemoTelemetryCounts& n)
        : m_gen(gen), m_traces(traces), m_options(o), m_n(n), m_rng(traces.seed ^ kLogSeedSalt) {}

    // The lines of one generated trace, in time order.
    void requestLines(const std::vector<GenSpan>& trace, std::vector<DemoLogLine>& out) {
        out.clear();
        for (const GenSpan& s : trace) {
            const bool served = s.kind == GenKind::Server || s.kind == GenKind::Consumer;
            if (s.error) {
                out.push_back(line(s, "error", errorMessage(s)));
                ++m_n.errorLogsOfSpans;
                ++m_n.logsOfSpans;
            } else if (served && m_rng.below(m_options.accessLogEvery) == 0) {
                out.push_back(line(s, "info", accessMessage(s)));
                ++m_n.logsOfSpans;
            }
        }
        const GenSpan& root = trace.front();
        if (m_rng.below(20) == 0) {
            DemoLogLine l = line(root, "info", "request handled (trace not sampled)");
            l.traceHi = m_rng.next() | 1; // a request of another, unsampled trace
            l.traceLo = m_rng.next();
            l.spanId = m_rng.next() | 1;
            l.timeNs = root.startNs + static_cast<int64_t>(m_rng.below(kSecond));
            out.push_back(l);
            ++m_n.logsOfUnsampledTraces;
        }
        if (m_rng.below(3) == 0) {
            DemoLogLine l;
            l.service = static_cast<uint32_t>(m_rng.below(m_gen.topology().services.size()));
            l.pod = static_cast<uint32_t>(
                m_rng.below(m_gen.topology().services[l.service].pods.size()));
            l.message = m_rng.pick(kBackground);
            l.timeNs = root.startNs + static_cast<int64_t>(m_rng.below(kSecond));
            out.push_back(l);
            ++m_n.logsWithoutIds;
        }
        std::stable_sort(out.begin(), out.end(), [](const DemoLogLine& a, const DemoLogLine& b) {
            return a.timeNs < b.timeNs;
        });
    }

    // Requests served while the service warmed up, ten minutes before the traces.
    void warmUpLines(std::vector<DemoLogLine>& out) {
        out.clear();
        for (int i = 0; i < 5; ++i) {
            DemoLogLine l;
            l.message = "warm-up request served";
            l.timeNs = m_traces.startNs - 600 * kSecond + i * kSecond;
            l.traceHi = m_rng.next() | 1;
            l.traceLo = m_rng.next();
            l.spanId = m_rng.next() | 1;
            out.push_back(l);
            ++m_n.logsBeforeTraces;
        }
    }

private:
    DemoLogLine line(const GenSpan& s, const char* level, std::string message) {
        DemoLogLine l;
        l.timeNs = s.startNs + s.durationNs; // logged as the request completes
        l.service = s.service;
        l.pod = s.pod;
        l.level = level;
        l.message = std::move(message);
        l.traceHi = s.traceHi;
        l.traceLo = s.traceLo;
        l.spanId = s.spanId;
        return l;
    }

    const TraceGenerator& m_gen;
    const TraceGeneratorOptions& m_traces;
    const DemoTelemetryOptions& m_options;
    DemoTelemetryCounts& m_n;
    Rng m_rng;
};

} // namespace

model::Result<DemoTelemetryCounts> writeDemoTelemetry(const TraceGeneratorOptions& traces,
                                                      const DemoTelemetryOptions& options) {
    DemoTelemetryCounts n;
    TraceGenerator gen(traces);
    Emitter emitter(gen, traces, options, n);
    std::unique_ptr<DemoLogWriter> logs;
    if (!options.logsPath.empty()) {
        logs = std::make_unique<DemoLogWriter>(gen.topology(), options.logFormat);
        if (auto s = logs->open(options.logsPath); !s) return s.error();
    }
    std::unique_ptr<DemoMetricsWriter> metrics;
    if (!options.metricsPath.empty())
        metrics = std::make_unique<DemoMetricsWriter>(
            gen.topology(), traces.startNs, std::max<int64_t>(kSecond, options.metricStepNs));
    std::vector<GenSpan> trace;
    std::vector<DemoLogLine> lines;
    if (logs) {
        emitter.warmUpLines(lines);
        for (const DemoLogLine& l : lines)
            logs->add(l);
    }
    // The trace writers' loop: whole traces until the span target is reached.
    while (gen.spansGenerated() < traces.targetSpans) {
        gen.nextTrace(trace);
        if (metrics)
            for (const GenSpan& s : trace)
                if (s.kind == GenKind::Server) metrics->observe(s);
        if (!logs) continue;
        emitter.requestLines(trace, lines);
        for (const DemoLogLine& l : lines)
            logs->add(l);
    }
    n.spans = gen.spansGenerated();
    n.traces = gen.tracesGenerated();
    if (logs) {
        if (auto s = logs->close(); !s) return s.error();
        n.logLines = logs->lines();
        n.logBytes = logs->bytesWritten();
    }
    if (metrics) {
        auto written = options.metricsOtlp ? metrics->writeOtlp(options.metricsPath)
                                           : metrics->write(options.metricsPath);
        if (!written) return written.error();
        n.series = written->series;
        n.samples = written->samples;
        n.exemplars = written->exemplars;
        n.metricBytes = written->bytes;
    }
    return n;
}

} // namespace tg::app
