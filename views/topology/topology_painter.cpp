#include "views/topology/topology_painter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace tg::view {

namespace {

using model::ClusterBox;
using model::EdgePath;
using model::GraphEdge;
using model::GraphNode;
using model::LayoutGeometry;
using model::NodeBox;
using model::NodeKind;

QFont makeFont(const TopologyStyle& style, double pixelSize, bool bold) {
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    font.setBold(bold);
    // Design metrics: the same advances on screen, in PNG, SVG and PDF (and in the layout's
    // estimate of box widths).
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

QPointF qt(const model::PointF& p) {
    return {p.x, p.y};
}

QRectF qt(const model::RectF& r) {
    return {r.x, r.y, r.width, r.height};
}

// Text centred in a rectangle (already elided to fit).
void drawCentredText(QPainter& p, const QRectF& rect, const QString& text, const QFont& font,
                     const QColor& color) {
    p.setFont(font);
    p.setPen(color);
    p.drawText(rect, Qt::AlignCenter | Qt::TextSingleLine, text);
}

void paintEdges(QPainter& p, const model::ServiceGraph& graph, const LayoutGeometry& geo,
                const TopologyFonts& fonts, const TopologyStyle& style) {
    const size_t count = std::min(graph.edges.size(), geo.edges.size());
    const double logMax = logMaxCalls(graph);
    // Error edges last, so red stays on top where paths cross.
    std::vector<size_t> order(count);
    for (size_t i = 0; i < count; ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(),
                          [&](size_t i) { return !edgeFailing(graph.edges[i], style); });
    std::vector<EdgeShape> shapes(count);
    for (size_t i : order) {
        shapes[i] = edgeShape(geo.edges[i]);
        paintEdge(p, graph.edges[i], shapes[i], edgeWidth(graph.edges[i], logMax, style), style);
    }
    if (!style.edgeLabels || (!geo.edgeLabels && count > style.maxFloatingLabels)) return;
    for (size_t i : order) {
        const QString text =
            QString::fromStdString(model::edgeCaption(graph.edges[i], graph.buckets));
        if (!text.isEmpty() && shapes[i].valid)
            paintEdgeCaption(p, graph.edges[i], shapes[i].captionCentre, text, fonts.caption,
                             style);
    }
}

constexpr double kDbCap = 14;    // database: height of the top ellipse (layout adds it)
constexpr double kQueueEnd = 20; // queue: width of the pipe's end face (layout adds it)
constexpr double kStripeWidth = 5;

QPainterPath cylinderPath(const QRectF& r) {
    const double cap = std::min(kDbCap, r.height() / 3);
    QPainterPath body;
    body.moveTo(r.left(), r.top() + cap / 2);
    body.lineTo(r.left(), r.bottom() - cap / 2);
    body.arcTo(QRectF(r.left(), r.bottom() - cap, r.width(), cap), 180, 180);
    body.lineTo(r.right(), r.top() + cap / 2);
    body.arcTo(QRectF(r.left(), r.top(), r.width(), cap), 0, 180);
    body.closeSubpath();
    return body;
}

QPainterPath pipePath(const QRectF& r) {
    const double end = std::min(kQueueEnd, r.width() / 3);
    QPainterPath body;
    body.moveTo(r.left() + end / 2, r.top());
    body.lineTo(r.right() - end / 2, r.top());
    body.arcTo(QRectF(r.right() - end, r.top(), end, r.height()), 90, -180);
    body.lineTo(r.left() + end / 2, r.bottom());
    body.arcTo(QRectF(r.left(), r.top(), end, r.height()), 270, -180);
    body.closeSubpath();
    return body;
}

// Inner lines that make the kind readable: the database's top rim, the queue's end face.
void paintKindDetails(QPainter& p, NodeKind kind, const QRectF& r, const QPen& pen) {
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    if (kind == NodeKind::Database) {
        const double cap = std::min(kDbCap, r.height() / 3);
        p.drawArc(QRectF(r.left(), r.top(), r.width(), cap), 180 * 16, 180 * 16);
    } else if (kind == NodeKind::Queue) {
        const double end = std::min(kQueueEnd, r.width() / 3);
        p.drawArc(QRectF(r.right() - end, r.top(), end, r.height()), 90 * 16, 180 * 16);
    }
}

// The text area inside the shape (the layout added room for caps and ends).
QRectF contentRect(NodeKind kind, const QRectF& r) {
    switch (kind) {
    case NodeKind::Database:
        return r.adjusted(0, kDbCap, 0, 0);
    case NodeKind::Queue:
        return r.adjusted(kQueueEnd / 2, 0, -kQueueEnd, 0);
    case NodeKind::External:
        return r.adjusted(4, 0, -4, 0);
    case NodeKind::Service:
        break;
    }
    return r;
}

} // namespace

Health healthOf(const model::CallStats& stats, const TopologyStyle& style) {
    if (stats.calls == 0) return Health::Idle;
    const double rate = model::errorRate(stats);
    if (rate > style.criticalErrorRate) return Health::Critical;
    if (rate > style.warnErrorRate) return Health::Warning;
    return Health::Healthy;
}

const HealthColors& healthColors(Health health, const TopologyStyle& style) {
    switch (health) {
    case Health::Healthy:
        return style.healthy;
    case Health::Warning:
        return style.warning;
    case Health::Critical:
        return style.critical;
    case Health::Idle:
        break;
    }
    return style.idle;
}

void paintTopology(QPainter& painter, const model::ServiceGraph& graph,
                   const model::LayoutGeometry& geometry, const TopologyStyle& style) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const TopologyFonts fonts = topologyFonts(style, geometry.fontSize);
    for (const ClusterBox& cluster : geometry.clusters)
        paintCluster(painter, qt(cluster.rect), QString::fromStdString(cluster.label),
                     geometry.fontSize, fonts, style);
    paintEdges(painter, graph, geometry, fonts, style);
    const size_t count = std::min(graph.nodes.size(), geometry.nodes.size());
    for (size_t i = 0; i < count; ++i)
        paintNode(painter, graph.nodes[i], qt(geometry.nodes[i].rect()), geometry.fontSize,
                  graph.buckets, fonts, style);
    painter.restore();
}

// ---- fonts and clusters ---------------------------------------------------------------------

TopologyFonts topologyFonts(const TopologyStyle& style, double fontSize) {
    return {makeFont(style, fontSize, true),
            makeFont(style, fontSize * model::kSubtitleScale, false),
            makeFont(style, fontSize * model::kSubtitleScale, false),
            makeFont(style, fontSize * 0.9, true)};
}

void paintCluster(QPainter& p, const QRectF& rect, const QString& label, double fontSize,
                  const TopologyFonts& fonts, const TopologyStyle& style) {
    p.setPen(QPen(style.clusterBorder, 1.0));
    p.setBrush(style.clusterFill);
    p.drawRoundedRect(rect, 10, 10);
    const QRectF labelRect(rect.x() + 10, rect.y() + 5, rect.width() - 20, fontSize * 1.4);
    p.setFont(fonts.cluster);
    p.setPen(style.clusterText);
    const QString text =
        QFontMetricsF(fonts.cluster).elidedText(label, Qt::ElideRight, labelRect.width());
    p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text);
}

// ---- edges ----------------------------------------------------------------------------------

EdgeShape edgeShape(const model::EdgePath& edge) {
    EdgeShape shape;
    if (edge.points.size() < 4) return shape;
    shape.valid = true;
    shape.path = QPainterPath(qt(edge.points.front()));
    for (size_t i = 1; i + 2 < edge.points.size(); i += 3)
        shape.path.cubicTo(qt(edge.points[i]), qt(edge.points[i + 1]), qt(edge.points[i + 2]));
    const QPointF end = qt(edge.points.back());
    if (edge.hasArrow) {
        shape.arrowBase = end;
        shape.arrowTip = qt(edge.arrowTip);
    } else {
        // No head from Graphviz: put one on the last 10 units of the path.
        const QPointF prev = qt(edge.points[edge.points.size() - 2]);
        const QPointF dir = end - prev;
        const double len = std::hypot(dir.x(), dir.y());
        shape.arrowBase = len > 1e-6 ? end - dir / len * 10 : end;
        shape.arrowTip = end;
    }
    shape.captionCentre = edge.hasLabel ? qt(edge.labelCenter) : qt(edge.midpoint());
    return shape;
}

double logMaxCalls(const model::ServiceGraph& graph) {
    uint64_t maxCalls = 0;
    for (const GraphEdge& e : graph.edges)
        maxCalls = std::max(maxCalls, e.stats.calls);
    return std::log1p(double(maxCalls));
}

double edgeWidth(const GraphEdge& edge, double logMax, const TopologyStyle& style) {
    if (logMax <= 0) return style.minEdgeWidth;
    const double t = std::log1p(double(edge.stats.calls)) / logMax;
    return style.minEdgeWidth + (style.maxEdgeWidth - style.minEdgeWidth) * std::clamp(t, 0.0, 1.0);
}

bool edgeFailing(const GraphEdge& edge, const TopologyStyle& style) {
    return model::errorRate(edge.stats) > style.edgeErrorRate;
}

QColor edgeColor(const GraphEdge& edge, const TopologyStyle& style) {
    return edgeFailing(edge, style) ? style.edgeErrorColor : style.edgeColor;
}

void paintArrowHead(QPainter& p, QPointF base, QPointF tip, double lineWidth, const QColor& c) {
    QPointF dir = tip - base;
    double length = std::hypot(dir.x(), dir.y());
    if (length < 1e-6) return;
    dir /= length;
    const QPointF normal(-dir.y(), dir.x());
    const double half = 3.5 + lineWidth * 0.9;
    QPolygonF head;
    head << tip << base + normal * half << base - normal * half;
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(head);
}

QPen edgePen(const GraphEdge& edge, double width, const TopologyStyle& style) {
    // Inferred edges (to peers that sent no spans) are dashed and a little lighter: the calls
    // are real, the far side is not observed.
    const double lineWidth = edgeLineWidth(edge, width, style);
    QPen pen(edgeColor(edge, style), lineWidth, edge.inferred ? Qt::DashLine : Qt::SolidLine,
             Qt::FlatCap, Qt::RoundJoin);
    if (edge.inferred) pen.setDashPattern({5.0 / lineWidth, 3.5 / lineWidth}); // in pen widths
    return pen;
}

double edgeLineWidth(const GraphEdge& edge, double width, const TopologyStyle& style) {
    return edge.inferred ? std::max(style.minEdgeWidth, width * 0.75) : width;
}

void paintEdge(QPainter& p, const GraphEdge& edge, const EdgeShape& shape, double width,
               const TopologyStyle& style) {
    if (!shape.valid) return;
    p.setPen(edgePen(edge, width, style));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape.path);
    paintArrowHead(p, shape.arrowBase, shape.arrowTip, width, edgeColor(edge, style));
}

QRectF edgeCaptionBox(QPointF centre, const QString& text, const QFont& font) {
    const QFontMetricsF metrics(font);
    const double w = metrics.horizontalAdvance(text) + 8, h = metrics.height() + 2;
    return {centre.x() - w / 2, centre.y() - h / 2, w, h};
}

void paintEdgeCaption(QPainter& p, const GraphEdge& edge, QPointF centre, const QString& text,
                      const QFont& font, const TopologyStyle& style) {
    paintEdgeCaption(p, edge, edgeCaptionBox(centre, text, font), text, font, style);
}

void paintEdgeCaption(QPainter& p, const GraphEdge& edge, const QRectF& box, const QString& text,
                      const QFont& font, const TopologyStyle& style) {
    const double h = box.height();
    p.setPen(Qt::NoPen);
    p.setBrush(style.captionBackground);
    p.drawRoundedRect(box, h / 2, h / 2);
    p.setFont(font);
    p.setPen(edgeFailing(edge, style) ? style.edgeErrorText : style.subtleText);
    p.drawText(box, Qt::AlignCenter | Qt::TextSingleLine, text);
}

// ---- nodes ----------------------------------------------------------------------------------

QPainterPath nodeOutline(NodeKind kind, const QRectF& r) {
    QPainterPath path;
    switch (kind) {
    case NodeKind::Database:
        return cylinderPath(r);
    case NodeKind::Queue:
        return pipePath(r);
    case NodeKind::External:
        path.addRoundedRect(r, r.height() / 2, r.height() / 2);
        return path;
    case NodeKind::Service:
        break;
    }
    path.addRoundedRect(r, 7, 7);
    return path;
}

NodeText nodeText(const GraphNode& node, const QRectF& rect, double fontSize,
                  const model::TimeBuckets& buckets, const TopologyFonts& fonts) {
    NodeText text;
    const QRectF content = contentRect(node.kind, rect).adjusted(6, 0, -6, 0);
    const QString subtitle = QString::fromStdString(model::nodeSubtitle(node, buckets));
    const double nameH = fontSize * 1.25;
    const double subSize = fontSize * model::kSubtitleScale;
    const double subH = subtitle.isEmpty() ? 0 : subSize * 1.25 + 2;
    const double top = content.center().y() - (nameH + subH) / 2;
    text.nameRect = QRectF(content.left(), top, content.width(), nameH);
    // Elide only when the layout's estimate under-sized the box (elidedText is not cheap).
    const QString name = QString::fromStdString(node.name);
    const QFontMetricsF nameMetrics(fonts.name);
    text.name = nameMetrics.horizontalAdvance(name) <= content.width()
                    ? name
                    : nameMetrics.elidedText(name, Qt::ElideMiddle, content.width());
    if (!subtitle.isEmpty()) {
        text.subtitleRect = QRectF(content.left(), top + nameH + 2, content.width(), subH - 2);
        text.subtitle =
            QFontMetricsF(fonts.subtitle).elidedText(subtitle, Qt::ElideMiddle, content.width());
    }
    return text;
}

QPainterPath nodeStripe(const QPainterPath& outline, const QRectF& rect) {
    QPainterPath stripe;
    stripe.addRect(QRectF(rect.left(), rect.top(), kStripeWidth, rect.height()));
    return outline.intersected(stripe);
}

void paintNodeBody(QPainter& p, const GraphNode& node, const QRectF& rect,
                   const QPainterPath& outline, Health health, const TopologyStyle& style,
                   const QPainterPath& stripe) {
    const HealthColors& colors = healthColors(health, style);
    // Soft shadow: lifts the nodes off clusters and edges.
    p.setPen(Qt::NoPen);
    p.setBrush(style.nodeShadow);
    p.drawPath(outline.translated(0, 1.6));
    const bool external = node.kind == NodeKind::External;
    QPen pen(colors.border, 1.6, external ? Qt::DashLine : Qt::SolidLine);
    p.setPen(pen);
    p.setBrush(external ? style.externalFill : colors.fill);
    p.drawPath(outline);
    paintKindDetails(p, node.kind, rect, pen);
    if (node.kind != NodeKind::Service) return;
    // Health stripe on the left edge (inside the rounded box).
    if (!stripe.isEmpty()) {
        p.fillPath(stripe, colors.border);
        return;
    }
    p.save();
    p.setClipPath(outline);
    p.fillRect(QRectF(rect.left(), rect.top(), kStripeWidth, rect.height()), colors.border);
    p.restore();
}

void paintNodeText(QPainter& p, const NodeText& text, Health health, const TopologyFonts& fonts,
                   const TopologyStyle& style) {
    drawCentredText(p, text.nameRect, text.name, fonts.name, style.text);
    if (text.subtitle.isEmpty()) return;
    const QColor subColor = health == Health::Critical ? style.criticalText : style.subtleText;
    drawCentredText(p, text.subtitleRect, text.subtitle, fonts.subtitle, subColor);
}

void paintNode(QPainter& p, const GraphNode& node, const QRectF& rect, double fontSize,
               const model::TimeBuckets& buckets, const TopologyFonts& fonts,
               const TopologyStyle& style) {
    const Health health = healthOf(node.stats, style);
    paintNodeBody(p, node, rect, nodeOutline(node.kind, rect), health, style);
    paintNodeText(p, nodeText(node, rect, fontSize, buckets, fonts), health, fonts, style);
}

} // namespace tg::view
