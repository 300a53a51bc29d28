#pragma once
// Value types shared by the metric and log stores (DESIGN §3): metric family types and the role
// a series plays in its family (Prometheus/OpenMetrics suffixes), normalised log severity, and
// label pairs. Names follow OpenMetrics and OpenTelemetry. Plain data and pure functions; no
// thread affinity.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/string_pool.h"

namespace tg::model {

// Metric family types: OpenMetrics' set (Prometheus text 0.0.4 uses a subset).
enum class MetricType : uint8_t {
    Unknown,
    Counter,
    Gauge,
    Histogram,
    GaugeHistogram,
    Summary,
    Info,
    StateSet
};
const char* metricTypeName(MetricType type); // "counter", "gaugehistogram", ...
// Exact OpenMetrics/Prometheus names ("untyped" is Prometheus 0.0.4's unknown).
std::optional<MetricType> metricTypeFromName(std::string_view name);

// Which sample of its family a series holds: the suffix (_total, _bucket, ...) of its name.
// Buckets carry an `le` label, quantiles a `quantile` label.
enum class SeriesRole : uint8_t {
    Value,    // gauge, unknown, info, stateset, or the whole name of a foreign series
    Total,    // counter _total
    Created,  // _created (counter, histogram, summary)
    Bucket,   // histogram / gaugehistogram _bucket{le=...}
    Quantile, // summary sample{quantile=...}
    Sum,      // _sum
    Count,    // _count
    GCount,   // gaugehistogram _gcount
    GSum,     // gaugehistogram _gsum
};
const char* seriesRoleName(SeriesRole role);   // "value", "total", "bucket", ...
const char* seriesRoleSuffix(SeriesRole role); // "", "_total", "_bucket", ... ("" for quantile)

// Log severity normalised to OpenTelemetry's six ranges; the original text is kept separately.
enum class LogSeverity : uint8_t { Unspecified, Trace, Debug, Info, Warn, Error, Fatal };
const char* logSeverityName(LogSeverity s); // "unspecified", "trace", ..., "fatal"
// Common spellings, any case: "INFO", "Information", "warning", "ERR", "crit", "E", "panic",
// syslog names ("notice", "emerg"), and digits of syslog levels are not guessed (Unspecified).
LogSeverity logSeverityFromText(std::string_view text);
// OTLP SeverityNumber 1..24 (1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24
// fatal).
LogSeverity logSeverityFromOtlp(int64_t number);
// OTLP enum names ("SEVERITY_NUMBER_WARN2"); Unspecified otherwise.
LogSeverity logSeverityFromOtlpName(std::string_view name);

// A label as stored: interned key and value. Label sets are sorted by key text, keys unique.
struct Label {
    StringId key = 0;
    StringId value = 0;
};

// A label as an importer hands it in; views only need to live for the call.
struct LabelInput {
    std::string_view key;
    std::string_view value;
};

// Interns `labels` into `arena` sorted by key (for equal keys the last one wins, as in a JSON
// object read twice) and writes the binary identity of (prefix ids, label ids) to `identity`,
// so equal label sets give equal identities. Returns the number of labels appended.
uint32_t internLabelSet(StringPool& strings, std::span<const LabelInput> labels,
                        std::vector<Label>& arena, std::string& identity);
// Appends one 32-bit id to a binary identity.
void appendIdentity(std::string& identity, uint32_t id);

} // namespace tg::model
