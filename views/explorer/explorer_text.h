#pragma once
// Texts of the trace explorer: durations ("0", "850 µs", "12.3 ms", "1.40 s"), signed
// differences ("+12.3 ms", "−4.0 ms") and UTC timestamps with milliseconds. Durations below a
// microsecond keep nanoseconds, so two tiny spans never read the same when they differ.
//
// Thread affinity: pure functions of their arguments; any thread.
#include <QString>
#include <cstdint>

namespace tg::view {

QString durationText(int64_t ns);       // "0" for zero
QString signedDurationText(int64_t ns); // "+1.20 ms", "−350 µs", "±0"
QString timestampText(int64_t ns);      // "2019-11-07 12:57:12.955" (UTC)
// "1 trace", "1,234 traces" (English plural; the number with the locale's grouping).
QString countText(quint64 n, const QString& singular, const QString& plural);

} // namespace tg::view
