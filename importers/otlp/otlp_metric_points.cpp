#include "importers/otlp/otlp_metric_points.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "models/telemetry/telemetry_keys.h"

namespace tg::import::otlp {

using model::LabelInput;
using model::SeriesRole;

namespace {

std::string numberText(double v) {
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

void appendPairs(std::vector<LabelInput>& out, const std::vector<std::string>& kv) {
    for (size_t i = 0; i + 1 < kv.size(); i += 2)
        out.push_back({kv[i], kv[i + 1]});
}

class Emitter {
public:
    Emitter(const MetricData& m, EmitContext& c) : m_metric(m), m_ctx(c) {}

    void run() {
        model::MetricType type = model::MetricType::Gauge;
        if (m_metric.kind == MetricKind::Sum && m_metric.monotonic)
            type = model::MetricType::Counter;
        else if (m_metric.kind == MetricKind::Histogram ||
                 m_metric.kind == MetricKind::ExponentialHistogram)
            type = model::MetricType::Histogram;
        else if (m_metric.kind == MetricKind::Summary)
            type = model::MetricType::Summary;
        m_family =
            store().addFamily({m_metric.name, type, m_metric.description, m_metric.unit,
                               static_cast<uint8_t>(m_metric.delta ? model::kFamilyDelta : 0)});
        for (const PointData& p : m_metric.points) {
            if (p.noRecordedValue) {
                m_ctx.target.diagnostics.report("no_recorded_value", model::Severity::Info,
                                                m_ctx.position + ": a data point of '" +
                                                    m_metric.name +
                                                    "' has no recorded value; skipped");
                continue;
            }
            point(p, type);
        }
    }

private:
    model::MetricStore& store() { return m_ctx.target.metrics; }

    model::SeriesId series(const std::string& name, SeriesRole role, const PointData& p,
                           const LabelInput* extra = nullptr) {
        m_labels.clear();
        appendPairs(m_labels, m_ctx.resourceLabels);
        appendPairs(m_labels, p.labels);
        if (extra) m_labels.push_back(*extra);
        return store().addSeries(m_family, name, role, m_labels);
    }

    uint32_t sample(model::SeriesId s, const PointData& p, double value) {
        return store().addSample(s, p.hasTime ? p.timeNs : m_ctx.defaultTimeNs, value,
                                 p.hasTime ? 0 : model::kSampleTimeAssumed);
    }

    void point(const PointData& p, model::MetricType type) {
        switch (m_metric.kind) {
        case MetricKind::Gauge:
        case MetricKind::Sum: {
            const auto role =
                type == model::MetricType::Counter ? SeriesRole::Total : SeriesRole::Value;
            const model::SeriesId s = series(m_metric.name, role, p);
            const uint32_t row = sample(s, p, p.value);
            for (const ExemplarData& e : p.exemplars)
                exemplar(e, s, row);
            break;
        }
        case MetricKind::Histogram:
            histogram(p, explicitBuckets(p));
            break;
        case MetricKind::ExponentialHistogram:
            histogram(p, exponentialBuckets(p));
            break;
        case MetricKind::Summary:
            summary(p);
            break;
        case MetricKind::None:
            break;
        }
    }

    static std::vector<std::pair<double, double>> explicitBuckets(const PointData& p) {
        std::vector<std::pair<double, double>> out;
        double cumulative = 0;
        for (size_t i = 0; i < p.bucketCounts.size(); ++i) {
            cumulative += p.bucketCounts[i];
            const double le =
                i < p.bounds.size() ? p.bounds[i] : std::numeric_limits<double>::infinity();
            out.emplace_back(le, cumulative);
        }
        if (out.empty() || !std::isinf(out.back().first))
            out.emplace_back(std::numeric_limits<double>::infinity(), p.count);
        return out;
    }

    void histogram(const PointData& p, const std::vector<std::pair<double, double>>& buckets) {
        const std::string bucketName = m_metric.name + "_bucket";
        std::vector<std::pair<model::SeriesId, uint32_t>> rows;
        for (const auto& [le, value] : buckets) {
            const std::string leText = numberText(le);
            const LabelInput leLabel{"le", leText};
            const model::SeriesId s = series(bucketName, SeriesRole::Bucket, p, &leLabel);
            rows.emplace_back(s, sample(s, p, value));
        }
        const model::SeriesId c = series(m_metric.name + "_count", SeriesRole::Count, p);
        const uint32_t countRow = sample(c, p, p.count);
        if (p.hasSum) sample(series(m_metric.name + "_sum", SeriesRole::Sum, p), p, p.sum);
        for (const ExemplarData& e : p.exemplars) {
            size_t i = 0;
            while (i + 1 < buckets.size() && e.value > buckets[i].first)
                ++i;
            if (rows.empty())
                exemplar(e, c, countRow);
            else
                exemplar(e, rows[i].first, rows[i].second);
        }
    }

    void summary(const PointData& p) {
        for (const auto& [q, v] : p.quantiles) {
            const std::string qText = numberText(q);
            const LabelInput qLabel{"quantile", qText};
            sample(series(m_metric.name, SeriesRole::Quantile, p, &qLabel), p, v);
        }
        sample(series(m_metric.name + "_count", SeriesRole::Count, p), p, p.count);
        sample(series(m_metric.name + "_sum", SeriesRole::Sum, p), p, p.sum);
    }

    void exemplar(const ExemplarData& e, model::SeriesId s, uint32_t row) {
        std::vector<LabelInput> labels;
        appendPairs(labels, e.labels);
        model::ExemplarInput in;
        in.series = s;
        in.sample = row;
        in.value = e.value;
        in.timeNs = e.timeNs;
        in.hasTime = e.hasTime;
        if (!e.traceId.empty()) {
            in.trace = model::parseTraceId(e.traceId);
            traceText = in.trace.id.toHex();
            labels.push_back({"trace_id", traceText});
        }
        if (!e.spanId.empty()) {
            in.span = model::parseSpanId(e.spanId);
            spanText = model::spanIdToHex(in.span.id);
            labels.push_back({"span_id", spanText});
        }
        in.labels = labels;
        store().addExemplar(in);
    }

    const MetricData& m_metric;
    EmitContext& m_ctx;
    model::FamilyId m_family = 0;
    std::vector<LabelInput> m_labels;
    std::string traceText, spanText;
};

} // namespace

std::vector<std::pair<double, double>> exponentialBuckets(const PointData& p) {
    // Bucket i covers (base^i, base^(i+1)] with base = 2^(2^-scale); negative buckets mirror
    // it, and the zero bucket holds [-zeroThreshold, zeroThreshold].
    const double base = std::pow(2.0, std::pow(2.0, -p.scale));
    std::vector<std::pair<double, double>> out;
    double cumulative = 0;
    for (size_t k = p.negative.counts.size(); k-- > 0;) {
        cumulative += p.negative.counts[k];
        const double index = static_cast<double>(p.negative.offset) + static_cast<double>(k);
        out.emplace_back(-std::pow(base, index), cumulative);
    }
    cumulative += p.zeroCount;
    out.emplace_back(p.zeroThreshold, cumulative);
    for (size_t k = 0; k < p.positive.counts.size(); ++k) {
        cumulative += p.positive.counts[k];
        const double index = static_cast<double>(p.positive.offset) + static_cast<double>(k);
        out.emplace_back(std::pow(base, index + 1), cumulative);
    }
    // Bounds that collide (huge scales, float rounding) would repeat an le: keep the last.
    std::vector<std::pair<double, double>> unique;
    for (const auto& b : out) {
        if (!std::isfinite(b.first)) continue;
        if (!unique.empty() && b.first <= unique.back().first)
            unique.back().second = b.second;
        else
            unique.push_back(b);
    }
    unique.emplace_back(std::numeric_limits<double>::infinity(), p.count);
    return unique;
}

void emitMetric(const MetricData& metric, EmitContext& context) {
    Emitter(metric, context).run();
}

} // namespace tg::import::otlp
