#pragma once
// Lenient readers for the value spellings telemetry JSON uses on top of simdjson ondemand:
// numbers written as strings ("123", OTLP's int64/uint64), strings that hold booleans ("true"),
// enum names or numbers, and any value rendered back to text. Each consumes the value.
// Throws simdjson::simdjson_error on malformed JSON; importers catch at their edge.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "importers/common/text_arena.h"
#include "models/dataset/span_types.h"

namespace tg::import {

namespace od = simdjson::ondemand;

// Integer from a JSON number or a decimal string; nullopt for null, floats out of range, text.
std::optional<int64_t> readInt64(od::value value);
// Double from a JSON number or a numeric string (including "NaN", "+Inf").
std::optional<double> readDouble(od::value value);
// String value; numbers and booleans are rendered as their JSON text; null gives "".
std::string_view readText(od::value value, TextArena& scratch);
// true/false from a JSON bool or the strings "true"/"false" (any case).
std::optional<bool> readBool(od::value value);
// Raw JSON text of the value (arrays and objects), for attributes that are not scalars.
std::string_view readRawJson(od::value value);

} // namespace tg::import
