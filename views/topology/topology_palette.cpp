#include "views/topology/topology_palette.h"

namespace tg::view {

namespace {

// a blended toward b by t in [0, 1].
QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

TopologyStyle topologyStyleForPalette(const QPalette& palette) {
    TopologyStyle style;
    const QColor base = palette.color(QPalette::Base);
    style.background = base;
    if (!isDarkPalette(palette)) return style;
    const QColor text = palette.color(QPalette::Text);
    style.text = text;
    style.subtleText = mix(text, base, 0.35);
    style.clusterFill = mix(base, text, 0.05);
    style.clusterBorder = mix(base, text, 0.22);
    style.clusterText = mix(text, base, 0.25);
    // Health borders stay; fills become dark tints of them so light text reads on top.
    for (HealthColors* h : {&style.healthy, &style.warning, &style.critical, &style.idle})
        h->fill = mix(base, h->border, 0.2);
    style.externalFill = mix(base, text, 0.04);
    style.nodeShadow = QColor(0, 0, 0, 90);
    style.criticalText = style.critical.border.lighter(140);
    style.edgeColor = mix(base, QColor(0x9a, 0xa6, 0xb8), 0.8);
    style.edgeErrorText = style.edgeErrorColor.lighter(130);
    style.captionBackground = base;
    style.captionBackground.setAlpha(225);
    return style;
}

} // namespace tg::view
