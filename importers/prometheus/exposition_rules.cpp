#include "importers/prometheus/exposition_rules.h"

#include <cmath>

#include "importers/telemetry/telemetry_values.h"

namespace tg::import {

using model::MetricType;
using model::SeriesRole;

std::optional<SeriesRole> sampleRole(MetricType type, std::string_view family,
                                     std::string_view sample, bool openMetrics) {
    if (!sample.starts_with(family)) return std::nullopt;
    const std::string_view suffix = sample.substr(family.size());
    switch (type) {
    case MetricType::Counter:
        if (suffix == "_total") return SeriesRole::Total;
        if (suffix == "_created") return SeriesRole::Created;
        if (suffix.empty() && !openMetrics) return SeriesRole::Total;
        return std::nullopt;
    case MetricType::Gauge:
    case MetricType::Unknown:
    case MetricType::StateSet:
        if (suffix.empty()) return SeriesRole::Value;
        return std::nullopt;
    case MetricType::Info:
        if (suffix == "_info") return SeriesRole::Value;
        return std::nullopt;
    case MetricType::Histogram:
        if (suffix == "_bucket") return SeriesRole::Bucket;
        if (suffix == "_count") return SeriesRole::Count;
        if (suffix == "_sum") return SeriesRole::Sum;
        if (suffix == "_created") return SeriesRole::Created;
        return std::nullopt;
    case MetricType::GaugeHistogram:
        if (suffix == "_bucket") return SeriesRole::Bucket;
        if (suffix == "_gcount") return SeriesRole::GCount;
        if (suffix == "_gsum") return SeriesRole::GSum;
        return std::nullopt;
    case MetricType::Summary:
        if (suffix.empty()) return SeriesRole::Quantile;
        if (suffix == "_count") return SeriesRole::Count;
        if (suffix == "_sum") return SeriesRole::Sum;
        if (suffix == "_created") return SeriesRole::Created;
        return std::nullopt;
    }
    return std::nullopt;
}

bool claimsFamily(std::string_view family, std::string_view sample) {
    if (!sample.starts_with(family)) return false;
    const std::string_view suffix = sample.substr(family.size());
    for (std::string_view s :
         {"", "_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"})
        if (suffix == s) return true;
    return false;
}

std::string expectedSampleNames(MetricType type, std::string_view family) {
    const std::string f(family);
    switch (type) {
    case MetricType::Counter:
        return f + "_total or " + f + "_created";
    case MetricType::Info:
        return f + "_info";
    case MetricType::Histogram:
        return f + "_bucket, " + f + "_count, " + f + "_sum or " + f + "_created";
    case MetricType::GaugeHistogram:
        return f + "_bucket, " + f + "_gcount or " + f + "_gsum";
    case MetricType::Summary:
        return f + ", " + f + "_count, " + f + "_sum or " + f + "_created";
    default:
        return f;
    }
}

void MetricPointCheck::reset(std::string key, uint64_t line) {
    *this = MetricPointCheck();
    m_key = std::move(key);
    m_line = line;
    m_active = true;
}

std::string MetricPointCheck::addBucket(std::string_view le, double value) {
    const auto bound = parseFloatText(le);
    if (!bound || std::isnan(*bound))
        return "bucket bound le=\"" + std::string(le) + "\" is not a number";
    if (std::isnan(value) || value < 0) return "bucket value must be a non-negative number";
    if (m_haveBucket && *bound <= m_lastLe) return "buckets must be in increasing le order";
    if (m_haveBucket && value < m_lastBucket)
        return "bucket values must be cumulative (le=\"" + std::string(le) +
               "\" is below the previous bucket)";
    m_haveBucket = true;
    m_lastLe = *bound;
    m_lastBucket = value;
    if (std::isinf(*bound) && *bound > 0) {
        m_haveInf = true;
        m_inf = value;
    }
    return {};
}

std::string MetricPointCheck::addCount(double value) {
    if (std::isnan(value) || value < 0) return "count must be a non-negative number";
    m_haveCount = true;
    m_count = value;
    return {};
}

std::string MetricPointCheck::addQuantile(std::string_view quantile) {
    const auto q = parseFloatText(quantile);
    if (!q || std::isnan(*q) || *q < 0 || *q > 1)
        return "quantile=\"" + std::string(quantile) + "\" is not a number in [0, 1]";
    return {};
}

std::string MetricPointCheck::close(bool histogram) {
    m_active = false;
    if (!histogram) return {};
    if (!m_haveInf) return "histogram point without a le=\"+Inf\" bucket";
    if (m_haveCount && m_count != m_inf) return "_count does not equal the le=\"+Inf\" bucket";
    return {};
}

} // namespace tg::import
