#include "models/core/time_parse.h"

#include <limits>

namespace tg::model {
namespace {

constexpr int64_t kNsPerSecond = 1'000'000'000;

bool readDigits(std::string_view text, size_t pos, size_t count, int64_t& out) {
    if (pos + count > text.size()) return false;
    int64_t v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

// Rejects 2017-02-30 and friends instead of silently rolling over into the next month.
int64_t daysInMonth(int64_t year, int64_t month) {
    static constexpr int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

} // namespace

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> parseRfc3339Ns(std::string_view t) {
    int64_t year, month, day, hour, minute, second;
    if (!readDigits(t, 0, 4, year) || t.size() < 19 || t[4] != '-' || !readDigits(t, 5, 2, month) ||
        t[7] != '-' || !readDigits(t, 8, 2, day) ||
        (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || !readDigits(t, 11, 2, hour) ||
        t[13] != ':' || !readDigits(t, 14, 2, minute) || t[16] != ':' ||
        !readDigits(t, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 60)
        return std::nullopt;
    size_t pos = 19;
    int64_t fraction = 0;
    if (pos < t.size() && (t[pos] == '.' || t[pos] == ',')) {
        ++pos;
        int digits = 0;
        while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') {
            if (digits < 9) {
                fraction = fraction * 10 + (t[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 9; ++digits)
            fraction *= 10;
    }
    int64_t offsetSeconds = 0;
    if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
        ++pos;
    } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
        int64_t oh, om;
        if (!readDigits(t, pos + 1, 2, oh) || pos + 3 >= t.size() || t[pos + 3] != ':' ||
            !readDigits(t, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (t[pos] == '+' ? 1 : -1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != t.size()) return std::nullopt;
    const int64_t days =
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    if (seconds > std::numeric_limits<int64_t>::max() / kNsPerSecond - 1 ||
        seconds < std::numeric_limits<int64_t>::min() / kNsPerSecond + 1)
        return std::nullopt;
    return seconds * kNsPerSecond + fraction;
}

std::optional<int64_t> parseGoDurationNs(std::string_view t) {
    if (t.empty()) return std::nullopt;
    bool negative = false;
    if (t.front() == '-' || t.front() == '+') {
        negative = t.front() == '-';
        t.remove_prefix(1);
        if (t.empty()) return std::nullopt; // a bare sign is not a duration
    }
    if (t == "0") return 0;
    double total = 0;
    while (!t.empty()) {
        size_t i = 0;
        double value = 0;
        bool anyDigit = false;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            value = value * 10 + (t[i++] - '0');
            anyDigit = true;
        }
        if (i < t.size() && t[i] == '.') {
            double scale = 0.1;
            for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, scale /= 10) {
                value += (t[i] - '0') * scale;
                anyDigit = true;
            }
        }
        if (!anyDigit) return std::nullopt;
        t.remove_prefix(i);
        double unit;
        if (t.starts_with("ns"))
            unit = 1, t.remove_prefix(2);
        else if (t.starts_with("us"))
            unit = 1e3, t.remove_prefix(2);
        else if (t.starts_with("\xC2\xB5s"))
            unit = 1e3, t.remove_prefix(3); // µs (micro sign)
        else if (t.starts_with("\xCE\xBCs"))
            unit = 1e3, t.remove_prefix(3); // μs (Greek mu)
        else if (t.starts_with("ms"))
            unit = 1e6, t.remove_prefix(2);
        else if (t.starts_with("s"))
            unit = 1e9, t.remove_prefix(1);
        else if (t.starts_with("m"))
            unit = 60e9, t.remove_prefix(1);
        else if (t.starts_with("h"))
            unit = 3600e9, t.remove_prefix(1);
        else
            return std::nullopt;
        total += value * unit;
    }
    if (total > 9.2e18) return std::nullopt;
    const auto ns = static_cast<int64_t>(total + 0.5);
    return negative ? -ns : ns;
}

std::optional<int64_t> parseDecimalInt64(std::string_view t) {
    if (t.empty() || t.size() > 19) return std::nullopt;
    uint64_t v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    if (v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
    return static_cast<int64_t>(v);
}

std::optional<int64_t> microsToNanos(int64_t micros) {
    constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 1000;
    if (micros > kLimit || micros < -kLimit) return std::nullopt;
    return micros * 1000;
}

} // namespace tg::model
