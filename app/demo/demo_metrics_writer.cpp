#include "app/demo/demo_metrics_writer.h"

#include "app/demo/demo_text.h"
#include "app/demo/json_stream_writer.h"

namespace tg::app::demo {
namespace {

constexpr double kBounds[DemoMetricsWriter::kBuckets - 1] = {0.005, 0.01, 0.025, 0.05, 0.1,
                                                             0.25,  0.5,  1.0,   2.5,  5.0};
// OpenMetrics spells bucket bounds as floats ("1.0", not "1").
constexpr const char* kLe[DemoMetricsWriter::kBuckets] = {
    "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf"};

// Seconds with millisecond digits, as OpenMetrics timestamps are written.
std::string seconds(int64_t ns) {
    return format("%lld.%03lld", static_cast<long long>(ns / 1'000'000'000),
                  static_cast<long long>(ns % 1'000'000'000 / 1'000'000));
}

std::string labels(const Service& s) {
    return "job=\"" + s.nameSpace + "/" + s.name + "\",namespace=\"" + s.nameSpace + "\"";
}

} // namespace

DemoMetricsWriter::DemoMetricsWriter(const Topology& topology, int64_t startNs, int64_t stepNs)
    : m_topology(topology), m_startNs(startNs), m_stepNs(stepNs),
      m_cells(topology.services.size()) {}

void DemoMetricsWriter::observe(const GenSpan& span) {
    const int64_t end = span.startNs + span.durationNs;
    // Step k covers (start + (k-1) step, start + k step]; k >= 1.
    const int64_t offset = std::max<int64_t>(1, end - m_startNs);
    const size_t step = static_cast<size_t>((offset + m_stepNs - 1) / m_stepNs);
    m_steps = std::max(m_steps, step);
    auto& cells = m_cells[span.service];
    if (cells.size() < step) cells.resize(step);
    Step& c = cells[step - 1];
    (span.error ? c.errors : c.ok) += 1;
    const double secs = static_cast<double>(span.durationNs) / 1e9;
    c.sumSeconds += secs;
    size_t b = 0;
    while (b < kBuckets - 1 && secs > kBounds[b])
        ++b;
    ++c.buckets[b];
    c.exemplars[b] = {span.traceHi, span.traceLo, span.spanId, secs, end, true};
}

const DemoMetricsWriter::Step& DemoMetricsWriter::stepOf(size_t service, size_t k) const {
    return k < m_cells[service].size() ? m_cells[service][k] : m_empty;
}

model::Result<DemoMetricsCounts> DemoMetricsWriter::write(const std::string& path) const {
    JsonStreamWriter out; // a buffered text writer: no JSON is written here
    if (auto s = out.open(path); !s) return s.error();
    DemoMetricsCounts n;
    out.raw("# TYPE http_server_requests counter\n"
            "# HELP http_server_requests Requests served, by outcome.\n");
    for (size_t s = 0; s < m_cells.size(); ++s) {
        if (m_cells[s].empty()) continue;
        for (const bool error : {false, true}) {
            ++n.series;
            uint64_t total = 0;
            for (size_t k = 0; k < m_steps; ++k) {
                total += error ? stepOf(s, k).errors : stepOf(s, k).ok;
                out.raw(
                    format("http_server_requests_total{%s,outcome=\"%s\"} %llu %s\n",
                           labels(m_topology.services[s]).c_str(), error ? "error" : "success",
                           static_cast<unsigned long long>(total),
                           seconds(m_startNs + static_cast<int64_t>(k + 1) * m_stepNs).c_str()));
                ++n.samples;
            }
        }
    }
    out.raw("# TYPE http_server_request_duration_seconds histogram\n"
            "# UNIT http_server_request_duration_seconds seconds\n"
            "# HELP http_server_request_duration_seconds Duration of requests served.\n");
    for (size_t s = 0; s < m_cells.size(); ++s) {
        if (m_cells[s].empty()) continue;
        const std::string l = labels(m_topology.services[s]);
        n.series += kBuckets + 2;
        std::array<uint64_t, kBuckets> cumulative{};
        double sum = 0;
        for (size_t k = 0; k < m_steps; ++k) {
            const Step& c = stepOf(s, k);
            const std::string at = seconds(m_startNs + static_cast<int64_t>(k + 1) * m_stepNs);
            uint64_t below = 0;
            for (size_t b = 0; b < kBuckets; ++b) {
                cumulative[b] += c.buckets[b];
                below += cumulative[b];
                std::string line =
                    format("http_server_request_duration_seconds_bucket{%s,le=\"%s\"} %llu %s",
                           l.c_str(), kLe[b], static_cast<unsigned long long>(below), at.c_str());
                if (const Exemplar& e = c.exemplars[b]; e.set) {
                    line += " # {trace_id=\"" + hex(e.traceHi) + hex(e.traceLo) + "\",span_id=\"" +
                            hex(e.spanId) + "\"} " + format("%.6f", e.seconds) + " " +
                            seconds(e.timeNs);
                    ++n.exemplars;
                }
                out.raw(line);
                out.raw('\n');
            }
            sum += c.sumSeconds;
            out.raw(format("http_server_request_duration_seconds_count{%s} %llu %s\n", l.c_str(),
                           static_cast<unsigned long long>(below), at.c_str()));
            out.raw(format("http_server_request_duration_seconds_sum{%s} %.6f %s\n", l.c_str(), sum,
                           at.c_str()));
            n.samples += kBuckets + 2;
        }
    }
    out.raw("# EOF\n");
    n.bytes = out.bytesWritten();
    if (auto s = out.close(); !s) return s.error();
    return n;
}

// ---- OTLP JSON ------------------------------------------------------------------------------

namespace {

void otlpTimes(JsonStreamWriter& out, int64_t startNs, int64_t timeNs) {
    out.raw("\"startTimeUnixNano\":");
    out.quotedInteger(startNs);
    out.raw(",\"timeUnixNano\":");
    out.quotedInteger(timeNs);
}

} // namespace

void DemoMetricsWriter::otlpCounter(JsonStreamWriter& out, size_t s, DemoMetricsCounts& n) const {
    out.raw("{\"name\":\"http.server.requests\",\"unit\":\"{request}\",\"sum\":{"
            "\"aggregationTemporality\":2,\"isMonotonic\":true,\"dataPoints\":[");
    bool first = true;
    for (const bool error : {false, true}) {
        ++n.series;
        uint64_t total = 0;
        for (size_t k = 0; k < m_steps; ++k) {
            total += error ? stepOf(s, k).errors : stepOf(s, k).ok;
            out.raw(first ? "{" : ",{");
            first = false;
            out.raw(error ? "\"attributes\":[{\"key\":\"outcome\",\"value\":{\"stringValue\":"
                            "\"error\"}}],"
                          : "\"attributes\":[{\"key\":\"outcome\",\"value\":{\"stringValue\":"
                            "\"success\"}}],");
            otlpTimes(out, m_startNs, m_startNs + static_cast<int64_t>(k + 1) * m_stepNs);
            out.raw(",\"asInt\":");
            out.quotedInteger(static_cast<int64_t>(total));
            out.raw('}');
            ++n.samples;
        }
    }
    out.raw("]}}");
}

void DemoMetricsWriter::otlpHistogram(JsonStreamWriter& out, size_t s, DemoMetricsCounts& n) const {
    out.raw(",{\"name\":\"http.server.request.duration\",\"unit\":\"s\",\"histogram\":{"
            "\"aggregationTemporality\":2,\"dataPoints\":[");
    ++n.series;
    std::array<uint64_t, kBuckets> cumulative{};
    uint64_t count = 0;
    double sum = 0;
    for (size_t k = 0; k < m_steps; ++k) {
        const Step& c = stepOf(s, k);
        out.raw(k ? ",{" : "{");
        otlpTimes(out, m_startNs, m_startNs + static_cast<int64_t>(k + 1) * m_stepNs);
        for (size_t b = 0; b < kBuckets; ++b) {
            cumulative[b] += c.buckets[b];
            count += c.buckets[b];
        }
        sum += c.sumSeconds;
        out.raw(",\"count\":");
        out.quotedInteger(static_cast<int64_t>(count));
        out.raw(",\"sum\":");
        out.number(sum);
        out.raw(",\"bucketCounts\":[");
        for (size_t b = 0; b < kBuckets; ++b) {
            if (b) out.raw(',');
            out.quotedInteger(
                static_cast<int64_t>(cumulative[b])); // per bucket, not cumulative in le
        }
        out.raw("],\"explicitBounds\":[");
        for (size_t b = 0; b + 1 < kBuckets; ++b) {
            if (b) out.raw(',');
            out.number(kBounds[b]);
        }
        out.raw("],\"exemplars\":[");
        bool firstExemplar = true;
        for (const Exemplar& e : c.exemplars) {
            if (!e.set) continue;
            out.raw(firstExemplar ? "{\"timeUnixNano\":" : ",{\"timeUnixNano\":");
            firstExemplar = false;
            out.quotedInteger(e.timeNs);
            out.raw(",\"asDouble\":");
            out.number(e.seconds);
            out.raw(",\"traceId\":\"" + hex(e.traceHi) + hex(e.traceLo) + "\",\"spanId\":\"" +
                    hex(e.spanId) + "\"}");
            ++n.exemplars;
        }
        out.raw("]}");
        ++n.samples;
    }
    out.raw("]}}");
}

model::Result<DemoMetricsCounts> DemoMetricsWriter::writeOtlp(const std::string& path) const {
    JsonStreamWriter out;
    if (auto s = out.open(path); !s) return s.error();
    DemoMetricsCounts n;
    out.raw("{\"resourceMetrics\":[");
    bool first = true;
    for (size_t s = 0; s < m_cells.size(); ++s) {
        if (m_cells[s].empty()) continue;
        const Service& svc = m_topology.services[s];
        out.raw(first ? "\n{\"resource\":{\"attributes\":[" : ",\n{\"resource\":{\"attributes\":[");
        first = false;
        out.raw("{\"key\":\"service.name\",\"value\":{\"stringValue\":");
        out.string(svc.name);
        out.raw("}},{\"key\":\"service.namespace\",\"value\":{\"stringValue\":");
        out.string(svc.nameSpace);
        out.raw("}}]},\"scopeMetrics\":[{\"scope\":{\"name\":\"topograph-demo\"},\"metrics\":[");
        otlpCounter(out, s, n);
        otlpHistogram(out, s, n);
        out.raw("]}]}");
    }
    out.raw("\n]}\n");
    n.bytes = out.bytesWritten();
    if (auto s = out.close(); !s) return s.error();
    return n;
}

} // namespace tg::app::demo
