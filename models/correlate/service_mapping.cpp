#include "models/correlate/service_mapping.h"

#include "models/telemetry/telemetry_keys.h"

namespace tg::model {
namespace {

std::string folded(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string_view afterLast(std::string_view value, std::string_view separator) {
    if (separator.empty()) return value;
    const size_t at = value.rfind(separator);
    return at == std::string_view::npos ? value : value.substr(at + separator.size());
}

ServiceMapper::ServiceMapper(const Dataset& d, std::vector<ServiceRule> rules)
    : m_rules(std::move(rules)) {
    std::vector<bool> seen(d.strings.size(), false);
    for (const StringId s : d.service) {
        if (s == 0 || seen[s]) continue;
        seen[s] = true;
        m_exact.emplace(d.strings.view(s), s);
        m_folded.emplace(folded(d.strings.view(s)), s);
    }
}

StringId ServiceMapper::lookup(std::string_view name) const {
    if (name.empty()) return 0;
    if (const auto it = m_exact.find(name); it != m_exact.end()) return it->second;
    if (const auto it = m_folded.find(folded(name)); it != m_folded.end()) return it->second;
    return 0;
}

ServiceMatch ServiceMapper::resolve(const StringPool& strings,
                                    std::span<const Label> labels) const {
    ServiceMatch match;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const Label* l = findLabel(strings, labels, m_rules[i].label);
        if (!l || l->value == 0) continue;
        const std::string_view name = afterLast(strings.view(l->value), m_rules[i].afterLast);
        if (name.empty()) continue;
        if (match.candidate.empty()) match.candidate = name;
        if (const StringId id = lookup(name)) {
            match.service = id;
            match.candidate = name;
            match.rule = static_cast<int>(i);
            return match;
        }
    }
    return match;
}

} // namespace tg::model
