#include "app/panels/telemetry_source_items.h"

#include <QFileInfo>
#include <QLocale>
#include <QObject>

namespace tg::app {
namespace {

QString count(uint64_t n, const QString& one, const QString& many) {
    return (n == 1 ? one : many).arg(QLocale().toString(qulonglong(n)));
}

QList<view::DiagnosticItem> diagnosticItems(const model::Diagnostics& diagnostics) {
    QList<view::DiagnosticItem> out;
    for (const auto& e : diagnostics.entries())
        out.append({e.severity, QString::fromStdString(e.code), e.count,
                    QString::fromStdString(e.firstSample)});
    return out;
}

void addMisses(QList<view::DiagnosticItem>& out, const QString& prefix, const char* reason,
               const model::MissTally& tally) {
    if (tally.count == 0) return;
    out.append({model::Severity::Info, prefix + QString::fromLatin1(reason), tally.count,
                QString::fromStdString(tally.firstSample)});
}

} // namespace

view::SourceItem telemetrySourceItem(const import::TelemetryImportReport& report) {
    view::SourceItem item;
    item.path = QString::fromStdString(report.path);
    if (item.path.startsWith(QLatin1String("demo:"))) { // the generated demo's logs or metrics
        item.kind = view::SourceItem::Kind::Demo;
        item.title = item.path.mid(5) + QObject::tr(" (demo)");
    } else {
        item.title = QFileInfo(item.path).fileName();
    }
    QStringList parts;
    if (report.format != import::TelemetryFormat::Unknown)
        parts << QString::fromUtf8(import::telemetryFormatName(report.format));
    if (!report.failed) {
        if (report.logRecords > 0 || report.series == 0)
            parts << count(report.logRecords, QObject::tr("%1 log line"),
                           QObject::tr("%1 log lines"));
        if (report.series > 0) {
            parts << count(report.series, QObject::tr("%1 series"), QObject::tr("%1 series"));
            parts << count(report.samples, QObject::tr("%1 sample"), QObject::tr("%1 samples"));
        }
        if (report.exemplars > 0)
            parts << count(report.exemplars, QObject::tr("%1 exemplar"),
                           QObject::tr("%1 exemplars"));
    }
    if (report.bytes > 0) parts << QLocale().formattedDataSize(qint64(report.bytes));
    item.detail = parts.join(QStringLiteral(" · "));
    item.failed = report.failed;
    if (report.failed) item.error = QString::fromStdString(report.error.toString());
    item.diagnostics = diagnosticItems(report.diagnostics);
    return item;
}

view::SourceItem correlationSourceItem(const model::CorrelationReport& r) {
    view::SourceItem item;
    item.kind = view::SourceItem::Kind::Correlation;
    item.title = QObject::tr("Correlation");
    item.path = QObject::tr("Log lines, exemplars and metric series linked to the traces by "
                            "trace/span IDs and service labels");
    const QLocale locale;
    QStringList parts;
    if (r.logs > 0)
        parts << QObject::tr("%1 of %2 log lines linked to traces, %3 to services")
                     .arg(locale.toString(qulonglong(r.logsLinked())),
                          locale.toString(qulonglong(r.logs)),
                          locale.toString(qulonglong(r.logsLinkedToService)));
    if (r.series > 0)
        parts << QObject::tr("%1 of %2 series mapped to services")
                     .arg(locale.toString(qulonglong(r.seriesLinkedToService)),
                          locale.toString(qulonglong(r.series)));
    if (r.exemplars > 0)
        parts << QObject::tr("%1 of %2 exemplars linked to traces")
                     .arg(locale.toString(qulonglong(r.exemplarsLinked())),
                          locale.toString(qulonglong(r.exemplars)));
    item.detail =
        parts.isEmpty() ? QObject::tr("nothing to link") : parts.join(QStringLiteral(" · "));
    for (size_t i = 0; i < model::kTraceMissCount; ++i)
        addMisses(item.diagnostics, QStringLiteral("log_"),
                  model::traceMissName(model::TraceMiss(i)), r.logMisses[i]);
    for (size_t i = 0; i < model::kServiceMissCount; ++i)
        addMisses(item.diagnostics, QStringLiteral("log_"),
                  model::serviceMissName(model::ServiceMiss(i)), r.logServiceMisses[i]);
    for (size_t i = 0; i < model::kTraceMissCount; ++i)
        addMisses(item.diagnostics, QStringLiteral("exemplar_"),
                  model::traceMissName(model::TraceMiss(i)), r.exemplarMisses[i]);
    for (size_t i = 0; i < model::kServiceMissCount; ++i)
        addMisses(item.diagnostics, QStringLiteral("series_"),
                  model::serviceMissName(model::ServiceMiss(i)), r.seriesMisses[i]);
    for (const std::string& rule : r.skippedRules)
        item.diagnostics.append({model::Severity::Warning,
                                 QStringLiteral("derived_field_rule_skipped"), 1,
                                 QString::fromStdString(rule)});
    return item;
}

QList<view::SourceItem> telemetrySourceItems(const SessionTelemetry& telemetry) {
    QList<view::SourceItem> items;
    for (const auto& report : telemetry.reports)
        items.append(telemetrySourceItem(report));
    if (telemetry.correlation) items.append(correlationSourceItem(telemetry.correlation->report()));
    return items;
}

} // namespace tg::app
