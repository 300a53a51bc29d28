#include "views/charts/metric_chart_builder.h"

#include <QObject>
#include <algorithm>
#include <cmath>

#include "views/charts/telemetry_text.h"

namespace tg::view {
namespace {

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString bucketWidthText(int64_t ns) {
    const int64_t s = ns / 1'000'000'000;
    if (s < 120 || s % 60 != 0) return QObject::tr("%1 s").arg(s);
    if (s < 7200 || s % 3600 != 0) return QObject::tr("%1 min").arg(s / 60);
    if (s < 172800 || s % 86400 != 0) return QObject::tr("%1 h").arg(s / 3600);
    return QObject::tr("%1 d").arg(s / 86400);
}

// What a selection resolves to: the span stats to chart, the services whose imported series
// are shown, and the time window to highlight.
struct Resolved {
    const model::CallStats* stats = nullptr;
    std::vector<std::string_view> services;
    QString scope;
    std::optional<std::pair<int64_t, int64_t>> window; // ns
};

const model::CallStats* serviceStats(const model::ServiceGraph& g, std::string_view service) {
    const auto node = g.findNode(std::string(service));
    return node ? &g.nodes[*node].stats : nullptr;
}

// The trace's root span (no parent; else the earliest span) and its time window, by one scan.
void resolveTrace(const model::Dataset& d, const model::ServiceGraph& g, const model::TraceId& id,
                  Resolved& out) {
    int64_t start = INT64_MAX, end = INT64_MIN;
    int64_t root = -1, earliest = -1;
    for (size_t row = 0; row < d.spanCount(); ++row) {
        if (d.traceId[row] != id) continue;
        start = std::min(start, d.startNs[row]);
        end = std::max(end, d.startNs[row] + d.durationNs[row]);
        if (earliest < 0 || d.startNs[row] < d.startNs[size_t(earliest)]) earliest = int64_t(row);
        if (!d.hasParent(row) && (root < 0 || d.startNs[row] < d.startNs[size_t(root)]))
            root = int64_t(row);
    }
    const QString idText = shortTraceIdText(id);
    if (earliest < 0) {
        out.scope = QObject::tr("Trace %1 (not loaded)").arg(idText);
        return;
    }
    const size_t row = size_t(root >= 0 ? root : earliest);
    out.services.push_back(d.serviceName(row));
    out.stats = serviceStats(g, d.serviceName(row));
    out.window = {{start, end}};
    out.scope = QObject::tr("Trace %1 · %2 (root service)").arg(idText, text(d.serviceName(row)));
}

Resolved resolve(const MetricsSources& src, const MetricsSelection& sel) {
    const model::ServiceGraph& g = *src.graph;
    const model::Dataset& d = *src.dataset;
    Resolved out;
    switch (sel.kind) {
    case MetricsSelection::Kind::None:
        break;
    case MetricsSelection::Kind::Node:
        if (sel.index >= g.nodes.size()) break;
        out.stats = &g.nodes[sel.index].stats;
        out.services.push_back(g.nodes[sel.index].name);
        out.scope = g.nodes[sel.index].inferred()
                        ? QObject::tr("%1 %2 (inferred)")
                              .arg(QString::fromUtf8(model::nodeKindName(g.nodes[sel.index].kind)),
                                   text(g.nodes[sel.index].name))
                        : QObject::tr("Service %1").arg(text(g.nodes[sel.index].name));
        break;
    case MetricsSelection::Kind::Edge: {
        if (sel.index >= g.edges.size()) break;
        const model::GraphEdge& e = g.edges[sel.index];
        out.stats = &e.stats;
        out.services = {g.nodes[e.source].name, g.nodes[e.target].name};
        out.scope = QObject::tr("Calls %1 → %2")
                        .arg(text(g.nodes[e.source].name), text(g.nodes[e.target].name));
        break;
    }
    case MetricsSelection::Kind::Trace:
        resolveTrace(d, g, sel.trace, out);
        break;
    case MetricsSelection::Kind::Span: {
        if (sel.index >= d.spanCount()) break;
        const size_t row = sel.index;
        out.services.push_back(d.serviceName(row));
        out.stats = serviceStats(g, d.serviceName(row));
        out.window = {{d.startNs[row], d.startNs[row] + d.durationNs[row]}};
        out.scope =
            QObject::tr("Span %1 · %2").arg(text(d.operationName(row)), text(d.serviceName(row)));
        break;
    }
    }
    return out;
}

// The imported series mapped to any of `services`, in series order, without repeats.
std::vector<uint32_t> seriesOf(const MetricsSources& src,
                               const std::vector<std::string_view>& services) {
    std::vector<uint32_t> series;
    if (!src.metrics || !src.correlation) return series;
    for (std::string_view name : services) {
        model::StringId id = 0;
        if (!src.dataset->strings.find(name, id) || id == 0) continue;
        const auto rows = src.correlation->seriesForService(id);
        series.insert(series.end(), rows.begin(), rows.end());
    }
    std::sort(series.begin(), series.end());
    series.erase(std::unique(series.begin(), series.end()), series.end());
    return series;
}

// The shared time axis: the graph's buckets, widened to every drawn point and the highlight.
void setTimeRange(const model::TimeBuckets& b, MetricsPanelData& data) {
    double lo = INFINITY, hi = -INFINITY;
    if (b.count > 0) {
        lo = double(b.startNs) / 1e6;
        hi = (double(b.startNs) + double(b.count) * double(b.widthNs)) / 1e6;
    }
    for (const ChartData& c : data.charts) {
        for (const ChartLine& l : c.lines)
            if (!l.xMs.empty()) lo = std::min(lo, l.xMs.front()), hi = std::max(hi, l.xMs.back());
        for (const ChartExemplar& e : c.exemplars)
            lo = std::min(lo, e.xMs), hi = std::max(hi, e.xMs);
    }
    if (data.highlightMs)
        lo = std::min(lo, data.highlightMs->first), hi = std::max(hi, data.highlightMs->second);
    if (!std::isfinite(lo)) lo = hi = 0;
    if (hi - lo < 1000) { // at least a second, centred on what there is
        const double mid = (lo + hi) / 2;
        lo = mid - 500;
        hi = mid + 500;
    }
    data.fromMs = lo;
    data.toMs = hi;
}

} // namespace

MetricsPanelData buildMetricsPanelData(const MetricsSources& src, const MetricsSelection& sel) {
    MetricsPanelData data;
    if (!src.graph || !src.dataset) {
        data.emptyText = QObject::tr("Nothing is loaded yet.");
        return data;
    }
    if (sel.kind == MetricsSelection::Kind::None) {
        data.emptyText = QObject::tr("Select a service, a call, a trace or a span to see its "
                                     "request rate, errors, latency and imported metrics.");
        return data;
    }
    const Resolved r = resolve(src, sel);
    data.scope = r.scope;
    if (r.window)
        data.highlightMs = {{double(r.window->first) / 1e6, double(r.window->second) / 1e6}};
    int64_t pointWidthNs = src.graph->buckets.widthNs;
    if (r.stats) data.charts = spanRateCharts(*r.stats, src.graph->buckets, &pointWidthNs);
    const std::vector<uint32_t> series = seriesOf(src, r.services);
    size_t hidden = 0;
    std::vector<ChartData> imported =
        src.metrics ? importedMetricCharts(*src.metrics, series, src.correlation.get(), &hidden)
                    : std::vector<ChartData>{};
    QStringList detail;
    if (r.stats) detail << QObject::tr("%1 per point").arg(bucketWidthText(pointWidthNs));
    if (!src.metrics || src.metrics->seriesCount() == 0)
        detail << QObject::tr("no metrics imported");
    else
        detail << (imported.size() + hidden == 1
                       ? QObject::tr("1 imported metric")
                       : QObject::tr("%1 imported metrics").arg(imported.size() + hidden));
    if (hidden > 0) detail << QObject::tr("%1 not shown").arg(hidden);
    data.detail = detail.join(QStringLiteral(" · "));
    for (ChartData& c : imported)
        data.charts.push_back(std::move(c));
    if (data.charts.empty())
        data.emptyText = QObject::tr("No span statistics or metrics for this selection.");
    setTimeRange(src.graph->buckets, data);
    return data;
}

} // namespace tg::view
