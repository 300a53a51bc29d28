#include "models/core/diagnostics.h"

namespace tg::model {

const char* severityName(Severity s) {
    switch (s) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "warning";
}

DiagnosticEntry* Diagnostics::find(std::string_view code) {
    for (auto& e : m_entries)
        if (e.code == code) return &e;
    return nullptr;
}

void Diagnostics::report(std::string_view code, Severity severity, std::string_view sample) {
    add(code, severity, 1, sample);
}

void Diagnostics::add(std::string_view code, Severity severity, uint64_t count,
                      std::string_view sample) {
    if (count == 0) return;
    if (auto* e = find(code)) {
        e->count += count;
        if (severity > e->severity) e->severity = severity;
        return;
    }
    m_entries.push_back({std::string(code), severity, count, std::string(sample)});
}

void Diagnostics::merge(const Diagnostics& other) {
    for (const auto& e : other.m_entries)
        add(e.code, e.severity, e.count, e.firstSample);
}

uint64_t Diagnostics::count(std::string_view code) const {
    for (const auto& e : m_entries)
        if (e.code == code) return e.count;
    return 0;
}

} // namespace tg::model
