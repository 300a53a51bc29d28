#include "app/panels/span_logs_source.h"

#include <QCoreApplication>

#include "app/gui/session_snapshot.h"
#include "views/charts/telemetry_text.h"

namespace tg::app {
namespace {

QString logLine(const model::LogStore& logs, uint32_t row) {
    const QString time = logs.flags[row] & model::kLogNoTime
                             ? QStringLiteral("—")
                             : view::utcTimeText(logs.timeNs[row], true);
    const QString severity =
        logs.severity[row] == model::LogSeverity::Unspecified
            ? QString::fromUtf8(logs.strings.view(logs.severityText[row]))
            : QString::fromLatin1(model::logSeverityName(logs.severity[row])).toUpper();
    QString body = QString::fromUtf8(logs.body(row));
    body.replace(QLatin1Char('\n'), QLatin1Char(' ')); // one line per record
    return QStringLiteral("%1  %2  %3").arg(time, severity, body);
}

} // namespace

SpanLogsSource spanLogsSource(std::shared_ptr<const SessionSnapshot> snapshot, int maxLines) {
    if (!snapshot || !snapshot->inputs || !snapshot->telemetry.logs ||
        !snapshot->telemetry.correlation)
        return {};
    return [snapshot, maxLines](uint32_t row) -> std::optional<QStringList> {
        const model::Dataset& dataset = snapshot->inputs->dataset;
        if (row >= dataset.spanCount()) return QStringList();
        const auto rows =
            snapshot->telemetry.correlation->logsForSpan(dataset.traceId[row], dataset.spanId[row]);
        QStringList lines;
        const size_t shown = std::min(rows.size(), size_t(std::max(maxLines, 1)));
        lines.reserve(int(shown) + 1);
        for (size_t i = 0; i < shown; ++i)
            lines << logLine(*snapshot->telemetry.logs, rows[i]);
        if (rows.size() > shown)
            lines << QCoreApplication::translate("SpanLogs", "… %n more line(s) in the Logs panel",
                                                 nullptr, int(rows.size() - shown));
        return lines;
    };
}

} // namespace tg::app
