#pragma once
// Waterfall exports (SVG, PNG) of a whole trace, fully expanded, drawn by paintWaterfall() so
// they look like the view. SVG keeps text as text. A huge trace is capped to its first rows in
// depth-first order (maxRows, and the PNG's 16384-pixel side) and the picture says so on its
// bottom line.
// Thread affinity: any thread while a QGuiApplication exists (fonts); no widgets.
#include <QByteArray>
#include <QImage>
#include <QString>

#include "views/trace/waterfall_data.h"
#include "views/trace/waterfall_style.h"

namespace tg::view {

struct WaterfallExportOptions {
    int width = 1400;      // pixels (SVG: user units) across
    size_t maxRows = 2000; // rows drawn at most
    double pngScale = 2;   // device pixels per unit in PNGs (lowered to fit 16384 pixels)
    bool showRaw = false;  // raw times instead of skew-adjusted ones
    WaterfallStyle style;  // light by default (paper)
};

QByteArray waterfallSvg(const WaterfallData& data, const WaterfallExportOptions& options = {});
QImage renderWaterfallImage(const WaterfallData& data, const WaterfallExportOptions& options = {});
QByteArray waterfallPng(const WaterfallData& data, const WaterfallExportOptions& options = {});

} // namespace tg::view
