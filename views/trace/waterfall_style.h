#pragma once
// Colours, fonts and sizes of the waterfall, shared by the widget and the exports. Services get
// a stable colour: the service name's hash picks one of a fixed set of hues, so a service keeps
// its colour across traces, runs and machines; the set is chosen to stay distinguishable (and
// to keep dark text readable next to it) on light and dark backgrounds. A dark widget palette
// darkens the chrome and lightens the bar colours; exports are always light.
// Thread affinity: any thread.
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

#include <string_view>

namespace tg::view {

struct WaterfallStyle {
    QString fontFamily = QStringLiteral("DejaVu Sans");
    int fontPx = 12;
    bool dark = false;
    QColor background{0xff, 0xff, 0xff};
    QColor text{0x1c, 0x25, 0x33};
    QColor subtleText{0x5a, 0x67, 0x78};
    QColor chrome{0xf3, 0xf5, 0xf8};    // ruler, name column header, minimap background
    QColor gridLine{0xe1, 0xe6, 0xed};  // ruler ticks across the rows
    QColor separator{0xc9, 0xd1, 0xdc}; // name column / timeline border
    QColor rowStripe{0xf8, 0xf9, 0xfb}; // every other row
    QColor selection{0xd6, 0xe6, 0xfb}; // selected row
    QColor hover{0xee, 0xf3, 0xfa};     // row under the mouse
    QColor findMatch{0xff, 0xf1, 0xb8}; // rows matching the find text
    QColor critical{0x1c, 0x25, 0x33};  // critical path stripe on bars
    QColor error{0xd1, 0x34, 0x38};     // error marks
    QColor skew{0xb5, 0x6a, 0x00};      // clock-skew adjusted marks
    QColor folded{0x7b, 0x8a, 0x9c};    // folded blocks of sub-pixel children
    QColor rulerSelection{0x3d, 0x7e, 0xd8, 70};
    QColor minimapWindow{0x3d, 0x7e, 0xd8};
};

WaterfallStyle waterfallStyleForPalette(const QPalette& palette);

// The colour of a service's bars (stable for a name; lighter variants in a dark style).
QColor serviceColor(std::string_view service, const WaterfallStyle& style);

QFont waterfallFont(const WaterfallStyle& style, bool bold = false, double scale = 1.0);

// "850 ns", "12.4 µs", "3.25 ms", "1.50 s", "2m 03s": three significant digits.
QString formatDuration(int64_t ns);

} // namespace tg::view
