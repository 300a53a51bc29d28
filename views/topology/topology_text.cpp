#include "views/topology/topology_text.h"

#include <QStringList>

#include "models/layout/graph_layout.h"

namespace tg::view {

namespace {

QString errorPercent(const model::CallStats& stats) {
    const double pct = 100.0 * model::errorRate(stats);
    if (stats.errors == 0) return QStringLiteral("0%");
    if (pct < 0.1) return QStringLiteral("<0.1%");
    return QString::number(pct, 'f', pct >= 10 ? 0 : 1) + QLatin1Char('%');
}

QString html(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

// The numbers block shared by node and edge tooltips.
QString statsRows(const model::CallStats& stats, const model::TimeBuckets& buckets) {
    QStringList rows;
    const QString rate = QString::fromStdString(model::rateText(stats, buckets));
    rows << QStringLiteral("calls: %1%2")
                .arg(stats.calls)
                .arg(rate.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(rate));
    rows << QStringLiteral("errors: %1 (%2)").arg(stats.errors).arg(errorPercent(stats));
    if (!stats.latency.empty()) {
        rows << QStringLiteral("latency p50 %1 \u00b7 p95 %2 \u00b7 p99 %3")
                    .arg(formatDuration(stats.latency.quantileNs(0.50)),
                         formatDuration(stats.latency.quantileNs(0.95)),
                         formatDuration(stats.latency.quantileNs(0.99)));
    }
    return rows.join(QStringLiteral("<br>"));
}

} // namespace

QString formatDuration(double ns) {
    if (ns <= 0) return {};
    auto fmt = [](double v, const char* unit) {
        return QString::number(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : 2) + QString::fromUtf8(unit);
    };
    if (ns < 1e3) return fmt(ns, " ns");
    if (ns < 1e6) return fmt(ns / 1e3, " \xC2\xB5s");
    if (ns < 1e9) return fmt(ns / 1e6, " ms");
    return fmt(ns / 1e9, " s");
}

QString edgeCaptionText(const model::GraphEdge& edge, const model::TimeBuckets& buckets,
                        CaptionKind kind) {
    if (edge.stats.calls == 0) return {};
    switch (kind) {
    case CaptionKind::Rps:
        return QString::fromStdString(model::edgeCaption(edge, buckets));
    case CaptionKind::ErrorRate:
        return errorPercent(edge.stats) + QStringLiteral(" err");
    case CaptionKind::P95:
        if (edge.stats.latency.empty()) return {};
        return QStringLiteral("p95 ") + formatDuration(edge.stats.latency.quantileNs(0.95));
    case CaptionKind::None:
        break;
    }
    return {};
}

QString nodeToolTip(const model::GraphNode& node, const model::TimeBuckets& buckets) {
    QStringList where;
    for (const auto& [label, value] :
         {std::pair{"namespace", &node.namespaceName}, std::pair{"cluster", &node.cluster},
          std::pair{"region", &node.region}, std::pair{"version", &node.version}})
        if (!value->empty()) where << QStringLiteral("%1: %2").arg(label, html(*value));
    QString text = QStringLiteral("<b>%1</b> <i>%2</i><br>")
                       .arg(html(node.name), model::nodeKindName(node.kind));
    text += statsRows(node.stats, buckets);
    if (!where.isEmpty()) text += QStringLiteral("<br>") + where.join(QStringLiteral(" \u00b7 "));
    return text;
}

QString edgeToolTip(const model::ServiceGraph& graph, const model::GraphEdge& edge) {
    QString text =
        QStringLiteral("<b>%1</b> \u2192 <b>%2</b>%3<br>")
            .arg(html(graph.nodes[edge.source].name), html(graph.nodes[edge.target].name),
                 edge.inferred ? QStringLiteral(" <i>(inferred)</i>") : QString());
    return text + statsRows(edge.stats, graph.buckets);
}

} // namespace tg::view
