#pragma once
// The rows the waterfall shows: depth-first positions of the trace (WaterfallData::preorder),
// skipping the subtrees of collapsed spans. Because visible rows are ascending positions, a
// collapsed subtree is one contiguous run: collapsing erases it, expanding inserts the
// now-visible descendants (walking positions and jumping over collapsed subtrees), and finding
// a span's row is a binary search.
//
// It also caches, per collapsed span, the union of its children's intervals (sorted, disjoint),
// which the painter folds into the collapsed row (waterfall_fold.h); computed on first paint.
//
// Invariants: m_visible is strictly ascending; a position is in it iff no ancestor is collapsed.
// Thread affinity: one thread (the view's GUI thread, or an export's own instance).
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace tg::view {

struct WaterfallData;

// Sorted, disjoint time intervals (ns).
struct IntervalList {
    std::vector<int64_t> starts, ends;
};

class WaterfallRows {
public:
    void reset(const WaterfallData* data); // everything expanded
    size_t size() const { return m_visible.size(); }
    uint32_t positionAt(size_t visibleRow) const { return m_visible[visibleRow]; }
    uint32_t nodeAt(size_t visibleRow) const;
    // The visible row of a tree node, if none of its ancestors is collapsed.
    std::optional<size_t> visibleRowOf(uint32_t node) const;

    bool hasChildren(uint32_t node) const;
    bool isExpanded(uint32_t node) const { return !m_collapsed.empty() && !m_collapsed[node]; }
    void setExpanded(uint32_t node, bool expanded);
    void expandAncestors(uint32_t node); // makes the node visible
    void expandAll();
    void collapseAll(); // only the top-level spans stay visible

    // Children intervals of a span, merged (for its collapsed row); raw or skew-adjusted times.
    const IntervalList& childUnion(uint32_t node, bool raw) const;

private:
    void insertDescendants(size_t visibleRow);

    const WaterfallData* m_data = nullptr;
    std::vector<uint32_t> m_visible;                             // ascending positions
    std::vector<uint8_t> m_collapsed;                            // per tree node
    mutable std::unordered_map<uint64_t, IntervalList> m_unions; // key: node * 2 + raw
};

} // namespace tg::view
