#include "views/charts/telemetry_text.h"

#include <QDateTime>
#include <cmath>

namespace tg::view {

QString utcTimeText(int64_t ns, bool micro) {
    // Floor division, so times before the epoch still read correctly.
    int64_t ms = ns / 1'000'000;
    int64_t restNs = ns % 1'000'000;
    if (restNs < 0) {
        restNs += 1'000'000;
        --ms;
    }
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    QString text = t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (micro) text += QStringLiteral("%1").arg(restNs / 1000, 3, 10, QLatin1Char('0'));
    return text;
}

QString traceIdText(const model::TraceId& id) {
    const QString hex = QString::fromStdString(id.toHex());
    return id.hi == 0 ? hex.right(16) : hex;
}

QString shortTraceIdText(const model::TraceId& id) {
    return traceIdText(id).left(8) + QChar(0x2026);
}

QString chartNumberText(double value) {
    if (!std::isfinite(value)) return QString::number(value);
    const double magnitude = std::fabs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3))
        return QString::number(value, 'g', 3);
    // Three significant digits, at least the integer part.
    const int digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
    QString text = QString::number(value, 'f', digits);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.'))) text.chop(1);
    }
    return text;
}

} // namespace tg::view
