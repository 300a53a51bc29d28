#pragma once
// Appends JSON tokens to a file through a 1 MiB buffer, so a generator can write gigabytes
// without holding the document in memory. The caller writes the structure (braces, commas,
// keys) itself; this class only escapes strings and formats numbers. The first write error
// sticks and is returned by close(). Not thread-safe: one writer per file.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "models/core/result.h"

namespace tg::app::demo {

class JsonStreamWriter {
public:
    JsonStreamWriter() = default;
    ~JsonStreamWriter();
    JsonStreamWriter(const JsonStreamWriter&) = delete;
    JsonStreamWriter& operator=(const JsonStreamWriter&) = delete;

    model::Status open(const std::string& path);
    // Flushes and closes; the first error met while writing, if any.
    model::Status close();

    void raw(std::string_view text) {
        m_buffer.append(text);
        if (m_buffer.size() >= kFlushBytes) flush();
    }
    void raw(char c) { m_buffer.push_back(c); }
    void string(std::string_view text); // quoted and escaped
    void integer(int64_t value);
    void quotedInteger(int64_t value); // "123", as OTLP JSON writes 64-bit integers
    void number(double value);
    void boolean(bool value) { raw(value ? std::string_view("true") : std::string_view("false")); }
    void quotedHex(uint64_t value, int digits = 16);
    // `"key":` (the key is trusted not to need escaping).
    void key(std::string_view name) {
        m_buffer.push_back('"');
        m_buffer.append(name);
        m_buffer.append("\":");
    }

    uint64_t bytesWritten() const { return m_written + m_buffer.size(); }

private:
    static constexpr size_t kFlushBytes = 1u << 20;
    void flush();

    std::FILE* m_file = nullptr;
    std::string m_path;
    std::string m_buffer;
    uint64_t m_written = 0;
    int m_errno = 0;
};

} // namespace tg::app::demo
