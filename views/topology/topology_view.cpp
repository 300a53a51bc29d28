#include "views/topology/topology_view.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

#include "views/topology/topology_canvas.h"
#include "views/topology/topology_palette.h"
#include "views/topology/topology_scene.h"

namespace tg::view {

namespace {

constexpr size_t kMinimapMinNodes = 41; // the minimap helps beyond 40 services
constexpr double kMaxFitZoom = 1.25;    // small graphs are not blown up
constexpr double kZoomStep = 1.25;

// A refresh of the same system (most services known before) keeps the user's zoom and scroll.
bool sameSystem(const model::ServiceGraph* before, const model::ServiceGraph& after) {
    if (!before || before->nodes.empty() || after.nodes.empty()) return false;
    size_t known = 0;
    for (const model::GraphNode& n : after.nodes)
        known += before->findNode(n.name).has_value();
    return known * 2 >= after.nodes.size();
}

} // namespace

TopologyView::TopologyView(QWidget* parent) : QWidget(parent) {
    m_scene = new TopologyScene(this);
    m_canvas = new TopologyCanvas(this);
    m_canvas->setTopologyScene(m_scene);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canvas);
    setFocusProxy(m_canvas);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &TopologyView::onSelectionChanged);
    connect(m_scene, &TopologyScene::nodeDragFinished, this, &TopologyView::onNodeDragFinished);
    connect(m_scene, &TopologyScene::nodeActivated, this, &TopologyView::nodeActivated);
    connect(m_scene, &TopologyScene::contentChanged, m_canvas, &TopologyCanvas::invalidateFrame);
    connect(m_scene, &TopologyScene::areaChanged, m_canvas, &TopologyCanvas::invalidateArea);
    connect(m_scene, &TopologyScene::contentChanged, m_canvas, &TopologyCanvas::invalidateMinimap);
    connect(m_scene, &TopologyScene::areaChanged, m_canvas, &TopologyCanvas::invalidateMinimap);
    connect(m_canvas, &TopologyCanvas::zoomInRequested, this, &TopologyView::zoomIn);
    connect(m_canvas, &TopologyCanvas::zoomOutRequested, this, &TopologyView::zoomOut);
    connect(m_canvas, &TopologyCanvas::resetZoomRequested, this, &TopologyView::resetZoom);
    connect(m_canvas, &TopologyCanvas::fitRequested, this, &TopologyView::fitToView);
    // An empty canvas says what would fill it (logs or metrics opened alone, nothing yet).
    m_emptyHint =
        new QLabel(tr("No service map yet.\nOpen or drop trace files (Jaeger, OTLP, "
                      "Zipkin, span tables in CSV) or a workspace: File ▸ Open (Ctrl+O)."),
                   this);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    applyStyle();
}

TopologyView::~TopologyView() = default;

void TopologyView::setGraph(std::shared_ptr<const model::ServiceGraph> graph,
                            const model::LayoutGeometry& geometry) {
    setSceneData(buildTopologySceneData(std::move(graph), geometry, m_style));
}

void TopologyView::setSceneData(std::shared_ptr<const TopologySceneData> data) {
    if (!data) data = buildTopologySceneData(nullptr, {}, m_style);
    const bool refresh = sameSystem(m_scene->data()->graph.get(), *data->graph);
    // Remember the selection by name: indices may differ in the new graph.
    QString selectedNode, edgeFrom, edgeTo;
    const model::ServiceGraph& old = *m_scene->data()->graph;
    if (m_emitted.kind == Selection::Node && m_emitted.index < old.nodes.size()) {
        selectedNode = QString::fromStdString(old.nodes[m_emitted.index].name);
    } else if (m_emitted.kind == Selection::Edge && m_emitted.index < old.edges.size()) {
        edgeFrom = QString::fromStdString(old.nodes[old.edges[m_emitted.index].source].name);
        edgeTo = QString::fromStdString(old.nodes[old.edges[m_emitted.index].target].name);
    }
    ++m_selectionBatch;
    m_scene->setData(std::move(data), m_pinned);
    if (!m_focusName.isEmpty()) {
        const auto index = m_scene->data()->graph->findNode(m_focusName.toStdString());
        m_focus = index;
        if (!index) m_focusName.clear();
    }
    applyFilter();
    restoreSelection(selectedNode, edgeFrom, edgeTo);
    --m_selectionBatch;
    onSelectionChanged();
    updateZoomLimits();
    if (!refresh) fitToView();
    updateMinimap();
    m_emptyHint->setVisible(m_scene->data()->graph->nodes.empty());
}

void TopologyView::restoreSelection(const QString& nodeName, const QString& edgeFrom,
                                    const QString& edgeTo) {
    const model::ServiceGraph& graph = *m_scene->data()->graph;
    QGraphicsItem* item = nullptr;
    if (!nodeName.isEmpty()) {
        if (auto i = graph.findNode(nodeName.toStdString())) item = m_scene->nodeItem(*i);
    } else if (!edgeFrom.isEmpty()) {
        const auto s = graph.findNode(edgeFrom.toStdString());
        const auto t = graph.findNode(edgeTo.toStdString());
        if (s && t) {
            auto e = graph.findEdge(*s, *t, false);
            if (!e) e = graph.findEdge(*s, *t, true);
            if (e) item = m_scene->edgeItem(*e);
        }
    }
    if (item && item->isVisible()) item->setSelected(true);
}

void TopologyView::setPinnedPositions(const QHash<QString, QPointF>& positions) {
    m_pinned = positions;
    m_scene->applyPinned(m_pinned);
    updateZoomLimits();
}

QHash<QString, QPointF> TopologyView::pinnedPositions() const {
    return m_pinned;
}

void TopologyView::onNodeDragFinished(uint32_t node, QPointF position) {
    const QString name = QString::fromStdString(m_scene->data()->graph->nodes[node].name);
    m_pinned.insert(name, position);
    m_scene->setSceneRect(m_scene->contentRect());
    updateZoomLimits();
    emit nodeMoved(name, position);
}

void TopologyView::setEdgeLabel(EdgeLabel label) {
    switch (label) {
    case EdgeLabel::Rps:
        return m_scene->setCaptionKind(CaptionKind::Rps);
    case EdgeLabel::ErrorRate:
        return m_scene->setCaptionKind(CaptionKind::ErrorRate);
    case EdgeLabel::P95:
        return m_scene->setCaptionKind(CaptionKind::P95);
    case EdgeLabel::None:
        return m_scene->setCaptionKind(CaptionKind::None);
    }
}

void TopologyView::setHideHealthy(bool hide) {
    m_hideHealthy = hide;
    applyFilter();
}

void TopologyView::setFocus(std::optional<uint32_t> node, int hops) {
    const model::ServiceGraph& graph = *m_scene->data()->graph;
    m_focus = node && *node < graph.nodes.size() ? node : std::nullopt;
    m_focusName = m_focus ? QString::fromStdString(graph.nodes[*m_focus].name) : QString();
    m_focusHops = std::max(0, hops);
    applyFilter();
}

void TopologyView::applyFilter() {
    ++m_selectionBatch; // hiding a selected item deselects it: report that once
    m_scene->setFilter(m_hideHealthy, m_focus, m_focusHops);
    --m_selectionBatch;
    onSelectionChanged();
}

bool TopologyView::findAndSelect(const QString& text) {
    if (text.isEmpty()) return false;
    const auto& nodes = m_scene->nodeItems();
    const size_t n = nodes.size();
    const size_t start = m_emitted.kind == Selection::Node ? m_emitted.index + 1 : 0;
    for (size_t k = 0; k < n; ++k) {
        NodeItem* node = nodes[(start + k) % n];
        if (!node->isVisible()) continue;
        if (!QString::fromStdString(node->node().name).contains(text, Qt::CaseInsensitive))
            continue;
        selectNode(node->index());
        m_canvas->centerOn(node);
        return true;
    }
    return false;
}

void TopologyView::setErrorThresholds(double warn, double critical) {
    m_warn = warn;
    m_critical = std::max(warn, critical);
    applyStyle();
}

void TopologyView::applyStyle() {
    m_style = topologyStyleForPalette(palette());
    m_style.warnErrorRate = m_warn;
    m_style.criticalErrorRate = m_critical;
    m_style.edgeErrorRate = m_critical; // edges turn red where nodes turn red
    m_scene->setStyle(m_style, palette().color(QPalette::Highlight));
    m_canvas->setBackgroundBrush(m_style.background);
    m_canvas->invalidateMinimap();
}

void TopologyView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyStyle();
}

QRectF TopologyView::visibleItemsRect() const {
    QRectF rect;
    std::vector<QPointF> centres;
    for (const NodeItem* node : m_scene->nodeItems())
        if (node->isVisible()) {
            rect |= node->sceneBoundingRect();
            centres.push_back(node->sceneBoundingRect().center());
        }
    // A group box holding a visible service shows whole: its title sits above the members,
    // further out than the fit's margin.
    for (const ClusterItem* cluster : m_scene->clusterItems()) {
        const QRectF box = cluster->sceneBoundingRect();
        if (std::any_of(centres.begin(), centres.end(),
                        [&box](const QPointF& c) { return box.contains(c); }))
            rect |= box;
    }
    return rect.isEmpty() ? m_scene->sceneRect() : rect;
}

void TopologyView::updateZoomLimits() {
    const QRectF area = m_scene->sceneRect();
    const QSize port = m_canvas->viewport()->size();
    double fit = 1;
    if (!area.isEmpty() && !port.isEmpty())
        fit = std::min(port.width() / area.width(), port.height() / area.height());
    m_canvas->setZoomLimits(std::min(0.25, fit * 0.5), 6.0);
}

void TopologyView::fitToView() {
    // Before the first show the viewport has no real size: fit again when shown.
    if (!isVisible()) m_fitPending = true;
    updateZoomLimits();
    const QRectF rect = visibleItemsRect().adjusted(-20, -20, 20, 20);
    m_canvas->fitInView(rect, Qt::KeepAspectRatio);
    if (m_canvas->zoom() > kMaxFitZoom) m_canvas->setZoom(kMaxFitZoom, false);
    m_canvas->centerOn(rect.center());
}

void TopologyView::zoomIn() {
    m_canvas->zoomBy(kZoomStep);
}

void TopologyView::zoomOut() {
    m_canvas->zoomBy(1 / kZoomStep);
}

void TopologyView::resetZoom() {
    m_canvas->setZoom(1.0, false); // a jump, not a gesture: render crisp at once
}

TopologyView::Selection TopologyView::currentSelection() const {
    for (QGraphicsItem* item : m_scene->selectedItems()) {
        if (auto* node = qgraphicsitem_cast<NodeItem*>(item))
            return {Selection::Node, node->index()};
        if (auto* edge = qgraphicsitem_cast<EdgeItem*>(item))
            return {Selection::Edge, edge->index()};
    }
    return {};
}

void TopologyView::onSelectionChanged() {
    if (m_selectionBatch > 0) return;
    m_scene->updateHighlight();
    emitSelection(false);
}

void TopologyView::emitSelection(bool force) {
    const Selection now = currentSelection();
    if (!force && now == m_emitted) return;
    m_emitted = now;
    switch (now.kind) {
    case Selection::Node:
        emit nodeSelected(now.index);
        break;
    case Selection::Edge:
        emit edgeSelected(now.index);
        break;
    case Selection::None:
        emit selectionCleared();
        break;
    }
}

void TopologyView::selectNode(uint32_t node) {
    ++m_selectionBatch;
    m_scene->clearSelection();
    if (NodeItem* item = m_scene->nodeItem(node); item && item->isVisible()) {
        item->setSelected(true);
        m_canvas->ensureVisible(item, 40, 40);
    }
    --m_selectionBatch;
    onSelectionChanged();
}

void TopologyView::selectEdge(uint32_t edge) {
    ++m_selectionBatch;
    m_scene->clearSelection();
    if (EdgeItem* item = m_scene->edgeItem(edge); item && item->isVisible()) {
        item->setSelected(true);
        if (!m_canvas->visibleSceneRect().intersects(item->boundingRect()))
            m_canvas->centerOn(item->boundingRect().center());
    }
    --m_selectionBatch;
    onSelectionChanged();
}

void TopologyView::clearSelection() {
    m_scene->clearSelection();
}

QImage TopologyView::renderVisible(double scale) const {
    const QRect port = m_canvas->viewport()->rect();
    if (port.isEmpty() || scale <= 0) return {};
    QImage image(port.size() * scale, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return {};
    image.fill(m_style.background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()),
                    m_canvas->mapToScene(port).boundingRect(), Qt::KeepAspectRatio);
    return image;
}

bool TopologyView::showsEmptyHint() const {
    return !m_emptyHint->isHidden();
}

int TopologyView::visibleNodeCount() const {
    return m_scene->visibleNodeCount();
}

QGraphicsScene* TopologyView::scene() const {
    return m_scene;
}

void TopologyView::updateMinimap() {
    m_canvas->setMinimapEnabled(m_scene->nodeItems().size() >= kMinimapMinNodes);
}

void TopologyView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateZoomLimits();
    m_emptyHint->setGeometry(rect().adjusted(40, 40, -40, -40));
}

void TopologyView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_fitPending) {
        m_fitPending = false;
        fitToView();
    }
}

} // namespace tg::view
