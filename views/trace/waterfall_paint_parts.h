#pragma once
// Internal parts of WaterfallPainter (waterfall_painter.cpp draws the rows,
// waterfall_chrome_painter.cpp the minimap, ruler and headers). Not for other callers.
// Thread affinity: as WaterfallPainter.
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include "views/trace/waterfall_painter.h"

namespace tg::view::detail {

// Fonts and metrics of one frame, made once per paint.
struct PaintContext {
    QPainter& p;
    const WaterfallData& data;
    const WaterfallRows& rows;
    const WaterfallFrame& frame;
    const WaterfallStyle& style;
    WaterfallLayout layout;
    QFont font, bold, small;
    QFontMetricsF fm, boldFm, smallFm;
    WaterfallFrameStats stats;
    double nsPerPx = 1;
    PaintContext(QPainter& painter, const WaterfallData& d, const WaterfallRows& r,
                 const WaterfallFrame& f, const WaterfallStyle& s);
    double x(int64_t ns) const { return waterfallTimeToX(frame, ns); }
};

constexpr int kTimelinePad = 10; // px between the timeline's edges and the window's ends

// Tick step for about one label per minPx pixels: 1, 2 or 5 times a power of ten (ns).
int64_t rulerStep(int64_t windowNs, double widthPx, double minPx);

void paintMinimapArea(PaintContext& c, const QImage* minimap);
void paintRuler(PaintContext& c);
void paintHeader(PaintContext& c);
void paintGridLines(PaintContext& c);
void paintNote(PaintContext& c);

} // namespace tg::view::detail
