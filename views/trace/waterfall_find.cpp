#include "views/trace/waterfall_find.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "views/trace/waterfall_data.h"

namespace tg::view {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool containsFolded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                       [](char a, char b) { return lower(a) == b; }) != hay.end();
}

bool equalFolded(std::string_view a, std::string_view b) {
    return a.size() == b.size() && containsFolded(a, b);
}

// Matches interned strings once each.
class StringMatcher {
public:
    StringMatcher(const model::Dataset& d, std::string needle)
        : m_d(d), m_needle(std::move(needle)), m_cache(d.strings.size(), -1) {}
    bool operator()(model::StringId id) {
        if (id >= m_cache.size()) return containsFolded(m_d.strings.view(id), m_needle);
        if (m_cache[id] < 0) m_cache[id] = containsFolded(m_d.strings.view(id), m_needle) ? 1 : 0;
        return m_cache[id] == 1;
    }
    bool value(const model::Attribute& a) {
        if (a.type == model::AttrType::String || a.type == model::AttrType::Bytes ||
            a.type == model::AttrType::Json)
            return (*this)(a.s);
        return containsFolded(m_d.attributeText(a), m_needle);
    }
    const std::string& needle() const { return m_needle; }

private:
    const model::Dataset& m_d;
    std::string m_needle;
    std::vector<int8_t> m_cache;
};

std::string folded(const QString& text) {
    std::string s = text.trimmed().toStdString();
    std::transform(s.begin(), s.end(), s.begin(), lower);
    return s;
}

} // namespace

std::vector<uint8_t> findSpans(const WaterfallData& w, const QString& text) {
    std::vector<uint8_t> match(w.nodeCount(), 0);
    const model::Dataset& d = *w.dataset;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return match;
    const qsizetype eq = trimmed.indexOf(QLatin1Char('='));
    if (eq > 0) { // key=value
        const std::string key = folded(trimmed.left(eq));
        StringMatcher value(d, folded(trimmed.mid(eq + 1)));
        auto hit = [&](std::span<const model::Attribute> attrs) {
            return std::any_of(attrs.begin(), attrs.end(), [&](const model::Attribute& a) {
                return equalFolded(d.strings.view(a.key), key) && value.value(a);
            });
        };
        for (uint32_t n = 0; n < w.nodeCount(); ++n) {
            const uint32_t row = w.rowOf(n);
            match[n] = hit(d.spanAttributes(row)) || hit(d.attributesOfResource(d.resource[row]));
        }
        return match;
    }
    StringMatcher m(d, folded(trimmed));
    auto hit = [&](std::span<const model::Attribute> attrs) {
        return std::any_of(attrs.begin(), attrs.end(),
                           [&](const model::Attribute& a) { return m(a.key) || m.value(a); });
    };
    for (uint32_t n = 0; n < w.nodeCount(); ++n) {
        const uint32_t row = w.rowOf(n);
        match[n] = m(d.service[row]) || m(d.operation[row]) || hit(d.spanAttributes(row)) ||
                   hit(d.attributesOfResource(d.resource[row]));
    }
    return match;
}

} // namespace tg::view
