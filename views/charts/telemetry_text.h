#pragma once
// Texts the metrics and logs panels share: UTC times with milli- or microseconds, trace IDs
// as users paste them (16 hex digits for 64-bit IDs, 32 otherwise) and shortened for tight
// cells, and numbers on chart axes and tooltips.
//
// Thread affinity: pure functions of their arguments; any thread.
#include <QString>
#include <cstdint>

#include "models/core/ids.h"

namespace tg::view {

// "2024-04-17 09:52:46.364" (UTC); with `micro`, "2024-04-17 09:52:46.364803".
QString utcTimeText(int64_t ns, bool micro = false);
// 64-bit IDs (upper half zero, as Jaeger and logfmt lines write them) as 16 digits, else 32.
QString traceIdText(const model::TraceId& id);
// The first 8 digits of traceIdText and an ellipsis.
QString shortTraceIdText(const model::TraceId& id);
// Up to 3 significant decimals without trailing zeros: "12.3", "0.00125", "1.2e+06".
QString chartNumberText(double value);

} // namespace tg::view
