#include "views/trace/waterfall_style.h"

#include <array>
#include <cmath>
#include <cstdlib>

#include "models/core/string_pool.h"

namespace tg::view {
namespace {

// Mid-tone hues that keep dark text readable beside them and differ in hue and lightness, so
// neighbours stay apart for common colour-vision deficiencies too.
constexpr std::array<QRgb, 14> kServiceHues = {
    0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2, 0xedc948, 0xff9da7,
    0x9c755f, 0x86bcb6, 0x8cd17d, 0xa0cbe8, 0xd4a6c8, 0xf1ce63, 0x79706e,
};

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t), float(a.alphaF()));
}

} // namespace

WaterfallStyle waterfallStyleForPalette(const QPalette& palette) {
    WaterfallStyle style;
    const QColor base = palette.color(QPalette::Base);
    if (base.lightnessF() >= 0.5) return style; // light: the export style
    const QColor text = palette.color(QPalette::Text);
    style.dark = true;
    style.background = base;
    style.text = text;
    style.subtleText = mix(text, base, 0.35);
    style.chrome = mix(base, text, 0.06);
    style.gridLine = mix(base, text, 0.12);
    style.separator = mix(base, text, 0.25);
    style.rowStripe = mix(base, text, 0.03);
    style.selection = mix(base, QColor(0x3d, 0x7e, 0xd8), 0.35);
    style.hover = mix(base, text, 0.08);
    style.findMatch = mix(base, QColor(0xe8, 0xc5, 0x3a), 0.3);
    style.critical = QColor(0xf5, 0xf7, 0xfa);
    style.error = QColor(0xff, 0x6b, 0x6b);
    style.skew = QColor(0xff, 0xb3, 0x47);
    style.folded = mix(base, text, 0.45);
    style.minimapWindow = QColor(0x6f, 0xa8, 0xf0);
    return style;
}

QColor serviceColor(std::string_view service, const WaterfallStyle& style) {
    const uint64_t h = model::hashString(service);
    const QColor c = QColor::fromRgb(kServiceHues[h % kServiceHues.size()]);
    return style.dark ? c.lighter(110) : c;
}

QFont waterfallFont(const WaterfallStyle& style, bool bold, double scale) {
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(style.fontPx * scale))));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting); // same metrics on screen and in SVG
    return font;
}

QString formatDuration(int64_t ns) {
    const int64_t a = std::llabs(ns);
    auto digits = [](double v) { return v >= 100 ? 0 : v >= 10 ? 1 : 2; };
    auto fixed = [&](double v, const char* unit) {
        return QString::number(v, 'f', digits(std::fabs(v))) + QString::fromUtf8(unit);
    };
    if (a < 1000) return QString::number(ns) + QStringLiteral(" ns");
    if (a < 1000'000) return fixed(double(ns) / 1e3, " µs");
    if (a < 1000'000'000) return fixed(double(ns) / 1e6, " ms");
    if (a < 60'000'000'000) return fixed(double(ns) / 1e9, " s");
    const int64_t s = ns / 1'000'000'000;
    return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace tg::view
