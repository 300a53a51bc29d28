#include "views/topology/topology_scene_data.h"

#include <algorithm>

namespace tg::view {

std::shared_ptr<const TopologySceneData>
buildTopologySceneData(std::shared_ptr<const model::ServiceGraph> graph,
                       model::LayoutGeometry geometry, const TopologyStyle& style) {
    auto data = std::make_shared<TopologySceneData>();
    data->fontFamily = style.fontFamily;
    if (!graph) graph = std::make_shared<const model::ServiceGraph>();
    const TopologyFonts fonts = topologyFonts(style, geometry.fontSize);
    const size_t nodeCount = std::min(graph->nodes.size(), geometry.nodes.size());
    data->nodes.resize(nodeCount);
    for (size_t i = 0; i < nodeCount; ++i) {
        const model::NodeBox& box = geometry.nodes[i];
        const model::GraphNode& node = graph->nodes[i];
        TopologySceneData::Node& out = data->nodes[i];
        out.centre = QPointF(box.x, box.y);
        out.rect = QRectF(-box.width / 2, -box.height / 2, box.width, box.height);
        out.outline = nodeOutline(node.kind, out.rect);
        if (node.kind == model::NodeKind::Service) out.stripe = nodeStripe(out.outline, out.rect);
        out.text = nodeText(node, out.rect, geometry.fontSize, graph->buckets, fonts);
    }
    const size_t edgeCount = std::min(graph->edges.size(), geometry.edges.size());
    const double logMax = logMaxCalls(*graph);
    data->edges.resize(edgeCount);
    for (size_t i = 0; i < edgeCount; ++i) {
        data->edges[i].shape = edgeShape(geometry.edges[i]);
        data->edges[i].width = edgeWidth(graph->edges[i], logMax, style);
    }
    data->graph = std::move(graph);
    data->geometry = std::move(geometry);
    return data;
}

} // namespace tg::view
