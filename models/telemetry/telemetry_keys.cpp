#include "models/telemetry/telemetry_keys.h"

#include <algorithm>
#include <array>

namespace tg::model {
namespace {

template <size_t N> bool oneOf(std::string_view key, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), key) != names.end();
}

constexpr std::array<std::string_view, 5> kServiceKeys = {"service", "service_name", "service.name",
                                                          "job", "app"};

} // namespace

bool isTraceIdKey(std::string_view key) {
    static constexpr std::array<std::string_view, 6> kNames = {"trace_id", "traceId", "traceID",
                                                               "trace.id", "traceid", "TraceID"};
    return oneOf(key, kNames);
}

bool isSpanIdKey(std::string_view key) {
    static constexpr std::array<std::string_view, 6> kNames = {"span_id", "spanId", "spanID",
                                                               "span.id", "spanid", "SpanID"};
    return oneOf(key, kNames);
}

bool isSeverityKey(std::string_view key) {
    static constexpr std::array<std::string_view, 9> kNames = {
        "level",     "severity", "lvl",           "log.level",     "loglevel",
        "levelname", "Level",    "severity_text", "detected_level"};
    return oneOf(key, kNames);
}

bool isMessageKey(std::string_view key) {
    static constexpr std::array<std::string_view, 7> kNames = {"msg",  "message",  "body",   "log",
                                                               "text", "@message", "Message"};
    return oneOf(key, kNames);
}

bool isTimeKey(std::string_view key) {
    static constexpr std::array<std::string_view, 7> kNames = {
        "ts", "time", "timestamp", "@timestamp", "t", "datetime", "Timestamp"};
    return oneOf(key, kNames);
}

std::span<const std::string_view> serviceLabelKeys() {
    return kServiceKeys;
}

bool isStreamLabelKey(std::string_view key) {
    static constexpr std::array<std::string_view, 14> kNames = {"service.namespace",
                                                                "namespace",
                                                                "k8s.namespace.name",
                                                                "pod",
                                                                "k8s.pod.name",
                                                                "container",
                                                                "k8s.container.name",
                                                                "host",
                                                                "hostname",
                                                                "host.name",
                                                                "node",
                                                                "env",
                                                                "environment",
                                                                "component"};
    return oneOf(key, kServiceKeys) || oneOf(key, kNames);
}

const Label* findLabel(const StringPool& strings, std::span<const Label> labels,
                       std::string_view key) {
    // Sets are sorted by key text (internLabelSet).
    const auto it = std::lower_bound(
        labels.begin(), labels.end(), key,
        [&](const Label& l, std::string_view k) { return strings.view(l.key) < k; });
    if (it == labels.end() || strings.view(it->key) != key) return nullptr;
    return &*it;
}

std::string_view serviceOfLabels(const StringPool& strings, std::span<const Label> labels) {
    for (std::string_view key : kServiceKeys)
        if (const Label* l = findLabel(strings, labels, key); l && l->value != 0)
            return strings.view(l->value);
    return {};
}

} // namespace tg::model
