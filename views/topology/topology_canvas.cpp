#include "views/topology/topology_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "views/topology/minimap_view.h"
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
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &TopologyCanvas::settleZoom);
    m_bandTimer.setSingleShot(true);
    m_bandTimer.setInterval(0);
    connect(&m_bandTimer, &QTimer::timeout, this, &TopologyCanvas::renderNextBand);
}

TopologyCanvas::~TopologyCanvas() = default;

void TopologyCanvas::setTopologyScene(TopologyScene* scene) {
    setScene(scene);
    m_minimap = scene ? std::make_unique<MinimapView>(scene) : nullptr;
    invalidateFrame();
}

void TopologyCanvas::setMinimapEnabled(bool enabled) {
    if (m_minimapEnabled == enabled) return;
    m_minimapEnabled = enabled;
    viewport()->update();
}

QRect TopologyCanvas::minimapRect() const {
    if (!m_minimapEnabled || !m_minimap) return {};
    return m_minimap->geometry(viewport()->size());
}

QPointF TopologyCanvas::minimapToScene(QPoint viewportPos) const {
    const QRect rect = minimapRect();
    return m_minimap ? m_minimap->toScene(viewportPos - rect.topLeft(), rect.size()) : QPointF();
}

void TopologyCanvas::invalidateMinimap() {
    if (!m_minimap) return;
    m_minimap->invalidate();
    if (const QRect rect = minimapRect(); !rect.isEmpty()) viewport()->update(rect);
}

bool TopologyCanvas::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip &&
        minimapRect().contains(static_cast<QHelpEvent*>(event)->pos())) {
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(),
                           tr("Overview: click or drag to move the view"), viewport());
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void TopologyCanvas::mousePressEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && minimapRect().contains(pos)) {
        m_minimapDragging = true;
        centerOn(minimapToScene(pos));
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (m_minimapDragging) {
        centerOn(minimapToScene(event->position().toPoint()));
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (m_minimapDragging) {
        m_minimapDragging = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (minimapRect().contains(event->position().toPoint())) return mousePressEvent(event);
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TopologyCanvas::settleZoom() {
    m_settle.stop();
    if (!m_zooming) return;
    const qreal dpr = viewport()->devicePixelRatioF();
    if (m_next.size() != viewport()->size() * dpr)
        m_next = QImage(viewport()->size() * dpr, QImage::Format_ARGB32_Premultiplied);
    m_next.setDevicePixelRatio(dpr);
    m_nextTransform = viewportTransform();
    m_nextBand = 0;
    m_bandTimer.start();
}

void TopologyCanvas::renderNextBand() {
    if (m_nextBand < 0 || !m_zooming) return;
    if (m_nextTransform != viewportTransform() || m_next.size() != m_frame.size()) {
        // Scrolled or resized meanwhile: start over (a new zoom step restarts the gesture).
        m_nextBand = -1;
        m_zooming = true;
        return settleZoom();
    }
    const QRect port = viewport()->rect();
    const int band = (port.height() + kSettleBands - 1) / kSettleBands;
    renderInto(m_next, QRegion(port.left(), port.top() + m_nextBand * band, port.width(), band));
    if (++m_nextBand < kSettleBands) return m_bandTimer.start();
    std::swap(m_frame, m_next);
    m_frameTransform = m_nextTransform;
    m_frameValid = true;
    m_nextBand = -1;
    m_zooming = false;
    viewport()->update();
}

void TopologyCanvas::finishSettling() {
    if (m_zooming && m_nextBand < 0) settleZoom();
    while (m_zooming && m_nextBand >= 0)
        renderNextBand();
}

void TopologyCanvas::invalidateFrame() {
    // The content changed: a zoom preview would show stale content, so render now.
    m_zooming = false;
    m_nextBand = -1;
    m_bandTimer.stop();
    m_settle.stop();
    m_frameValid = false;
    viewport()->update();
}

void TopologyCanvas::invalidateArea(const QRectF& sceneArea) {
    if (sceneArea.isEmpty()) return;
    // The overview's hairline batches are rebuilt as a whole; its frames are cheap anyway.
    if (!m_frameValid || overviewActive()) return invalidateFrame();
    const QRect area = mapFromScene(sceneArea).boundingRect().adjusted(-3, -3, 3, 3);
    viewport()->update(area.intersected(viewport()->rect()));
}

void TopologyCanvas::setZoomLimits(double minimum, double maximum) {
    m_minZoom = minimum;
    m_maxZoom = std::max(minimum, maximum);
}

void TopologyCanvas::zoomBy(double factor, bool gesture) {
    setZoom(zoom() * factor, gesture);
}

void TopologyCanvas::setZoom(double target, bool gesture) {
    target = std::clamp(target, m_minZoom, m_maxZoom);
    const double current = zoom();
    if (current <= 0 || std::abs(target - current) < 1e-9) return;
    if (gesture && m_frameValid) {
        m_zooming = true;
        m_nextBand = -1; // a settling frame is stale now
        m_bandTimer.stop();
        m_settle.start();
    } else {
        m_zooming = false;
        m_nextBand = -1;
        m_bandTimer.stop();
        m_settle.stop();
        m_frameValid = false;
    }
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
        return ZoomKey::Fit;
    case Qt::Key_1:
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
    case ZoomKey::Fit:
        emit fitRequested();
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

namespace {

// Moves the image content by (dx, dy) pixels in place; uncovered pixels keep stale content
// (they are re-rendered as the exposed strips).
void scrollImage(QImage& image, int dx, int dy) {
    const int w = image.width(), h = image.height();
    if (std::abs(dx) >= w || std::abs(dy) >= h) return;
    const int bpl = int(image.bytesPerLine()), bpp = image.depth() / 8;
    uchar* bits = image.bits();
    const int rows = h - std::abs(dy), cols = w - std::abs(dx);
    for (int k = 0; k < rows; ++k) {
        const int y = dy > 0 ? h - 1 - k : k; // destination row, walking away from the overlap
        const uchar* src = bits + (y - dy) * bpl + std::max(0, -dx) * bpp;
        uchar* dst = bits + y * bpl + std::max(0, dx) * bpp;
        std::memmove(dst, src, size_t(cols) * bpp);
    }
}

} // namespace

void TopologyCanvas::renderInto(QImage& image, const QRegion& region) {
    auto* topology = qobject_cast<TopologyScene*>(scene());
    if (!topology) return;
    QPainter painter(&image);
    const bool overview = zoom() < kOverviewLod;
    for (const QRect& rect : region) {
        m_renderedArea += qint64(rect.width()) * rect.height();
        painter.resetTransform();
        painter.setClipRect(rect);
        painter.fillRect(rect, backgroundBrush());
        painter.setWorldTransform(viewportTransform());
        const QRectF exposed = mapToScene(rect.adjusted(-1, -1, 1, 1)).boundingRect();
        if (overview)
            topology->paintOverview(painter, exposed);
        else
            topology->paintItems(painter, exposed);
    }
}

void TopologyCanvas::paintTransformedFrame(QPainter& out, const QRegion& region) {
    out.setClipRegion(region);
    out.fillRect(region.boundingRect(), backgroundBrush());
    out.setTransform(m_frameTransform.inverted() * viewportTransform());
    out.drawImage(QPointF(0, 0), m_frame);
}

void TopologyCanvas::paintEvent(QPaintEvent* event) {
    auto* topology = qobject_cast<TopologyScene*>(scene());
    if (!topology) return QGraphicsView::paintEvent(event);
    QPainter out(viewport());
    const QRect minimap = minimapRect();
    const qreal dpr = viewport()->devicePixelRatioF();
    if (m_zooming && m_frameValid) {
        paintTransformedFrame(out, event->region());
        if (event->region().intersects(minimap))
            m_minimap->paint(out, minimap, visibleSceneRect(), palette(), dpr);
        return;
    }
    const QSize size = viewport()->size() * dpr;
    QRegion todo = event->region();
    if (m_frame.size() != size) {
        m_frame = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_frameValid = false;
    }
    m_frame.setDevicePixelRatio(dpr);
    if (m_frameTransform != viewportTransform()) m_frameValid = false;
    if (!m_frameValid) todo = QRegion(viewport()->rect());
    renderInto(m_frame, todo);
    m_frameValid = true;
    m_frameTransform = viewportTransform();
    for (const QRect& rect : event->region())
        out.drawImage(QRectF(rect), m_frame,
                      QRectF(QPointF(rect.topLeft()) * dpr, QSizeF(rect.size()) * dpr));
    if (event->region().intersects(minimap))
        m_minimap->paint(out, minimap, visibleSceneRect(), palette(), dpr);
}

void TopologyCanvas::scrollContentsBy(int dx, int dy) {
    if (m_frameValid && !m_zooming) {
        const qreal dpr = m_frame.devicePixelRatio();
        if (std::abs(dpr - std::round(dpr)) < 1e-6) {
            scrollImage(m_frame, int(dx * dpr), int(dy * dpr));
        } else {
            m_frameValid = false; // fractional scaling: re-render rather than mis-align
        }
    }
    QGraphicsView::scrollContentsBy(dx, dy);
    if (!m_zooming) m_frameTransform = viewportTransform();
    // The scroll moved the minimap's pixels with the content; its viewport box moved too.
    if (const QRect minimap = minimapRect(); !minimap.isEmpty()) viewport()->update(minimap);
    emit viewportChanged();
}

void TopologyCanvas::resizeEvent(QResizeEvent* event) {
    m_frameValid = false;
    QGraphicsView::resizeEvent(event);
    emit viewportChanged();
}

} // namespace tg::view
