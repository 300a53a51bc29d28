#pragma once
// The interactive service topology of the workbench: a QGraphicsScene with one item per node,
// edge, edge caption and cluster (topology_items.h) drawn with the export painter, in a
// zoomable, pannable canvas (topology_canvas.h: frame buffer, strip repaints on pans, scaled
// previews during zoom gestures) with a minimap overlay for graphs of more than 40 services.
//
// Showing a graph (DESIGN §4): the layout is computed elsewhere, off the GUI thread. setGraph()
// then precomputes the drawing data (TopologySceneData: outlines, elided texts, edge paths) and
// builds the items, on the GUI thread; a caller showing thousands of services can run
// buildTopologySceneData() on the worker that made the layout and call setSceneData() instead,
// leaving only item creation on the GUI thread. A new graph keeps the current zoom when it is
// mostly the same services (a refresh), and fits the view when it is a different graph.
//
// Selection signals (nodeSelected, edgeSelected, selectionCleared) report every change of the
// selection, made by the user or through selectNode/selectEdge/clearSelection/findAndSelect,
// once per change; selecting what is already selected emits nothing.
// Invariants: filters (hide healthy, focus) only show and hide items, never move them; user-
// dragged positions are kept by node name (pinnedPositions) across setGraph calls.
// Thread affinity: GUI thread (a QWidget).
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QWidget>

#include <memory>
#include <optional>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"
#include "views/topology/topology_painter.h"
#include "views/topology/topology_scene_data.h"

class QGraphicsScene;

class QLabel;

namespace tg::view {

class TopologyCanvas;
class TopologyScene;

class TopologyView : public QWidget {
    Q_OBJECT
public:
    enum class EdgeLabel { Rps, ErrorRate, P95, None };
    explicit TopologyView(QWidget* parent = nullptr);
    ~TopologyView() override;

    // Shows a graph with its layout (computed elsewhere, off the GUI thread). Nodes whose names
    // are in the pinned positions keep those positions (user-dragged), the rest take the layout's.
    void setGraph(std::shared_ptr<const model::ServiceGraph> graph,
                  const model::LayoutGeometry& geometry);
    // Same, with the drawing data already built (buildTopologySceneData, any thread).
    void setSceneData(std::shared_ptr<const TopologySceneData> data);
    void setPinnedPositions(const QHash<QString, QPointF>& positions);
    QHash<QString, QPointF> pinnedPositions() const;
    void setEdgeLabel(EdgeLabel label);
    void setHideHealthy(
        bool hide); // hides nodes with no errors (and their edges) without moving anything
    void setFocus(std::optional<uint32_t> node,
                  int hops); // show only nodes within N hops up/downstream
    using QWidget::setFocus; // keyboard focus, as on every widget
    bool findAndSelect(
        const QString& text); // case-insensitive substring; selects and centres the next match
    void setErrorThresholds(double warn,
                            double critical); // error-rate fractions, default 0.01 / 0.05
    void fitToView();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void selectNode(uint32_t node);
    void selectEdge(uint32_t edge);
    void clearSelection();
    QImage renderVisible(double scale) const; // for "copy as image"
    int visibleNodeCount() const;
    // True while the canvas tells the user how to get a map (the graph has no services).
    bool showsEmptyHint() const;   // for tests
    QGraphicsScene* scene() const; // for tests

signals:
    void nodeSelected(uint32_t node);
    void edgeSelected(uint32_t edge);
    void selectionCleared();
    void nodeMoved(const QString& name, QPointF position); // after a user drag (pin it)
    void nodeActivated(uint32_t node);                     // double-click

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Selection {
        enum Kind { None, Node, Edge } kind = None;
        uint32_t index = 0;
        bool operator==(const Selection&) const = default;
    };
    Selection currentSelection() const;
    void onSelectionChanged();
    void emitSelection(bool force);
    void restoreSelection(const QString& nodeName, const QString& edgeFrom, const QString& edgeTo);
    void applyFilter();
    void applyStyle();
    void updateZoomLimits();
    void updateMinimap();
    QRectF visibleItemsRect() const;
    void onNodeDragFinished(uint32_t node, QPointF position);

    TopologyScene* m_scene;
    TopologyCanvas* m_canvas;
    QLabel* m_emptyHint = nullptr; // over the canvas while the graph has no services
    TopologyStyle m_style;
    QHash<QString, QPointF> m_pinned;
    bool m_hideHealthy = false;
    std::optional<uint32_t> m_focus;
    QString m_focusName; // focus follows the service across setGraph calls
    int m_focusHops = 1;
    double m_warn = 0.01, m_critical = 0.05;
    Selection m_emitted;
    int m_selectionBatch = 0; // > 0: selection changes are reported once, at the end
    bool m_fitPending = false;
};

} // namespace tg::view
