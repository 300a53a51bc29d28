#pragma once
// The QGraphicsView of the topology view: wheel zoom anchored under the mouse, Ctrl+= / Ctrl+-
// / Ctrl+0 zoom keys, pan by dragging the background (ScrollHandDrag) or with the arrow and page
// keys, and the rendering settings that keep frames cheap (minimal viewport updates, no painter
// state saving between items: every item sets what it uses).
//
// Thread affinity: GUI thread.
#include <QGraphicsView>

namespace tg::view {

class TopologyCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit TopologyCanvas(QWidget* parent = nullptr);

    double zoom() const { return transform().m11(); }
    // Scales by factor around the viewport centre, within the zoom limits.
    void zoomBy(double factor);
    void setZoom(double zoom);
    void setZoomLimits(double minimum, double maximum);
    QRectF visibleSceneRect() const;
    // Zoomed out below kOverviewLod: painted by TopologyScene::paintOverview (see there).
    bool overviewActive() const;

signals:
    void viewportChanged(); // scrolled, zoomed or resized
    void zoomInRequested();
    void zoomOutRequested();
    void resetZoomRequested();

protected:
    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class ZoomKey { None, In, Out, Reset };
    static ZoomKey zoomKey(const QKeyEvent* event);

    double m_minZoom = 0.02;
    double m_maxZoom = 6;
};

} // namespace tg::view
