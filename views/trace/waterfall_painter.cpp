#include "views/trace/waterfall_painter.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "views/trace/waterfall_fold.h"
#include "views/trace/waterfall_paint_parts.h"

namespace tg::view {

using detail::PaintContext;

namespace {

constexpr int kIndentPx = 14;
constexpr int kMaxIndentLevels = 12; // deeper spans show their depth as a number instead
constexpr double kMinBarPx = 2;      // sub-pixel spans still show as a thin bar
constexpr double kFoldPx = 2;        // intervals narrower than this fold together

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void paintRowBackground(PaintContext& c, const QRectF& row, size_t visibleRow, uint32_t node) {
    const WaterfallFrame& f = c.frame;
    QColor fill;
    if (f.selectedNode == node)
        fill = c.style.selection;
    else if (f.findMatches && node < f.findMatches->size() && (*f.findMatches)[node])
        fill = c.style.findMatch;
    else if (f.hoveredNode == node)
        fill = c.style.hover;
    else if (visibleRow % 2 == 1)
        fill = c.style.rowStripe;
    if (fill.isValid()) c.p.fillRect(row, fill);
    if (f.selectedNode == node)
        c.p.fillRect(QRectF(row.left(), row.top(), 3, row.height()), c.style.minimapWindow);
}

void paintTriangle(PaintContext& c, QPointF centre, bool expanded) {
    QPainterPath path;
    const double s = 4;
    if (expanded) {
        path.moveTo(centre.x() - s, centre.y() - s / 2);
        path.lineTo(centre.x() + s, centre.y() - s / 2);
        path.lineTo(centre.x(), centre.y() + s / 2 + 1);
    } else {
        path.moveTo(centre.x() - s / 2, centre.y() - s);
        path.lineTo(centre.x() + s / 2 + 1, centre.y());
        path.lineTo(centre.x() - s / 2, centre.y() + s);
    }
    path.closeSubpath();
    c.p.fillPath(path, c.style.subtleText);
}

// Name column cell: indentation, triangle, error/skew marks, service and operation.
void paintNameCell(PaintContext& c, const QRectF& row, uint32_t pos, uint32_t node) {
    const model::Dataset& d = *c.data.dataset;
    const uint32_t depth = c.data.depth[pos];
    double x = row.left() + waterfallNameIndent(depth);
    const double cy = row.center().y();
    if (depth > kMaxIndentLevels) { // too deep to indent: say how deep
        const QString label = QStringLiteral("%1›").arg(depth);
        c.p.setFont(c.small);
        c.p.setPen(c.style.subtleText);
        c.p.drawText(
            QPointF(x - c.smallFm.horizontalAdvance(label) - 2, cy + c.smallFm.ascent() / 2 - 1),
            label);
    }
    if (c.rows.hasChildren(node)) paintTriangle(c, QPointF(x + 5, cy), c.rows.isExpanded(node));
    x += 14;
    const uint32_t row0 = c.data.rowOf(node);
    c.p.fillRect(QRectF(x, row.top() + 4, 4, row.height() - 8),
                 serviceColor(d.serviceName(row0), c.style));
    x += 8;
    if (c.data.isError(node)) { // a red disc with "!"
        const QRectF disc(x, cy - 6, 12, 12);
        c.p.setPen(Qt::NoPen);
        c.p.setBrush(c.style.error);
        c.p.drawEllipse(disc);
        c.p.setPen(Qt::white);
        c.p.setFont(c.small);
        c.p.drawText(disc, Qt::AlignCenter, QStringLiteral("!"));
        x += 16;
    }
    if (c.data.skew.adjusted[node]) { // clock-skew adjusted: an amber "~"
        c.p.setPen(c.style.skew);
        c.p.setFont(c.bold);
        c.p.drawText(QPointF(x, cy + c.boldFm.ascent() / 2 - 1), QStringLiteral("≈"));
        x += c.boldFm.horizontalAdvance(QStringLiteral("≈")) + 4;
    }
    const double right = row.right() - 6;
    const QString service = qs(d.serviceName(row0));
    const QString operation = qs(d.operationName(row0));
    const double baseline = cy + c.fm.ascent() / 2 - 1;
    // The service is bold where it changes (a hop between services), quiet below its own spans.
    const int32_t parent = c.data.tree.nodes[node].parent;
    const bool hop = parent < 0 || d.service[c.data.rowOf(uint32_t(parent))] != d.service[row0];
    const QFont& serviceFont = hop ? c.bold : c.font;
    const QFontMetricsF& serviceFm = hop ? c.boldFm : c.fm;
    c.p.setFont(serviceFont);
    c.p.setPen(hop ? c.style.text : c.style.subtleText);
    const QString s = serviceFm.elidedText(service, Qt::ElideRight, std::max(0.0, right - x));
    c.p.drawText(QPointF(x, baseline), s);
    x += serviceFm.horizontalAdvance(s) + 6;
    if (x < right) {
        c.p.setFont(c.font);
        c.p.setPen(c.style.text);
        c.p.drawText(QPointF(x, baseline), c.fm.elidedText(operation, Qt::ElideRight, right - x));
    }
    c.stats.texts += 2;
}

// Folded intervals (critical path segments or a collapsed span's children) as stripes.
void paintFolded(PaintContext& c, const int64_t* starts, const int64_t* ends, size_t n,
                 int64_t shift, const QRectF& band, const QColor& color, bool critical) {
    const WaterfallFrame& f = c.frame;
    foldIntervals({starts, n}, {ends, n}, f.windowStartNs - shift, f.windowEndNs - shift, c.nsPerPx,
                  kFoldPx, [&](const FoldedBlock& b) {
                      const double x0 = c.x(b.startNs + shift), x1 = c.x(b.endNs + shift);
                      const QRectF r(x0, band.top(), std::max(kMinBarPx, x1 - x0), band.height());
                      c.p.fillRect(r, b.count > 1 && !critical ? c.style.folded : color);
                      if (critical) ++c.stats.criticalBlocks;
                      if (b.count > 1) {
                          ++c.stats.foldedBlocks;
                          c.stats.foldedIntervals += b.count;
                      }
                  });
}

// Duration and self time: right of the bar, else left of it, else inside its visible end on a
// pill of the background colour (readable over the bar and the critical path stripe).
void paintBarLabel(PaintContext& c, const QRectF& bar, uint32_t node) {
    const int64_t duration = c.data.durationNs(node), self = c.data.selfNs[node];
    QString label = formatDuration(duration);
    if (self != duration) label += QStringLiteral("  ·  self ") + formatDuration(self);
    const double w = c.smallFm.horizontalAdvance(label);
    const QRect& tl = c.layout.timeline;
    double x = bar.right() + 5;
    if (x + w > tl.right() - 2) {
        if (bar.left() - 5 - w >= tl.left()) {
            x = bar.left() - 5 - w;
        } else {
            x = std::min<double>(bar.right(), tl.right()) - 8 - w;
            QColor pill = c.style.background;
            pill.setAlpha(215);
            c.p.setPen(Qt::NoPen);
            c.p.setBrush(pill);
            c.p.drawRoundedRect(QRectF(x - 4, bar.top() + 1, w + 8, bar.height() - 2), 3, 3);
        }
    }
    c.p.setFont(c.small);
    c.p.setPen(c.style.subtleText);
    c.p.drawText(QPointF(x, bar.center().y() + c.smallFm.ascent() / 2 - 1), label);
    ++c.stats.texts;
}

void paintBar(PaintContext& c, const QRectF& row, uint32_t node) {
    const WaterfallData& w = c.data;
    const WaterfallFrame& f = c.frame;
    const int64_t start = w.startNs(node, f.showRaw), end = w.endNs(node, f.showRaw);
    const double x0 = c.x(start), x1 = c.x(end);
    const QRectF bar(x0, row.top() + 4, std::max(kMinBarPx, x1 - x0), row.height() - 8);
    const QRect& tl = c.layout.timeline;
    const bool barVisible = bar.right() >= tl.left() && bar.left() <= tl.right();
    const QColor color = serviceColor(w.dataset->serviceName(w.rowOf(node)), c.style);
    if (barVisible) {
        c.p.fillRect(bar, color);
        ++c.stats.bars;
        if (w.isError(node)) {
            c.p.setPen(QPen(c.style.error, 1.5));
            c.p.setBrush(Qt::NoBrush);
            c.p.drawRect(bar.adjusted(0.75, 0.75, -0.75, -0.75));
        } else if (w.skew.adjusted[node]) {
            c.p.setPen(QPen(c.style.skew, 1.2, Qt::DashLine));
            c.p.setBrush(Qt::NoBrush);
            c.p.drawRect(bar.adjusted(0.6, 0.6, -0.6, -0.6));
        }
    }
    // A collapsed span shows where its children run, along its bar's bottom edge.
    if (c.rows.hasChildren(node) && !c.rows.isExpanded(node)) {
        const IntervalList& u = c.rows.childUnion(node, f.showRaw);
        const QRectF band(0, bar.bottom() - 4, 0, 4);
        paintFolded(c, u.starts.data(), u.ends.data(), u.starts.size(), 0, band, color.darker(160),
                    false);
    }
    if (w.onCriticalPath(node)) {
        const uint32_t b = w.criticalBegin[node], e = w.criticalBegin[node + 1];
        const QRectF band(0, bar.center().y() - 1.5, 0, 3);
        paintFolded(c, w.criticalStartNs.data() + b, w.criticalEndNs.data() + b, e - b,
                    f.showRaw ? 0 : w.skew.offsetNs[node], band, c.style.critical, true);
    }
    paintBarLabel(c, bar, node);
}

void paintRows(PaintContext& c) {
    const WaterfallFrame& f = c.frame;
    const QRect& names = c.layout.names;
    const int h = f.rowHeight;
    // Only the rows in view: index arithmetic from the scroll offset.
    const auto first = size_t(std::max<int64_t>(0, f.scrollY / h));
    const auto last = std::min<size_t>(std::min(c.rows.size(), f.rowLimit),
                                       size_t((f.scrollY + names.height()) / h + 1));
    for (size_t r = first; r < last; ++r) {
        const uint32_t pos = c.rows.positionAt(r), node = c.data.preorder[pos];
        const double y = names.top() + double(int64_t(r) * h - f.scrollY);
        const QRectF full(0, y, f.size.width(), h);
        c.p.save();
        c.p.setClipRect(QRect(0, names.top(), f.size.width(), names.height()));
        paintRowBackground(c, full, r, node);
        c.p.setClipRect(names.adjusted(0, 0, -1, 0).intersected(full.toAlignedRect()));
        paintNameCell(c, QRectF(0, y, names.width(), h), pos, node);
        c.p.setClipRect(c.layout.timeline.intersected(full.toAlignedRect()));
        paintBar(c, full, node);
        c.p.restore();
        ++c.stats.rows;
    }
}

} // namespace

namespace detail {

PaintContext::PaintContext(QPainter& painter, const WaterfallData& d, const WaterfallRows& r,
                           const WaterfallFrame& f, const WaterfallStyle& s)
    : p(painter), data(d), rows(r), frame(f), style(s), layout(WaterfallLayout::of(f)),
      font(waterfallFont(s)), bold(waterfallFont(s, true)), small(waterfallFont(s, false, 0.9)),
      fm(font), boldFm(bold), smallFm(small) {
    const double width = std::max(1, layout.timeline.width() - 2 * kTimelinePad);
    nsPerPx = double(std::max<int64_t>(1, f.windowEndNs - f.windowStartNs)) / width;
}

} // namespace detail

int waterfallNameIndent(uint32_t depth) {
    return 8 + int(std::min<uint32_t>(depth, kMaxIndentLevels)) * kIndentPx;
}

WaterfallLayout WaterfallLayout::of(const WaterfallFrame& f) {
    WaterfallLayout l;
    const int w = f.size.width(), h = f.size.height();
    const int name = std::clamp(f.nameColumnWidth, 40, std::max(40, w - 80));
    const int top = f.minimapHeight + f.rulerHeight;
    l.minimap = QRect(name, 0, w - name, f.minimapHeight);
    l.ruler = QRect(name, f.minimapHeight, w - name, f.rulerHeight);
    l.header = QRect(0, f.minimapHeight, name, f.rulerHeight);
    l.names = QRect(0, top, name, std::max(0, h - top));
    l.timeline = QRect(name, top, w - name, std::max(0, h - top));
    l.minimapInner = QRectF(l.minimap).adjusted(detail::kTimelinePad, 4, -detail::kTimelinePad, -4);
    if (f.zoomed) l.zoomBack = QRect(name - 92, l.header.top() + 3, 86, f.rulerHeight - 6);
    return l;
}

double waterfallTimeToX(const WaterfallFrame& f, int64_t ns) {
    const WaterfallLayout l = WaterfallLayout::of(f);
    const double width = std::max(1, l.timeline.width() - 2 * detail::kTimelinePad);
    const double span = double(std::max<int64_t>(1, f.windowEndNs - f.windowStartNs));
    return l.timeline.left() + detail::kTimelinePad + double(ns - f.windowStartNs) / span * width;
}

int64_t waterfallXToTime(const WaterfallFrame& f, double x) {
    const WaterfallLayout l = WaterfallLayout::of(f);
    const double width = std::max(1, l.timeline.width() - 2 * detail::kTimelinePad);
    const double span = double(std::max<int64_t>(1, f.windowEndNs - f.windowStartNs));
    return f.windowStartNs +
           int64_t(std::llround((x - l.timeline.left() - detail::kTimelinePad) / width * span));
}

WaterfallFrameStats paintWaterfall(QPainter& painter, const WaterfallData& data,
                                   const WaterfallRows& rows, const WaterfallFrame& frame,
                                   const WaterfallStyle& style, const QImage* minimap) {
    PaintContext c(painter, data, rows, frame, style);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing); // sub-pixel bar edges, discs, triangles
    painter.fillRect(QRect(QPoint(0, 0), frame.size), style.background);
    detail::paintGridLines(c);
    paintRows(c);
    painter.setPen(style.separator);
    painter.drawLine(QPointF(c.layout.names.right() + 0.5, c.layout.names.top()),
                     QPointF(c.layout.names.right() + 0.5, frame.size.height()));
    detail::paintRuler(c);
    detail::paintHeader(c);
    detail::paintMinimapArea(c, minimap);
    detail::paintNote(c);
    painter.restore();
    return c.stats;
}

} // namespace tg::view
