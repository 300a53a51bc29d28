#include "models/correlate/derived_fields.h"

namespace tg::model {

const char* idOriginName(IdOrigin origin) {
    switch (origin) {
    case IdOrigin::None:
        return "none";
    case IdOrigin::Explicit:
        return "explicit";
    case IdOrigin::Field:
        return "field";
    case IdOrigin::Regex:
        return "regex";
    }
    return "none";
}

DerivedFieldExtractor::DerivedFieldExtractor(const std::vector<DerivedFieldRule>& rules,
                                             const LogStore& logs)
    : m_logs(logs) {
    for (size_t i = 0; i < rules.size(); ++i) {
        const DerivedFieldRule& r = rules[i];
        Compiled c;
        c.target = r.target;
        c.index = static_cast<int16_t>(i);
        if (r.isRegex()) {
            try {
                c.re.emplace(r.pattern, std::regex::ECMAScript | std::regex::optimize);
            } catch (const std::regex_error&) {
                m_skipped.push_back(r.name);
                continue;
            }
            if (c.re->mark_count() < 1) {
                m_skipped.push_back(r.name);
                continue;
            }
            c.literal = regexLiteralPrefix(r.pattern);
        } else {
            // A name the store never interned is on no record: leave it out.
            for (const std::string& f : r.fields)
                if (StringId id; logs.strings.find(f, id)) c.keys.push_back(id);
            if (c.keys.empty()) continue;
        }
        m_rules.push_back(std::move(c));
    }
}

std::optional<std::string_view> DerivedFieldExtractor::fieldValue(const Compiled& rule, size_t row,
                                                                  std::string& scratch) const {
    for (const StringId key : rule.keys) {
        for (const Attribute& a : m_logs.attributesOf(row)) {
            if (a.key != key) continue;
            if (a.type == AttrType::String || a.type == AttrType::Bytes)
                return m_logs.strings.view(a.s);
            if (a.type == AttrType::Int) {
                scratch = m_logs.attributeText(a);
                return std::string_view(scratch);
            }
        }
        for (const Label& l : m_logs.streamLabels(m_logs.stream[row]))
            if (l.key == key) return m_logs.strings.view(l.value);
    }
    return std::nullopt;
}

std::optional<std::string_view> DerivedFieldExtractor::regexValue(const Compiled& rule,
                                                                  std::string_view body) const {
    std::cmatch m;
    const char* end = body.data() + body.size();
    if (rule.literal.empty()) {
        if (!std::regex_search(body.data(), end, m, *rule.re)) return std::nullopt;
    } else {
        // Anchor the regex at each occurrence of its literal start instead of scanning.
        size_t at = body.find(rule.literal);
        for (;; at = body.find(rule.literal, at + 1)) {
            if (at == std::string_view::npos) return std::nullopt;
            // match_prev_avail: a leading \b sees the character before the anchor.
            const auto flags = at > 0 ? std::regex_constants::match_continuous |
                                            std::regex_constants::match_prev_avail
                                      : std::regex_constants::match_continuous;
            if (std::regex_search(body.data() + at, end, m, *rule.re, flags)) break;
        }
    }
    if (!m[1].matched || m[1].length() == 0) return std::nullopt;
    return std::string_view(m[1].first, static_cast<size_t>(m[1].length()));
}

std::optional<std::string_view> DerivedFieldExtractor::value(const Compiled& rule, size_t row,
                                                             std::string& scratch) const {
    return rule.re ? regexValue(rule, m_logs.body(row)) : fieldValue(rule, row, scratch);
}

FoundIds DerivedFieldExtractor::find(size_t row) const {
    FoundIds found;
    std::string scratch;
    if (m_logs.hasTrace(row)) {
        found.trace = {m_logs.traceId[row], (m_logs.flags[row] & kLogTraceNonHex)
                                                ? IdSpelling::Hashed
                                                : IdSpelling::Hex};
        found.origin = IdOrigin::Explicit;
    } else {
        for (const Compiled& rule : m_rules) {
            if (rule.target != DerivedTarget::Trace) continue;
            const auto text = value(rule, row, scratch);
            if (!text) continue;
            const ParsedTraceId id = parseTraceId(*text);
            if (id.spelling == IdSpelling::Empty || id.id.isZero()) continue;
            found.trace = id;
            found.origin = rule.re ? IdOrigin::Regex : IdOrigin::Field;
            found.rule = rule.index;
            break;
        }
        if (found.origin == IdOrigin::None) return found; // a span ID alone joins nothing
    }
    if (m_logs.hasSpan(row)) {
        found.span = {m_logs.spanId[row],
                      (m_logs.flags[row] & kLogSpanNonHex) ? IdSpelling::Hashed : IdSpelling::Hex};
        return found;
    }
    for (const Compiled& rule : m_rules) {
        if (rule.target != DerivedTarget::Span) continue;
        const auto text = value(rule, row, scratch);
        if (!text) continue;
        const ParsedSpanId id = parseSpanId(*text);
        if (id.spelling == IdSpelling::Empty || id.id == 0) continue;
        found.span = id;
        break;
    }
    return found;
}

} // namespace tg::model
