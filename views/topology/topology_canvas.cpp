#include "views/topology/topology_canvas.h"

#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "views/topology/topology_scene.h"

namespace tg::view {

TopologyCanvas::TopologyCanvas(QWidget* parent) : QGraphicsView(parent) {
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Pans scroll the viewport and repaint only the uncovered strip; zooms repaint everything.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState |
                         QGraphicsView::DontAdjustForAntialiasing);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
}

void TopologyCanvas::setZoomLimits(double minimum, double maximum) {
    m_minZoom = minimum;
    m_maxZoom = std::max(minimum, maximum);
}

void TopologyCanvas::zoomBy(double factor) {
    setZoom(zoom() * factor);
}

void TopologyCanvas::setZoom(double target) {
    target = std::clamp(target, m_minZoom, m_maxZoom);
    const double current = zoom();
    if (current <= 0 || std::abs(target - current) < 1e-9) return;
    scale(target / current, target / current);
    emit viewportChanged();
}

QRectF TopologyCanvas::visibleSceneRect() const {
    return mapToScene(viewport()->rect()).boundingRect();
}

TopologyCanvas::ZoomKey TopologyCanvas::zoomKey(const QKeyEvent* event) {
    if (!(event->modifiers() & Qt::ControlModifier)) return ZoomKey::None;
    switch (event->key()) {
    case Qt::Key_Equal:
    case Qt::Key_Plus:
        return ZoomKey::In;
    case Qt::Key_Minus:
        return ZoomKey::Out;
    case Qt::Key_0:
        return ZoomKey::Reset;
    default:
        return ZoomKey::None;
    }
}

bool TopologyCanvas::event(QEvent* event) {
    // Our zoom keys win over window shortcuts while the canvas has focus.
    if (event->type() == QEvent::ShortcutOverride &&
        zoomKey(static_cast<QKeyEvent*>(event)) != ZoomKey::None) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void TopologyCanvas::keyPressEvent(QKeyEvent* event) {
    switch (zoomKey(event)) {
    case ZoomKey::In:
        emit zoomInRequested();
        return;
    case ZoomKey::Out:
        emit zoomOutRequested();
        return;
    case ZoomKey::Reset:
        emit resetZoomRequested();
        return;
    case ZoomKey::None:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyCanvas::wheelEvent(QWheelEvent* event) {
    const int delta = event->angleDelta().y();
    if (delta == 0) return QGraphicsView::wheelEvent(event); // horizontal: scroll
    const QPointF viewPos = event->position();
    const QPointF scenePos = mapToScene(viewPos.toPoint());
    setZoom(zoom() * std::pow(1.0015, delta));
    // Keep the scene point under the mouse where it was.
    const QPointF moved = mapFromScene(scenePos) - viewPos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(std::lround(moved.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::lround(moved.y())));
    event->accept();
}

bool TopologyCanvas::overviewActive() const {
    return zoom() < kOverviewLod && qobject_cast<TopologyScene*>(scene());
}

void TopologyCanvas::paintEvent(QPaintEvent* event) {
    auto* topology = qobject_cast<TopologyScene*>(scene());
    if (!topology || zoom() >= kOverviewLod) return QGraphicsView::paintEvent(event);
    // Rect by rect: a pan uncovers an L-shaped region, and its bounding rect is the whole view.
    QPainter painter(viewport());
    for (const QRect& rect : event->region()) {
        painter.setClipRect(rect);
        painter.resetTransform();
        painter.fillRect(rect, backgroundBrush());
        painter.setWorldTransform(viewportTransform());
        topology->paintOverview(painter, mapToScene(rect.adjusted(-1, -1, 1, 1)).boundingRect());
    }
}

void TopologyCanvas::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    emit viewportChanged();
}

void TopologyCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    emit viewportChanged();
}

} // namespace tg::view
