#pragma once
// What correlation (models/correlate) is allowed to use, as configurable rules with defaults:
//
// - derived fields, as Grafana's Loki data source defines them: a rule names either fields
//   (record attributes or stream labels, e.g. trace_id, traceID, trace.id) or a regular
//   expression with one capture group applied to the log body (`traceID=(\w+)`); the first
//   rule that yields a value wins. Explicit trace/span columns of the LogStore always win.
// - service rules: an ordered list of label names (with an optional "keep what follows the
//   last separator" step, for Prometheus jobs spelled "namespace/service") that name the
//   service of a metric series or a log stream, matched against the services of the traces.
// - a time slack: a log or exemplar whose trace is not loaded but whose time lies outside the
//   traces' time range (widened by the slack) is reported as "outside the time range" rather
//   than "unknown trace".
//
// The text form (parseCorrelationConfig) has one rule per line, '#' comments:
//   trace-field NAME FIELD...            span-field NAME FIELD...
//   trace-regex NAME REGEX               span-regex NAME REGEX   (REGEX: rest of the line)
//   service-label LABEL [after SEP]      time-slack-ms N
//   reset derived | reset services       (drop the defaults before adding rules)
// Plain data and pure functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/result.h"

namespace tg::model {

enum class DerivedTarget : uint8_t { Trace, Span };

struct DerivedFieldRule {
    std::string name;
    DerivedTarget target = DerivedTarget::Trace;
    std::vector<std::string> fields; // field rule: attribute / stream label names
    std::string pattern;             // regex rule: ECMAScript, capture group 1 is the ID
    bool isRegex() const { return !pattern.empty(); }
};

struct ServiceRule {
    std::string label;
    std::string afterLast; // when set: keep the text after the last occurrence ("ns/svc" -> svc)
};

struct CorrelationConfig {
    std::vector<DerivedFieldRule> derivedFields;
    std::vector<ServiceRule> serviceRules;
    int64_t timeSlackNs = 5'000'000'000; // 5 s: clocks of log shippers and tracers differ

    static CorrelationConfig defaults();
};

// Applies `text` (the format above) on top of the defaults. Errors name the line.
Result<CorrelationConfig> parseCorrelationConfig(std::string_view text,
                                                 const std::string& path = {});

// The literal text every match of `pattern` starts with ("traceID=(\w+)" -> "traceID="), so a
// cheap substring search can skip bodies that cannot match. Empty when the pattern starts with
// something that is not a literal.
std::string regexLiteralPrefix(std::string_view pattern);

} // namespace tg::model
