#pragma once
// Headless painter of the trace waterfall: minimap, time ruler, name column (tree lines,
// expand triangles, service and operation, error and skew marks) and the bars (service colour,
// critical path stripe, duration and self time labels) of the rows in view, drawn into any
// QPainter. The widget paints its viewport with it and the exports (SVG/PNG) paint the whole
// trace with it, so the two cannot drift apart.
//
// Only rows intersecting the frame are visited (index arithmetic from the scroll offset); in
// each, the critical path segments and, for collapsed spans, the children are folded to pixels
// (waterfall_fold.h), so a frame's cost depends on the frame's size, not on the trace's.
// Text is real text (DejaVu Sans), so it stays text in SVG.
//
// Thread affinity: any thread that may paint on the device (widgets: GUI thread); reads the
// WaterfallData (immutable) and the WaterfallRows (whose caches it fills: one thread at a time).
#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "views/trace/waterfall_data.h"
#include "views/trace/waterfall_rows.h"
#include "views/trace/waterfall_style.h"

class QPainter;

namespace tg::view {

// What to paint: the frame's size and layout, the time window, the vertical scroll, the
// selection and marks. The layout from the top: minimap, ruler, rows; the name column on the
// left of the ruler and rows.
struct WaterfallFrame {
    QSize size{800, 600};
    int nameColumnWidth = 320;
    int rowHeight = 22;
    int minimapHeight = 44; // 0: no minimap
    int rulerHeight = 26;
    int64_t windowStartNs = 0, windowEndNs = 1; // the time shown across the timeline
    int64_t scrollY = 0;                        // pixels scrolled past the top of the first row
    bool showRaw = false;                       // raw times instead of skew-adjusted ones
    bool zoomed = false;                        // draws the "zoom out" button in the header
    std::optional<uint32_t> selectedNode, hoveredNode;
    const std::vector<uint8_t>* findMatches = nullptr; // per node (nullable)
    std::optional<std::pair<int, int>> rulerSelection; // x range being dragged on the ruler
    QString title;                                     // over the name column, above the ruler
    QString note;                                      // bottom line (e.g. rows left out)
    size_t rowLimit = SIZE_MAX;                        // rows from here on are not drawn
};

// The frame's areas (frame coordinates).
struct WaterfallLayout {
    QRect minimap, ruler, header, names, timeline, zoomBack;
    QRectF minimapInner; // where the miniature goes (the timeline's x padding, so they align)
    static WaterfallLayout of(const WaterfallFrame& frame);
};

struct WaterfallFrameStats {
    size_t rows = 0; // rows painted
    size_t bars = 0; // span bars painted
    size_t criticalBlocks = 0;
    size_t foldedBlocks = 0;    // merged blocks of sub-pixel intervals (count > 1)
    size_t foldedIntervals = 0; // intervals inside those blocks
    size_t texts = 0;           // text runs drawn
};

// Paints the frame into the painter's (0, 0, frame.size) area. minimap: the trace's miniature
// (renderWaterfallMinimap), may be null.
WaterfallFrameStats paintWaterfall(QPainter& painter, const WaterfallData& data,
                                   const WaterfallRows& rows, const WaterfallFrame& frame,
                                   const WaterfallStyle& style, const QImage* minimap = nullptr);

// The minimap grid drawn into an image of this size (device pixels), transparent background.
QImage renderWaterfallMinimap(const WaterfallData& data, const QSize& size,
                              const WaterfallStyle& style);

// x where a row's tree indentation ends (its expand triangle starts), by depth: deeper than a
// dozen levels the indentation stops growing and the depth is written instead.
int waterfallNameIndent(uint32_t depth);

// x of a time in the timeline (frame coordinates, not clamped) and back.
double waterfallTimeToX(const WaterfallFrame& frame, int64_t ns);
int64_t waterfallXToTime(const WaterfallFrame& frame, double x);

} // namespace tg::view
