#include "app/telemetry/telemetry_output.h"

#include <QJsonDocument>

#include <charconv>
#include <cmath>

#include "importers/telemetry/telemetry_values.h"

namespace tg::app {

namespace {

QString view(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString timeText(int64_t ns) {
    return QString::fromStdString(import::formatTimeNs(ns));
}

QJsonObject labelsObject(const model::StringPool& strings, std::span<const model::Label> labels) {
    QJsonObject o;
    for (const model::Label& l : labels)
        o.insert(view(strings.view(l.key)), view(strings.view(l.value)));
    return o;
}

QJsonValue valueJson(double v) {
    if (std::isfinite(v)) return v;
    return formatValue(v);
}

QJsonObject diagnosticsJson(const model::Diagnostics& d) {
    QJsonObject o;
    for (const auto& e : d.entries())
        o.insert(QString::fromStdString(e.code), static_cast<qint64>(e.count));
    return o;
}

QString csvCell(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString formatValue(double v) {
    if (std::isnan(v)) return QStringLiteral("NaN");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, static_cast<qsizetype>(r.ptr - buf));
}

QString labelsText(const model::StringPool& strings, std::span<const model::Label> labels) {
    QStringList parts;
    for (const model::Label& l : labels) {
        QString value = view(strings.view(l.value));
        value.replace(QLatin1String("\\"), QLatin1String("\\\\"))
            .replace(QLatin1String("\""), QLatin1String("\\\""))
            .replace(QLatin1String("\n"), QLatin1String("\\n"));
        parts << view(strings.view(l.key)) + QStringLiteral("=\"") + value + QLatin1Char('"');
    }
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QByteArray logsText(const model::LogStore& logs, const std::vector<uint32_t>& rows) {
    QByteArray out;
    for (uint32_t r : rows) {
        QString line =
            (logs.flags[r] & model::kLogNoTime) ? QStringLiteral("-") : timeText(logs.timeNs[r]);
        line += QLatin1Char(' ') +
                QString::fromLatin1(model::logSeverityName(logs.severity[r])).toUpper();
        const std::string_view service = logs.serviceOf(r);
        if (!service.empty()) line += QStringLiteral(" [") + view(service) + QLatin1Char(']');
        QString body = view(logs.body(r));
        body.replace(QLatin1String("\n"), QLatin1String("\n    "));
        line += QLatin1Char(' ') + body;
        if (logs.hasTrace(r))
            line += QStringLiteral(" trace_id=") + QString::fromStdString(logs.traceId[r].toHex());
        if (logs.hasSpan(r))
            line += QStringLiteral(" span_id=") +
                    QString::fromStdString(model::spanIdToHex(logs.spanId[r]));
        out += line.toUtf8() + '\n';
    }
    return out;
}

QJsonArray inputsJson(const TelemetryInputs& inputs) {
    QJsonArray files;
    for (const auto& r : inputs.reports) {
        QJsonObject f{{"path", QString::fromStdString(r.path)},
                      {"format", import::telemetryFormatName(r.format)},
                      {"ok", !r.failed},
                      {"series", static_cast<qint64>(r.series)},
                      {"samples", static_cast<qint64>(r.samples)},
                      {"exemplars", static_cast<qint64>(r.exemplars)},
                      {"logs", static_cast<qint64>(r.logRecords)},
                      {"diagnostics", diagnosticsJson(r.diagnostics)}};
        if (r.failed) f.insert("error", QString::fromStdString(r.error.toString()));
        files.append(f);
    }
    for (const auto& r : inputs.traces.reports)
        files.append(QJsonObject{{"path", QString::fromStdString(r.path)},
                                 {"format", import::formatName(r.format)},
                                 {"ok", !r.failed},
                                 {"spans", static_cast<qint64>(r.spans)},
                                 {"diagnostics", diagnosticsJson(r.diagnostics)}});
    return files;
}

QByteArray logsJson(const TelemetryInputs& inputs, const std::vector<uint32_t>& rows) {
    const model::LogStore& logs = *inputs.logs;
    QJsonArray records;
    for (uint32_t r : rows) {
        QJsonObject attributes;
        for (const model::Attribute& a : logs.attributesOf(r))
            attributes.insert(view(logs.strings.view(a.key)),
                              QString::fromStdString(logs.attributeText(a)));
        QJsonObject o{{"severity", model::logSeverityName(logs.severity[r])},
                      {"severityText", view(logs.strings.view(logs.severityText[r]))},
                      {"service", view(logs.serviceOf(r))},
                      {"labels", labelsObject(logs.strings, logs.streamLabels(logs.stream[r]))},
                      {"body", view(logs.body(r))},
                      {"attributes", attributes},
                      {"source", QString::fromStdString(logs.sources[logs.source[r]].path)}};
        if (!(logs.flags[r] & model::kLogNoTime)) {
            o.insert("time", timeText(logs.timeNs[r]));
            o.insert("timeUnixNano", QString::number(logs.timeNs[r]));
        }
        if (logs.observedNs[r]) o.insert("observedTime", timeText(logs.observedNs[r]));
        if (logs.hasTrace(r)) o.insert("traceId", QString::fromStdString(logs.traceId[r].toHex()));
        if (logs.hasSpan(r))
            o.insert("spanId", QString::fromStdString(model::spanIdToHex(logs.spanId[r])));
        records.append(o);
    }
    const QJsonObject doc{{"logs", records},
                          {"total", static_cast<qint64>(rows.size())},
                          {"spans", static_cast<qint64>(inputs.traces.dataset.spanCount())},
                          {"inputs", inputsJson(inputs)}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QByteArray metricsJson(const TelemetryInputs& inputs, const std::vector<SeriesSelection>& list) {
    const model::MetricStore& m = *inputs.metrics;
    QJsonArray series;
    for (const SeriesSelection& sel : list) {
        const model::FamilyId f = m.familyOf(sel.series);
        QJsonArray samples;
        for (uint32_t row : sel.samples)
            samples.append(
                QJsonArray{timeText(m.sampleTimeNs[row]), valueJson(m.sampleValue[row])});
        QJsonArray exemplars;
        for (uint32_t e : sel.exemplars) {
            QJsonObject o{{"value", valueJson(m.exemplarValue[e])},
                          {"labels", labelsObject(m.strings, m.exemplarLabelsOf(e))}};
            if (m.exemplarFlags[e] & model::kExemplarHasTime)
                o.insert("time", timeText(m.exemplarTimeNs[e]));
            if (!m.exemplarTrace[e].isZero())
                o.insert("traceId", QString::fromStdString(m.exemplarTrace[e].toHex()));
            if (m.exemplarSpan[e])
                o.insert("spanId", QString::fromStdString(model::spanIdToHex(m.exemplarSpan[e])));
            exemplars.append(o);
        }
        QJsonObject o{{"name", view(m.nameOf(sel.series))},
                      {"family", view(m.strings.view(m.familyName[f]))},
                      {"type", model::metricTypeName(m.familyType[f])},
                      {"role", model::seriesRoleName(m.seriesRole[sel.series])},
                      {"unit", view(m.strings.view(m.familyUnit[f]))},
                      {"help", view(m.strings.view(m.familyHelp[f]))},
                      {"labels", labelsObject(m.strings, m.labelsOf(sel.series))},
                      {"samples", samples}};
        if (!exemplars.isEmpty()) o.insert("exemplars", exemplars);
        series.append(o);
    }
    const QJsonObject doc{{"series", series},
                          {"total", static_cast<qint64>(list.size())},
                          {"inputs", inputsJson(inputs)}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QByteArray metricsCsv(const model::MetricStore& m, const std::vector<SeriesSelection>& list) {
    QByteArray out = "name,type,labels,time,time_unix_nano,value\n";
    for (const SeriesSelection& sel : list) {
        const QString prefix =
            csvCell(view(m.nameOf(sel.series))) + QLatin1Char(',') +
            QString::fromLatin1(model::metricTypeName(m.typeOf(sel.series))) + QLatin1Char(',') +
            csvCell(labelsText(m.strings, m.labelsOf(sel.series))) + QLatin1Char(',');
        for (uint32_t row : sel.samples)
            out += (prefix + timeText(m.sampleTimeNs[row]) + QLatin1Char(',') +
                    QString::number(m.sampleTimeNs[row]) + QLatin1Char(',') +
                    formatValue(m.sampleValue[row]) + QLatin1Char('\n'))
                       .toUtf8();
    }
    return out;
}

} // namespace tg::app
