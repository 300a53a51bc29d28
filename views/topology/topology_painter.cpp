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

// Text centred in a rectangle, elided if the estimate under-sized the box.
void drawCentredText(QPainter& p, const QRectF& rect, const QString& text, const QFont& font,
                     const QColor& color) {
    const QFontMetricsF metrics(font);
    const QString shown = metrics.elidedText(text, Qt::ElideMiddle, rect.width());
    p.setFont(font);
    p.setPen(color);
    p.drawText(rect, Qt::AlignCenter | Qt::TextSingleLine, shown);
}

// ---- clusters -------------------------------------------------------------------------------

void paintCluster(QPainter& p, const ClusterBox& cluster, double fontSize,
                  const TopologyStyle& style) {
    const QRectF rect = qt(cluster.rect);
    p.setPen(QPen(style.clusterBorder, 1.0));
    p.setBrush(style.clusterFill);
    p.drawRoundedRect(rect, 10, 10);
    const QFont font = makeFont(style, fontSize * 0.9, true);
    const QRectF labelRect(rect.x() + 10, rect.y() + 5, rect.width() - 20, fontSize * 1.4);
    p.setFont(font);
    p.setPen(style.clusterText);
    const QString text = QFontMetricsF(font).elidedText(QString::fromStdString(cluster.label),
                                                        Qt::ElideRight, labelRect.width());
    p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text);
}

// ---- edges ----------------------------------------------------------------------------------

QPainterPath bezierPath(const EdgePath& edge) {
    QPainterPath path(qt(edge.points.front()));
    for (size_t i = 1; i + 2 < edge.points.size(); i += 3)
        path.cubicTo(qt(edge.points[i]), qt(edge.points[i + 1]), qt(edge.points[i + 2]));
    return path;
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

double edgeWidth(const GraphEdge& edge, double logMax, const TopologyStyle& style) {
    if (logMax <= 0) return style.minEdgeWidth;
    const double t = std::log1p(double(edge.stats.calls)) / logMax;
    return style.minEdgeWidth + (style.maxEdgeWidth - style.minEdgeWidth) * std::clamp(t, 0.0, 1.0);
}

QColor edgeColor(const GraphEdge& edge, const TopologyStyle& style) {
    return model::errorRate(edge.stats) > style.edgeErrorRate ? style.edgeErrorColor
                                                              : style.edgeColor;
}

void paintEdge(QPainter& p, const GraphEdge& edge, const EdgePath& path, double width,
               const TopologyStyle& style) {
    if (path.points.size() < 4) return;
    const QColor color = edgeColor(edge, style);
    // Inferred edges (to peers that sent no spans) are dashed and a little lighter: the calls
    // are real, the far side is not observed.
    const double lineWidth = edge.inferred ? std::max(style.minEdgeWidth, width * 0.75) : width;
    QPen pen(color, lineWidth, edge.inferred ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap,
             Qt::RoundJoin);
    if (edge.inferred) pen.setDashPattern({5.0 / lineWidth, 3.5 / lineWidth}); // in pen widths
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(bezierPath(path));
    const QPointF end = qt(path.points.back());
    if (path.hasArrow) {
        paintArrowHead(p, end, qt(path.arrowTip), width, color);
    } else {
        // No head from Graphviz: put one on the last 10 units of the path.
        const QPointF prev = qt(path.points[path.points.size() - 2]);
        QPointF dir = end - prev;
        const double len = std::hypot(dir.x(), dir.y());
        if (len > 1e-6) paintArrowHead(p, end - dir / len * 10, end, width, color);
    }
}

void paintEdgeCaption(QPainter& p, const GraphEdge& edge, const EdgePath& path, const QString& text,
                      const QFont& font, const TopologyStyle& style) {
    const QFontMetricsF metrics(font);
    const QPointF centre = path.hasLabel ? qt(path.labelCenter) : qt(path.midpoint());
    const double w = metrics.horizontalAdvance(text) + 8, h = metrics.height() + 2;
    const QRectF box(centre.x() - w / 2, centre.y() - h / 2, w, h);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 225));
    p.drawRoundedRect(box, h / 2, h / 2);
    const bool bad = model::errorRate(edge.stats) > style.edgeErrorRate;
    p.setFont(font);
    p.setPen(bad ? style.edgeErrorColor.darker(115) : style.subtleText);
    p.drawText(box, Qt::AlignCenter | Qt::TextSingleLine, text);
}

void paintEdges(QPainter& p, const model::ServiceGraph& graph, const LayoutGeometry& geo,
                const TopologyStyle& style) {
    const size_t count = std::min(graph.edges.size(), geo.edges.size());
    uint64_t maxCalls = 0;
    for (size_t i = 0; i < count; ++i)
        maxCalls = std::max(maxCalls, graph.edges[i].stats.calls);
    const double logMax = std::log1p(double(maxCalls));
    // Error edges last, so red stays on top where paths cross.
    std::vector<size_t> order(count);
    for (size_t i = 0; i < count; ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](size_t i) {
        return model::errorRate(graph.edges[i].stats) <= style.edgeErrorRate;
    });
    for (size_t i : order)
        paintEdge(p, graph.edges[i], geo.edges[i], edgeWidth(graph.edges[i], logMax, style), style);
    if (!style.edgeLabels || (!geo.edgeLabels && count > style.maxFloatingLabels)) return;
    const QFont font = makeFont(style, geo.fontSize * model::kSubtitleScale, false);
    for (size_t i : order) {
        const QString text =
            QString::fromStdString(model::edgeCaption(graph.edges[i], graph.buckets));
        if (!text.isEmpty() && geo.edges[i].points.size() >= 4)
            paintEdgeCaption(p, graph.edges[i], geo.edges[i], text, font, style);
    }
}

// ---- nodes ----------------------------------------------------------------------------------

constexpr double kDbCap = 14;    // database: height of the top ellipse (layout adds it)
constexpr double kQueueEnd = 20; // queue: width of the pipe's end face (layout adds it)

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

void paintNode(QPainter& p, const GraphNode& node, const NodeBox& box, const LayoutGeometry& geo,
               const model::TimeBuckets& buckets, const TopologyStyle& style) {
    const QRectF rect = qt(box.rect());
    const Health health = healthOf(node.stats, style);
    const HealthColors& colors = healthColors(health, style);
    const QPainterPath outline = nodeOutline(node.kind, rect);
    // Soft shadow: lifts the nodes off clusters and edges.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(20, 30, 45, 28));
    p.drawPath(outline.translated(0, 1.6));
    const bool external = node.kind == NodeKind::External;
    QPen pen(colors.border, 1.6, external ? Qt::DashLine : Qt::SolidLine);
    p.setPen(pen);
    p.setBrush(external ? QColor(0xfc, 0xfd, 0xfe) : colors.fill);
    p.drawPath(outline);
    paintKindDetails(p, node.kind, rect, pen);
    if (node.kind == NodeKind::Service) {
        // Health stripe on the left edge (clipped to the rounded box).
        p.save();
        p.setClipPath(outline);
        p.fillRect(QRectF(rect.left(), rect.top(), 5, rect.height()), colors.border);
        p.restore();
    }

    const QRectF content = contentRect(node.kind, rect).adjusted(6, 0, -6, 0);
    const QString subtitle = QString::fromStdString(model::nodeSubtitle(node, buckets));
    const QFont nameFont = makeFont(style, geo.fontSize, true);
    const double nameH = geo.fontSize * 1.25;
    const double subSize = geo.fontSize * model::kSubtitleScale;
    const double subH = subtitle.isEmpty() ? 0 : subSize * 1.25 + 2;
    const double top = content.center().y() - (nameH + subH) / 2;
    drawCentredText(p, QRectF(content.left(), top, content.width(), nameH),
                    QString::fromStdString(node.name), nameFont, style.text);
    if (!subtitle.isEmpty()) {
        const QColor subColor =
            health == Health::Critical ? style.critical.border.darker(120) : style.subtleText;
        drawCentredText(p, QRectF(content.left(), top + nameH + 2, content.width(), subH - 2),
                        subtitle, makeFont(style, subSize, false), subColor);
    }
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
    for (const ClusterBox& cluster : geometry.clusters)
        paintCluster(painter, cluster, geometry.fontSize, style);
    paintEdges(painter, graph, geometry, style);
    const size_t count = std::min(graph.nodes.size(), geometry.nodes.size());
    for (size_t i = 0; i < count; ++i)
        paintNode(painter, graph.nodes[i], geometry.nodes[i], geometry, graph.buckets, style);
    painter.restore();
}

} // namespace tg::view
