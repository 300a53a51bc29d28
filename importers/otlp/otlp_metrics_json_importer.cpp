#include "importers/otlp/otlp_metrics_json_importer.h"

#include "importers/otlp/otlp_metric_points.h"
#include "importers/otlp/otlp_telemetry_values.h"

namespace tg::import {

using namespace otlp;

namespace {

bool isDelta(od::value v) {
    if (v.type() == od::json_type::string) {
        const std::string_view s = v.get_string().value();
        return s == "AGGREGATION_TEMPORALITY_DELTA" || s == "1";
    }
    return readInt64(v).value_or(0) == 1;
}

void readLabels(od::value attributes, std::vector<std::string>& out, TextArena& scratch) {
    std::vector<model::AttributeInput> attrs;
    parseAttributes(attributes.get_array(), attrs, scratch);
    for (const model::AttributeInput& a : attrs) {
        out.emplace_back(a.key);
        out.push_back(attributeText(a));
    }
}

std::vector<double> readNumbers(od::value array) {
    std::vector<double> out;
    for (auto item : array.get_array())
        out.push_back(readDouble(item.value()).value_or(0));
    return out;
}

void readBucketSide(od::value side, BucketSide& out) {
    for (auto f : side.get_object()) {
        const std::string_view k = f.unescaped_key().value();
        if (k == "offset")
            out.offset = readInt64(f.value()).value_or(0);
        else if (isField(k, "bucketCounts", "bucket_counts"))
            out.counts = readNumbers(f.value());
    }
}

class MetricsReader {
public:
    MetricsReader(const std::string& path, TelemetryTarget& target,
                  const TelemetryImportOptions& options)
        : m_path(path), m_target(target), m_options(options) {}

    void parseResourceMetrics(od::document& doc, const JsonRecord& record) {
        m_resourceLabels.clear();
        m_scratch.reset(); // metric data keeps owned copies; views live only during a record
        uint64_t dropped = 0;
        for (auto field : doc.get_object()) {
            if (field.unescaped_key().value() != "resource") continue;
            for (auto rf : field.value().get_object()) {
                if (rf.unescaped_key().value() != "attributes") continue;
                std::vector<std::string> all;
                readLabels(rf.value(), all, m_scratch);
                for (size_t i = 0; i + 1 < all.size(); i += 2) {
                    if (!isIdentifyingResourceKey(all[i])) {
                        ++dropped;
                        continue;
                    }
                    m_resourceLabels.push_back(all[i]);
                    m_resourceLabels.push_back(all[i + 1]);
                }
            }
        }
        if (dropped)
            m_target.diagnostics.add("resource_attributes_not_labels", model::Severity::Info,
                                     dropped,
                                     recordPosition(m_path, record) +
                                         ": resource attributes other than service/k8s/host "
                                         "identity are not kept as metric labels");
        doc.rewind();
        for (auto field : doc.get_object()) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "scopeMetrics", "scope_metrics") ||
                isField(key, "instrumentationLibraryMetrics", "instrumentation_library_metrics"))
                for (auto scope : field.value().get_array())
                    parseScope(scope.get_object(), record);
        }
    }

private:
    void parseScope(od::object scope, const JsonRecord& record) {
        for (auto field : scope) {
            if (field.unescaped_key().value() != "metrics") continue;
            for (auto metric : field.value().get_array()) {
                MetricData m;
                parseMetric(metric.get_object(), m);
                EmitContext ctx{m_target, m_resourceLabels, m_options.defaultTimeNs,
                                recordPosition(m_path, record)};
                if (m.kind == MetricKind::None) {
                    m_target.diagnostics.report("unsupported_metric_kind", model::Severity::Warning,
                                                ctx.position + ": metric '" + m.name +
                                                    "' has no gauge/sum/histogram/"
                                                    "exponentialHistogram/summary; skipped");
                    continue;
                }
                if (m.name.empty())
                    m_target.diagnostics.report("unnamed_metric", model::Severity::Warning,
                                                ctx.position + ": a metric without a name");
                emitMetric(m, ctx);
            }
        }
    }

    void parseMetric(od::object metric, MetricData& m) {
        for (auto field : metric) {
            const std::string_view key = field.unescaped_key().value();
            od::value v = field.value();
            if (key == "name")
                m.name = readText(v, m_scratch);
            else if (key == "unit")
                m.unit = readText(v, m_scratch);
            else if (key == "description")
                m.description = readText(v, m_scratch);
            else if (key == "gauge")
                parseData(v.get_object(), MetricKind::Gauge, m);
            else if (key == "sum")
                parseData(v.get_object(), MetricKind::Sum, m);
            else if (key == "histogram")
                parseData(v.get_object(), MetricKind::Histogram, m);
            else if (isField(key, "exponentialHistogram", "exponential_histogram"))
                parseData(v.get_object(), MetricKind::ExponentialHistogram, m);
            else if (key == "summary")
                parseData(v.get_object(), MetricKind::Summary, m);
        }
    }

    void parseData(od::object data, MetricKind kind, MetricData& m) {
        m.kind = kind;
        for (auto field : data) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "aggregationTemporality", "aggregation_temporality"))
                m.delta = isDelta(field.value());
            else if (isField(key, "isMonotonic", "is_monotonic"))
                m.monotonic = readBool(field.value()).value_or(false);
            else if (isField(key, "dataPoints", "data_points"))
                for (auto point : field.value().get_array()) {
                    m.points.emplace_back();
                    parsePoint(point.get_object(), m.points.back());
                }
        }
    }

    void parsePoint(od::object point, PointData& p) {
        for (auto field : point) {
            const std::string_view key = field.unescaped_key().value();
            od::value v = field.value();
            if (key == "attributes")
                readLabels(v, p.labels, m_scratch);
            else if (isField(key, "timeUnixNano", "time_unix_nano")) {
                if (auto t = readUnixNanoValue(v)) p.timeNs = *t, p.hasTime = *t != 0;
            } else if (isField(key, "asDouble", "as_double") || isField(key, "asInt", "as_int")) {
                p.value = readDouble(v).value_or(0);
                p.hasValue = true;
            } else if (key == "count")
                p.count = readDouble(v).value_or(0);
            else if (key == "sum")
                p.sum = readDouble(v).value_or(0), p.hasSum = true;
            else if (isField(key, "bucketCounts", "bucket_counts"))
                p.bucketCounts = readNumbers(v);
            else if (isField(key, "explicitBounds", "explicit_bounds"))
                p.bounds = readNumbers(v);
            else if (key == "scale")
                p.scale = static_cast<int32_t>(readInt64(v).value_or(0));
            else if (isField(key, "zeroCount", "zero_count"))
                p.zeroCount = readDouble(v).value_or(0);
            else if (isField(key, "zeroThreshold", "zero_threshold"))
                p.zeroThreshold = readDouble(v).value_or(0);
            else if (key == "positive")
                readBucketSide(v, p.positive);
            else if (key == "negative")
                readBucketSide(v, p.negative);
            else if (isField(key, "quantileValues", "quantile_values"))
                readQuantiles(v, p);
            else if (key == "exemplars")
                readExemplars(v, p);
            else if (key == "flags")
                p.noRecordedValue = (readInt64(v).value_or(0) & 1) != 0;
        }
    }

    void readQuantiles(od::value array, PointData& p) {
        for (auto item : array.get_array()) {
            double q = 0, value = 0;
            for (auto f : item.get_object()) {
                const std::string_view k = f.unescaped_key().value();
                if (k == "quantile")
                    q = readDouble(f.value()).value_or(0);
                else if (k == "value")
                    value = readDouble(f.value()).value_or(0);
            }
            p.quantiles.emplace_back(q, value);
        }
    }

    void readExemplars(od::value array, PointData& p) {
        for (auto item : array.get_array()) {
            ExemplarData e;
            for (auto f : item.get_object()) {
                const std::string_view k = f.unescaped_key().value();
                od::value v = f.value();
                if (isField(k, "filteredAttributes", "filtered_attributes"))
                    readLabels(v, e.labels, m_scratch);
                else if (isField(k, "timeUnixNano", "time_unix_nano")) {
                    if (auto t = readUnixNanoValue(v)) e.timeNs = *t, e.hasTime = true;
                } else if (isField(k, "asDouble", "as_double") || isField(k, "asInt", "as_int"))
                    e.value = readDouble(v).value_or(0);
                else if (isField(k, "traceId", "trace_id"))
                    e.traceId = readText(v, m_scratch);
                else if (isField(k, "spanId", "span_id"))
                    e.spanId = readText(v, m_scratch);
            }
            p.exemplars.push_back(std::move(e));
        }
    }

    const std::string& m_path;
    TelemetryTarget& m_target;
    const TelemetryImportOptions& m_options;
    std::vector<std::string> m_resourceLabels;
    TextArena m_scratch;
};

} // namespace

model::Status importOtlpMetricsJson(const TelemetryInput& input, TelemetryTarget& target,
                                    const TelemetryImportOptions& options) {
    MetricsReader reader(input.path, target, options);
    return forEachJsonRecord(
        input, options, target.diagnostics, [&](od::document& doc, const JsonRecord& record) {
            const std::string_view key = record.key;
            if (isField(key, "resourceMetrics", "resource_metrics")) {
                if (doc.type() == od::json_type::object) reader.parseResourceMetrics(doc, record);
            } else if (key.empty()) {
                target.diagnostics.report("unexpected_record", model::Severity::Warning,
                                          recordPosition(input.path, record) +
                                              ": a top-level array is not an OTLP request; "
                                              "skipped");
            }
        });
}

} // namespace tg::import
