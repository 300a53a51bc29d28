#pragma once
// The QGraphicsView of the topology view: wheel zoom anchored under the mouse, Ctrl+= / Ctrl+-
// / Ctrl+0 zoom keys, pan by dragging the background (ScrollHandDrag) or with the arrow and page
// keys.
//
// Painting (DESIGN §6: frames under 16 ms with thousands of services). The canvas keeps the
// last frame in an image at device resolution and paints the TopologyScene itself:
//  - a pan scrolls that image and renders only the uncovered strips (MinimalViewportUpdate);
//  - a zoom step during a gesture (wheel, keys, zoomBy) shows the last crisp frame transformed
//    to the new zoom; once the gesture has paused for kSettleMs the crisp frame (vector
//    painting at device resolution, so HiDPI stays sharp) is rendered into a second image in
//    kSettleBands bands, one per event-loop turn, and swapped in when complete, so input is
//    handled between bands and no single frame pays for the whole view;
//  - any content change (TopologyScene::contentChanged) re-renders the whole frame.
// Items are drawn by TopologyScene::paintItems (BSP query, each item's paint(), no per-item
// painter save/restore) or, zoomed out below kOverviewLod, by TopologyScene::paintOverview.
// QGraphicsView's own item painting is not used for a TopologyScene; interaction (hit testing,
// selection, dragging, tooltips) is QGraphicsScene's as usual.
//
// Thread affinity: GUI thread.
#include <QGraphicsView>
#include <QImage>
#include <QTimer>

#include <memory>

namespace tg::view {

class MinimapView;
class TopologyScene;

class TopologyCanvas : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 150;
    static constexpr int kSettleBands = 6;

    explicit TopologyCanvas(QWidget* parent = nullptr);
    ~TopologyCanvas() override;
    void setTopologyScene(TopologyScene* scene); // setScene, plus the minimap of that scene

    double zoom() const { return transform().m11(); }
    // Scales around the viewport centre, within the zoom limits. gesture: part of a series of
    // steps (wheel, keys): frames show the last crisp frame scaled until the series pauses.
    void zoomBy(double factor, bool gesture = true);
    void setZoom(double zoom, bool gesture = true);
    void setZoomLimits(double minimum, double maximum);
    QRectF visibleSceneRect() const;
    bool overviewActive() const;                         // zoomed out below kOverviewLod
    bool zoomGestureActive() const { return m_zooming; } // until the crisp frame is swapped in
    // Ends a zoom gesture now: starts rendering the crisp frame band by band.
    void settleZoom();
    // Renders the remaining bands of a settling frame at once (tests and benchmarks).
    void finishSettling();
    // The scene changed: the next paint renders the whole frame again.
    void invalidateFrame();
    // Part of the scene changed (scene coordinates): only that part is rendered again.
    void invalidateArea(const QRectF& sceneArea);
    const QImage& frame() const { return m_frame; }        // the last rendered frame (for tests)
    qint64 renderedArea() const { return m_renderedArea; } // pixels rendered so far (for tests)

    // The minimap overlay in the bottom-right corner (see minimap_view.h).
    void setMinimapEnabled(bool enabled);
    bool minimapShown() const { return !minimapRect().isEmpty(); }
    QRect minimapRect() const; // viewport coordinates; empty when not shown
    QPointF minimapToScene(QPoint viewportPos) const;
    void invalidateMinimap();

signals:
    void viewportChanged(); // scrolled, zoomed or resized
    void zoomInRequested();
    void zoomOutRequested();
    void resetZoomRequested(); // Ctrl+1: actual size, as the View menu says
    void fitRequested();       // Ctrl+0: the whole graph, as the View menu says

protected:
    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    enum class ZoomKey { None, In, Out, Fit, Reset };
    static ZoomKey zoomKey(const QKeyEvent* event);
    void renderInto(QImage& image, const QRegion& region);
    void renderNextBand();
    void paintTransformedFrame(QPainter& out, const QRegion& region);

    double m_minZoom = 0.02;
    double m_maxZoom = 6;
    QImage m_frame;              // the view as last rendered (device pixels)
    QTransform m_frameTransform; // viewportTransform() that m_frame was rendered with
    bool m_frameValid = false;
    bool m_zooming = false;
    QTimer m_settle;
    QImage m_next;              // the crisp frame being rendered after a zoom gesture
    QTransform m_nextTransform; // viewportTransform() it is rendered with
    int m_nextBand = -1;        // next band to render; -1: none pending
    QTimer m_bandTimer;
    std::unique_ptr<MinimapView> m_minimap;
    bool m_minimapEnabled = false;
    bool m_minimapDragging = false;
    qint64 m_renderedArea = 0;
};

} // namespace tg::view
