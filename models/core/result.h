#pragma once
// Structured errors for fatal problems (DESIGN §5): what went wrong, where (file, byte offset,
// line) and a machine-readable code. Result<T> carries either a value or such an error.
// Value types; no thread affinity.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace tg::model {

enum class ErrorCode {
    CannotOpen,    // file missing, unreadable
    UnknownFormat, // content does not look like any supported format
    Syntax,        // malformed JSON / protobuf / text at a position
    Unsupported,   // well-formed but a shape we do not read
    TooLarge,      // a limit that protects memory was hit
    Storage,       // SQLite error
    Cancelled,     // the user or the process cancelled
    Internal,
};

const char* errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string detail;
    std::string path;
    int64_t offset = -1; // byte offset into the file, -1 if unknown
    int64_t line = -1;   // 1-based line, -1 if unknown

    // "path: line 3, byte 120: detail" — the form shown to users and printed by the CLI.
    std::string toString() const;
};

inline Error makeError(ErrorCode code, std::string detail, std::string path = {},
                       int64_t offset = -1) {
    Error e;
    e.code = code;
    e.detail = std::move(detail);
    e.path = std::move(path);
    e.offset = offset;
    return e;
}

template <typename T> class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_state); }
    const T& value() const { return std::get<T>(m_state); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status okStatus() {
    return Done{};
}

} // namespace tg::model
