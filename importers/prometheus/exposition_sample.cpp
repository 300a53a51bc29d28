// ExpositionReader's sample lines, the end of input, and the two entry points.
#include <algorithm>
#include <cmath>

#include "importers/prometheus/exposition_reader.h"
#include "importers/telemetry/telemetry_values.h"
#include "models/telemetry/telemetry_keys.h"

namespace tg::import {

using model::LabelInput;
using model::MetricType;
using model::SeriesRole;

namespace {

std::string_view labelOf(const std::vector<LabelInput>& labels, std::string_view key) {
    for (const LabelInput& l : labels)
        if (l.key == key) return l.value;
    return {};
}

bool hasLabel(const std::vector<LabelInput>& labels, std::string_view key) {
    return std::any_of(labels.begin(), labels.end(),
                       [&](const LabelInput& l) { return l.key == key; });
}

// The labels of a MetricPoint: all but the one that tells its samples apart (le, quantile).
std::string pointKey(std::vector<LabelInput> labels, std::string_view without) {
    std::sort(labels.begin(), labels.end(),
              [](const LabelInput& a, const LabelInput& b) { return a.key < b.key; });
    std::string key;
    for (const LabelInput& l : labels) {
        if (l.key == without) continue;
        key.append(l.key).append("=").append(l.value).append("\x1f");
    }
    return key;
}

} // namespace

model::Status ExpositionReader::checkValue(const TextLine& line, SeriesRole role) {
    const double v = m_sample.value;
    switch (m_family.type) {
    case MetricType::Counter:
        if (role == SeriesRole::Total && (std::isnan(v) || v < 0))
            return problem(line, "a counter's _total must be a non-negative number");
        break;
    case MetricType::Info:
        if (v != 1) return problem(line, "an info sample's value must be 1");
        break;
    case MetricType::StateSet:
        if (v != 0 && v != 1) return problem(line, "a stateset sample's value must be 0 or 1");
        if (!hasLabel(m_sample.labels, m_family.name))
            return problem(line, "a stateset sample needs a label named '" + m_family.name + "'");
        break;
    default:
        break;
    }
    return model::okStatus();
}

model::Status ExpositionReader::checkPoint(const TextLine& line, SeriesRole role) {
    const MetricType type = m_family.type;
    const bool histogram = type == MetricType::Histogram || type == MetricType::GaugeHistogram;
    if (!histogram && type != MetricType::Summary) return model::okStatus();
    // A MetricPoint is one label set (le/quantile aside) at one timestamp: a Metric may hold
    // several points with increasing timestamps, each checked on its own.
    std::string key = pointKey(m_sample.labels, histogram ? "le" : "quantile");
    key.append("@").append(m_sample.timestampText);
    if (!m_point.active() || m_point.key() != key) {
        if (m_point.active())
            if (std::string err = m_point.close(histogram); !err.empty()) {
                TextLine at = line;
                at.number = m_point.line();
                return problem(at, err + " (family '" + m_family.name + "')");
            }
        m_point.reset(key, line.number);
    }
    std::string err;
    if (role == SeriesRole::Bucket) {
        if (!hasLabel(m_sample.labels, "le")) return problem(line, "a bucket without an le label");
        err = m_point.addBucket(labelOf(m_sample.labels, "le"), m_sample.value);
    } else if (role == SeriesRole::Count || role == SeriesRole::GCount) {
        err = m_point.addCount(m_sample.value);
    } else if (role == SeriesRole::Quantile) {
        if (!hasLabel(m_sample.labels, "quantile"))
            return problem(line, "a summary sample without a quantile label");
        err = m_point.addQuantile(labelOf(m_sample.labels, "quantile"));
    }
    return err.empty() ? model::okStatus() : problem(line, err);
}

model::Status ExpositionReader::sample(const TextLine& line) {
    if (std::string err = m_lexer.lexSample(line.text, m_sample); !err.empty())
        return problem(line, err);
    std::optional<SeriesRole> role;
    if (m_haveFamily) role = sampleRole(m_family.type, m_family.name, m_sample.name, m_om);
    if (!role) {
        if (m_haveFamily && m_family.typeSeen && claimsFamily(m_family.name, m_sample.name))
            return problem(line, "sample '" + std::string(m_sample.name) + "' does not fit " +
                                     model::metricTypeName(m_family.type) + " family '" +
                                     m_family.name + "' (expected " +
                                     expectedSampleNames(m_family.type, m_family.name) + ")");
        if (model::Status s = startFamily(line, m_sample.name, false); !s) return s;
        role = SeriesRole::Value;
    }
    m_family.hasSamples = true;
    if (m_om) {
        if (model::Status s = checkValue(line, *role); !s) return s;
        if (model::Status s = checkPoint(line, *role); !s) return s;
    }
    uint8_t flags = 0;
    std::string timeError;
    const auto time = sampleTime(line, m_sample.timestampText, flags, timeError);
    if (!time) return problem(line, timeError);
    const model::SeriesId series =
        m_target.metrics.addSeries(familyId(), m_sample.name, *role, m_sample.labels);
    if (m_om) {
        const auto [it, fresh] = m_lastTime.try_emplace(series);
        const bool stamped = !m_sample.timestampText.empty();
        if (!fresh && (!it->second || !stamped))
            return problem(line, "a second sample for the same series without distinct timestamps");
        if (!fresh && *it->second >= *time)
            return problem(line, "timestamps of a series must increase");
        if (stamped) it->second = *time;
    }
    const uint32_t row = m_target.metrics.addSample(series, *time, m_sample.value, flags);
    if (!m_sample.hasExemplar) return model::okStatus();
    const bool allowed =
        (*role == SeriesRole::Total && m_family.type == MetricType::Counter) ||
        (*role == SeriesRole::Bucket &&
         (m_family.type == MetricType::Histogram || m_family.type == MetricType::GaugeHistogram));
    if (!allowed)
        return problem(line, "exemplars are allowed only on counter _total and histogram _bucket "
                             "samples");
    if (m_sample.exemplarLabelChars > 128)
        return problem(line, "the exemplar's label set has " +
                                 std::to_string(m_sample.exemplarLabelChars) +
                                 " characters (at most 128)");
    if (!m_sample.exemplarTimestampText.empty() &&
        !ExpositionLexer::isRealNumber(m_sample.exemplarTimestampText))
        return problem(line, "exemplar timestamp '" + std::string(m_sample.exemplarTimestampText) +
                                 "' is not a number of seconds");
    addExemplar(series, row, line);
    return model::okStatus();
}

void ExpositionReader::addExemplar(model::SeriesId series, uint32_t row, const TextLine& line) {
    model::ExemplarInput in;
    in.series = series;
    in.sample = row;
    in.value = m_sample.exemplarValue;
    in.labels = m_sample.exemplarLabels;
    for (const LabelInput& l : m_sample.exemplarLabels) {
        if (model::isTraceIdKey(l.key))
            in.trace = model::parseTraceId(l.value);
        else if (model::isSpanIdKey(l.key))
            in.span = model::parseSpanId(l.value);
    }
    if (!m_sample.exemplarTimestampText.empty()) {
        const ScaledDecimal d = parseScaledDecimal(m_sample.exemplarTimestampText, 9);
        in.hasTime = true;
        in.timeNs = d.value;
        if (d.status == DecimalStatus::Clamped)
            m_target.diagnostics.report("timestamp_out_of_range", model::Severity::Warning,
                                        linePosition(m_path, line.number) +
                                            ": exemplar timestamp outside the years 1677-2262; "
                                            "clamped");
    }
    m_target.metrics.addExemplar(in);
}

model::Status ExpositionReader::finish() {
    TextLine last;
    last.number = m_lastLine;
    if (!m_om) {
        (void)closeFamily(last);
        return model::okStatus();
    }
    if (model::Status s = closeFamily(last); !s) return s;
    if (!m_eof)
        return lineError(m_path, std::max<uint64_t>(m_lastLine, 1), -1,
                         "no \"# EOF\" line at the end (OpenMetrics requires one; the input may "
                         "be truncated)");
    return model::okStatus();
}

namespace {

model::Status importExposition(ExpositionDialect dialect, const TelemetryInput& input,
                               TelemetryTarget& target, const TelemetryImportOptions& options) {
    ExpositionReader reader(dialect, input.path, target, options);
    TextReaderLimits limits;
    limits.maxLineBytes = options.maxLineBytes;
    TextLineReader lines = input.bytes
                               ? TextLineReader::fromMemory(*input.bytes, input.path, limits)
                               : TextLineReader(input.path, limits);
    std::optional<model::Error> fatal;
    model::Status status = lines.run(
        [&](const TextLine& line) {
            if (options.cancelled()) return false;
            model::Status s = reader.line(line);
            if (!s) fatal = s.error();
            return s.ok();
        },
        options.progress);
    if (fatal) return *fatal;
    if (!status) return status;
    return reader.finish();
}

} // namespace

model::Status importPrometheusText(const TelemetryInput& input, TelemetryTarget& target,
                                   const TelemetryImportOptions& options) {
    return importExposition(ExpositionDialect::PrometheusText, input, target, options);
}

model::Status importOpenMetrics(const TelemetryInput& input, TelemetryTarget& target,
                                const TelemetryImportOptions& options) {
    return importExposition(ExpositionDialect::OpenMetrics, input, target, options);
}

} // namespace tg::import
