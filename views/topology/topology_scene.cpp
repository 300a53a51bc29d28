#include "views/topology/topology_scene.h"

#include <QGraphicsSceneHelpEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>

#include <algorithm>
#include <deque>

namespace tg::view {

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene(parent) {
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_ctx.data = buildTopologySceneData(nullptr, {}, m_ctx.style);
    m_ctx.fonts = topologyFonts(m_ctx.style, m_ctx.fontSize());
    m_ctx.nodeDragFinished = [this](NodeItem* n) {
        emit nodeDragFinished(n->index(), n->pos());
        emit contentChanged();
    };
    m_ctx.nodeActivated = [this](NodeItem* n) { emit nodeActivated(n->index()); };
    m_ctx.areaChanged = [this](const QRectF& area) { invalidateArea(area); };
}

void TopologyScene::invalidateArea(const QRectF& area) {
    m_batchesDirty = true;
    emit areaChanged(area);
}

void TopologyScene::invalidateOverview() {
    m_batchesDirty = true;
    emit contentChanged();
}

TopologyScene::~TopologyScene() {
    clearItems(); // before m_ctx goes: items point into it
}

void TopologyScene::clearItems() {
    m_clusters.clear();
    m_nodes.clear();
    m_edges.clear();
    m_highlighted.clear();
    m_selectionArea = QRectF();
    m_singleEdges.clear();
    m_batches.clear();
    m_batchesDirty = true;
    clear();
}

void TopologyScene::setData(std::shared_ptr<const TopologySceneData> data,
                            const QHash<QString, QPointF>& pinned) {
    clearItems();
    m_ctx.data = data ? std::move(data) : buildTopologySceneData(nullptr, {}, m_ctx.style);
    m_ctx.fonts = topologyFonts(m_ctx.style, m_ctx.fontSize());
    buildItems(pinned);
    // A bounded index depth: deep trees cost more to rebuild than they save at these sizes.
    const size_t count = m_nodes.size() + 2 * m_edges.size();
    setBspTreeDepth(count > 20000 ? 10 : count > 2000 ? 8 : 0);
    setSceneRect(contentRect());
    invalidateOverview();
}

void TopologyScene::buildItems(const QHash<QString, QPointF>& pinned) {
    const TopologySceneData& data = *m_ctx.data;
    const model::ServiceGraph& graph = *data.graph;
    for (size_t i = 0; i < data.geometry.clusters.size(); ++i) {
        m_clusters.push_back(new ClusterItem(&m_ctx, i));
        addItem(m_clusters.back());
    }
    m_nodes.reserve(data.nodes.size());
    m_errorNode.assign(data.nodes.size(), 0);
    for (uint32_t i = 0; i < data.nodes.size(); ++i) {
        auto* node = new NodeItem(&m_ctx, i);
        const QString name = QString::fromStdString(graph.nodes[i].name);
        if (auto it = pinned.constFind(name); it != pinned.constEnd()) node->setPos(*it);
        m_nodes.push_back(node);
        m_errorNode[i] = graph.nodes[i].stats.errors > 0;
    }
    m_edges.assign(data.edges.size(), nullptr);
    for (uint32_t i = 0; i < data.edges.size(); ++i) {
        const model::GraphEdge& e = graph.edges[i];
        if (e.source >= m_nodes.size() || e.target >= m_nodes.size()) continue;
        NodeItem* source = m_nodes[e.source];
        NodeItem* target = m_nodes[e.target];
        auto* edge = new EdgeItem(&m_ctx, i, source, target);
        source->addEdge(edge);
        if (target != source) target->addEdge(edge);
        edge->setHasTwin(graph.findEdge(e.target, e.source, false).has_value() ||
                         graph.findEdge(e.target, e.source, true).has_value());
        if (source->isMoved() || target->isMoved()) edge->endpointsMoved();
        auto* caption = new EdgeCaptionItem(&m_ctx, edge);
        edge->setCaption(caption);
        caption->setVisible(!caption->text().isEmpty());
        if (graph.nodes[e.target].inferred() && e.stats.errors > 0) m_errorNode[e.target] = 1;
        m_edges[i] = edge;
        addItem(edge);
        addItem(caption);
    }
    for (NodeItem* node : m_nodes)
        addItem(node);
}

void TopologyScene::applyPinned(const QHash<QString, QPointF>& pinned) {
    for (NodeItem* node : m_nodes) {
        const auto it = pinned.constFind(QString::fromStdString(node->node().name));
        node->setPos(it != pinned.constEnd() ? *it : node->layoutPosition());
    }
    setSceneRect(contentRect());
    invalidateOverview();
}

void TopologyScene::setStyle(const TopologyStyle& style, const QColor& selection) {
    m_ctx.style = style;
    m_ctx.selection = selection;
    m_ctx.fonts = topologyFonts(style, m_ctx.fontSize());
    for (EdgeItem* edge : m_edges)
        if (edge) edge->restack(); // the failing threshold may have changed
    update();
    invalidateOverview();
}

void TopologyScene::setCaptionKind(CaptionKind kind) {
    if (m_ctx.caption == kind) return;
    m_ctx.caption = kind;
    for (EdgeItem* edge : m_edges) {
        if (!edge) continue;
        edge->caption()->refresh();
        edge->caption()->setVisible(edge->isVisible() && !edge->caption()->text().isEmpty());
    }
    invalidateOverview();
}

bool TopologyScene::hasErrors(uint32_t node) const {
    return node < m_errorNode.size() && m_errorNode[node];
}

std::vector<char> TopologyScene::focusSet(uint32_t focus, int hops) const {
    const model::ServiceGraph& graph = *m_ctx.data->graph;
    const size_t n = m_nodes.size();
    std::vector<std::vector<uint32_t>> down(n), up(n);
    for (const model::GraphEdge& e : graph.edges) {
        if (e.source >= n || e.target >= n) continue;
        down[e.source].push_back(e.target);
        up[e.target].push_back(e.source);
    }
    std::vector<char> in(n, 0);
    in[focus] = 1;
    // Upstream and downstream separately: callers of callers, callees of callees (not the
    // callers' other callees).
    for (const auto* adjacency : {&down, &up}) {
        std::vector<int> depth(n, -1);
        std::deque<uint32_t> queue{focus};
        depth[focus] = 0;
        while (!queue.empty()) {
            const uint32_t v = queue.front();
            queue.pop_front();
            if (depth[v] >= hops) continue;
            for (uint32_t w : (*adjacency)[v]) {
                if (depth[w] >= 0) continue;
                depth[w] = depth[v] + 1;
                in[w] = 1;
                queue.push_back(w);
            }
        }
    }
    return in;
}

void TopologyScene::setFilter(bool hideHealthy, std::optional<uint32_t> focus, int hops) {
    const size_t n = m_nodes.size();
    const bool focused = focus && *focus < n;
    std::vector<char> show =
        focused ? focusSet(*focus, std::max(0, hops)) : std::vector<char>(n, 1);
    if (hideHealthy)
        for (size_t i = 0; i < n; ++i)
            if (!m_errorNode[i] && !(focused && i == *focus)) show[i] = 0;
    for (size_t i = 0; i < n; ++i)
        m_nodes[i]->setVisible(show[i]);
    for (EdgeItem* edge : m_edges) {
        if (!edge) continue;
        const bool visible = edge->source()->isVisible() && edge->target()->isVisible();
        edge->setVisible(visible);
        edge->caption()->setVisible(visible && !edge->caption()->text().isEmpty());
    }
    invalidateOverview();
}

NodeItem* TopologyScene::nodeItem(uint32_t index) const {
    return index < m_nodes.size() ? m_nodes[index] : nullptr;
}

EdgeItem* TopologyScene::edgeItem(uint32_t index) const {
    return index < m_edges.size() ? m_edges[index] : nullptr;
}

int TopologyScene::visibleNodeCount() const {
    return int(std::count_if(m_nodes.begin(), m_nodes.end(),
                             [](const NodeItem* n) { return n->isVisible(); }));
}

QRectF TopologyScene::contentRect() const {
    const model::LayoutGeometry& geo = m_ctx.data->geometry;
    QRectF rect(0, 0, std::max(1.0, geo.width), std::max(1.0, geo.height));
    for (const NodeItem* node : m_nodes)
        if (node->isMoved()) rect |= node->sceneBoundingRect();
    const double margin = 60 + 0.05 * std::max(rect.width(), rect.height());
    return rect.adjusted(-margin, -margin, margin, margin);
}

void TopologyScene::updateHighlight() {
    QRectF area = m_selectionArea; // repaint where the old highlight was and the new one is
    for (EdgeItem* edge : m_highlighted)
        edge->setHighlighted(false);
    m_highlighted.clear();
    m_selectionArea = QRectF();
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* node = qgraphicsitem_cast<NodeItem*>(item)) {
            for (EdgeItem* edge : node->edges()) {
                edge->setHighlighted(true);
                m_highlighted.push_back(edge);
            }
            m_selectionArea |= node->paintedArea();
        } else if (auto* edge = qgraphicsitem_cast<EdgeItem*>(item)) {
            m_selectionArea |= edge->boundingRect();
        }
    }
    invalidateArea(area | m_selectionArea);
}

void TopologyScene::buildHairlineBatches() {
    constexpr int kWidthClasses = 4;
    const TopologyStyle& style = m_ctx.style;
    const double range = std::max(1e-9, style.maxEdgeWidth - style.minEdgeWidth);
    m_batches.assign(2 * kWidthClasses, {});
    for (int k = 0; k < 2 * kWidthClasses; ++k) {
        m_batches[k].failing = k >= kWidthClasses;
        m_batches[k].width = style.minEdgeWidth + (k % kWidthClasses + 0.5) * range / kWidthClasses;
    }
    m_singleEdges.clear();
    for (EdgeItem* edge : m_edges) {
        if (!edge || !edge->isVisible() || !edge->currentShape().valid) continue;
        if (edge->edge().inferred || edge->isHighlighted() || edge->isSelected()) {
            m_singleEdges.push_back(edge);
            continue;
        }
        const int widthClass =
            std::clamp(int((edge->width() - style.minEdgeWidth) / range * kWidthClasses), 0,
                       kWidthClasses - 1);
        HairlineBatch& batch =
            m_batches[(edgeFailing(edge->edge(), style) ? kWidthClasses : 0) + widthClass];
        // Coarse chords (2 units): at this zoom they are well under a pixel off the curve.
        const QPolygonF line = flattenPath(edge->currentShape().path, 2.0);
        for (int i = 1; i < line.size(); ++i)
            batch.lines.emplace_back(line[i - 1], line[i]);
    }
    // Marked edges last, on top.
    std::stable_partition(m_singleEdges.begin(), m_singleEdges.end(), [](const EdgeItem* e) {
        return !e->isHighlighted() && !e->isSelected();
    });
    m_batchesDirty = false;
}

void TopologyScene::paintItems(QPainter& painter, const QRectF& exposed) {
    const QStyleOptionGraphicsItem option; // items read only the level of detail (painter)
    const QTransform base = painter.worldTransform();
    const QList<QGraphicsItem*> list =
        items(exposed, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder);
    for (QGraphicsItem* item : list) {
        if (!item->isVisible()) continue;
        const QPointF at = item->pos();
        painter.setWorldTransform(QTransform::fromTranslate(at.x(), at.y()) * base);
        item->paint(&painter, &option, nullptr);
    }
    painter.setWorldTransform(base);
}

void TopologyScene::paintOverview(QPainter& painter, const QRectF& exposed) {
    const QStyleOptionGraphicsItem option; // items read only the level of detail (painter)
    const QTransform base = painter.worldTransform();
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(base);
    for (ClusterItem* cluster : m_clusters)
        if (cluster->boundingRect().intersects(exposed)) cluster->paint(&painter, &option, nullptr);
    if (m_batchesDirty) buildHairlineBatches();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    // Qt rasterises a line against the whole device even when clipped to a strip: cull first.
    std::vector<QLineF> culled;
    for (const HairlineBatch& batch : m_batches) {
        culled.clear();
        for (const QLineF& l : batch.lines)
            if (std::max(l.x1(), l.x2()) >= exposed.left() &&
                std::min(l.x1(), l.x2()) <= exposed.right() &&
                std::max(l.y1(), l.y2()) >= exposed.top() &&
                std::min(l.y1(), l.y2()) <= exposed.bottom())
                culled.push_back(l);
        if (culled.empty()) continue;
        const QColor color = batch.failing ? m_ctx.style.edgeErrorColor : m_ctx.style.edgeColor;
        QPen pen(hairlineColor(color, batch.width * lod), 1, Qt::SolidLine, Qt::FlatCap);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.drawLines(culled.data(), int(culled.size()));
    }
    for (EdgeItem* edge : m_singleEdges)
        if (edge->boundingRect().intersects(exposed)) edge->paint(&painter, &option, nullptr);
    for (NodeItem* node : m_nodes) {
        if (!node->isVisible()) continue;
        const QPointF at = node->pos();
        if (!node->boundingRect().translated(at).intersects(exposed)) continue;
        painter.setWorldTransform(QTransform::fromTranslate(at.x(), at.y()) * base);
        node->paint(&painter, &option, nullptr);
    }
    painter.setWorldTransform(base);
}

void TopologyScene::helpEvent(QGraphicsSceneHelpEvent* event) {
    const model::ServiceGraph& graph = *m_ctx.data->graph;
    QString text;
    for (QGraphicsItem* item : items(event->scenePos())) {
        if (!item->isVisible()) continue;
        if (auto* node = qgraphicsitem_cast<NodeItem*>(item)) {
            text = nodeToolTip(node->node(), graph.buckets);
        } else if (auto* edge = qgraphicsitem_cast<EdgeItem*>(item)) {
            text = edgeToolTip(graph, edge->edge());
        } else if (auto* caption = qgraphicsitem_cast<EdgeCaptionItem*>(item)) {
            text = edgeToolTip(graph, caption->edgeItem()->edge());
        }
        if (!text.isEmpty()) break;
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
}

} // namespace tg::view
