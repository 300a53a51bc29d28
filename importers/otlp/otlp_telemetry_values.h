#pragma once
// Value helpers the OTLP metrics and logs JSON importers share on top of otlp_json_values.h:
// *UnixNano times (decimal strings or numbers), attribute values rendered as label text, an
// AnyValue (log body) as text, and the identifying resource attributes that become metric
// labels. Helpers of the importers; not a public API.
#include <optional>
#include <string>
#include <string_view>

#include "importers/otlp/otlp_json_values.h"

namespace tg::import::otlp {

std::optional<int64_t> readUnixNanoValue(od::value v);
// Text of an attribute value as a label value: strings as they are, numbers and booleans
// formatted, arrays/kvlists as their JSON.
std::string attributeText(const model::AttributeInput& a);
// An AnyValue object as text: stringValue as is, scalars formatted, arrays/kvlists/bytes as
// the JSON (or base64) they were written in.
std::string_view readAnyValueText(od::value any, TextArena& scratch);
// Resource attributes that identify where metrics come from and so become series labels
// (service.name, service.namespace, service.instance.id, k8s namespace/pod, host, environment).
bool isIdentifyingResourceKey(std::string_view key);

} // namespace tg::import::otlp
