#include "importers/telemetry/json_position.h"

#include <algorithm>

namespace tg::import {

JsonPosition positionIn(const JsonRecord& record, const char* at) {
    JsonPosition p{record.line, record.offset};
    if (!at || at < record.data || at > record.data + record.size) return p;
    p.line += static_cast<uint64_t>(std::count(record.data, at, '\n'));
    p.offset += static_cast<uint64_t>(at - record.data);
    return p;
}

std::string positionText(const std::string& path, const JsonRecord& record, const char* at) {
    const JsonPosition p = positionIn(record, at);
    return path + ": line " + std::to_string(p.line) + ", byte " + std::to_string(p.offset);
}

} // namespace tg::import
