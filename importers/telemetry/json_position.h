#pragma once
// Positions inside a JSON record for messages: the line and byte of a pointer into the
// record's bytes (simdjson's raw tokens and current_location() point there). Pure; thread-safe.
#include <cstdint>
#include <string>

#include "importers/common/json_record_reader.h"

namespace tg::import {

struct JsonPosition {
    uint64_t line = 0;
    uint64_t offset = 0;
};

// The position of `at` (inside [record.data, record.data + record.size]); the record's own
// position when `at` is outside it.
JsonPosition positionIn(const JsonRecord& record, const char* at);
// "path: line L, byte B" of `at`.
std::string positionText(const std::string& path, const JsonRecord& record, const char* at);

} // namespace tg::import
