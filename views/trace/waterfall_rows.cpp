#include "views/trace/waterfall_rows.h"

#include <algorithm>
#include <numeric>

#include "views/trace/waterfall_data.h"

namespace tg::view {

void WaterfallRows::reset(const WaterfallData* data) {
    m_data = data;
    m_unions.clear();
    const size_t n = data ? data->preorder.size() : 0;
    m_visible.resize(n);
    std::iota(m_visible.begin(), m_visible.end(), 0u);
    m_collapsed.assign(n, 0);
}

uint32_t WaterfallRows::nodeAt(size_t visibleRow) const {
    return m_data->preorder[m_visible[visibleRow]];
}

std::optional<size_t> WaterfallRows::visibleRowOf(uint32_t node) const {
    if (!m_data || node >= m_data->positionOf.size()) return std::nullopt;
    const uint32_t pos = m_data->positionOf[node];
    auto it = std::lower_bound(m_visible.begin(), m_visible.end(), pos);
    if (it == m_visible.end() || *it != pos) return std::nullopt;
    return size_t(it - m_visible.begin());
}

bool WaterfallRows::hasChildren(uint32_t node) const {
    return m_data && !m_data->tree.nodes[node].children.empty();
}

void WaterfallRows::setExpanded(uint32_t node, bool expanded) {
    if (!hasChildren(node) || bool(m_collapsed[node]) == !expanded) return;
    m_collapsed[node] = expanded ? 0 : 1;
    const std::optional<size_t> row = visibleRowOf(node);
    if (!row) return; // hidden under a collapsed ancestor: only the state changes
    if (expanded) {
        insertDescendants(*row);
        return;
    }
    // The visible descendants are the run of positions below the subtree's end.
    const uint32_t pos = m_visible[*row];
    const auto first = m_visible.begin() + std::ptrdiff_t(*row) + 1;
    const auto last = std::lower_bound(first, m_visible.end(), m_data->subtreeEnd[pos]);
    m_visible.erase(first, last);
}

void WaterfallRows::insertDescendants(size_t visibleRow) {
    const uint32_t pos = m_visible[visibleRow];
    std::vector<uint32_t> shown;
    for (uint32_t p = pos + 1; p < m_data->subtreeEnd[pos];) {
        shown.push_back(p);
        p = m_collapsed[m_data->preorder[p]] ? m_data->subtreeEnd[p] : p + 1;
    }
    m_visible.insert(m_visible.begin() + std::ptrdiff_t(visibleRow) + 1, shown.begin(),
                     shown.end());
}

void WaterfallRows::expandAncestors(uint32_t node) {
    // Top-down, so each expansion inserts rows under an already visible ancestor.
    std::vector<uint32_t> chain;
    for (int32_t p = m_data->tree.nodes[node].parent; p >= 0;
         p = m_data->tree.nodes[size_t(p)].parent)
        chain.push_back(uint32_t(p));
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        setExpanded(*it, true);
}

void WaterfallRows::expandAll() {
    const WaterfallData* data = m_data;
    reset(data);
}

void WaterfallRows::collapseAll() {
    if (!m_data) return;
    m_visible.clear();
    for (uint32_t root : m_data->tree.roots)
        m_visible.push_back(m_data->positionOf[root]);
    std::sort(m_visible.begin(), m_visible.end());
    for (uint32_t node = 0; node < m_collapsed.size(); ++node)
        m_collapsed[node] = hasChildren(node) ? 1 : 0;
}

const IntervalList& WaterfallRows::childUnion(uint32_t node, bool raw) const {
    const uint64_t key = uint64_t(node) * 2 + (raw ? 1 : 0);
    if (auto it = m_unions.find(key); it != m_unions.end()) return it->second;
    const auto& children = m_data->tree.nodes[node].children;
    std::vector<std::pair<int64_t, int64_t>> spans;
    spans.reserve(children.size());
    for (uint32_t c : children)
        spans.emplace_back(m_data->startNs(c, raw), m_data->endNs(c, raw));
    // Children are by raw start; skew offsets may reorder them.
    if (!raw) std::sort(spans.begin(), spans.end());
    IntervalList& out = m_unions[key];
    for (const auto& [s, e] : spans) {
        if (!out.ends.empty() && s <= out.ends.back()) {
            out.ends.back() = std::max(out.ends.back(), e);
        } else {
            out.starts.push_back(s);
            out.ends.push_back(e);
        }
    }
    return out;
}

} // namespace tg::view
