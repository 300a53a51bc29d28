// The waterfall's chrome: minimap with the trace's title, time ruler, name column header, grid
// lines and the bottom note (see waterfall_painter.h).
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "views/trace/waterfall_paint_parts.h"

namespace tg::view::detail {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void paintTitle(PaintContext& c) {
    const WaterfallData& w = c.data;
    const QRect area(0, 0, c.layout.names.width(), c.frame.minimapHeight);
    c.p.fillRect(area, c.style.chrome);
    const uint32_t root = w.tree.roots.front();
    const model::Dataset& d = *w.dataset;
    QString title = c.frame.title;
    if (title.isEmpty())
        title = qs(d.serviceName(w.rowOf(root))) + QStringLiteral(": ") +
                qs(d.operationName(w.rowOf(root)));
    QString summary =
        QStringLiteral("%1 spans · %2")
            .arg(w.nodeCount())
            .arg(formatDuration(w.traceEndNs(c.frame.showRaw) - w.traceStartNs(c.frame.showRaw)));
    if (w.errorCount)
        summary += w.errorCount == 1 ? QStringLiteral(" · 1 error")
                                     : QStringLiteral(" · %1 errors").arg(w.errorCount);
    if (w.skew.adjustedCount)
        summary += c.frame.showRaw
                       ? QStringLiteral(" · raw times")
                       : QStringLiteral(" · %1 skew-adjusted").arg(w.skew.adjustedCount);
    const double width = area.width() - 16;
    c.p.setPen(c.style.text);
    c.p.setFont(c.bold);
    const double line1 =
        area.top() + std::max(4.0, area.height() / 2.0 - c.boldFm.height() + c.boldFm.ascent());
    c.p.drawText(QPointF(8, line1), c.boldFm.elidedText(title, Qt::ElideRight, width));
    c.p.setPen(c.style.subtleText);
    c.p.setFont(c.small);
    c.p.drawText(QPointF(8, line1 + c.smallFm.height() + 2),
                 c.smallFm.elidedText(summary, Qt::ElideRight, width));
    c.stats.texts += 2;
}

} // namespace

int64_t rulerStep(int64_t windowNs, double widthPx, double minPx) {
    const double target = double(std::max<int64_t>(1, windowNs)) * minPx / std::max(1.0, widthPx);
    double step = std::pow(10.0, std::floor(std::log10(std::max(1.0, target))));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (step * m >= target) return std::max<int64_t>(1, int64_t(step * m));
    return std::max<int64_t>(1, int64_t(step * 10));
}

void paintGridLines(PaintContext& c) {
    const WaterfallFrame& f = c.frame;
    const QRect& tl = c.layout.timeline;
    const int64_t origin = c.data.traceStartNs(f.showRaw);
    const int64_t step = rulerStep(f.windowEndNs - f.windowStartNs, tl.width(), 110);
    c.p.setPen(c.style.gridLine);
    for (int64_t t = origin + (f.windowStartNs - origin) / step * step; t <= f.windowEndNs;
         t += step) {
        const double x = std::round(c.x(t)) + 0.5;
        if (x >= tl.left() && x <= tl.right())
            c.p.drawLine(QPointF(x, tl.top()), QPointF(x, tl.bottom() + 1));
    }
}

void paintRuler(PaintContext& c) {
    const WaterfallFrame& f = c.frame;
    const QRect& r = c.layout.ruler;
    c.p.fillRect(r, c.style.chrome);
    c.p.setPen(c.style.separator);
    c.p.drawLine(QPointF(0, r.bottom() + 0.5), QPointF(f.size.width(), r.bottom() + 0.5));
    const int64_t origin = c.data.traceStartNs(f.showRaw);
    const int64_t step = rulerStep(f.windowEndNs - f.windowStartNs, r.width(), 110);
    c.p.setFont(c.small);
    c.p.save();
    c.p.setClipRect(r);
    int64_t t = origin + (f.windowStartNs - origin) / step * step;
    if (t < f.windowStartNs) t += step;
    for (; t <= f.windowEndNs; t += step) {
        const double x = std::round(c.x(t)) + 0.5;
        c.p.setPen(c.style.separator);
        c.p.drawLine(QPointF(x, r.bottom() - 6), QPointF(x, r.bottom()));
        const QString label = formatDuration(t - origin);
        const double w = c.smallFm.horizontalAdvance(label);
        const double lx = std::min(x + 3, r.right() - w - 2);
        c.p.setPen(c.style.subtleText);
        c.p.drawText(QPointF(lx, r.top() + c.smallFm.ascent() + 4), label);
        ++c.stats.texts;
    }
    if (f.rulerSelection) {
        const auto [a, b] = *f.rulerSelection;
        c.p.fillRect(QRect(std::min(a, b), r.top(), std::abs(b - a), r.height()),
                     c.style.rulerSelection);
    }
    c.p.restore();
}

void paintHeader(PaintContext& c) {
    const QRect& h = c.layout.header;
    c.p.fillRect(h, c.style.chrome);
    c.p.setPen(c.style.separator);
    c.p.drawLine(QPointF(h.left(), h.bottom() + 0.5), QPointF(h.right() + 1, h.bottom() + 0.5));
    c.p.drawLine(QPointF(h.right() + 0.5, h.top()), QPointF(h.right() + 0.5, h.bottom()));
    c.p.setFont(c.small);
    c.p.setPen(c.style.subtleText);
    c.p.drawText(QPointF(h.left() + 8, h.center().y() + c.smallFm.ascent() / 2 - 1),
                 QStringLiteral("Service · operation"));
    ++c.stats.texts;
    if (!c.frame.zoomed) return;
    const QRectF button = c.layout.zoomBack;
    c.p.setPen(c.style.separator);
    c.p.setBrush(c.style.background);
    c.p.drawRoundedRect(button.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    c.p.setPen(c.style.text);
    c.p.drawText(button, Qt::AlignCenter, QStringLiteral("‹ Zoom out"));
    ++c.stats.texts;
}

void paintMinimapArea(PaintContext& c, const QImage* minimap) {
    const WaterfallFrame& f = c.frame;
    if (f.minimapHeight <= 0) return;
    paintTitle(c);
    const QRect& m = c.layout.minimap;
    c.p.fillRect(m, c.style.chrome);
    c.p.setPen(c.style.separator);
    c.p.drawLine(QPointF(0, m.bottom() + 0.5), QPointF(f.size.width(), m.bottom() + 0.5));
    const QRectF inner = c.layout.minimapInner;
    if (minimap && !minimap->isNull()) c.p.drawImage(inner, *minimap);
    // The window: time range across, rows in view down (by depth-first position).
    const WaterfallData& w = c.data;
    const double t0 = double(w.traceStartNs(f.showRaw));
    const double span = std::max(1.0, double(w.traceEndNs(f.showRaw)) - t0);
    const double x0 = inner.left() + (double(f.windowStartNs) - t0) / span * inner.width();
    const double x1 = inner.left() + (double(f.windowEndNs) - t0) / span * inner.width();
    double y0 = inner.top(), y1 = inner.bottom();
    if (c.rows.size() > 0) {
        const double n = double(w.preorder.size());
        const auto firstRow = size_t(std::max<int64_t>(0, f.scrollY / f.rowHeight));
        const size_t lastRow = std::min(
            c.rows.size() - 1, size_t((f.scrollY + c.layout.names.height()) / f.rowHeight));
        y0 = inner.top() +
             double(c.rows.positionAt(std::min(firstRow, c.rows.size() - 1))) / n * inner.height();
        y1 = inner.top() + double(c.rows.positionAt(lastRow) + 1) / n * inner.height();
    }
    QColor shade = c.style.chrome;
    shade.setAlpha(150);
    c.p.fillRect(
        QRectF(inner.left(), inner.top(), std::max(0.0, x0 - inner.left()), inner.height()), shade);
    c.p.fillRect(QRectF(x1, inner.top(), std::max(0.0, inner.right() - x1), inner.height()), shade);
    c.p.setPen(QPen(c.style.minimapWindow, 1.5));
    c.p.setBrush(Qt::NoBrush);
    c.p.drawRect(QRectF(QPointF(x0, y0), QPointF(std::max(x1, x0 + 2), std::max(y1, y0 + 2))));
}

void paintNote(PaintContext& c) {
    if (c.frame.note.isEmpty()) return;
    const QRect area(0, c.frame.size.height() - c.frame.rowHeight, c.frame.size.width(),
                     c.frame.rowHeight);
    c.p.fillRect(area, c.style.chrome);
    c.p.setPen(c.style.text);
    c.p.setFont(c.bold);
    c.p.drawText(area.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, c.frame.note);
    ++c.stats.texts;
}

} // namespace tg::view::detail

namespace tg::view {

QImage renderWaterfallMinimap(const WaterfallData& data, const QSize& size,
                              const WaterfallStyle& style) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return image;
    image.fill(Qt::transparent);
    const WaterfallMinimapGrid& g = data.minimap;
    if (g.bands == 0 || g.columns == 0) return image;
    std::vector<QColor> bandColor(size_t(g.bands));
    for (int b = 0; b < g.bands; ++b)
        bandColor[size_t(b)] =
            serviceColor(data.dataset->strings.view(g.bandService[size_t(b)]), style);
    for (int y = 0; y < size.height(); ++y) {
        const int band = std::min(g.bands - 1, y * g.bands / std::max(1, size.height()));
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const double rows = std::max(1u, g.bandRows[size_t(band)]);
        for (int x = 0; x < size.width(); ++x) {
            const int col = std::min(g.columns - 1, x * g.columns / std::max(1, size.width()));
            const size_t cell = size_t(band) * size_t(g.columns) + size_t(col);
            if (g.cover[cell] == 0) continue;
            QColor color = g.errorCover[cell] ? style.error : bandColor[size_t(band)];
            color.setAlphaF(float(0.35 + 0.65 * std::min(1.0, g.cover[cell] / rows)));
            line[x] = qPremultiply(color.rgba());
        }
    }
    return image;
}

} // namespace tg::view
