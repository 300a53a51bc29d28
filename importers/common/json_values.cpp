#include "importers/common/json_values.h"

#include <charconv>
#include <cmath>

#include "models/core/time_parse.h"

namespace tg::import {

std::optional<int64_t> readInt64(od::value value) {
    switch (value.type()) {
    case od::json_type::number: {
        // Out-of-range numbers (99999999999999999999999, 1e400) are simdjson errors; they give
        // nullopt here, never an exception that would drop the whole record. A failed get_*
        // does not advance the value, so the caller may still read it as text.
        od::number_type nt{};
        if (value.get_number_type().get(nt) == simdjson::SUCCESS) {
            if (nt == od::number_type::signed_integer) {
                int64_t i = 0;
                if (value.get_int64().get(i) == simdjson::SUCCESS) return i;
                return std::nullopt;
            }
            if (nt == od::number_type::unsigned_integer) {
                uint64_t u = 0;
                if (value.get_uint64().get(u) != simdjson::SUCCESS ||
                    u > static_cast<uint64_t>(INT64_MAX))
                    return std::nullopt;
                return static_cast<int64_t>(u);
            }
        }
        double d = 0;
        if (value.get_double().get(d) != simdjson::SUCCESS) return std::nullopt;
        if (!std::isfinite(d) || std::fabs(d) > 9.2e18) return std::nullopt;
        return static_cast<int64_t>(d);
    }
    case od::json_type::string: {
        const std::string_view s = value.get_string().value();
        int64_t v = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return v;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<double> readDouble(od::value value) {
    switch (value.type()) {
    case od::json_type::number: {
        double d = 0; // out of range (1e400) is a simdjson error: nullopt, not an exception
        if (value.get_double().get(d) != simdjson::SUCCESS) return std::nullopt;
        return d;
    }
    case od::json_type::string: {
        const std::string_view s = value.get_string().value();
        if (s == "NaN") return std::nan("");
        if (s == "+Inf" || s == "Inf" || s == "Infinity") return INFINITY;
        if (s == "-Inf" || s == "-Infinity") return -INFINITY;
        double v = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return v;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::string_view readText(od::value value, TextArena& arena) {
    switch (value.type()) {
    case od::json_type::string:
        return value.get_string().value();
    case od::json_type::null:
        return {};
    case od::json_type::boolean:
        return value.get_bool().value() ? "true" : "false";
    case od::json_type::number: {
        std::string& scratch = arena.next();
        scratch.assign(simdjson::to_json_string(value).value());
        while (!scratch.empty() && isspace(static_cast<unsigned char>(scratch.back())))
            scratch.pop_back();
        return scratch;
    }
    default:
        return readRawJson(value);
    }
}

std::optional<bool> readBool(od::value value) {
    switch (value.type()) {
    case od::json_type::boolean:
        return value.get_bool().value();
    case od::json_type::string: {
        const std::string_view s = value.get_string().value();
        if (s.size() == 4 && (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'r' && (s[2] | 0x20) == 'u' &&
            (s[3] | 0x20) == 'e')
            return true;
        if (s.size() == 5 && (s[0] | 0x20) == 'f') return false;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::string_view readRawJson(od::value value) {
    std::string_view raw = simdjson::to_json_string(value).value();
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    return raw;
}

} // namespace tg::import
