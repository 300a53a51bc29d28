#include "models/trace/critical_path.h"

#include <algorithm>
#include <optional>

namespace tg::model {
namespace {

struct Clipped {
    int64_t start = 0, end = 0;
    bool kept = false;
    std::vector<uint32_t> children; // kept children, by clipped end time, latest first
};

// Top-down: clip each kept child to its parent's clipped interval; drop FOLLOWS_FROM children
// and children entirely outside the parent (with their subtrees).
std::vector<Clipped> clipTree(const Dataset& d, const TraceTree& tree, uint32_t root) {
    std::vector<Clipped> c(tree.nodes.size());
    const uint32_t rootRow = tree.nodes[root].row;
    c[root] = {d.startNs[rootRow], d.startNs[rootRow] + d.durationNs[rootRow], true, {}};
    std::vector<uint32_t> stack{root};
    while (!stack.empty()) {
        const uint32_t n = stack.back();
        stack.pop_back();
        for (uint32_t child : tree.nodes[n].children) {
            if (tree.nodes[child].followsFrom) continue;
            const uint32_t row = tree.nodes[child].row;
            const int64_t s = d.startNs[row], e = s + d.durationNs[row];
            if (e < c[n].start || s > c[n].end) continue; // entirely outside the parent
            c[child] = {std::max(s, c[n].start), std::min(e, c[n].end), true, {}};
            c[n].children.push_back(child);
            stack.push_back(child);
        }
        std::sort(c[n].children.begin(), c[n].children.end(), [&](uint32_t a, uint32_t b) {
            return c[a].end != c[b].end ? c[a].end > c[b].end : a < b;
        });
    }
    return c;
}

} // namespace

std::vector<CriticalSegment> computeCriticalPath(const Dataset& d, const TraceTree& tree) {
    std::vector<CriticalSegment> path;
    if (tree.roots.empty()) return path;
    uint32_t root = tree.roots.front();
    for (uint32_t r : tree.roots) {
        const uint32_t rr = tree.nodes[r].row, best = tree.nodes[root].row;
        if (d.startNs[rr] + d.durationNs[rr] > d.startNs[best] + d.durationNs[best]) root = r;
    }
    const std::vector<Clipped> c = clipTree(d, tree, root);

    // Per node, where the scan of its children (latest end first) resumes. Each return to a
    // node comes from a child that started before the previous one, so children passed over
    // stay ineligible: without the cursor, a span with a million children made this quadratic
    // (10 s at 1M spans; waterfall benchmark).
    std::vector<uint32_t> cursor(tree.nodes.size(), 0);
    uint32_t cur = root;
    bool returningFromChild = false; // came back up from a child starting at returningStart
    int64_t returningStart = 0;
    for (;;) {
        const Clipped& node = c[cur];
        std::optional<uint32_t> lfc;
        for (uint32_t& i = cursor[cur]; i < node.children.size(); ++i) {
            const uint32_t child = node.children[i];
            if (!returningFromChild || c[child].end < returningStart) {
                lfc = child;
                ++i;
                break;
            }
        }
        const int64_t sectionEnd = returningFromChild ? returningStart : node.end;
        if (lfc) {
            if (c[*lfc].end != sectionEnd)
                path.push_back({tree.nodes[cur].row, c[*lfc].end, sectionEnd});
            cur = *lfc;
            returningFromChild = false;
            continue;
        }
        if (node.start != sectionEnd) path.push_back({tree.nodes[cur].row, node.start, sectionEnd});
        if (cur == root) break;
        returningFromChild = true;
        returningStart = node.start;
        cur = static_cast<uint32_t>(tree.nodes[cur].parent);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace tg::model
