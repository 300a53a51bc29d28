#pragma once
// The field and label names that mean the same thing across telemetry formats: trace and span
// IDs (trace_id, traceId, traceID, trace.id, ...), service identity (service, service_name,
// service.name, job, app), severity, message and time fields. Importers use them to fill the
// explicit columns; correlation (models/correlate) starts from the same lists. Pure; thread-safe.
#include <span>
#include <string_view>

#include "models/telemetry/telemetry_types.h"

namespace tg::model {

bool isTraceIdKey(std::string_view key);  // trace_id, traceId, traceID, trace.id, traceid
bool isSpanIdKey(std::string_view key);   // span_id, spanId, spanID, span.id, spanid
bool isSeverityKey(std::string_view key); // level, severity, lvl, log.level, severity_text, ...
bool isMessageKey(std::string_view key);  // msg, message, body, log, @message, text
bool isTimeKey(std::string_view key);     // ts, time, timestamp, @timestamp, t, datetime

// Label names that identify a service, in the order they are preferred.
std::span<const std::string_view>
serviceLabelKeys(); // service, service_name, service.name, job, app
// Label/field names that name where a log stream comes from (service keys plus namespace, pod,
// container, host, ...): such fields of a JSON or logfmt line become stream labels, the rest
// record attributes.
bool isStreamLabelKey(std::string_view key);

// The service of a label set by serviceLabelKeys() order, or "" when none is set.
std::string_view serviceOfLabels(const StringPool& strings, std::span<const Label> labels);
// The value of `key` in a label set sorted by key text, or nullptr.
const Label* findLabel(const StringPool& strings, std::span<const Label> labels,
                       std::string_view key);

} // namespace tg::model
