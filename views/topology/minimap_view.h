#pragma once
// Minimap overlay of the topology view: the whole drawing in miniature (clusters, edges as
// hairlines, nodes as health-coloured boxes) with the canvas's viewport rectangle; a click or a
// drag centres the canvas there.
//
// The miniature is drawn into an image at the screen's device pixel ratio when the scene content
// changes (coalesced: redrawn on the next paint), so a pan only repaints the small widget and
// its viewport rectangle; scene items are never asked to paint for it.
// Thread affinity: GUI thread.
#include <QImage>
#include <QWidget>

namespace tg::view {

class TopologyCanvas;
class TopologyScene;

class MinimapView : public QWidget {
    Q_OBJECT
public:
    MinimapView(TopologyScene* scene, TopologyCanvas* canvas, QWidget* parent = nullptr);

    void invalidate();                    // scene content changed
    QSize sizeFor(QSize available) const; // keeps the scene's aspect ratio
    QPointF toScene(QPointF widgetPos) const;
    QPointF fromScene(QPointF scenePos) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF sceneArea() const;
    QRectF drawArea() const; // where the scene maps to inside the widget
    void renderThumbnail();
    void navigate(QPointF widgetPos);

    TopologyScene* m_scene;
    TopologyCanvas* m_canvas;
    QImage m_thumbnail;
    bool m_dirty = true;
};

} // namespace tg::view
