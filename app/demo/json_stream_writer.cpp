#include "app/demo/json_stream_writer.h"

#include <cerrno>
#include <charconv>
#include <cstring>

#include "app/demo/demo_text.h"

namespace tg::app::demo {

JsonStreamWriter::~JsonStreamWriter() {
    if (m_file) std::fclose(m_file);
}

model::Status JsonStreamWriter::open(const std::string& path) {
    m_path = path;
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) {
        model::Error e;
        e.code = model::ErrorCode::CannotOpen;
        e.detail = std::string("cannot create: ") + std::strerror(errno);
        e.path = path;
        return e;
    }
    m_buffer.reserve(kFlushBytes + 64 * 1024);
    return model::okStatus();
}

void JsonStreamWriter::flush() {
    if (m_file && !m_buffer.empty() && m_errno == 0 &&
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
        m_errno = errno ? errno : EIO;
    m_written += m_buffer.size();
    m_buffer.clear();
}

model::Status JsonStreamWriter::close() {
    flush();
    if (m_file && std::fclose(m_file) != 0 && m_errno == 0) m_errno = errno ? errno : EIO;
    m_file = nullptr;
    if (m_errno != 0) {
        model::Error e;
        e.code = model::ErrorCode::Storage;
        e.detail = std::string("cannot write: ") + std::strerror(m_errno);
        e.path = m_path;
        return e;
    }
    return model::okStatus();
}

void JsonStreamWriter::string(std::string_view text) {
    m_buffer.push_back('"');
    size_t plain = 0; // start of the run of characters that need no escape
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        m_buffer.append(text.substr(plain, i - plain));
        plain = i + 1;
        switch (c) {
        case '"':
            m_buffer.append("\\\"");
            break;
        case '\\':
            m_buffer.append("\\\\");
            break;
        case '\n':
            m_buffer.append("\\n");
            break;
        case '\t':
            m_buffer.append("\\t");
            break;
        case '\r':
            m_buffer.append("\\r");
            break;
        default:
            m_buffer.append("\\u00");
            appendHex(m_buffer, c, 2);
        }
    }
    m_buffer.append(text.substr(plain));
    m_buffer.push_back('"');
    if (m_buffer.size() >= kFlushBytes) flush();
}

void JsonStreamWriter::integer(int64_t value) {
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof(digits), value);
    m_buffer.append(digits, r.ptr);
}

void JsonStreamWriter::quotedInteger(int64_t value) {
    m_buffer.push_back('"');
    integer(value);
    m_buffer.push_back('"');
}

void JsonStreamWriter::number(double value) {
    char digits[32];
    const auto r = std::to_chars(digits, digits + sizeof(digits), value);
    m_buffer.append(digits, r.ptr);
}

void JsonStreamWriter::quotedHex(uint64_t value, int digits) {
    m_buffer.push_back('"');
    appendHex(m_buffer, value, digits);
    m_buffer.push_back('"');
}

} // namespace tg::app::demo
