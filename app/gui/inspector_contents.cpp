// Inspector contents for a node or an edge of the service graph (see view_models.h).
#include <QLocale>

#include "app/gui/view_models.h"

namespace tg::app {
namespace {

QString ms(const model::LatencySketch& sketch, double q) {
    return QStringLiteral("%1 ms").arg(double(sketch.quantileNs(q)) / 1e6, 0, 'f', 1);
}

QList<view::InspectorFact> callFacts(const model::CallStats& stats,
                                     const model::TimeBuckets& buckets) {
    const QLocale locale;
    QList<view::InspectorFact> facts{
        {QStringLiteral("calls"), QObject::tr("Calls"), locale.toString(stats.calls)},
        {QStringLiteral("rate"), QObject::tr("Rate"),
         QString::fromStdString(model::rateText(stats, buckets))},
        {QStringLiteral("errors"), QObject::tr("Errors"), locale.toString(stats.errors)},
        {QStringLiteral("error_rate"), QObject::tr("Error %"),
         stats.calls ? QStringLiteral("%1%").arg(100.0 * model::errorRate(stats), 0, 'f', 2)
                     : QStringLiteral("–")}};
    if (stats.calls > 0) {
        facts.append({QStringLiteral("p50"), QStringLiteral("p50"), ms(stats.latency, 0.50)});
        facts.append({QStringLiteral("p95"), QStringLiteral("p95"), ms(stats.latency, 0.95)});
        facts.append({QStringLiteral("p99"), QStringLiteral("p99"), ms(stats.latency, 0.99)});
    }
    return facts;
}

void addIfSet(QList<view::InspectorFact>& facts, const char* id, const QString& label,
              const std::string& value) {
    if (!value.empty())
        facts.append({QString::fromLatin1(id), label, QString::fromStdString(value)});
}

QList<view::InspectorOperation> operations(const std::vector<OperationCount>* list) {
    QList<view::InspectorOperation> out;
    if (!list) return out;
    for (const auto& op : *list)
        out.append({QString::fromStdString(op.name), op.calls, op.errors});
    return out;
}

template <typename Vec> const typename Vec::value_type* at(const Vec& v, size_t i) {
    return i < v.size() ? &v[i] : nullptr;
}

} // namespace

view::InspectorContent nodeInspector(const SessionSnapshot& s, uint32_t index) {
    view::InspectorContent c;
    if (!s.graph || index >= s.graph->nodes.size()) return c;
    const model::GraphNode& node = s.graph->nodes[index];
    c.title = QString::fromStdString(node.name);
    c.subtitle =
        node.inferred()
            ? QObject::tr("%1 (inferred from client spans)").arg(model::nodeKindName(node.kind))
            : QObject::tr("service · %1 spans").arg(QLocale().toString(node.spans));
    c.facts = callFacts(node.stats, s.graph->buckets);
    addIfSet(c.facts, "version", QObject::tr("Version"), node.version);
    addIfSet(c.facts, "namespace", QObject::tr("Namespace"), node.namespaceName);
    addIfSet(c.facts, "cluster", QObject::tr("Cluster"), node.cluster);
    addIfSet(c.facts, "region", QObject::tr("Region"), node.region);
    c.operations = operations(at(s.operations.byNode, index));
    return c;
}

view::InspectorContent edgeInspector(const SessionSnapshot& s, uint32_t index) {
    view::InspectorContent c;
    if (!s.graph || index >= s.graph->edges.size()) return c;
    const model::GraphEdge& edge = s.graph->edges[index];
    const auto& caller = s.graph->nodes[edge.source];
    const auto& callee = s.graph->nodes[edge.target];
    c.title = QStringLiteral("%1 → %2").arg(QString::fromStdString(caller.name),
                                            QString::fromStdString(callee.name));
    c.subtitle = edge.inferred ? QObject::tr("inferred call (the callee is not instrumented)")
                               : QObject::tr("calls from %1 to %2")
                                     .arg(QString::fromStdString(caller.name),
                                          QString::fromStdString(callee.name));
    c.facts = callFacts(edge.stats, s.graph->buckets);
    c.operations = operations(at(s.operations.byEdge, index));
    return c;
}

} // namespace tg::app
