#pragma once
// Conversions of the time spellings found in telemetry files to int64 nanoseconds since the
// Unix epoch (UTC), the only time representation used inside Topograph (DESIGN §3).
// Pure functions; thread-safe. Each returns std::nullopt for text it cannot read exactly.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tg::model {

// RFC 3339 / ISO 8601: "2017-01-26T16:46:31.639875Z", "...+01:00", fractional digits up to 9.
std::optional<int64_t> parseRfc3339Ns(std::string_view text);
// Go duration strings as Jaeger's api_v2 JSON writes them: "100000ns", "1.5s", "2m3.5s", "-1µs".
std::optional<int64_t> parseGoDurationNs(std::string_view text);
// Unsigned decimal integer of at most 19 digits (OTLP's uint64-as-string nanoseconds).
std::optional<int64_t> parseDecimalInt64(std::string_view text);
// Microseconds to nanoseconds, nullopt on overflow.
std::optional<int64_t> microsToNanos(int64_t micros);
// Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's days_from_civil algorithm).
int64_t daysFromCivil(int64_t year, unsigned month, unsigned day);

} // namespace tg::model
