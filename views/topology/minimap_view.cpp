#include "views/topology/minimap_view.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

#include "views/topology/topology_canvas.h"
#include "views/topology/topology_scene.h"

namespace tg::view {

namespace {
constexpr int kPadding = 4;
}

MinimapView::MinimapView(TopologyScene* scene, TopologyCanvas* canvas, QWidget* parent)
    : QWidget(parent), m_scene(scene), m_canvas(canvas) {
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Overview: click or drag to move the view"));
}

void MinimapView::invalidate() {
    m_dirty = true;
    update();
}

QRectF MinimapView::sceneArea() const {
    return m_scene->sceneRect();
}

QSize MinimapView::sizeFor(QSize available) const {
    const QRectF area = sceneArea();
    const double maxW = std::clamp(available.width() * 0.22, 120.0, 240.0);
    const double maxH = std::clamp(available.height() * 0.22, 90.0, 180.0);
    if (area.isEmpty()) return {int(maxW), int(maxH)};
    const double s =
        std::min((maxW - 2 * kPadding) / area.width(), (maxH - 2 * kPadding) / area.height());
    return {int(area.width() * s) + 2 * kPadding, int(area.height() * s) + 2 * kPadding};
}

QRectF MinimapView::drawArea() const {
    return QRectF(rect()).adjusted(kPadding, kPadding, -kPadding, -kPadding);
}

QPointF MinimapView::fromScene(QPointF p) const {
    const QRectF area = sceneArea(), draw = drawArea();
    if (area.isEmpty()) return draw.topLeft();
    return {draw.left() + (p.x() - area.left()) / area.width() * draw.width(),
            draw.top() + (p.y() - area.top()) / area.height() * draw.height()};
}

QPointF MinimapView::toScene(QPointF p) const {
    const QRectF area = sceneArea(), draw = drawArea();
    if (draw.isEmpty()) return area.center();
    return {area.left() + (p.x() - draw.left()) / draw.width() * area.width(),
            area.top() + (p.y() - draw.top()) / draw.height() * area.height()};
}

void MinimapView::renderThumbnail() {
    const qreal dpr = devicePixelRatioF();
    m_thumbnail = QImage(size() * dpr, QImage::Format_ARGB32_Premultiplied);
    m_thumbnail.setDevicePixelRatio(dpr);
    const TopologyStyle& style = m_scene->style();
    m_thumbnail.fill(style.background);
    const QRectF area = sceneArea(), draw = drawArea();
    if (area.isEmpty()) return;
    QPainter p(&m_thumbnail);
    p.translate(draw.topLeft());
    p.scale(draw.width() / area.width(), draw.height() / area.height());
    p.translate(-area.topLeft());
    p.setPen(Qt::NoPen);
    p.setBrush(style.clusterFill.darker(104));
    for (const ClusterItem* cluster : m_scene->clusterItems())
        p.drawRect(cluster->boundingRect());
    QPen edgePen(style.edgeColor, 0);
    edgePen.setCosmetic(true);
    p.setPen(edgePen);
    for (const EdgeItem* edge : m_scene->edgeItems())
        if (edge && edge->isVisible() && edge->currentShape().valid)
            p.drawLine(edge->currentShape().path.elementAt(0), edge->currentShape().arrowTip);
    p.setPen(Qt::NoPen);
    for (const NodeItem* node : m_scene->nodeItems()) {
        if (!node->isVisible()) continue;
        p.setBrush(healthColors(healthOf(node->node().stats, style), style).border);
        p.drawRect(node->localRect().translated(node->pos()));
    }
    m_dirty = false;
}

void MinimapView::paintEvent(QPaintEvent*) {
    if (m_dirty || m_thumbnail.deviceIndependentSize() != QSizeF(size())) renderThumbnail();
    QPainter p(this);
    p.drawImage(QPointF(0, 0), m_thumbnail);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor highlight = palette().color(QPalette::Highlight);
    const QRectF visible = m_canvas->visibleSceneRect();
    QRectF box(fromScene(visible.topLeft()), fromScene(visible.bottomRight()));
    box = box.intersected(QRectF(rect())).adjusted(0.5, 0.5, -0.5, -0.5);
    QColor fill = highlight;
    fill.setAlpha(40);
    p.setPen(QPen(highlight, 1.5));
    p.setBrush(fill);
    p.drawRect(box);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void MinimapView::navigate(QPointF widgetPos) {
    m_canvas->centerOn(toScene(widgetPos));
}

void MinimapView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) navigate(event->position());
}

void MinimapView::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) navigate(event->position());
}

} // namespace tg::view
