#include "importers/telemetry/telemetry_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "models/core/time_parse.h"

namespace tg::import {
namespace {

bool equalsLower(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (size_t i = 0; i < text.size(); ++i)
        if ((text[i] | 0x20) != lower[i]) return false;
    return true;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

std::optional<double> parseFloatText(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (equalsLower(text, "nan")) return std::numeric_limits<double>::quiet_NaN();
    bool negative = false;
    std::string_view body = text;
    if (body[0] == '+' || body[0] == '-') {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (equalsLower(body, "inf") || equalsLower(body, "infinity"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    // Only digits, one '.', and an exponent; from_chars would also take "inf"/"nan" spellings.
    if (body.empty() || !(isDigit(body[0]) || body[0] == '.')) return std::nullopt;
    double v = 0;
    const auto r = std::from_chars(body.data(), body.data() + body.size(), v);
    if (r.ptr != body.data() + body.size()) return std::nullopt;
    if (r.ec == std::errc::result_out_of_range) {
        // Overflow to ±Inf, underflow to 0, as Go's ParseFloat does (with its error ignored).
        const bool big = body.find_first_of("eE") != std::string_view::npos &&
                         body[body.find_first_of("eE") + 1] != '-';
        v = big ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (r.ec != std::errc()) {
        return std::nullopt;
    }
    return negative ? -v : v;
}

ScaledDecimal parseScaledDecimal(std::string_view text, int power10) {
    ScaledDecimal out;
    size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::string digits; // significant digits, leading zeros dropped
    int64_t exp10 = power10;
    bool any = false;
    for (; i < text.size() && isDigit(text[i]); ++i) {
        any = true;
        if (!digits.empty() || text[i] != '0') digits += text[i];
    }
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && isDigit(text[i]); ++i) {
            any = true;
            if (!digits.empty() || text[i] != '0') digits += text[i];
            if (digits.size() > 40) continue; // far beyond int64: precision no longer matters
            --exp10;
        }
    }
    if (!any) return out;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) expNegative = text[i++] == '-';
        if (i == text.size()) return out;
        int64_t e = 0;
        for (; i < text.size() && isDigit(text[i]); ++i)
            e = std::min<int64_t>(e * 10 + (text[i] - '0'), 1'000'000);
        exp10 += expNegative ? -e : e;
    }
    if (i != text.size()) return out;
    if (exp10 < 0) {
        const auto drop = static_cast<size_t>(std::min<int64_t>(-exp10, 1'000'000));
        digits = drop >= digits.size() ? std::string() : digits.substr(0, digits.size() - drop);
        exp10 = 0;
    }
    out.status = DecimalStatus::Ok;
    if (digits.empty()) return out; // zero (or truncated to zero)
    if (static_cast<int64_t>(digits.size()) + exp10 > 19) {
        out.status = DecimalStatus::Clamped;
    } else {
        digits.append(static_cast<size_t>(exp10), '0');
        uint64_t v = 0;
        for (char c : digits)
            v = v * 10 + static_cast<uint64_t>(c - '0'); // <= 19 digits: fits in uint64
        const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
        if (v > limit)
            out.status = DecimalStatus::Clamped;
        else
            out.value = negative ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);
    }
    if (out.status == DecimalStatus::Clamped)
        out.value =
            negative ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    return out;
}

std::optional<int64_t> parseEpochGuessNs(std::string_view text) {
    std::string_view integral = text.substr(0, text.find('.'));
    if (!integral.empty() && integral[0] == '-') integral.remove_prefix(1);
    if (integral.empty() || integral.size() > 19) return std::nullopt;
    for (char c : integral)
        if (!isDigit(c)) return std::nullopt;
    // Digits of the integral part decide the unit (1e11 s is the year 5138).
    const size_t n = integral.size();
    const int power = n <= 11 ? 9 : n <= 14 ? 6 : n <= 17 ? 3 : 0;
    const ScaledDecimal d = parseScaledDecimal(text, power);
    if (d.status != DecimalStatus::Ok) return std::nullopt;
    return d.value;
}

namespace {

bool digitsAt(std::string_view t, size_t pos, size_t count, int64_t& out) {
    if (pos + count > t.size()) return false;
    int64_t v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(t[i])) return false;
        v = v * 10 + (t[i] - '0');
    }
    out = v;
    return true;
}

// "Z", "+02:00", "+0200", "+02", " UTC", " +0000 UTC"; returns the offset and advances pos.
bool readZone(std::string_view t, size_t& pos, int64_t& offsetSeconds) {
    offsetSeconds = 0;
    size_t p = pos;
    if (p < t.size() && (t[p] == 'Z' || t[p] == 'z')) {
        pos = p + 1;
        return true;
    }
    if (p < t.size() && t[p] == ' ') ++p;
    if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
        int64_t h = 0, m = 0;
        if (!digitsAt(t, p + 1, 2, h) || h > 23) return false;
        size_t q = p + 3;
        if (q < t.size() && t[q] == ':') ++q;
        if (digitsAt(t, q, 2, m)) q += 2;
        if (m > 59) return false;
        offsetSeconds = (h * 3600 + m * 60) * (t[p] == '+' ? 1 : -1);
        p = q;
        pos = p;
        if (t.substr(p).starts_with(" UTC") || t.substr(p).starts_with(" GMT")) pos = p + 4;
        return true;
    }
    if (t.substr(p).starts_with("UTC") || t.substr(p).starts_with("GMT")) {
        pos = p + 3;
        return true;
    }
    return true; // no zone: UTC
}

// The spelling most log lines use, "2006-01-02T15:04:05[.999999999]Z" and nothing after it,
// read without the general parser's branches (a tenth of a logfmt import went there). Any
// other text, and any value this path would reject, falls through to the general parser, so
// both give the same answers.
std::optional<int64_t> parseUtcRfc3339(std::string_view t) {
    const size_t n = t.size();
    if (n < 20 || t[n - 1] != 'Z' || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
        t[16] != ':')
        return std::nullopt;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(t.data());
    // Digit values; any other byte wraps above 9. Spelled out: GCC at -O2 keeps loops here.
    const unsigned y0 = p[0] - 48u, y1 = p[1] - 48u, y2 = p[2] - 48u, y3 = p[3] - 48u,
                   mo0 = p[5] - 48u, mo1 = p[6] - 48u, d0 = p[8] - 48u, d1 = p[9] - 48u,
                   h0 = p[11] - 48u, h1 = p[12] - 48u, mi0 = p[14] - 48u, mi1 = p[15] - 48u,
                   s0 = p[17] - 48u, s1 = p[18] - 48u;
    if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (mo0 > 9) | (mo1 > 9) | (d0 > 9) | (d1 > 9) |
        (h0 > 9) | (h1 > 9) | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9))
        return std::nullopt;
    const int64_t year = y0 * 1000 + y1 * 100 + y2 * 10 + y3, month = mo0 * 10 + mo1,
                  day = d0 * 10 + d1, hour = h0 * 10 + h1, minute = mi0 * 10 + mi1,
                  second = s0 * 10 + s1;
    int64_t fraction = 0;
    if (n > 20) { // ".d+" before the Z
        if (t[19] != '.' || n == 21) return std::nullopt;
        int count = 0;
        for (size_t i = 20; i + 1 < n; ++i) {
            const unsigned digit = p[i] - unsigned{'0'};
            if (digit > 9) return std::nullopt;
            if (count < 9) {
                fraction = fraction * 10 + digit;
                ++count;
            }
        }
        static constexpr int64_t kScale[] = {
            1'000'000'000, 100'000'000, 10'000'000, 1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};
        fraction *= kScale[count];
    }
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || hour > 23 || minute > 59 ||
        second > 60 || (month == 2 && day == 29))
        return std::nullopt; // leap days too: the general parser decides
    const int64_t days =
        model::daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    int64_t ns = 0;
    if (__builtin_mul_overflow(days * 86400 + hour * 3600 + minute * 60 + second,
                               int64_t{1'000'000'000}, &ns) ||
        __builtin_add_overflow(ns, fraction, &ns))
        return std::nullopt;
    return ns;
}

} // namespace

std::optional<int64_t> parseDateTimeNs(std::string_view t, size_t* consumed) {
    if (!consumed)
        if (const auto ns = parseUtcRfc3339(t)) return ns;
    int64_t year, month, day, hour, minute, second;
    if (!digitsAt(t, 0, 4, year) || t.size() < 19 || (t[4] != '-' && t[4] != '/') ||
        !digitsAt(t, 5, 2, month) || t[7] != t[4] || !digitsAt(t, 8, 2, day) ||
        (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || !digitsAt(t, 11, 2, hour) ||
        t[13] != ':' || !digitsAt(t, 14, 2, minute) || t[16] != ':' || !digitsAt(t, 17, 2, second))
        return std::nullopt;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || hour > 23 || minute > 59 ||
        second > 60)
        return std::nullopt;
    if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return std::nullopt;
    size_t pos = 19;
    int64_t fraction = 0;
    if (pos + 1 < t.size() && (t[pos] == '.' || t[pos] == ',') && isDigit(t[pos + 1])) {
        int digits = 0;
        for (++pos; pos < t.size() && isDigit(t[pos]); ++pos)
            if (digits < 9) {
                fraction = fraction * 10 + (t[pos] - '0');
                ++digits;
            }
        for (; digits < 9; ++digits)
            fraction *= 10;
    }
    int64_t offset = 0;
    if (!readZone(t, pos, offset)) return std::nullopt;
    if (t.substr(pos).starts_with(" m=")) { // Go's monotonic clock reading: not wall time
        pos += 3;
        while (pos < t.size() && t[pos] != ' ')
            ++pos;
    }
    if (consumed)
        *consumed = pos;
    else if (pos != t.size())
        return std::nullopt;
    const int64_t days =
        model::daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset;
    // int64 ns spans the years 1677..2262; anything outside is not a time we can hold.
    int64_t ns = 0;
    if (__builtin_mul_overflow(seconds, int64_t{1'000'000'000}, &ns) ||
        __builtin_add_overflow(ns, fraction, &ns))
        return std::nullopt;
    return ns;
}

std::string formatTimeNs(int64_t ns) {
    int64_t seconds = ns / 1'000'000'000, frac = ns % 1'000'000'000;
    if (frac < 0) {
        frac += 1'000'000'000;
        --seconds;
    }
    int64_t days = seconds / 86400, rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    // Civil date from days (Hinnant's civil_from_days).
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2);
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld",
                          static_cast<long long>(y), static_cast<long long>(m),
                          static_cast<long long>(d), static_cast<long long>(rem / 3600),
                          static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
    std::string out(buf, static_cast<size_t>(n));
    if (frac != 0) {
        std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
        std::string f(buf);
        while (f.back() == '0')
            f.pop_back();
        out += f;
    }
    out += 'Z';
    return out;
}

} // namespace tg::import
