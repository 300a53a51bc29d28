#include "app/report/trace_json.h"

#include <QJsonArray>

namespace tg::app {
namespace {

QString hex(model::SpanId id) {
    return QString::fromStdString(model::spanIdToHex(id));
}

QJsonValue attributeValue(const model::Dataset& d, const model::Attribute& a) {
    switch (a.type) {
    case model::AttrType::Int:
        return static_cast<qint64>(a.i);
    case model::AttrType::Double:
        return a.d;
    case model::AttrType::Bool:
        return a.b;
    default:
        return QString::fromStdString(d.attributeText(a));
    }
}

QJsonObject attributesJson(const model::Dataset& d, std::span<const model::Attribute> attrs) {
    QJsonObject o;
    for (const auto& a : attrs)
        o[QString::fromUtf8(d.strings.view(a.key).data(),
                            static_cast<qsizetype>(d.strings.view(a.key).size()))] =
            attributeValue(d, a);
    return o;
}

QString text(std::string_view v) {
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

QJsonObject spanJson(const model::Dataset& d, const model::TraceTree& tree, uint32_t node,
                     int depth) {
    const uint32_t row = tree.nodes[node].row;
    QJsonObject o{
        {"span_id", hex(d.spanId[row])},
        {"parent_span_id", d.parentId[row] ? QJsonValue(hex(d.parentId[row])) : QJsonValue()},
        {"depth", depth},
        {"service", text(d.serviceName(row))},
        {"operation", text(d.operationName(row))},
        {"kind", model::spanKindName(d.kind[row])},
        {"start_ns", static_cast<qint64>(d.startNs[row])},
        {"duration_ns", static_cast<qint64>(d.durationNs[row])},
        {"error", d.isError(row)},
        {"attributes", attributesJson(d, d.spanAttributes(row))}};
    if (tree.nodes[node].followsFrom) o["follows_from"] = true;
    QJsonArray events;
    for (const auto& e : d.spanEvents(row))
        events.append(QJsonObject{{"time_ns", static_cast<qint64>(e.timeNs)},
                                  {"name", text(d.strings.view(e.name))},
                                  {"attributes", attributesJson(d, d.eventAttributesOf(e))}});
    if (!events.isEmpty()) o["events"] = events;
    return o;
}

} // namespace

QJsonObject traceSummaryJson(const model::Dataset& d, const model::TraceSummary& t) {
    QJsonArray services;
    for (auto s : t.services)
        services.append(text(d.strings.view(s)));
    const auto root = static_cast<size_t>(t.rootRow);
    return {{"trace_id", QString::fromStdString(t.id.toHex())},
            {"start_ns", static_cast<qint64>(t.startNs)},
            {"duration_ms", static_cast<double>(t.durationNs()) / 1e6},
            {"spans", static_cast<qint64>(t.spanCount())},
            {"errors", static_cast<qint64>(t.errorCount)},
            {"root_service", text(d.serviceName(root))},
            {"root_operation", text(d.operationName(root))},
            {"services", services}};
}

QByteArray traceListCsv(const model::Dataset& d, const model::TraceIndex& index,
                        const std::vector<size_t>& hits) {
    auto quote = [](QString s) {
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    };
    QByteArray out =
        "trace_id,start_ns,duration_ms,spans,errors,root_service,root_operation,services\n";
    for (size_t i : hits) {
        const auto& t = index.traces[i];
        QStringList services;
        for (auto s : t.services)
            services << text(d.strings.view(s));
        const auto root = static_cast<size_t>(t.rootRow);
        out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
                   .arg(QString::fromStdString(t.id.toHex()))
                   .arg(t.startNs)
                   .arg(static_cast<double>(t.durationNs()) / 1e6, 0, 'f', 3)
                   .arg(t.spanCount())
                   .arg(t.errorCount)
                   .arg(quote(text(d.serviceName(root))), quote(text(d.operationName(root))),
                        quote(services.join(QLatin1Char(';'))))
                   .toUtf8();
    }
    return out;
}

QJsonObject traceJson(const model::Dataset& d, const model::TraceTree& tree,
                      const std::vector<model::CriticalSegment>& criticalPath) {
    QJsonArray spans;
    // Iterative depth-first walk (deep traces must not recurse).
    std::vector<std::pair<uint32_t, int>> stack;
    for (auto it = tree.roots.rbegin(); it != tree.roots.rend(); ++it)
        stack.emplace_back(*it, 0);
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        spans.append(spanJson(d, tree, node, depth));
        const auto& children = tree.nodes[node].children;
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.emplace_back(*it, depth + 1);
    }
    QJsonArray path;
    for (const auto& s : criticalPath)
        path.append(QJsonObject{{"span_id", hex(d.spanId[s.row])},
                                {"start_ns", static_cast<qint64>(s.startNs)},
                                {"end_ns", static_cast<qint64>(s.endNs)}});
    return {{"trace_id", QString::fromStdString(tree.trace.toHex())},
            {"start_ns", static_cast<qint64>(tree.startNs)},
            {"end_ns", static_cast<qint64>(tree.endNs)},
            {"duration_ms", static_cast<double>(tree.endNs - tree.startNs) / 1e6},
            {"span_count", static_cast<qint64>(tree.nodes.size())},
            {"spans", spans},
            {"critical_path", path}};
}

} // namespace tg::app
