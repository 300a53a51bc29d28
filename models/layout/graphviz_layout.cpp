#include "models/layout/graphviz_layout.h"

#include <map>
#include <set>

#include "models/layout/graphviz_pass.h"

namespace tg::model::detail {

namespace {

struct Group {
    std::string label;
    std::vector<uint32_t> members; // graph node indices, ascending
};

std::vector<Group> collectGroups(const ServiceGraph& graph, LayoutOptions::Grouping grouping) {
    std::vector<Group> groups;
    if (grouping == LayoutOptions::Grouping::None) return groups;
    std::map<std::string, size_t> index;
    for (uint32_t i = 0; i < graph.nodes.size(); ++i) {
        const std::string& key = groupOf(graph.nodes[i], grouping);
        if (key.empty()) continue;
        auto [it, fresh] = index.try_emplace(key, groups.size());
        if (fresh) groups.push_back({key, {}});
        groups[it->second].members.push_back(i);
    }
    return groups;
}

PassNode passNode(const ServiceGraph& graph, uint32_t i, const LayoutOptions& options) {
    const GraphNode& node = graph.nodes[i];
    const NodeSize size = estimateNodeSize(node, graph.buckets, options.fontSize);
    return {size.width, size.height, node.kind == NodeKind::Database, node.name};
}

LayoutGeometry fromPass(PassOutput&& pass, const std::vector<Group>& groups) {
    LayoutGeometry geo;
    geo.nodes = std::move(pass.nodes);
    geo.edges = std::move(pass.edges);
    for (size_t k = 0; k < pass.clusters.size() && k < groups.size(); ++k)
        geo.clusters.push_back({groups[k].label, pass.clusters[k], groups[k].members});
    geo.width = pass.width;
    geo.height = pass.height;
    return geo;
}

// One pass over the whole graph: dot (with clusters) or sfdp without grouping.
Result<LayoutGeometry> wholeGraph(GVC_t* gvc, const ServiceGraph& graph,
                                  const std::vector<Group>& groups, const std::string& engine,
                                  bool edgeLabels, const LayoutOptions& options) {
    PassInput in;
    in.engine = engine;
    in.edgeLabels = edgeLabels;
    for (uint32_t i = 0; i < graph.nodes.size(); ++i)
        in.nodes.push_back(passNode(graph, i, options));
    for (const GraphEdge& e : graph.edges)
        in.edges.push_back({e.source, e.target, edgeLabels ? edgeCaption(e, graph.buckets) : ""});
    for (const Group& g : groups)
        in.clusters.push_back({g.label, g.members});
    auto pass = runPass(gvc, in, options);
    if (!pass) return pass.error();
    return fromPass(std::move(pass.value()), groups);
}

// sfdp has no clusters. Lay out each group on its own, then the groups (as boxes) and the
// ungrouped nodes together, and compose: groups never overlap, members stay inside their box.
// Edges between groups are straight (Graphviz never saw both ends in one pass).
class GroupedSfdp {
public:
    GroupedSfdp(GVC_t* gvc, const ServiceGraph& graph, const std::vector<Group>& groups,
                const LayoutOptions& options)
        : m_gvc(gvc), m_graph(graph), m_groups(groups), m_options(options),
          m_itemOf(graph.nodes.size(), -1) {}

    Result<LayoutGeometry> run() {
        for (size_t k = 0; k < m_groups.size(); ++k)
            for (uint32_t m : m_groups[k].members)
                m_itemOf[m] = int(k);
        int next = int(m_groups.size());
        for (int& item : m_itemOf)
            if (item < 0) item = next++;
        for (size_t k = 0; k < m_groups.size(); ++k) {
            auto part = layoutGroup(m_groups[k]);
            if (!part) return part.error();
            m_parts.push_back(std::move(part.value()));
        }
        auto top = layoutItems();
        if (!top) return top.error();
        return compose(top.value());
    }

private:
    double labelRoom() const { return m_options.fontSize * 1.6; }

    Result<PassOutput> layoutGroup(const Group& group) {
        PassInput in;
        in.engine = "sfdp";
        std::map<uint32_t, uint32_t> local;
        for (uint32_t m : group.members) {
            local[m] = uint32_t(in.nodes.size());
            in.nodes.push_back(passNode(m_graph, m, m_options));
        }
        for (const GraphEdge& e : m_graph.edges)
            if (local.count(e.source) && local.count(e.target))
                in.edges.push_back({local[e.source], local[e.target], {}});
        return runPass(m_gvc, in, m_options);
    }

    // Groups as boxes (their part plus margins and label room) and the ungrouped nodes.
    Result<PassOutput> layoutItems() {
        PassInput in;
        in.engine = "sfdp";
        const double margin = m_options.clusterMargin;
        for (const PassOutput& part : m_parts)
            in.nodes.push_back(
                {part.width + 2 * margin, part.height + 2 * margin + labelRoom(), false, {}});
        for (uint32_t i = 0; i < m_graph.nodes.size(); ++i)
            if (m_itemOf[i] >= int(m_groups.size()))
                in.nodes.push_back(passNode(m_graph, i, m_options));
        std::set<std::pair<int, int>> links;
        for (const GraphEdge& e : m_graph.edges) {
            const int a = m_itemOf[e.source], b = m_itemOf[e.target];
            if (a != b && links.insert({a, b}).second)
                in.edges.push_back({uint32_t(a), uint32_t(b), {}});
        }
        return runPass(m_gvc, in, m_options);
    }

    Result<LayoutGeometry> compose(const PassOutput& top) {
        LayoutGeometry geo;
        geo.nodes.resize(m_graph.nodes.size());
        geo.edges.resize(m_graph.edges.size());
        std::vector<PointF> offset(m_groups.size());
        const double margin = m_options.clusterMargin;
        for (size_t k = 0; k < m_groups.size(); ++k) {
            const RectF box = top.nodes[k].rect();
            offset[k] = {box.x + margin, box.y + margin + labelRoom()};
            geo.clusters.push_back({m_groups[k].label, box, m_groups[k].members});
            const std::vector<uint32_t>& members = m_groups[k].members;
            for (size_t j = 0; j < members.size(); ++j) {
                NodeBox n = m_parts[k].nodes[j];
                n.x += offset[k].x;
                n.y += offset[k].y;
                geo.nodes[members[j]] = n;
            }
        }
        for (uint32_t i = 0; i < m_graph.nodes.size(); ++i)
            if (m_itemOf[i] >= int(m_groups.size())) geo.nodes[i] = top.nodes[m_itemOf[i]];
        std::vector<size_t> nextIntra(m_groups.size(), 0);
        for (size_t i = 0; i < m_graph.edges.size(); ++i) {
            const GraphEdge& e = m_graph.edges[i];
            const int a = m_itemOf[e.source];
            if (a == m_itemOf[e.target] && a < int(m_groups.size())) {
                // Intra-group edges were added to the group's pass in graph order.
                EdgePath path = m_parts[a].edges[nextIntra[a]++];
                for (PointF& p : path.points)
                    p.x += offset[a].x, p.y += offset[a].y;
                path.arrowTip.x += offset[a].x;
                path.arrowTip.y += offset[a].y;
                geo.edges[i] = std::move(path);
            } else {
                geo.edges[i] = straightEdge(geo.nodes[e.source], geo.nodes[e.target]);
            }
        }
        geo.width = top.width;
        geo.height = top.height;
        return geo;
    }

    GVC_t* m_gvc;
    const ServiceGraph& m_graph;
    const std::vector<Group>& m_groups;
    const LayoutOptions& m_options;
    std::vector<int> m_itemOf; // node → item: group index, or a top-level slot for ungrouped
    std::vector<PassOutput> m_parts;
};

} // namespace

Result<LayoutGeometry> runGraphvizLayout(GVC_t* gvc, const ServiceGraph& graph,
                                         const LayoutOptions& options) {
    const std::string engine = chooseEngine(graph.nodes.size(), options);
    const bool edgeLabels = options.edgeLabels && engine == "dot";
    LayoutGeometry geo;
    if (!graph.nodes.empty()) {
        if (!gvc)
            return Error{ErrorCode::Internal, "Graphviz context could not be created", {}, -1, -1};
        const std::vector<Group> groups =
            collectGroups(graph, effectiveGrouping(graph, options.grouping));
        auto result = engine == "sfdp" && !groups.empty()
                          ? GroupedSfdp(gvc, graph, groups, options).run()
                          : wholeGraph(gvc, graph, groups, engine, edgeLabels, options);
        if (!result) return result.error();
        geo = std::move(result.value());
    }
    geo.engine = engine;
    geo.fontSize = options.fontSize;
    geo.edgeLabels = edgeLabels;
    return geo;
}

} // namespace tg::model::detail
