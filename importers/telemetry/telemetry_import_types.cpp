#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

std::string linePosition(const std::string& path, uint64_t line) {
    return path + ": line " + std::to_string(line);
}

model::Error lineError(const std::string& path, uint64_t line, int64_t offset, std::string detail,
                       model::ErrorCode code) {
    model::Error e = model::makeError(code, std::move(detail), path, offset);
    e.line = static_cast<int64_t>(line);
    return e;
}

} // namespace tg::import
