#pragma once
// Minimap of the topology canvas: the whole drawing in miniature (clusters, edges as hairlines,
// nodes as health-coloured boxes) with the viewport's rectangle, in the canvas's bottom-right
// corner; a click or a drag on it centres the canvas there.
//
// It is painted by TopologyCanvas over its frame (an overlay, not a child widget: a widget on
// top of the viewport would make Qt repaint the whole viewport on every scroll instead of
// moving its pixels). The miniature is drawn into an image at the device pixel ratio when the
// scene changes (lazily, on the next paint), so a pan repaints only the small corner.
// Thread affinity: GUI thread.
#include <QImage>
#include <QRect>
#include <QRectF>

class QPainter;
class QPalette;

namespace tg::view {

class TopologyScene;

class MinimapView {
public:
    explicit MinimapView(const TopologyScene* scene);

    void invalidate() { m_dirty = true; } // scene content changed
    // Where the minimap goes in a viewport of this size (empty when too small).
    QRect geometry(const QSize& viewport) const;
    // Scene point under a point of the minimap (coordinates relative to its top-left).
    QPointF toScene(const QPointF& local, const QSize& size) const;
    QPointF fromScene(const QPointF& scenePos, const QSize& size) const;
    // Paints at `where` (viewport coordinates), marking the visible scene rectangle.
    void paint(QPainter& painter, const QRect& where, const QRectF& visible,
               const QPalette& palette, qreal devicePixelRatio);

private:
    QRectF sceneArea() const;
    void renderThumbnail(const QSize& size, qreal devicePixelRatio);

    const TopologyScene* m_scene;
    QImage m_thumbnail;
    bool m_dirty = true;
};

} // namespace tg::view
