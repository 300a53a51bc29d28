#include "app/report/report_json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <set>

namespace tg::app {
namespace {

double roundMs(double ns) {
    return std::round(ns / 1e3) / 1e3;
} // ms with µs precision

QString isoTime(int64_t ns) {
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC).toString(Qt::ISODateWithMs);
}

struct DatasetSummary {
    uint64_t services = 0;
    int64_t minStart = 0, maxEnd = 0;
};

DatasetSummary summarize(const model::Dataset& d) {
    DatasetSummary s;
    std::set<model::StringId> services(d.service.begin(), d.service.end());
    s.services = services.size();
    if (d.spanCount() > 0) {
        s.minStart = *std::min_element(d.startNs.begin(), d.startNs.end());
        for (size_t i = 0; i < d.spanCount(); ++i)
            s.maxEnd = std::max(s.maxEnd, d.startNs[i] + d.durationNs[i]);
    }
    return s;
}

QJsonObject errorJson(const model::Error& e) {
    QJsonObject o{{"code", model::errorCodeName(e.code)},
                  {"detail", QString::fromStdString(e.detail)},
                  {"path", QString::fromStdString(e.path)},
                  {"message", QString::fromStdString(e.toString())}};
    if (e.offset >= 0) o["offset"] = static_cast<qint64>(e.offset);
    if (e.line >= 0) o["line"] = static_cast<qint64>(e.line);
    return o;
}

} // namespace

QJsonObject diagnosticsJson(const model::Diagnostics& diagnostics) {
    QJsonObject o;
    for (const auto& e : diagnostics.entries())
        o[QString::fromStdString(e.code)] =
            QJsonObject{{"severity", model::severityName(e.severity)},
                        {"count", static_cast<qint64>(e.count)},
                        {"first_sample", QString::fromStdString(e.firstSample)}};
    return o;
}

QJsonObject importReportJson(const import::ImportReport& r) {
    QJsonObject o{{"path", QString::fromStdString(r.path)},
                  {"format", import::formatName(r.format)},
                  {"bytes", static_cast<qint64>(r.bytes)},
                  {"spans", static_cast<qint64>(r.spans)},
                  {"ok", !r.failed},
                  {"diagnostics", diagnosticsJson(r.diagnostics)}};
    if (r.failed) o["error"] = errorJson(r.error);
    return o;
}

QJsonObject statsJson(const LoadedInputs& in) {
    const DatasetSummary s = summarize(in.dataset);
    QJsonArray files;
    for (const auto& r : in.reports)
        files.append(importReportJson(r));
    QJsonObject o{{"spans", static_cast<qint64>(in.dataset.spanCount())},
                  {"traces", static_cast<qint64>(in.structure.traceCount)},
                  {"services", static_cast<qint64>(s.services)},
                  {"roots", static_cast<qint64>(in.structure.rootCount)},
                  {"orphans", static_cast<qint64>(in.structure.orphanCount)},
                  {"duplicate_span_ids", static_cast<qint64>(in.structure.duplicateSpanIds)},
                  {"shared_span_pairs", static_cast<qint64>(in.structure.sharedPairs)},
                  {"files", files},
                  {"diagnostics", diagnosticsJson(in.structureDiagnostics)}};
    if (in.dataset.spanCount() > 0) {
        o["start"] = isoTime(s.minStart);
        o["end"] = isoTime(s.maxEnd);
        o["start_ns"] = static_cast<qint64>(s.minStart);
        o["end_ns"] = static_cast<qint64>(s.maxEnd);
    }
    return o;
}

QJsonObject graphJson(const model::ServiceGraph& g) {
    QJsonArray nodes, edges;
    for (const auto& n : g.nodes) {
        QJsonObject o{{"id", QString::fromStdString(n.name)},
                      {"kind", n.inferred() ? "inferred" : "service"},
                      {"type", model::nodeKindName(n.kind)},
                      {"calls", static_cast<qint64>(n.stats.calls)},
                      {"errors", static_cast<qint64>(n.stats.errors)}};
        if (!n.namespaceName.empty()) o["namespace"] = QString::fromStdString(n.namespaceName);
        if (!n.cluster.empty()) o["cluster"] = QString::fromStdString(n.cluster);
        if (!n.region.empty()) o["region"] = QString::fromStdString(n.region);
        nodes.append(o);
    }
    for (const auto& e : g.edges) {
        const auto& lat = e.stats.latency;
        edges.append(QJsonObject{{"source", QString::fromStdString(g.nodes[e.source].name)},
                                 {"target", QString::fromStdString(g.nodes[e.target].name)},
                                 {"inferred", e.inferred},
                                 {"calls", static_cast<qint64>(e.stats.calls)},
                                 {"errors", static_cast<qint64>(e.stats.errors)},
                                 {"p50_ms", roundMs(lat.quantileNs(0.50))},
                                 {"p95_ms", roundMs(lat.quantileNs(0.95))},
                                 {"p99_ms", roundMs(lat.quantileNs(0.99))}});
    }
    return QJsonObject{{"nodes", nodes}, {"edges", edges}};
}

QString diagnosticsText(const model::Diagnostics& diagnostics, const QString& indent) {
    QString out;
    for (const auto& e : diagnostics.entries())
        out +=
            QStringLiteral("%1%2 %3 ×%4: %5\n")
                .arg(indent, QString::fromLatin1(model::severityName(e.severity)).leftJustified(7),
                     QString::fromStdString(e.code))
                .arg(e.count)
                .arg(QString::fromStdString(e.firstSample));
    return out;
}

QString importReportText(const import::ImportReport& r) {
    QString out = QStringLiteral("%1 [%2]: ")
                      .arg(QString::fromStdString(r.path), import::formatName(r.format));
    if (r.failed)
        out += QStringLiteral("FAILED — %1\n").arg(QString::fromStdString(r.error.toString()));
    else
        out += QStringLiteral("%1 spans, %2 bytes\n").arg(r.spans).arg(r.bytes);
    return out + diagnosticsText(r.diagnostics, QStringLiteral("    "));
}

QString statsText(const LoadedInputs& in) {
    const DatasetSummary s = summarize(in.dataset);
    QString out;
    for (const auto& r : in.reports)
        out += importReportText(r);
    out += QStringLiteral("spans:    %1\ntraces:   %2\nservices: %3\n")
               .arg(in.dataset.spanCount())
               .arg(in.structure.traceCount)
               .arg(s.services);
    if (in.dataset.spanCount() > 0)
        out += QStringLiteral("time:     %1 .. %2\n").arg(isoTime(s.minStart), isoTime(s.maxEnd));
    out += QStringLiteral("roots: %1, orphans: %2, duplicate span IDs: %3, shared span pairs: %4\n")
               .arg(in.structure.rootCount)
               .arg(in.structure.orphanCount)
               .arg(in.structure.duplicateSpanIds)
               .arg(in.structure.sharedPairs);
    const QString diag = diagnosticsText(in.structureDiagnostics, QStringLiteral("  "));
    if (!diag.isEmpty()) out += QStringLiteral("diagnostics:\n") + diag;
    return out;
}

} // namespace tg::app
