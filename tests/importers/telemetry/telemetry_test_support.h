#pragma once
// Helpers for the telemetry importer tests: import a file or bytes into fresh stores, find a
// series or a log record, render diagnostics for failure messages.
#include <QString>
#include <QStringList>

#include <memory>

#include "importers/telemetry/telemetry_import.h"

namespace tg::test {

struct Imported {
    std::unique_ptr<model::MetricStore> metrics = std::make_unique<model::MetricStore>();
    std::unique_ptr<model::LogStore> logs = std::make_unique<model::LogStore>();
    import::TelemetryImportReport report;
};

inline Imported importFile(const QString& path, import::TelemetryImportOptions options = {}) {
    Imported out;
    out.report = import::importTelemetryFile(path.toStdString(), *out.metrics, *out.logs, options);
    return out;
}

inline Imported importBytes(const QByteArray& bytes, const std::string& label,
                            import::TelemetryImportOptions options = {},
                            std::optional<import::TelemetryFormat> format = {}) {
    Imported out;
    out.report = import::importTelemetryBytes(std::string_view(bytes.constData(), bytes.size()),
                                              label, *out.metrics, *out.logs, options, format);
    return out;
}

inline QString describe(const model::Diagnostics& d) {
    QStringList parts;
    for (const auto& e : d.entries())
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(e.code)).arg(e.count);
    return parts.join(QLatin1Char(';'));
}

inline QString describe(const import::TelemetryImportReport& r) {
    if (r.failed) return QString::fromStdString("FAILED: " + r.error.toString());
    return QStringLiteral("format=%1 families=%2 series=%3 samples=%4 exemplars=%5 logs=%6 "
                          "streams=%7 diagnostics=[%8]")
        .arg(QString::fromLatin1(import::telemetryFormatName(r.format)))
        .arg(r.families)
        .arg(r.series)
        .arg(r.samples)
        .arg(r.exemplars)
        .arg(r.logRecords)
        .arg(r.logStreams)
        .arg(describe(r.diagnostics));
}

// The series `name` with exactly `labels` ("k=v,k=v"), or kNoRow.
inline model::SeriesId seriesOf(const model::MetricStore& m, const std::string& name,
                                const QString& labels = {}) {
    std::vector<std::string> text;
    for (const QString& kv : labels.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        text.push_back(kv.left(eq).toStdString());
        text.push_back(kv.mid(eq + 1).toStdString());
    }
    std::vector<model::LabelInput> in;
    for (size_t i = 0; i + 1 < text.size(); i += 2)
        in.push_back({text[i], text[i + 1]});
    return m.findSeries(name, in);
}

// The value of the first sample (by time) of a series.
inline double firstValue(const model::MetricStore& m, model::SeriesId s) {
    return m.sampleValue[m.samplesOf(s)[0]];
}
inline int64_t firstTime(const model::MetricStore& m, model::SeriesId s) {
    return m.sampleTimeNs[m.samplesOf(s)[0]];
}

} // namespace tg::test
