#include "views/topology/topology_scene_data.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace tg::view {

QPolygonF flattenPath(const QPainterPath& path, double tolerance) {
    QPolygonF out;
    out.reserve(path.elementCount());
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.isCurveTo() && i + 2 < path.elementCount()) {
            const QPointF p0 = out.isEmpty() ? QPointF(e) : out.back();
            const QPointF c1 = e, c2 = path.elementAt(i + 1), p1 = path.elementAt(i + 2);
            // n uniform chords deviate at most 3/4 * max|second difference| / n^2.
            const QPointF d1 = p0 - 2 * c1 + c2, d2 = c1 - 2 * c2 + p1;
            const double bend = std::max(std::hypot(d1.x(), d1.y()), std::hypot(d2.x(), d2.y()));
            const int steps = std::clamp(
                int(std::ceil(std::sqrt(0.75 * bend / std::max(tolerance, 1e-3)))), 1, 64);
            for (int k = 1; k <= steps; ++k) {
                const double t = double(k) / steps, u = 1 - t;
                out << u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p1;
            }
            i += 2;
        } else {
            out << QPointF(e);
        }
    }
    return out;
}

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
        data->edges[i].polyline = flattenPath(data->edges[i].shape.path);
        data->edges[i].width = edgeWidth(graph->edges[i], logMax, style);
    }
    data->graph = std::move(graph);
    data->geometry = std::move(geometry);
    return data;
}

} // namespace tg::view
