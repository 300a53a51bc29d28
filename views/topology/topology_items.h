#pragma once
// Scene items of the interactive topology view: one item per cluster, edge, edge caption and
// node (never one widget per node). Each draws itself with the shared per-element painter
// (topology_painter.h), so the workbench looks like the exports, plus the interactive extras:
// selection outline, highlighted edges of the selected node, level of detail when zoomed out.
//
// Stacking: clusters (z 0) < edges (1; failing edges 1.5, highlighted 1.8) < captions (2) <
// nodes (3). Node items sit at their centre; their drawing data is node-local, so moving one
// recomputes nothing but its edges. An edge follows the layout's Bezier while both ends are at
// their layout positions and becomes a straight (or, with a reverse twin, gently curved) path
// between the node borders once either end has moved.
//
// Level of detail (painter scale = pixels per geometry unit): text is skipped when it would be
// under 5 px tall, arrow heads under 3 px; below kCheapLod nodes are plain health-coloured
// boxes. Edges thinner than kHairlinePx on screen are 1 px cosmetic lines carrying the thinner
// stroke's coverage as alpha (Qt's fast cosmetic-pen path); wider ones are stroked, cut to the
// visible area first when only part of them is in view (stroking costs the whole length).
// Antialiased line fill is what frames cost (~10 ns a pixel here), so this is where the frame
// budget goes (see the topology frame benchmark).
//
// Thread affinity: GUI thread (created by TopologyScene; read SceneContext while painting).
#include <QGraphicsItem>

#include <functional>
#include <memory>
#include <vector>

#include "views/topology/topology_painter.h"
#include "views/topology/topology_scene_data.h"
#include "views/topology/topology_text.h"

namespace tg::view {

class NodeItem;
class EdgeItem;

// State shared by all items of one scene (owned by TopologyScene, outlives its items).
struct SceneContext {
    std::shared_ptr<const TopologySceneData> data;
    TopologyStyle style;
    TopologyFonts fonts;
    QColor selection{0x30, 0x8c, 0xe8};
    CaptionKind caption = CaptionKind::Rps;
    std::function<void(NodeItem*)> nodeDragFinished; // after a user drag that moved the node
    std::function<void(NodeItem*)> nodeActivated;    // double-click
    std::function<void(const QRectF&)> areaChanged;  // scene area to repaint (drag, highlight)

    const model::ServiceGraph& graph() const { return *data->graph; }
    double fontSize() const { return data->geometry.fontSize; }
};

inline constexpr double kCheapLod = 0.16;   // below: nodes are plain boxes
inline constexpr double kMinTextPx = 5;     // smaller text is not drawn
inline constexpr double kHairlinePx = 1.25; // thinner edges are drawn as 1 px hairlines
inline constexpr double kMinArrowPx = 3;    // smaller arrow heads are not drawn
inline constexpr double kOverviewLod = 0.3; // below: the canvas batch-paints (paintOverview)

// Hairline colour of an edge that would be deviceWidth pixels wide: a 1 px line with the
// coverage of the thinner stroke (Qt's fast cosmetic-pen path instead of stroking).
QColor hairlineColor(QColor color, double deviceWidth);
// The parts of a polyline inside clip, cut at its border, as subpaths (strokes of long edges
// cost their whole length otherwise). With a dash period, each part starts at a whole period
// along the line (backing up outside the clip) so the dashes stay where the unclipped path has
// them.
QPainterPath clipPolyline(const QPolygonF& line, const QRectF& clip, double dashPeriod);

class ClusterItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    ClusterItem(const SceneContext* context, size_t index);
    QString label() const;
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int type() const override { return Type; }

private:
    const SceneContext* m_ctx;
    QRectF m_rect;
    QString m_label;
};

class EdgeCaptionItem;

class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    EdgeItem(const SceneContext* context, uint32_t index, NodeItem* source, NodeItem* target);
    uint32_t index() const { return m_index; }
    const model::GraphEdge& edge() const;
    NodeItem* source() const { return m_source; }
    NodeItem* target() const { return m_target; }
    EdgeCaptionItem* caption() const { return m_caption; }
    void setCaption(EdgeCaptionItem* caption) { m_caption = caption; }
    void setHasTwin(bool twin) { m_twin = twin; } // a reverse edge exists: curve when rerouted
    void setHighlighted(bool on);                 // an edge of the selected node
    bool isHighlighted() const { return m_highlighted; }
    void restack(); // z order for the current style (failing edges above the others)
    bool isRerouted() const { return m_rerouted; }
    const EdgeShape& currentShape() const { return m_rerouted ? m_moved : layoutShape(); }
    const QPolygonF& currentPolyline() const;
    double width() const;  // layout-given stroke width (geometry units)
    void endpointsMoved(); // recompute the path after a node moved

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int type() const override { return Type; }

private:
    const EdgeShape& layoutShape() const;
    void updateBounds();
    void paintHairline(QPainter* p, double lod, bool marked);
    void paintStroke(QPainter* p, bool marked);

    const SceneContext* m_ctx;
    uint32_t m_index;
    NodeItem* m_source;
    NodeItem* m_target;
    EdgeCaptionItem* m_caption = nullptr;
    bool m_twin = false;
    bool m_highlighted = false;
    bool m_rerouted = false;
    EdgeShape m_moved;
    QPolygonF m_movedPolyline;
    QRectF m_bounds;
    mutable QPainterPath m_hitShape; // lazily stroked
};

class EdgeCaptionItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    EdgeCaptionItem(const SceneContext* context, EdgeItem* edge);
    EdgeItem* edgeItem() const { return m_edge; }
    QString text() const { return m_text; }
    void refresh(); // text for the context's caption kind, position from the edge
    QRectF boundingRect() const override { return m_box; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int type() const override { return Type; }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override; // selects the edge

private:
    const SceneContext* m_ctx;
    EdgeItem* m_edge;
    QString m_text;
    QRectF m_box;
};

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };
    NodeItem(const SceneContext* context, uint32_t index);
    uint32_t index() const { return m_index; }
    const model::GraphNode& node() const;
    QString name() const;     // as drawn (elided only if the box is too small)
    QString subtitle() const; // "120 rps · 3.1% err" or empty
    QRectF localRect() const; // the box, centred on (0, 0)
    QPointF layoutPosition() const;
    bool isMoved() const { return pos() != layoutPosition(); }
    void addEdge(EdgeItem* edge) { m_edges.push_back(edge); }
    // Scene area the node, its edges and their captions cover.
    QRectF paintedArea() const;
    const std::vector<EdgeItem*>& edges() const { return m_edges; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int type() const override { return Type; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    const TopologySceneData::Node& data() const;

    const SceneContext* m_ctx;
    uint32_t m_index;
    std::vector<EdgeItem*> m_edges;
    QPointF m_pressPos;
};

// Straight (or, with curve != 0, gently bowed to the right) edge between two node boxes, ending
// at the target's border with room for the arrow head. Boxes are in scene coordinates.
EdgeShape routeBetween(const QRectF& from, const QRectF& to, double curve);

} // namespace tg::view
