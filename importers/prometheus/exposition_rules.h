#pragma once
// The naming and value rules of metric families in the exposition formats: which sample names
// belong to a family of a given type and in which role (x_total, x_bucket, x{quantile}, ...),
// and the checks OpenMetrics makes on one histogram/summary MetricPoint (buckets cumulative and
// ordered, a +Inf bucket, _count equal to it, quantiles in [0, 1]). Pure; thread-safe.
#include <optional>
#include <string>
#include <string_view>

#include "models/telemetry/telemetry_types.h"

namespace tg::import {

// The role of `sample` in family `family` of `type`, or nullopt when it does not belong.
// `openMetrics` false (text 0.0.4) also accepts a counter sample named like its family.
std::optional<model::SeriesRole> sampleRole(model::MetricType type, std::string_view family,
                                            std::string_view sample, bool openMetrics);
// True when `sample` is `family` plus nothing or one of the reserved suffixes: the sample
// was meant for the family (a mismatch is then an error, not the start of another family).
bool claimsFamily(std::string_view family, std::string_view sample);
// "x_total or x_created", for messages.
std::string expectedSampleNames(model::MetricType type, std::string_view family);

// One MetricPoint of a histogram, gauge histogram or summary, checked as its samples arrive.
// Each add*() returns "" or what is wrong; close() checks what only the whole point can tell.
class MetricPointCheck {
public:
    void reset(std::string key, uint64_t line);
    const std::string& key() const { return m_key; }
    bool active() const { return m_active; }
    uint64_t line() const { return m_line; }

    std::string addBucket(std::string_view le, double value);
    std::string addCount(double value);
    std::string addQuantile(std::string_view quantile);
    std::string close(bool histogram);

private:
    std::string m_key;
    bool m_active = false;
    uint64_t m_line = 0;
    bool m_haveBucket = false, m_haveCount = false, m_haveInf = false;
    double m_lastLe = 0, m_lastBucket = 0, m_inf = 0, m_count = 0;
};

} // namespace tg::import
