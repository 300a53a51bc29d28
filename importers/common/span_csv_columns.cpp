#include "importers/common/span_csv_columns.h"

#include <initializer_list>

namespace tg::import {
namespace {

// Lower case without '_', '.', '-' and spaces: "StartTimeUnixNano", "start_time_unix_nano"
// and "start.time.unix.nano" are one name.
std::string normalised(std::string_view header) {
    if (header.size() >= 2 && header.front() == '"' && header.back() == '"')
        header = header.substr(1, header.size() - 2);
    std::string out;
    for (char c : header) {
        if (c == '_' || c == '.' || c == '-' || c == ' ') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

bool isOneOf(const std::string& name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (name == n) return true;
    return false;
}

} // namespace

std::string SpanCsvColumns::missing() const {
    std::string out;
    auto add = [&](bool absent, const char* what) {
        if (!absent) return;
        if (!out.empty()) out += ", ";
        out += what;
    };
    add(trace < 0, "TraceID");
    add(span < 0, "SpanID");
    add(startNs < 0, "StartTimeUnixNano");
    add(endNs < 0 && durationNs < 0, "EndTimeUnixNano (or DurationNano)");
    return out;
}

SpanCsvColumns classifySpanCsvHeader(std::span<const std::string_view> cells) {
    SpanCsvColumns c;
    for (size_t i = 0; i < cells.size(); ++i) {
        const std::string n = normalised(cells[i]);
        const int at = static_cast<int>(i);
        int* slot = nullptr;
        if (isOneOf(n, {"traceid"}))
            slot = &c.trace;
        else if (isOneOf(n, {"spanid"}))
            slot = &c.span;
        else if (isOneOf(n, {"parentid", "parentspanid"}))
            slot = &c.parent;
        else if (isOneOf(n, {"servicename", "service"}))
            slot = &c.service;
        else if (isOneOf(n, {"podname", "pod", "k8spodname"}))
            slot = &c.pod;
        else if (isOneOf(n, {"operationname", "operation", "spanname", "name"}))
            slot = &c.operation;
        else if (isOneOf(n, {"starttimeunixnano", "startns", "starttimens"}))
            slot = &c.startNs;
        else if (isOneOf(n, {"endtimeunixnano", "endns", "endtimens"}))
            slot = &c.endNs;
        else if (isOneOf(n, {"durationnano", "durationns"}))
            slot = &c.durationNs;
        else if (isOneOf(n, {"status", "statuscode"}))
            slot = &c.status;
        else if (isOneOf(n, {"kind", "spankind"}))
            slot = &c.kind;
        if (slot && *slot < 0) *slot = at; // the first of two same-named columns
    }
    return c;
}

} // namespace tg::import
