#include "views/explorer/explorer_text.h"

#include <QDateTime>
#include <QLocale>

#include "views/topology/topology_text.h"

namespace tg::view {

QString durationText(int64_t ns) {
    return ns == 0 ? QStringLiteral("0") : formatDuration(double(ns));
}

QString signedDurationText(int64_t ns) {
    if (ns == 0) return QStringLiteral("\u00B10");
    // A true minus sign: it has the width of "+", so a column of differences lines up.
    return (ns > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) +
           formatDuration(ns > 0 ? double(ns) : -double(ns));
}

QString timestampText(int64_t ns) {
    const qint64 ms = ns >= 0 ? ns / 1'000'000 : -((-ns + 999'999) / 1'000'000);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString countText(quint64 n, const QString& singular, const QString& plural) {
    return QLocale().toString(n) + QLatin1Char(' ') + (n == 1 ? singular : plural);
}

} // namespace tg::view
