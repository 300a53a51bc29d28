#pragma once
// The columns of a span table in CSV (one span per row, as research datasets such as Nezha's
// OnlineBoutique dumps write them: TraceID, SpanID, ParentID, PodName, OperationName,
// StartTimeUnixNano, EndTimeUnixNano, ...), found by header name, case-insensitively. Shared
// by the sniffer (is this file a span table?) and the importer (where is each field?).
// Pure; thread-safe.
#include <span>
#include <string>
#include <string_view>

namespace tg::import {

struct SpanCsvColumns {
    int trace = -1, span = -1, parent = -1;
    int service = -1, pod = -1, operation = -1;
    int startNs = -1, endNs = -1, durationNs = -1; // Unix nanoseconds, and nanoseconds
    int status = -1, kind = -1;                    // optional: "error"/"ok"/codes, span kinds

    // A trace, span and start column, and an end or nanosecond-duration column.
    bool usable() const {
        return trace >= 0 && span >= 0 && startNs >= 0 && (endNs >= 0 || durationNs >= 0);
    }
    // The required columns that are absent, for an error message ("" when usable).
    std::string missing() const;
};

// `cells` are the header's cells (surrounding double quotes allowed).
SpanCsvColumns classifySpanCsvHeader(std::span<const std::string_view> cells);

} // namespace tg::import
