#include "importers/prometheus/prometheus_query_data.h"

#include <cmath>

#include "importers/common/json_values.h"
#include "importers/telemetry/json_position.h"
#include "importers/telemetry/telemetry_values.h"

namespace tg::import {

using model::LabelInput;

struct PromQueryDataReader::Pending {
    std::vector<std::string> labelText; // owned copies: the object is read once, in any order
    std::string name;
    std::vector<std::pair<int64_t, double>> samples;
    std::vector<std::pair<int64_t, double>> histCount, histSum;
    uint64_t histBuckets = 0;
};

namespace {

std::string_view trimmedToken(od::value v) {
    std::string_view raw = v.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' ||
                            raw.back() == '\t' || raw.back() == ','))
        raw.remove_suffix(1);
    return raw;
}

// Decimal seconds (a JSON number, or a string holding one) to ns, exactly.
std::optional<int64_t> readSeconds(od::value v) {
    std::string_view text;
    if (v.type() == od::json_type::string)
        text = v.get_string().value();
    else if (v.type() == od::json_type::number)
        text = trimmedToken(v);
    else
        return std::nullopt;
    const ScaledDecimal d = parseScaledDecimal(text, 9);
    if (d.status != DecimalStatus::Ok) return std::nullopt;
    return d.value;
}

} // namespace

std::string findResultType(od::document& data) {
    std::string type;
    for (auto field : data.get_object()) {
        if (field.unescaped_key().value() != "resultType") continue;
        od::value v = field.value();
        if (v.type() == od::json_type::string) type = std::string(v.get_string().value());
        break;
    }
    data.rewind();
    return type;
}

void PromQueryDataReader::parseData(od::document& data, const JsonRecord& record) {
    if (data.type() != od::json_type::object) {
        m_target.diagnostics.report("bad_data", model::Severity::Error,
                                    recordPosition(m_path, record) +
                                        ": \"data\" is not an object; skipped");
        return;
    }
    const std::string type = findResultType(data);
    for (auto field : data.get_object()) {
        if (field.unescaped_key().value() == "result") parseResult(type, field.value(), record);
    }
}

bool PromQueryDataReader::readPair(od::value pair, const JsonRecord& record, int64_t& timeNs,
                                   double& value, std::string_view* text) {
    const char* at = pair.raw_json_token().data();
    auto bad = [&](std::string_view why) {
        m_target.diagnostics.report("bad_sample", model::Severity::Warning,
                                    positionText(m_path, record, at) + ": " + std::string(why) +
                                        "; sample skipped");
        return false;
    };
    if (pair.type() != od::json_type::array) return bad("a sample is not a [time, value] pair");
    size_t i = 0;
    std::optional<int64_t> t;
    bool haveValue = false;
    for (auto item : pair.get_array()) {
        od::value v = item.value();
        if (i == 0) {
            if (!(t = readSeconds(v))) return bad("sample time is not a number of seconds");
        } else if (i == 1) {
            if (v.type() == od::json_type::string) {
                const std::string_view s = v.get_string().value();
                if (text) *text = s;
                const auto d = parseFloatText(s);
                if (!d && !text)
                    return bad("sample value \"" + std::string(s) + "\" is not a number");
                value = d.value_or(std::nan(""));
            } else if (v.type() == od::json_type::number) {
                value = v.get_double().value();
            } else if (v.type() == od::json_type::null) {
                return bad("sample value is null");
            } else if (!text) {
                return bad("sample value is not a string or number");
            }
            haveValue = true;
        }
        ++i;
    }
    if (i != 2 || !haveValue) return bad("a sample is not a [time, value] pair");
    timeNs = *t;
    return true;
}

void PromQueryDataReader::readHistogramPair(od::value pair, const JsonRecord& record,
                                            Pending& out) {
    size_t i = 0;
    std::optional<int64_t> t;
    for (auto item : pair.get_array()) {
        od::value v = item.value();
        if (i++ == 0) {
            t = readSeconds(v);
            continue;
        }
        if (!t || v.type() != od::json_type::object) break;
        for (auto field : v.get_object()) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "count" || key == "sum") {
                const auto d = readDouble(field.value());
                if (d) (key == "count" ? out.histCount : out.histSum).emplace_back(*t, *d);
            } else if (key == "buckets") {
                for (auto b : field.value().get_array()) {
                    (void)b;
                    ++out.histBuckets;
                }
            }
        }
    }
}

void PromQueryDataReader::parseSeries(od::object element, bool matrix, const JsonRecord& record) {
    Pending p;
    for (auto field : element) {
        const std::string_view key = field.unescaped_key().value();
        od::value v = field.value();
        if (key == "metric") {
            for (auto l : v.get_object()) {
                const std::string_view k = l.unescaped_key().value();
                TextArena scratch;
                const std::string_view val = readText(l.value(), scratch);
                if (k == "__name__")
                    p.name = val;
                else {
                    p.labelText.emplace_back(k);
                    p.labelText.emplace_back(val);
                }
            }
        } else if ((matrix && key == "values") || (!matrix && key == "value")) {
            auto add = [&](od::value pair) {
                int64_t t = 0;
                double d = 0;
                if (readPair(pair, record, t, d)) p.samples.emplace_back(t, d);
            };
            if (matrix)
                for (auto pair : v.get_array())
                    add(pair.value());
            else
                add(v);
        } else if ((matrix && key == "histograms") || (!matrix && key == "histogram")) {
            if (matrix)
                for (auto pair : v.get_array())
                    readHistogramPair(pair.value(), record, p);
            else
                readHistogramPair(v, record, p);
        }
    }
    flush(p);
}

void PromQueryDataReader::flush(Pending& p) {
    std::vector<LabelInput> labels;
    for (size_t i = 0; i + 1 < p.labelText.size(); i += 2)
        labels.push_back({p.labelText[i], p.labelText[i + 1]});
    model::MetricStore& store = m_target.metrics;
    ++m_results;
    if (!p.samples.empty() || (p.histCount.empty() && p.histSum.empty())) {
        const model::FamilyId f = store.addFamily({p.name, model::MetricType::Unknown, {}, {}, 0});
        const model::SeriesId s = store.addSeries(f, p.name, model::SeriesRole::Value, labels);
        for (const auto& [t, v] : p.samples)
            store.addSample(s, t, v);
    }
    if (p.histCount.empty() && p.histSum.empty()) return;
    // Native histograms: count and sum as the classic _count/_sum series of the family.
    const model::FamilyId f = store.addFamily({p.name, model::MetricType::Histogram, {}, {}, 0});
    const std::string countName = p.name + "_count", sumName = p.name + "_sum";
    const model::SeriesId c = store.addSeries(f, countName, model::SeriesRole::Count, labels);
    for (const auto& [t, v] : p.histCount)
        store.addSample(c, t, v);
    const model::SeriesId s = store.addSeries(f, sumName, model::SeriesRole::Sum, labels);
    for (const auto& [t, v] : p.histSum)
        store.addSample(s, t, v);
    if (p.histBuckets)
        m_target.diagnostics.add("native_histogram_buckets_skipped", model::Severity::Info,
                                 p.histBuckets,
                                 m_path + ": native histogram buckets of '" + p.name +
                                     "' are not kept (count and sum are)");
}

void PromQueryDataReader::parseResult(std::string_view type, od::value result,
                                      const JsonRecord& record) {
    const char* at = result.raw_json_token().data();
    if (type == "matrix" || type == "vector") {
        if (result.type() != od::json_type::array) {
            m_target.diagnostics.report("bad_result", model::Severity::Error,
                                        positionText(m_path, record, at) + ": a " +
                                            std::string(type) + " result is not an array");
            return;
        }
        for (auto element : result.get_array()) {
            od::value e = element.value();
            if (e.type() == od::json_type::object)
                parseSeries(e.get_object(), type == "matrix", record);
            else
                m_target.diagnostics.report("bad_result", model::Severity::Warning,
                                            positionText(m_path, record, at) +
                                                ": a result element is not an object; skipped");
        }
    } else if (type == "scalar" || type == "string") {
        int64_t t = 0;
        double v = 0;
        std::string_view text;
        if (!readPair(result, record, t, v, type == "string" ? &text : nullptr)) return;
        ++m_results;
        if (type == "scalar") {
            const model::FamilyId f =
                m_target.metrics.addFamily({"scalar", model::MetricType::Unknown, {}, {}, 0});
            m_target.metrics.addSample(
                m_target.metrics.addSeries(f, "scalar", model::SeriesRole::Value, {}), t, v);
        } else { // a string result is text, not a number: it goes to the logs
            const LabelInput labels[] = {{"result_type", "string"}};
            model::LogInput r;
            r.timeNs = t;
            r.body = text;
            m_target.logs.addRecord(m_target.logs.addStream(labels), r);
        }
    } else {
        m_target.diagnostics.report(
            "unknown_result_type", model::Severity::Error,
            positionText(m_path, record, at) + ": resultType '" + std::string(type) +
                "' is not matrix, vector, scalar or string; result skipped");
    }
}

} // namespace tg::import
