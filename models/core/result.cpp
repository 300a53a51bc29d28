#include "models/core/result.h"

namespace tg::model {

const char* errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::CannotOpen:
        return "cannot_open";
    case ErrorCode::UnknownFormat:
        return "unknown_format";
    case ErrorCode::Syntax:
        return "syntax";
    case ErrorCode::Unsupported:
        return "unsupported";
    case ErrorCode::TooLarge:
        return "too_large";
    case ErrorCode::Storage:
        return "storage";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Internal:
        return "internal";
    }
    return "internal";
}

std::string Error::toString() const {
    std::string s = path.empty() ? std::string("<input>") : path;
    if (line >= 0) s += ": line " + std::to_string(line);
    if (offset >= 0) s += (line >= 0 ? ", byte " : ": byte ") + std::to_string(offset);
    s += ": ";
    s += detail.empty() ? errorCodeName(code) : detail;
    return s;
}

} // namespace tg::model
