#pragma once
// Number and time spellings shared by the metrics and logs importers, converted exactly at the
// edge (DESIGN §3): sample values in every spelling Prometheus, OpenMetrics and Grafana write
// ("NaN", "+Inf", "-inf", "Infinity", "1e3", "+5"), decimal seconds (API sample times,
// OpenMetrics timestamps) parsed without going through a double, epoch numbers whose unit is
// guessed by magnitude, and the date-time spellings log files use. Pure; thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tg::import {

// A Prometheus/OpenMetrics/Go float: decimal or exponent notation with an optional sign, or
// NaN / Inf / Infinity in any case with an optional sign. Nothing else (no spaces, no hex).
std::optional<double> parseFloatText(std::string_view text);

enum class DecimalStatus { Ok, Clamped, Invalid };
struct ScaledDecimal {
    DecimalStatus status = DecimalStatus::Invalid;
    int64_t value = 0; // saturated at the int64 limits when Clamped
};
// Decimal text (sign, digits, fraction, exponent) times 10^power10, exactly, truncated toward
// zero: power10 = 9 reads seconds as ns, 6 milliseconds as ns. "1.5e3" s -> 1500000000000.
ScaledDecimal parseScaledDecimal(std::string_view text, int power10);

// Epoch number whose unit follows from its size: < 1e11 seconds, < 1e14 milliseconds,
// < 1e17 microseconds, else nanoseconds (fractions allowed for seconds). nullopt if not a number.
std::optional<int64_t> parseEpochGuessNs(std::string_view text);

// Date-times log lines and CSV tables use, to ns UTC: RFC 3339; "2006-01-02 15:04:05[.999]"
// with an optional zone ("Z", "+0200", "+02:00", "UTC", "+0000 UTC") and Go's monotonic
// suffix (" m=+4140.46"); "2006/01/02 15:04:05"; a date-time without zone is read as UTC.
// `consumed` (when given) receives how many bytes the time took; then trailing text is allowed.
std::optional<int64_t> parseDateTimeNs(std::string_view text, size_t* consumed = nullptr);

// RFC 3339 rendering of ns (nanosecond digits trimmed of trailing zeros):
// "2024-04-17T09:52:46.3648Z".
std::string formatTimeNs(int64_t ns);

} // namespace tg::import
