#include "views/topology/topology_items.h"

#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace tg::view {

namespace {

constexpr double kArrowLength = 10;
constexpr double kSelectionHalo = 8; // pen width of the glow around a selected node

double lodOf(const QPainter* p, const QStyleOptionGraphicsItem* option) {
    return option->levelOfDetailFromTransform(p->worldTransform());
}

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

QPointF unit(QPointF v) {
    const double len = std::hypot(v.x(), v.y());
    return len > 1e-9 ? v / len : QPointF(0, 0);
}

// Where a ray from the box centre in direction dir leaves the box.
QPointF borderPoint(const QRectF& box, QPointF dir) {
    const QPointF c = box.center();
    const double tx = std::abs(dir.x()) > 1e-9 ? box.width() / 2 / std::abs(dir.x()) : 1e18;
    const double ty = std::abs(dir.y()) > 1e-9 ? box.height() / 2 / std::abs(dir.y()) : 1e18;
    const double t = std::min(tx, ty);
    return t < 1e17 ? c + dir * t : c;
}

// The painter's device area in the painter's current coordinates.
QRectF deviceArea(const QPainter* p) {
    const QPaintDevice* device = p->device();
    bool invertible = false;
    const QTransform inverse = p->worldTransform().inverted(&invertible);
    if (!device || !invertible) return QRectF(-1e9, -1e9, 2e9, 2e9);
    return inverse.mapRect(QRectF(0, 0, device->width(), device->height()));
}

// Where the painter can draw, in its current coordinates: the clip if set (a strip being
// repainted), else the device.
QRectF visibleArea(const QPainter* p) {
    return p->hasClipping() ? p->clipBoundingRect() : deviceArea(p);
}

// Liang-Barsky: cuts the segment to the rectangle; false when it lies outside.
bool clipSegment(QPointF& a, QPointF& b, const QRectF& r) {
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    auto edge = [&](double p, double q) {
        if (std::abs(p) < 1e-12) return q >= 0;
        const double t = q / p;
        if (p < 0) {
            if (t > t1) return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0) return false;
            t1 = std::min(t1, t);
        }
        return true;
    };
    if (!edge(-dx, a.x() - r.left()) || !edge(dx, r.right() - a.x()) ||
        !edge(-dy, a.y() - r.top()) || !edge(dy, r.bottom() - a.y()))
        return false;
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}

// The polyline's parts inside the rectangle, cut at its border, as runs of connected points
// (Qt rasterises a line over its whole length, even where clipped away; and separate chords
// would blend their shared end pixels twice).
void clippedRuns(const QPolygonF& line, const QRectF& r, std::vector<QPolygonF>& out) {
    out.clear();
    bool open = false;
    for (int i = 1; i < line.size(); ++i) {
        QPointF a = line[i - 1], b = line[i];
        if (!clipSegment(a, b, r)) {
            open = false;
            continue;
        }
        if (!open || a != line[i - 1]) out.push_back(QPolygonF{a});
        out.back() << b;
        open = b == line[i]; // cut at the border: the next chord starts a new run
    }
}

constexpr double kDashPeriod = 8.5; // inferred edges: 5 on, 3.5 off (paintEdge)

bool arrowVisible(const EdgeShape& s, const QRectF& visible, double width) {
    const double reach = 4.5 + width; // the head's half width (paintArrowHead) and some
    return QRectF(s.arrowBase, s.arrowTip)
        .normalized()
        .adjusted(-reach, -reach, reach, reach)
        .intersects(visible);
}

} // namespace

QColor hairlineColor(QColor color, double deviceWidth) {
    color.setAlphaF(float(color.alphaF() * std::clamp(deviceWidth, 0.3, 1.0)));
    return color;
}

QPainterPath clipPolyline(const QPolygonF& line, const QRectF& clip, double dashPeriod) {
    QPainterPath out;
    double along = 0; // length of the line up to line[i - 1]
    bool open = false;
    for (int i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], b = line[i];
        const double len = QLineF(a, b).length();
        QPointF from = a, to = b;
        if (!clipSegment(from, to, clip)) {
            open = false;
            along += len;
            continue;
        }
        if (!open || from != a) {
            QPointF start = from;
            if (dashPeriod > 0 && len > 1e-9) {
                // Back up (outside the clip) to a whole dash period along the line.
                const double at = along + QLineF(a, from).length();
                start = from - (b - a) / len * (at - std::floor(at / dashPeriod) * dashPeriod);
            }
            out.moveTo(start);
        }
        out.lineTo(to);
        open = to == b; // cut at the border: the next part starts a new subpath
        along += len;
    }
    return out;
}

EdgeShape routeBetween(const QRectF& from, const QRectF& to, double curve) {
    EdgeShape shape;
    const QPointF a = from.center(), b = to.center();
    const QPointF d = b - a;
    const double len = std::hypot(d.x(), d.y());
    if (len < 1e-6) return shape;
    const QPointF normal(-d.y() / len, d.x() / len); // right of the direction (y grows down)
    const QPointF ctrl = (a + b) / 2 + normal * (curve * len);
    const QPointF start = borderPoint(from, unit(ctrl - a));
    shape.arrowTip = borderPoint(to, unit(ctrl - b));
    const QPointF back = unit((curve != 0 ? ctrl : start) - shape.arrowTip);
    shape.arrowBase = shape.arrowTip + back * kArrowLength;
    shape.path = QPainterPath(start);
    if (curve != 0) {
        shape.path.quadTo(ctrl, shape.arrowBase);
        shape.captionCentre = start * 0.25 + ctrl * 0.5 + shape.arrowBase * 0.25;
    } else {
        shape.path.lineTo(shape.arrowBase);
        shape.captionCentre = (start + shape.arrowBase) / 2;
    }
    shape.valid = true;
    return shape;
}

// ---- ClusterItem ----------------------------------------------------------------------------

ClusterItem::ClusterItem(const SceneContext* context, size_t index) : m_ctx(context) {
    const model::ClusterBox& box = context->data->geometry.clusters[index];
    m_rect = QRectF(box.rect.x, box.rect.y, box.rect.width, box.rect.height);
    m_label = QString::fromStdString(box.label);
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton); // a press on a cluster pans the view
}

QString ClusterItem::label() const {
    return m_label;
}

QRectF ClusterItem::boundingRect() const {
    return m_rect.adjusted(-1, -1, 1, 1);
}

void ClusterItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double lod = lodOf(p, option);
    const TopologyStyle& style = m_ctx->style;
    if (lod < kCheapLod) {
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(QPen(style.clusterBorder, 0));
        p->setBrush(style.clusterFill);
        p->drawRect(m_rect);
        return;
    }
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);
    const bool text = m_ctx->fontSize() * 0.9 * lod >= kMinTextPx;
    paintCluster(*p, m_rect, text ? m_label : QString(), m_ctx->fontSize(), m_ctx->fonts, style);
}

// ---- EdgeItem -------------------------------------------------------------------------------

EdgeItem::EdgeItem(const SceneContext* context, uint32_t index, NodeItem* source, NodeItem* target)
    : m_ctx(context), m_index(index), m_source(source), m_target(target) {
    setFlag(ItemIsSelectable);
    restack();
    updateBounds();
}

const model::GraphEdge& EdgeItem::edge() const {
    return m_ctx->graph().edges[m_index];
}

const EdgeShape& EdgeItem::layoutShape() const {
    return m_ctx->data->edges[m_index].shape;
}

double EdgeItem::width() const {
    return m_ctx->data->edges[m_index].width;
}

const QPolygonF& EdgeItem::currentPolyline() const {
    return m_rerouted ? m_movedPolyline : m_ctx->data->edges[m_index].polyline;
}

void EdgeItem::updateBounds() {
    const EdgeShape& s = currentShape();
    if (!s.valid) {
        m_bounds = QRectF();
        return;
    }
    const double margin = width() + kSelectionHalo + 6;
    m_bounds = s.path.controlPointRect()
                   .united(QRectF(s.arrowTip, QSizeF(0.01, 0.01)))
                   .adjusted(-margin, -margin, margin, margin);
}

void EdgeItem::setHighlighted(bool on) {
    if (m_highlighted == on) return;
    m_highlighted = on;
    restack();
    update();
}

void EdgeItem::restack() {
    setZValue(m_highlighted ? 1.8 : edgeFailing(edge(), m_ctx->style) ? 1.5 : 1);
}

void EdgeItem::endpointsMoved() {
    prepareGeometryChange();
    m_hitShape = QPainterPath();
    m_rerouted = m_source->isMoved() || m_target->isMoved();
    if (m_rerouted && m_source != m_target) {
        const QRectF from = m_source->localRect().translated(m_source->pos());
        const QRectF to = m_target->localRect().translated(m_target->pos());
        m_moved = routeBetween(from, to, m_twin ? 0.12 : 0.0);
    } else if (m_rerouted) { // a self loop: carry the layout's loop along
        m_moved = layoutShape();
        const QPointF delta = m_source->pos() - m_source->layoutPosition();
        m_moved.path.translate(delta);
        m_moved.arrowBase += delta;
        m_moved.arrowTip += delta;
        m_moved.captionCentre += delta;
    }
    if (m_rerouted) m_movedPolyline = flattenPath(m_moved.path);
    updateBounds();
    if (m_caption) m_caption->refresh();
}

QRectF EdgeItem::boundingRect() const {
    return m_bounds;
}

QPainterPath EdgeItem::shape() const {
    if (m_hitShape.isEmpty() && currentShape().valid) {
        QPainterPathStroker stroker;
        stroker.setWidth(std::max(8.0, width() + 4));
        QPainterPath line = currentShape().path;
        line.lineTo(currentShape().arrowTip);
        m_hitShape = stroker.createStroke(line);
    }
    return m_hitShape;
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (!currentShape().valid) return;
    const double lod = lodOf(p, option);
    const bool marked = isSelected() || m_highlighted;
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setBrush(Qt::NoBrush);
    if (edgeLineWidth(edge(), width(), m_ctx->style) * lod <= kHairlinePx)
        paintHairline(p, lod, marked);
    else
        paintStroke(p, marked);
}

// Thin at this zoom: a 1 px cosmetic line with the thinner stroke's coverage (Qt's fast
// cosmetic-pen path instead of stroking; the same look).
void EdgeItem::paintHairline(QPainter* p, double lod, bool marked) {
    const EdgeShape& s = currentShape();
    const model::GraphEdge& e = edge();
    const QColor color = edgeColor(e, m_ctx->style);
    if (marked) {
        QPen halo(withAlpha(m_ctx->selection, isSelected() ? 200 : 150), 3);
        halo.setCosmetic(true);
        p->setPen(halo);
        p->drawPolyline(currentPolyline());
    }
    const double lineWidth = edgeLineWidth(e, width(), m_ctx->style);
    QPen pen(hairlineColor(color, lineWidth * lod), 1, e.inferred ? Qt::DashLine : Qt::SolidLine,
             Qt::FlatCap);
    pen.setCosmetic(true);
    p->setPen(pen);
    if (e.inferred) {
        pen.setDashPattern({std::max(2.0, 5 * lod), std::max(2.0, 3.5 * lod)}); // pixels
        p->setPen(pen);
        p->drawPolyline(currentPolyline()); // whole: the dashes run on along the line
    } else {
        static thread_local std::vector<QPolygonF> runs;
        const double margin = 2 / std::max(lod, 1e-6);
        clippedRuns(currentPolyline(), visibleArea(p).adjusted(-margin, -margin, margin, margin),
                    runs);
        for (const QPolygonF& run : runs)
            p->drawPolyline(run);
    }
    if (kArrowLength * lod >= kMinArrowPx && arrowVisible(s, visibleArea(p), width()))
        paintArrowHead(*p, s.arrowBase, s.arrowTip, width(), color);
}

// Wide at this zoom: paintEdge's stroke (the exact Bezier when the edge is in view as a whole;
// else only the visible part of its flattened path, since stroking costs the whole length).
// Drawing the chords as separate lines would be faster but shows seams at their joints.
void EdgeItem::paintStroke(QPainter* p, bool marked) {
    const EdgeShape& s = currentShape();
    const model::GraphEdge& e = edge();
    const double margin = width() + kSelectionHalo + 2;
    const QRectF visible = visibleArea(p).adjusted(-margin, -margin, margin, margin);
    EdgeShape clipped;
    const EdgeShape* shape = &s;
    if (!visible.contains(m_bounds)) {
        clipped = s;
        clipped.path = clipPolyline(currentPolyline(), visible, e.inferred ? kDashPeriod : 0);
        shape = &clipped;
    }
    if (marked) {
        QPen halo(withAlpha(m_ctx->selection, isSelected() ? 150 : 95),
                  width() + (isSelected() ? 7 : 5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p->setPen(halo);
        QPainterPath full = shape->path;
        full.lineTo(s.arrowTip);
        p->drawPath(full);
    }
    QPen pen = edgePen(e, width(), m_ctx->style);
    // The clipped path has a joint every few units at very small angles: miter joins there
    // look the same as round ones and cost the stroker far fewer outline points.
    if (shape == &clipped) pen.setJoinStyle(Qt::MiterJoin);
    p->setPen(pen);
    p->drawPath(shape->path);
    if (arrowVisible(s, visible, width()))
        paintArrowHead(*p, s.arrowBase, s.arrowTip, width(), edgeColor(e, m_ctx->style));
}

// ---- EdgeCaptionItem ------------------------------------------------------------------------

EdgeCaptionItem::EdgeCaptionItem(const SceneContext* context, EdgeItem* edge)
    : m_ctx(context), m_edge(edge) {
    setZValue(2);
    setAcceptedMouseButtons(Qt::LeftButton);
    refresh();
}

void EdgeCaptionItem::refresh() {
    const QString text = edgeCaptionText(m_edge->edge(), m_ctx->graph().buckets, m_ctx->caption);
    if (text != m_text) {
        prepareGeometryChange();
        m_text = text;
        m_box =
            text.isEmpty() ? QRectF() : edgeCaptionBox(QPointF(0, 0), text, m_ctx->fonts.caption);
    }
    setPos(m_edge->currentShape().captionCentre);
}

void EdgeCaptionItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (m_text.isEmpty()) return;
    if (m_ctx->fontSize() * model::kSubtitleScale * lodOf(p, option) < kMinTextPx) return;
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);
    paintEdgeCaption(*p, m_edge->edge(), m_box, m_text, m_ctx->fonts.caption, m_ctx->style);
}

void EdgeCaptionItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return event->ignore();
    if (QGraphicsScene* s = scene()) s->clearSelection();
    m_edge->setSelected(true);
    event->accept();
}

// ---- NodeItem -------------------------------------------------------------------------------

NodeItem::NodeItem(const SceneContext* context, uint32_t index) : m_ctx(context), m_index(index) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(3);
    setPos(data().centre);
}

const TopologySceneData::Node& NodeItem::data() const {
    return m_ctx->data->nodes[m_index];
}

const model::GraphNode& NodeItem::node() const {
    return m_ctx->graph().nodes[m_index];
}

QString NodeItem::name() const {
    return data().text.name;
}

QString NodeItem::subtitle() const {
    return data().text.subtitle;
}

QRectF NodeItem::localRect() const {
    return data().rect;
}

QPointF NodeItem::layoutPosition() const {
    return data().centre;
}

QRectF NodeItem::boundingRect() const {
    const double m = kSelectionHalo / 2 + 1;
    return data().rect.adjusted(-m, -m, m, m + 1.6);
}

QPainterPath NodeItem::shape() const {
    QPainterPath path;
    path.addRect(data().rect);
    return path;
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const TopologySceneData::Node& d = data();
    const TopologyStyle& style = m_ctx->style;
    const Health health = healthOf(node().stats, style);
    const HealthColors& colors = healthColors(health, style);
    const double lod = lodOf(p, option);
    if (lod < kCheapLod) {
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(QPen(colors.border, 0));
        p->setBrush(colors.fill);
        p->drawRect(d.rect);
        p->fillRect(
            QRectF(d.rect.left(), d.rect.top(), std::min(8.0, d.rect.width() / 4), d.rect.height()),
            colors.border);
        if (isSelected()) {
            QPen pen(m_ctx->selection, 3);
            pen.setCosmetic(true);
            p->setPen(pen);
            p->setBrush(Qt::NoBrush);
            p->drawRect(d.rect.adjusted(-4, -4, 4, 4));
        }
        return;
    }
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);
    if (isSelected()) {
        p->setPen(QPen(withAlpha(m_ctx->selection, 90), kSelectionHalo));
        p->setBrush(Qt::NoBrush);
        p->drawPath(d.outline);
    }
    paintNodeBody(*p, node(), d.rect, d.outline, health, style, d.stripe);
    if (isSelected()) {
        p->setPen(QPen(m_ctx->selection, std::max(2.2, 1.5 / lod)));
        p->setBrush(Qt::NoBrush);
        p->drawPath(d.outline);
    }
    if (m_ctx->fontSize() * lod >= kMinTextPx)
        paintNodeText(*p, d.text, health, m_ctx->fonts, style);
}

QRectF NodeItem::paintedArea() const {
    QRectF area = sceneBoundingRect();
    for (const EdgeItem* e : m_edges) {
        area |= e->boundingRect();
        if (e->caption() && !e->caption()->boundingRect().isEmpty())
            area |= e->caption()->sceneBoundingRect();
    }
    return area;
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange && scene() && m_ctx->areaChanged) {
        m_ctx->areaChanged(paintedArea()); // where it was
    } else if (change == ItemPositionHasChanged) {
        for (EdgeItem* e : m_edges)
            e->endpointsMoved();
        if (scene() && m_ctx->areaChanged) m_ctx->areaChanged(paintedArea()); // where it is
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    // One selection at a time: Ctrl+click would otherwise add to it.
    event->setModifiers(event->modifiers() & ~Qt::ControlModifier);
    m_pressPos = pos();
    QGraphicsItem::mousePressEvent(event);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsItem::mouseReleaseEvent(event);
    if (pos() != m_pressPos && m_ctx->nodeDragFinished) m_ctx->nodeDragFinished(this);
}

void NodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsItem::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton && m_ctx->nodeActivated) m_ctx->nodeActivated(this);
}

} // namespace tg::view
