#include "importers/logs/json_log_parser.h"

#include "importers/common/json_values.h"

namespace tg::import {

namespace od = simdjson::ondemand;
using model::AttributeInput;

namespace {

constexpr int kMaxDepth = 8; // deeper objects are kept as JSON text

std::string_view trimNewline(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string_view trimToken(std::string_view raw) {
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t' ||
            raw.back() == ',' || raw.back() == '}' || raw.back() == ']'))
        raw.remove_suffix(1);
    return raw;
}

// True when nothing but white space follows the value just read (simdjson 3.0 has no
// document::at_end(); current_location() is out of bounds once the input is consumed).
bool atEnd(od::document& doc, const char* data, size_t size) {
    const char* at = nullptr;
    if (doc.current_location().get(at) != simdjson::SUCCESS) return true;
    for (const char* p = at; p < data + size; ++p)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return false;
    return true;
}

} // namespace

bool JsonLogParser::parse(const char* data, size_t size, size_t capacity, LogFields& out,
                          std::string& error, uint8_t baseLevel) {
    try {
        od::document doc = m_parser.iterate(data, size, capacity);
        if (doc.type() != od::json_type::object) {
            error = "not a JSON object";
            return false;
        }
        flatten(doc.get_object(), {}, 0, baseLevel, out);
        if (!atEnd(doc, data, size)) {
            error = "text after the JSON object";
            return false;
        }
        return true;
    } catch (const simdjson::simdjson_error& e) {
        error = e.what();
        return false;
    }
}

void JsonLogParser::flatten(od::object object, std::string_view prefix, int depth, uint8_t level,
                            LogFields& out) {
    for (auto field : object) {
        std::string_view key = field.unescaped_key().value();
        if (!prefix.empty()) {
            std::string& joined = out.scratch();
            joined.append(prefix).append(".").append(key);
            key = joined;
        }
        addValue(key, field.value(), depth, level, out);
    }
}

void JsonLogParser::addValue(std::string_view key, od::value v, int depth, uint8_t level,
                             LogFields& out) {
    switch (v.type()) {
    case od::json_type::string: {
        std::string_view s = v.get_string().value();
        if (key == "log" && depth == 0 && !m_inEmbedded) {
            s = trimNewline(s);
            if (unwrapEmbedded(s, level + 1, out)) return;
        }
        out.addString(key, s, level);
        return;
    }
    case od::json_type::number: {
        const std::string_view text = trimToken(v.raw_json_token()); // a view into the input
        od::number_type nt{};
        int64_t i = 0;
        if (v.get_number_type().get(nt) == simdjson::SUCCESS &&
            nt == od::number_type::signed_integer && v.get_int64().get(i) == simdjson::SUCCESS)
            out.addTyped(AttributeInput::integer(key, i), text, level);
        else // floats, and integers beyond int64 (kept approximately; the text is exact)
            out.addTyped(AttributeInput::real(key, readDouble(v).value_or(0)), text, level);
        return;
    }
    case od::json_type::boolean: {
        const bool b = v.get_bool().value();
        out.addTyped(AttributeInput::boolean(key, b), b ? "true" : "false", level);
        return;
    }
    case od::json_type::object:
        if (depth < kMaxDepth) {
            flatten(v.get_object(), key, depth + 1, level, out);
            return;
        }
        [[fallthrough]];
    case od::json_type::array: {
        AttributeInput a;
        a.key = key;
        a.type = model::AttrType::Json;
        a.str = out.own(readRawJson(v));
        out.addTyped(a, a.str, level);
        return;
    }
    case od::json_type::null:
        return;
    }
}

bool JsonLogParser::unwrapEmbedded(std::string_view text, uint8_t level, LogFields& out) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos || text[first] != '{' || text.back() != '}') return false;
    m_innerBuffer.assign(text);
    m_innerBuffer.append(simdjson::SIMDJSON_PADDING, '\0');
    const size_t before = out.size();
    try {
        od::document doc = m_inner.iterate(m_innerBuffer.data(), text.size(), m_innerBuffer.size());
        if (doc.type() != od::json_type::object) return false;
        m_inEmbedded = true;
        flatten(doc.get_object(), {}, 0, level, out);
        m_inEmbedded = false;
        if (atEnd(doc, m_innerBuffer.data(), text.size())) return true;
        out.truncate(before);
        return false;
    } catch (const simdjson::simdjson_error&) {
        m_inEmbedded = false;
        out.truncate(before); // the raw text is kept instead
        return false;
    }
}

} // namespace tg::import
