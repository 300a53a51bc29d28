#include "views/topology/minimap_view.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>

#include "views/topology/topology_scene.h"

namespace tg::view {

namespace {
constexpr int kPadding = 4;
constexpr int kMargin = 10; // from the viewport's corner
} // namespace

MinimapView::MinimapView(const TopologyScene* scene) : m_scene(scene) {}

QRectF MinimapView::sceneArea() const {
    return m_scene->sceneRect();
}

QRect MinimapView::geometry(const QSize& viewport) const {
    const QRectF area = sceneArea();
    const double maxW = std::clamp(viewport.width() * 0.22, 120.0, 240.0);
    const double maxH = std::clamp(viewport.height() * 0.22, 90.0, 180.0);
    if (area.isEmpty() || viewport.width() < 3 * maxW || viewport.height() < 2 * maxH) return {};
    const double s =
        std::min((maxW - 2 * kPadding) / area.width(), (maxH - 2 * kPadding) / area.height());
    const QSize size(int(area.width() * s) + 2 * kPadding, int(area.height() * s) + 2 * kPadding);
    return QRect(QPoint(viewport.width() - size.width() - kMargin,
                        viewport.height() - size.height() - kMargin),
                 size);
}

QPointF MinimapView::fromScene(const QPointF& p, const QSize& size) const {
    const QRectF area = sceneArea();
    const QRectF draw =
        QRectF(QPointF(0, 0), size).adjusted(kPadding, kPadding, -kPadding, -kPadding);
    if (area.isEmpty()) return draw.topLeft();
    return {draw.left() + (p.x() - area.left()) / area.width() * draw.width(),
            draw.top() + (p.y() - area.top()) / area.height() * draw.height()};
}

QPointF MinimapView::toScene(const QPointF& p, const QSize& size) const {
    const QRectF area = sceneArea();
    const QRectF draw =
        QRectF(QPointF(0, 0), size).adjusted(kPadding, kPadding, -kPadding, -kPadding);
    if (draw.isEmpty()) return area.center();
    return {area.left() + (p.x() - draw.left()) / draw.width() * area.width(),
            area.top() + (p.y() - draw.top()) / draw.height() * area.height()};
}

void MinimapView::renderThumbnail(const QSize& size, qreal dpr) {
    m_thumbnail = QImage(size * dpr, QImage::Format_ARGB32_Premultiplied);
    m_thumbnail.setDevicePixelRatio(dpr);
    const TopologyStyle& style = m_scene->style();
    m_thumbnail.fill(style.background);
    const QRectF area = sceneArea();
    const QRectF draw =
        QRectF(QPointF(0, 0), size).adjusted(kPadding, kPadding, -kPadding, -kPadding);
    m_dirty = false;
    if (area.isEmpty()) return;
    QPainter p(&m_thumbnail);
    p.translate(draw.topLeft());
    p.scale(draw.width() / area.width(), draw.height() / area.height());
    p.translate(-area.topLeft());
    p.setPen(Qt::NoPen);
    p.setBrush(style.clusterFill.darker(104));
    for (const ClusterItem* cluster : m_scene->clusterItems())
        p.drawRect(cluster->boundingRect());
    QColor edgeColor = style.edgeColor;
    edgeColor.setAlphaF(0.35f); // a faint web under the health-coloured nodes
    QPen edgePen(edgeColor, 0);
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
}

void MinimapView::paint(QPainter& painter, const QRect& where, const QRectF& visible,
                        const QPalette& palette, qreal dpr) {
    if (where.isEmpty()) return;
    if (m_dirty || m_thumbnail.deviceIndependentSize() != QSizeF(where.size()) ||
        m_thumbnail.devicePixelRatio() != dpr)
        renderThumbnail(where.size(), dpr);
    painter.save();
    painter.resetTransform();
    painter.translate(where.topLeft());
    painter.drawImage(QPointF(0, 0), m_thumbnail);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF frame(QPointF(0, 0), where.size());
    painter.setClipRect(frame);
    const QColor highlight = palette.color(QPalette::Highlight);
    QColor fill = highlight;
    fill.setAlpha(40);
    painter.setPen(QPen(highlight, 1.5));
    painter.setBrush(fill);
    painter.drawRect(QRectF(fromScene(visible.topLeft(), where.size()),
                            fromScene(visible.bottomRight(), where.size()))
                         .intersected(frame)
                         .adjusted(0.75, 0.75, -0.75, -0.75));
    painter.setPen(QPen(palette.color(QPalette::Mid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame.adjusted(0.5, 0.5, -0.5, -0.5));
    painter.restore();
}

} // namespace tg::view
