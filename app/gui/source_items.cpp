// Sources dock items from import reports (see view_models.h).
#include <QFileInfo>
#include <QLocale>

#include "app/gui/view_models.h"
#include "app/panels/telemetry_source_items.h"

namespace tg::app {
namespace {

QList<view::DiagnosticItem> diagnosticItems(const model::Diagnostics& diagnostics) {
    QList<view::DiagnosticItem> out;
    for (const auto& e : diagnostics.entries())
        out.append({e.severity, QString::fromStdString(e.code), e.count,
                    QString::fromStdString(e.firstSample)});
    return out;
}

view::SourceItem::Kind kindOf(const import::ImportReport& report) {
    if (report.format == import::Format::Workspace) return view::SourceItem::Kind::Workspace;
    if (report.path.rfind("demo:", 0) == 0) return view::SourceItem::Kind::Demo;
    return view::SourceItem::Kind::File;
}

} // namespace

view::SourceItem sourceItem(const import::ImportReport& report) {
    view::SourceItem item;
    item.kind = kindOf(report);
    item.path = QString::fromStdString(report.path);
    item.title = item.kind == view::SourceItem::Kind::Demo
                     ? item.path.mid(5) + QObject::tr(" (demo)")
                     : QFileInfo(item.path).fileName();
    const QLocale locale;
    QStringList parts;
    if (report.format != import::Format::Unknown)
        parts << QString::fromUtf8(import::formatName(report.format));
    if (!report.failed) parts << QObject::tr("%1 spans").arg(locale.toString(report.spans));
    if (report.bytes > 0) parts << locale.formattedDataSize(qint64(report.bytes));
    item.detail = parts.join(QStringLiteral(" · "));
    item.failed = report.failed;
    if (report.failed) item.error = QString::fromStdString(report.error.toString());
    item.diagnostics = diagnosticItems(report.diagnostics);
    return item;
}

QList<view::SourceItem> sourceItems(const SessionSnapshot* snapshot,
                                    const std::vector<import::ImportReport>& failedAttempts) {
    QList<view::SourceItem> items;
    if (snapshot && snapshot->inputs) {
        for (const auto& report : snapshot->inputs->reports)
            items.append(sourceItem(report));
        view::SourceItem structure;
        structure.kind = view::SourceItem::Kind::Structure;
        structure.title = QObject::tr("Trace structure");
        structure.path =
            QObject::tr("Checks over all loaded spans: orphans, duplicates, clock skew…");
        structure.diagnostics = diagnosticItems(snapshot->inputs->structureDiagnostics);
        items.append(structure);
        items.append(telemetrySourceItems(snapshot->telemetry)); // metrics, logs, correlation
    }
    for (const auto& report : failedAttempts)
        items.append(sourceItem(report));
    return items;
}

uint64_t diagnosticsCount(const SessionSnapshot& snapshot) {
    if (!snapshot.inputs) return 0;
    uint64_t n = 0;
    for (const auto& report : snapshot.inputs->reports)
        for (const auto& e : report.diagnostics.entries())
            n += e.count;
    for (const auto& e : snapshot.inputs->structureDiagnostics.entries())
        n += e.count;
    return n + snapshot.telemetry.diagnosticsCount();
}

QString summaryText(const SessionSnapshot& snapshot) {
    if (!snapshot.inputs || !snapshot.graph) return {};
    const QLocale locale;
    uint64_t services = 0;
    for (const auto& node : snapshot.graph->nodes)
        services += node.inferred() ? 0 : 1;
    const uint64_t diagnostics = diagnosticsCount(snapshot);
    QString text =
        QObject::tr("%1 spans · %2 traces · %3 services")
            .arg(locale.toString(snapshot.spans()),
                 locale.toString(snapshot.inputs->structure.traceCount), locale.toString(services));
    if (snapshot.telemetry.logCount() > 0)
        text += QObject::tr(" · %1 log lines").arg(locale.toString(snapshot.telemetry.logCount()));
    if (snapshot.telemetry.seriesCount() > 0)
        text += QObject::tr(" · %1 series").arg(locale.toString(snapshot.telemetry.seriesCount()));
    return text + QObject::tr(" · %1 diagnostics").arg(locale.toString(diagnostics));
}

} // namespace tg::app
