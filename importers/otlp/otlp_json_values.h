#pragma once
// OTLP JSON encodings of AnyValue / KeyValue lists (proto3 JSON mapping: int64 as string,
// bytes as base64, camelCase or original snake_case field names). Helpers of the OTLP JSON
// importer; not a public API.
#include <vector>

#include <simdjson.h>

#include "importers/common/json_values.h"
#include "models/dataset/span_types.h"

namespace tg::import::otlp {

namespace od = simdjson::ondemand;

// True when `key` is the camelCase or snake_case spelling of a field (e.g. "traceId"/"trace_id").
bool isField(std::string_view key, std::string_view camel, std::string_view snake);

// Appends each {"key":..., "value":{...}} of an attributes array.
void parseAttributes(od::array attributes, std::vector<model::AttributeInput>& out,
                     TextArena& scratch);

} // namespace tg::import::otlp
