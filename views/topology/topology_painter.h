#pragma once
// Headless painter of the service topology: clusters, edges and nodes drawn from a
// LayoutGeometry with any QPainter (GUI scene, SVG, PNG, PDF), so every output looks the same.
// paintTopology() draws everything; the per-element functions below (paintCluster, paintEdge,
// paintEdgeCaption, paintNode) are what it is made of, and the GUI's scene items call the same
// functions, each for its own element, so the workbench and the exports cannot drift apart.
//
// Coordinates are the geometry's (points, y down, from (0, 0) to width x height); callers set the
// painter transform (margins, zoom, device resolution). Text is drawn as real text in DejaVu
// Sans with pixel sizes in geometry units, so it scales with the transform and stays text in
// SVG/PDF.
//
// Thread affinity: paintTopology() only touches the painter and its arguments; it may run on any
// thread that may paint on the device (QImage/QSvgGenerator/QPdfWriter: any thread with a
// QGuiApplication alive; widgets: the GUI thread).
#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QPen>
#include <QPointF>
#include <QRectF>
#include <QString>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"

class QPainter;

namespace tg::view {

struct HealthColors {
    QColor border;
    QColor fill;
};

struct TopologyStyle {
    QString fontFamily = QStringLiteral("DejaVu Sans");
    QColor background{0xff, 0xff, 0xff};
    double margin = 24; // around the drawing in exports (geometry units)

    // Node health by error rate (errors / calls): above warn → amber, above critical → red.
    double warnErrorRate = 0.01;
    double criticalErrorRate = 0.05;
    HealthColors healthy{QColor(0x2f, 0x9e, 0x5b), QColor(0xee, 0xf8, 0xf1)};
    HealthColors warning{QColor(0xe0, 0x8a, 0x00), QColor(0xfe, 0xf5, 0xe4)};
    HealthColors critical{QColor(0xd1, 0x34, 0x38), QColor(0xfd, 0xec, 0xec)};
    HealthColors idle{QColor(0x7b, 0x8a, 0x9c), QColor(0xf3, 0xf5, 0xf8)}; // no calls seen

    QColor text{0x1c, 0x25, 0x33};
    QColor subtleText{0x5a, 0x67, 0x78};
    QColor criticalText = critical.border.darker(120); // subtitle of a critical node
    QColor clusterFill{0xf4, 0xf6, 0xfa};
    QColor clusterBorder{0xc9, 0xd1, 0xdc};
    QColor clusterText{0x4a, 0x57, 0x68};
    QColor externalFill{0xfc, 0xfd, 0xfe}; // external APIs: not observed, so no health fill
    QColor nodeShadow{20, 30, 45, 28};

    // Edges: width grows with log(calls) relative to the busiest edge; red above the threshold.
    double edgeErrorRate = 0.05;
    double minEdgeWidth = 1.0;
    double maxEdgeWidth = 4.5;
    QColor edgeColor{0x8a, 0x96, 0xa8};
    QColor edgeErrorColor{0xd6, 0x45, 0x45};
    QColor edgeErrorText = edgeErrorColor.darker(115);
    QColor captionBackground{255, 255, 255, 225}; // pill behind edge captions
    bool edgeLabels = true;                       // "12 rps · 3.1% err" captions
    size_t maxFloatingLabels = 150; // captions Graphviz did not place: only on small graphs
};

enum class Health { Idle, Healthy, Warning, Critical };
Health healthOf(const model::CallStats& stats, const TopologyStyle& style);
const HealthColors& healthColors(Health health, const TopologyStyle& style);

void paintTopology(QPainter& painter, const model::ServiceGraph& graph,
                   const model::LayoutGeometry& geometry, const TopologyStyle& style = {});

// ---- Per-element painting (geometry units; the caller sets antialiasing and the transform) --

// The fonts of one drawing, made once (pixel sizes in geometry units, design metrics).
struct TopologyFonts {
    QFont name, subtitle, caption, cluster;
};
TopologyFonts topologyFonts(const TopologyStyle& style, double fontSize);

void paintCluster(QPainter& p, const QRectF& rect, const QString& label, double fontSize,
                  const TopologyFonts& fonts, const TopologyStyle& style);

// An edge ready to draw: the stroked path ends at the base of the arrow head.
struct EdgeShape {
    QPainterPath path;
    QPointF arrowBase, arrowTip;
    QPointF captionCentre; // Graphviz's label position, else halfway along the path
    bool valid = false;    // false: nothing to draw (fewer than 4 control points)
};
EdgeShape edgeShape(const model::EdgePath& path);

// Edge width grows with log(calls) relative to the busiest edge (logMaxCalls = log1p(max)).
double logMaxCalls(const model::ServiceGraph& graph);
double edgeWidth(const model::GraphEdge& edge, double logMaxCalls, const TopologyStyle& style);
bool edgeFailing(const model::GraphEdge& edge, const TopologyStyle& style); // drawn red
QColor edgeColor(const model::GraphEdge& edge, const TopologyStyle& style);

// The pen paintEdge strokes with (colour, width, dashes for inferred edges, flat caps).
QPen edgePen(const model::GraphEdge& edge, double width, const TopologyStyle& style);
double edgeLineWidth(const model::GraphEdge& edge, double width, const TopologyStyle& style);
void paintEdge(QPainter& p, const model::GraphEdge& edge, const EdgeShape& shape, double width,
               const TopologyStyle& style);
// The filled head of an edge of lineWidth from base to tip.
void paintArrowHead(QPainter& p, QPointF base, QPointF tip, double lineWidth, const QColor& color);
void paintEdgeCaption(QPainter& p, const model::GraphEdge& edge, QPointF centre,
                      const QString& text, const QFont& font, const TopologyStyle& style);
// The caption's pill, for callers that keep it (the same as paintEdgeCaption computes).
QRectF edgeCaptionBox(QPointF centre, const QString& text, const QFont& font);
void paintEdgeCaption(QPainter& p, const model::GraphEdge& edge, const QRectF& box,
                      const QString& text, const QFont& font, const TopologyStyle& style);

// The node's outline for its kind (rounded box, cylinder, pipe, pill) in rect.
QPainterPath nodeOutline(model::NodeKind kind, const QRectF& rect);

// A node's two text lines, elided to the box once (the layout sized boxes by the estimate).
struct NodeText {
    QString name, subtitle;
    QRectF nameRect, subtitleRect; // subtitleRect empty when there is no subtitle
};
NodeText nodeText(const model::GraphNode& node, const QRectF& rect, double fontSize,
                  const model::TimeBuckets& buckets, const TopologyFonts& fonts);

// Shadow, body, kind details and health stripe. stripe: the precomputed health stripe (the
// outline's left 5 units, see nodeStripe); empty = clip to the outline while painting.
void paintNodeBody(QPainter& p, const model::GraphNode& node, const QRectF& rect,
                   const QPainterPath& outline, Health health, const TopologyStyle& style,
                   const QPainterPath& stripe = {});
QPainterPath nodeStripe(const QPainterPath& outline, const QRectF& rect);
void paintNodeText(QPainter& p, const NodeText& text, Health health, const TopologyFonts& fonts,
                   const TopologyStyle& style);
void paintNode(QPainter& p, const model::GraphNode& node, const QRectF& rect, double fontSize,
               const model::TimeBuckets& buckets, const TopologyFonts& fonts,
               const TopologyStyle& style);

} // namespace tg::view
