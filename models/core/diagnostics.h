#pragma once
// Counted diagnostics for recoverable problems (DESIGN §5): a bad record, an orphan span, a
// skewed clock. Each kind is counted once per occurrence and keeps the first sample (with its
// file and position) so the import report can show what happened without flooding.
// Not thread-safe: one Diagnostics per import job; merge() combines finished ones.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::model {

enum class Severity : uint8_t { Info, Warning, Error };
const char* severityName(Severity s);

struct DiagnosticEntry {
    std::string code; // stable snake_case identifier, e.g. "orphan_span"
    Severity severity = Severity::Warning;
    uint64_t count = 0;
    std::string firstSample; // human-readable, names the file and position when known
};

class Diagnostics {
public:
    // Counts one occurrence; the sample is kept only for the first one.
    void report(std::string_view code, Severity severity, std::string_view sample);
    void add(std::string_view code, Severity severity, uint64_t count, std::string_view sample);
    void merge(const Diagnostics& other);

    uint64_t count(std::string_view code) const;
    const std::vector<DiagnosticEntry>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }

private:
    DiagnosticEntry* find(std::string_view code);
    std::vector<DiagnosticEntry> m_entries; // few kinds: linear search beats a map
};

} // namespace tg::model
