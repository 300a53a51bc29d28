#pragma once
// OTLP metric data as read from JSON, before it becomes series: one metric (name, unit,
// description, kind, temporality) with its data points, each with owned label text so the
// JSON may be read in any field order. emitMetric() turns it into MetricStore families, series
// and samples the way Prometheus' OTLP translation names them: a monotonic sum is a counter,
// a histogram gives name_bucket{le}, name_count and name_sum (exponential buckets are expanded
// to le bounds), a summary name{quantile}, name_count and name_sum; exemplars are linked to the
// sample (for histograms the bucket holding their value). Helpers of the importer.
#include <string>
#include <utility>
#include <vector>

#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import::otlp {

struct ExemplarData {
    std::vector<std::string> labels; // key, value, key, value...
    double value = 0;
    int64_t timeNs = 0;
    bool hasTime = false;
    std::string traceId, spanId;
};

struct BucketSide { // exponential histogram buckets on one side of zero
    int64_t offset = 0;
    std::vector<double> counts;
};

struct PointData {
    std::vector<std::string> labels; // key, value, key, value...
    int64_t timeNs = 0;
    bool hasTime = false, noRecordedValue = false, hasValue = false;
    double value = 0;
    double count = 0, sum = 0;
    bool hasSum = false;
    std::vector<double> bounds, bucketCounts;
    int32_t scale = 0;
    double zeroCount = 0, zeroThreshold = 0;
    BucketSide positive, negative;
    std::vector<std::pair<double, double>> quantiles;
    std::vector<ExemplarData> exemplars;
};

enum class MetricKind { None, Gauge, Sum, Histogram, ExponentialHistogram, Summary };

struct MetricData {
    std::string name, unit, description;
    MetricKind kind = MetricKind::None;
    bool monotonic = false, delta = false;
    std::vector<PointData> points;
};

struct EmitContext {
    TelemetryTarget& target;
    const std::vector<std::string>& resourceLabels; // key, value...
    int64_t defaultTimeNs = 0;
    std::string position; // "file: line N" of the metric, for diagnostics
};

void emitMetric(const MetricData& metric, EmitContext& context);

// Cumulative (le, count) buckets of an exponential histogram point, +Inf last.
std::vector<std::pair<double, double>> exponentialBuckets(const PointData& point);

} // namespace tg::import::otlp
