#pragma once
// The graphics scene of the interactive topology view: builds one item per cluster, edge,
// caption and node from TopologySceneData, applies the visibility filters (hide healthy, focus
// on a neighbourhood) without moving anything, keeps the edges of the selected node highlighted,
// and shows hover tooltips (built on demand, not stored per item).
//
// Invariants: node and edge items are indexed by graph index (nullptr for an edge whose ends
// are missing from the layout); an edge (and its caption) is visible only when both its nodes
// are; items never outlive the SceneContext they point to (both are replaced together).
// Thread affinity: GUI thread.
#include <QGraphicsScene>
#include <QHash>

#include <optional>
#include <vector>

#include "views/topology/topology_items.h"

namespace tg::view {

class TopologyScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TopologyScene(QObject* parent = nullptr);
    ~TopologyScene() override;

    // Replaces all items. Nodes named in pinned are placed there instead of their layout position.
    void setData(std::shared_ptr<const TopologySceneData> data,
                 const QHash<QString, QPointF>& pinned);
    const TopologySceneData* data() const { return m_ctx.data.get(); }
    // Moves pinned nodes to their positions and the others back to the layout's.
    void applyPinned(const QHash<QString, QPointF>& pinned);

    void setStyle(const TopologyStyle& style, const QColor& selection);
    const TopologyStyle& style() const { return m_ctx.style; }
    void setCaptionKind(CaptionKind kind);
    void setFilter(bool hideHealthy, std::optional<uint32_t> focus, int hops);

    NodeItem* nodeItem(uint32_t index) const;
    EdgeItem* edgeItem(uint32_t index) const;
    const std::vector<ClusterItem*>& clusterItems() const { return m_clusters; }
    const std::vector<NodeItem*>& nodeItems() const { return m_nodes; }
    const std::vector<EdgeItem*>& edgeItems() const { return m_edges; }
    int visibleNodeCount() const;
    // The drawing's extent with a margin (grows when nodes are dragged outside).
    QRectF contentRect() const;

    // Sets the edge highlight for the current selection (call on selectionChanged).
    void updateHighlight();

    // Draws what is in `exposed` (scene coordinates; the painter maps scene to device) without
    // QGraphicsView's per-item overhead: clusters and nodes through their own paint(), edges as
    // batched hairlines looking like the items' hairlines. The canvas uses it when zoomed out
    // below kOverviewLod, where thousands of items can be in view; it then repaints on
    // contentChanged itself, since the scene's dirty tracking only follows item painting.
    void paintOverview(QPainter& painter, const QRectF& exposed);
    // Draws the visible items intersecting `exposed` in stacking order with their own paint()
    // (what QGraphicsView does, without per-item state saving and style options).
    void paintItems(QPainter& painter, const QRectF& exposed);
    // A node with errors (its own, or on the calls into an inferred peer) is never "healthy".
    bool hasErrors(uint32_t node) const;

signals:
    void nodeDragFinished(uint32_t node, QPointF position);
    void nodeActivated(uint32_t node);
    void contentChanged();                // anything may look different (repaint all)
    void areaChanged(const QRectF& area); // only this scene area looks different

protected:
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    struct HairlineBatch {
        bool failing = false;
        double width = 1; // representative stroke width of the batch (geometry units)
        std::vector<QLineF> lines;
    };
    void buildHairlineBatches();
    void invalidateOverview();
    void invalidateArea(const QRectF& area);
    void clearItems();
    void buildItems(const QHash<QString, QPointF>& pinned);
    std::vector<char> focusSet(uint32_t focus, int hops) const;

    SceneContext m_ctx;
    std::vector<ClusterItem*> m_clusters;
    std::vector<NodeItem*> m_nodes;
    std::vector<EdgeItem*> m_edges;
    std::vector<EdgeItem*> m_highlighted;
    QRectF m_selectionArea;               // what the current selection highlight covers
    std::vector<char> m_errorNode;        // hasErrors per node
    std::vector<HairlineBatch> m_batches; // plain edges, by colour and width class
    std::vector<EdgeItem*> m_singleEdges; // dashed or highlighted: painted by their items
    bool m_batchesDirty = true;
};

} // namespace tg::view
