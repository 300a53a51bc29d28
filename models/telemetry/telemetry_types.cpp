#include "models/telemetry/telemetry_types.h"

#include <algorithm>
#include <cstring>

namespace tg::model {

const char* metricTypeName(MetricType type) {
    switch (type) {
    case MetricType::Unknown:
        return "unknown";
    case MetricType::Counter:
        return "counter";
    case MetricType::Gauge:
        return "gauge";
    case MetricType::Histogram:
        return "histogram";
    case MetricType::GaugeHistogram:
        return "gaugehistogram";
    case MetricType::Summary:
        return "summary";
    case MetricType::Info:
        return "info";
    case MetricType::StateSet:
        return "stateset";
    }
    return "unknown";
}

std::optional<MetricType> metricTypeFromName(std::string_view name) {
    static constexpr std::pair<std::string_view, MetricType> kNames[] = {
        {"unknown", MetricType::Unknown},     {"untyped", MetricType::Unknown},
        {"counter", MetricType::Counter},     {"gauge", MetricType::Gauge},
        {"histogram", MetricType::Histogram}, {"gaugehistogram", MetricType::GaugeHistogram},
        {"summary", MetricType::Summary},     {"info", MetricType::Info},
        {"stateset", MetricType::StateSet},
    };
    for (const auto& [text, type] : kNames)
        if (name == text) return type;
    return std::nullopt;
}

const char* seriesRoleName(SeriesRole role) {
    switch (role) {
    case SeriesRole::Value:
        return "value";
    case SeriesRole::Total:
        return "total";
    case SeriesRole::Created:
        return "created";
    case SeriesRole::Bucket:
        return "bucket";
    case SeriesRole::Quantile:
        return "quantile";
    case SeriesRole::Sum:
        return "sum";
    case SeriesRole::Count:
        return "count";
    case SeriesRole::GCount:
        return "gcount";
    case SeriesRole::GSum:
        return "gsum";
    }
    return "value";
}

const char* seriesRoleSuffix(SeriesRole role) {
    switch (role) {
    case SeriesRole::Total:
        return "_total";
    case SeriesRole::Created:
        return "_created";
    case SeriesRole::Bucket:
        return "_bucket";
    case SeriesRole::Sum:
        return "_sum";
    case SeriesRole::Count:
        return "_count";
    case SeriesRole::GCount:
        return "_gcount";
    case SeriesRole::GSum:
        return "_gsum";
    case SeriesRole::Value:
    case SeriesRole::Quantile:
        return "";
    }
    return "";
}

const char* logSeverityName(LogSeverity s) {
    static constexpr const char* kNames[] = {"unspecified", "trace", "debug", "info",
                                             "warn",        "error", "fatal"};
    return kNames[static_cast<size_t>(s)];
}

namespace {

bool equalsLower(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

} // namespace

LogSeverity logSeverityFromText(std::string_view text) {
    static constexpr std::pair<std::string_view, LogSeverity> kNames[] = {
        {"trace", LogSeverity::Trace},      {"trc", LogSeverity::Trace},
        {"t", LogSeverity::Trace},          {"verbose", LogSeverity::Trace},
        {"finest", LogSeverity::Trace},     {"debug", LogSeverity::Debug},
        {"dbg", LogSeverity::Debug},        {"d", LogSeverity::Debug},
        {"fine", LogSeverity::Debug},       {"info", LogSeverity::Info},
        {"information", LogSeverity::Info}, {"informational", LogSeverity::Info},
        {"inf", LogSeverity::Info},         {"i", LogSeverity::Info},
        {"notice", LogSeverity::Info},      {"warn", LogSeverity::Warn},
        {"warning", LogSeverity::Warn},     {"wrn", LogSeverity::Warn},
        {"w", LogSeverity::Warn},           {"error", LogSeverity::Error},
        {"err", LogSeverity::Error},        {"e", LogSeverity::Error},
        {"severe", LogSeverity::Error},     {"fatal", LogSeverity::Fatal},
        {"critical", LogSeverity::Fatal},   {"crit", LogSeverity::Fatal},
        {"panic", LogSeverity::Fatal},      {"emerg", LogSeverity::Fatal},
        {"emergency", LogSeverity::Fatal},  {"alert", LogSeverity::Fatal},
        {"f", LogSeverity::Fatal},          {"dpanic", LogSeverity::Fatal},
    };
    for (const auto& [name, severity] : kNames)
        if (equalsLower(text, name)) return severity;
    return LogSeverity::Unspecified;
}

LogSeverity logSeverityFromOtlp(int64_t number) {
    if (number < 1 || number > 24) return LogSeverity::Unspecified;
    return static_cast<LogSeverity>(1 + (number - 1) / 4);
}

LogSeverity logSeverityFromOtlpName(std::string_view name) {
    constexpr std::string_view kPrefix = "SEVERITY_NUMBER_";
    if (!name.starts_with(kPrefix)) return LogSeverity::Unspecified;
    name.remove_prefix(kPrefix.size());
    while (!name.empty() && name.back() >= '1' && name.back() <= '4')
        name.remove_suffix(1); // WARN2 -> WARN
    return logSeverityFromText(name);
}

void appendIdentity(std::string& identity, uint32_t id) {
    char bytes[4];
    std::memcpy(bytes, &id, 4);
    identity.append(bytes, 4);
}

uint32_t internLabelSet(StringPool& strings, std::span<const LabelInput> in,
                        std::vector<Label>& arena, std::string& identity) {
    // Stable sort of indices by key, then keep the last of equal keys.
    thread_local std::vector<uint32_t> order;
    order.resize(in.size());
    for (uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return in[a].key < in[b].key; });
    uint32_t added = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i + 1 < order.size() && in[order[i]].key == in[order[i + 1]].key) continue;
        const LabelInput& l = in[order[i]];
        const Label label{strings.intern(l.key), strings.intern(l.value)};
        arena.push_back(label);
        appendIdentity(identity, label.key);
        appendIdentity(identity, label.value);
        ++added;
    }
    return added;
}

} // namespace tg::model
