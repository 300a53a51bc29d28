#include "app/correlate/correlation_report_output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/telemetry/telemetry_output.h"
#include "importers/telemetry/telemetry_values.h"
#include "models/correlate/derived_fields.h"

namespace tg::app {
namespace {

using model::CorrelationReport;
using model::MissTally;

QString timeText(int64_t ns) {
    return QString::fromStdString(import::formatTimeNs(ns));
}

QJsonValue count(uint64_t n) {
    return QJsonValue(static_cast<qint64>(n));
}

QJsonObject tally(const MissTally& t) {
    QJsonObject o{{"count", count(t.count)}};
    if (t.count > 0) o["first_sample"] = QString::fromStdString(t.firstSample);
    return o;
}

template <size_t N, typename Name>
QJsonObject misses(const std::array<MissTally, N>& tallies, Name name) {
    QJsonObject o;
    for (size_t i = 0; i < N; ++i)
        o[QLatin1String(name(i))] = tally(tallies[i]);
    return o;
}

const char* traceMiss(size_t i) {
    return model::traceMissName(static_cast<model::TraceMiss>(i));
}
const char* serviceMiss(size_t i) {
    return model::serviceMissName(static_cast<model::ServiceMiss>(i));
}

QJsonObject logsJson(const CorrelationReport& r) {
    QJsonObject ids;
    for (size_t i = 0; i < r.logsByIdOrigin.size(); ++i)
        ids[QLatin1String(model::idOriginName(static_cast<model::IdOrigin>(i)))] =
            count(r.logsByIdOrigin[i]);
    return {{"records", count(r.logs)},
            {"linked_to_span", count(r.logsLinkedToSpan)},
            {"linked_to_trace_only", count(r.logsLinkedToTrace)},
            {"span_not_found", count(r.logsSpanNotFound)},
            {"ids_from", ids},
            {"not_linked", misses(r.logMisses, traceMiss)},
            {"linked_to_service", count(r.logsLinkedToService)},
            {"service_not_linked", misses(r.logServiceMisses, serviceMiss)}};
}

// "  no_id                 12   first: app.log: record 3: ..." lines.
void appendMisses(QString& out, const auto& tallies, const char* (*name)(size_t)) {
    for (size_t i = 0; i < tallies.size(); ++i) {
        const MissTally& t = tallies[i];
        out += QStringLiteral("    %1 %2")
                   .arg(QString::fromLatin1(name(i)).leftJustified(20))
                   .arg(t.count, 9);
        if (t.count > 0)
            out += QStringLiteral("   first: ") + QString::fromStdString(t.firstSample);
        out += QLatin1Char('\n');
    }
}

QString percent(uint64_t part, uint64_t whole) {
    return whole == 0 ? QStringLiteral("-")
                      : QString::number(100.0 * double(part) / double(whole), 'f', 1) + '%';
}

} // namespace

QByteArray correlationReportJson(const CorrelationReport& r, const TelemetryInputs& inputs) {
    QJsonObject traces{
        {"traces", count(r.traces)}, {"spans", count(r.spans)}, {"services", count(r.services)}};
    if (r.traces > 0) {
        traces["start"] = timeText(r.tracesStartNs);
        traces["end"] = timeText(r.tracesEndNs);
    }
    const QJsonObject exemplars{{"exemplars", count(r.exemplars)},
                                {"linked_to_span", count(r.exemplarsLinkedToSpan)},
                                {"linked_to_trace_only", count(r.exemplarsLinkedToTrace)},
                                {"not_linked", misses(r.exemplarMisses, traceMiss)}};
    const QJsonObject series{{"series", count(r.series)},
                             {"linked_to_service", count(r.seriesLinkedToService)},
                             {"not_linked", misses(r.seriesMisses, serviceMiss)}};
    QJsonArray skipped;
    for (const std::string& name : r.skippedRules)
        skipped.append(QString::fromStdString(name));
    const QJsonObject doc{{"traces", traces},         {"logs", logsJson(r)},
                          {"exemplars", exemplars},   {"series", series},
                          {"skipped_rules", skipped}, {"inputs", inputsJson(inputs)}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QByteArray correlationReportText(const CorrelationReport& r, const TelemetryInputs& inputs) {
    QString out = QStringLiteral("traces:    %1 traces, %2 spans, %3 services")
                      .arg(r.traces)
                      .arg(r.spans)
                      .arg(r.services);
    if (r.traces > 0)
        out += QStringLiteral(", %1 .. %2").arg(timeText(r.tracesStartNs), timeText(r.tracesEndNs));
    out += QStringLiteral("\nlogs:      %1 records: %2 linked to a span, %3 to a trace only (%4)\n")
               .arg(r.logs)
               .arg(r.logsLinkedToSpan)
               .arg(r.logsLinkedToTrace)
               .arg(percent(r.logsLinked(), r.logs));
    out += QStringLiteral("  IDs from: explicit %1, field rules %2, regex rules %3, none %4\n")
               .arg(r.logsByIdOrigin[1])
               .arg(r.logsByIdOrigin[2])
               .arg(r.logsByIdOrigin[3])
               .arg(r.logsByIdOrigin[0]);
    out += QStringLiteral("  not linked to a trace:\n");
    appendMisses(out, r.logMisses, traceMiss);
    out += QStringLiteral("  linked to a service: %1 (%2); not:\n")
               .arg(r.logsLinkedToService)
               .arg(percent(r.logsLinkedToService, r.logs));
    appendMisses(out, r.logServiceMisses, serviceMiss);
    out += QStringLiteral("exemplars: %1: %2 linked to a span, %3 to a trace only (%4)\n")
               .arg(r.exemplars)
               .arg(r.exemplarsLinkedToSpan)
               .arg(r.exemplarsLinkedToTrace)
               .arg(percent(r.exemplarsLinked(), r.exemplars));
    out += QStringLiteral("  not linked:\n");
    appendMisses(out, r.exemplarMisses, traceMiss);
    out += QStringLiteral("series:    %1: %2 linked to a service (%3); not:\n")
               .arg(r.series)
               .arg(r.seriesLinkedToService)
               .arg(percent(r.seriesLinkedToService, r.series));
    appendMisses(out, r.seriesMisses, serviceMiss);
    for (const std::string& name : r.skippedRules)
        out += QStringLiteral("skipped rule (regex does not compile): %1\n")
                   .arg(QString::fromStdString(name));
    for (const auto& report : inputs.reports)
        if (report.failed)
            out += QStringLiteral("input failed: %1\n")
                       .arg(QString::fromStdString(report.error.toString()));
    return out.toUtf8();
}

} // namespace tg::app
