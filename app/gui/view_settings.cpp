#include "app/gui/view_settings.h"

#include <QSettings>
#include <algorithm>

namespace tg::app {

ViewSettings ViewSettings::load() {
    QSettings s;
    ViewSettings v;
    const int label = s.value(QStringLiteral("view/edgeLabel"), int(v.edgeLabel)).toInt();
    v.edgeLabel = static_cast<view::TopologyView::EdgeLabel>(std::clamp(label, 0, 3));
    v.warnErrorRate = std::clamp(
        s.value(QStringLiteral("view/warnErrorRate"), v.warnErrorRate).toDouble(), 0.0, 1.0);
    v.criticalErrorRate = std::clamp(
        s.value(QStringLiteral("view/criticalErrorRate"), v.criticalErrorRate).toDouble(),
        v.warnErrorRate, 1.0);
    v.hideHealthy = s.value(QStringLiteral("view/hideHealthy"), v.hideHealthy).toBool();
    v.focusHops = std::clamp(s.value(QStringLiteral("view/focusHops"), v.focusHops).toInt(), 1, 9);
    const QString engine = s.value(QStringLiteral("view/layoutEngine")).toString();
    if (engine == QLatin1String("dot") || engine == QLatin1String("sfdp"))
        v.layoutEngine = engine.toStdString();
    return v;
}

void ViewSettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("view/edgeLabel"), int(edgeLabel));
    s.setValue(QStringLiteral("view/warnErrorRate"), warnErrorRate);
    s.setValue(QStringLiteral("view/criticalErrorRate"), criticalErrorRate);
    s.setValue(QStringLiteral("view/hideHealthy"), hideHealthy);
    s.setValue(QStringLiteral("view/focusHops"), focusHops);
    s.setValue(QStringLiteral("view/layoutEngine"), QString::fromStdString(layoutEngine));
}

} // namespace tg::app
