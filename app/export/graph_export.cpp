#include "app/export/graph_export.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include "app/cli/cli_output.h"
#include "app/report/report_json.h"
#include "models/layout/graph_layout.h"
#include "views/topology/topology_export.h"

namespace tg::app {
namespace {

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

QJsonObject jsonWithLayout(const model::ServiceGraph& graph,
                           const model::LayoutGeometry& geometry) {
    QJsonObject root = graphJson(graph);
    QJsonArray nodes = root["nodes"].toArray();
    for (qsizetype i = 0; i < nodes.size() && static_cast<size_t>(i) < geometry.nodes.size(); ++i) {
        QJsonObject n = nodes[i].toObject();
        const auto& box = geometry.nodes[static_cast<size_t>(i)];
        n["x"] = box.x;
        n["y"] = box.y;
        n["width"] = box.width;
        n["height"] = box.height;
        nodes[i] = n;
    }
    root["nodes"] = nodes;
    root["layout"] = QJsonObject{{"engine", QString::fromStdString(geometry.engine)},
                                 {"width", geometry.width},
                                 {"height", geometry.height}};
    return root;
}

// Mermaid node ids must be simple; labels carry the real names.
QString mermaidId(size_t index) {
    return QStringLiteral("n%1").arg(index);
}

QString mermaidLabel(const std::string& name) {
    QString s = QString::fromStdString(name);
    s.replace(QLatin1Char('"'), QStringLiteral("#quot;"));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace

QStringList graphExportFormats() {
    return {QStringLiteral("json"), QStringLiteral("dot"), QStringLiteral("mermaid"),
            QStringLiteral("svg"),  QStringLiteral("png"), QStringLiteral("pdf")};
}

bool formatNeedsGui(const QString& format) {
    return format == QLatin1String("svg") || format == QLatin1String("png") ||
           format == QLatin1String("pdf");
}

QByteArray mermaidText(const model::ServiceGraph& graph) {
    QString out = QStringLiteral("flowchart LR\n");
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
        const auto& n = graph.nodes[i];
        const QString label = mermaidLabel(n.name);
        switch (n.kind) {
        case model::NodeKind::Database:
            out += QStringLiteral("  %1[(%2)]\n").arg(mermaidId(i), label);
            break;
        case model::NodeKind::Queue:
            out += QStringLiteral("  %1[/%2/]\n").arg(mermaidId(i), label);
            break;
        case model::NodeKind::External:
            out += QStringLiteral("  %1{{%2}}\n").arg(mermaidId(i), label);
            break;
        default:
            out += QStringLiteral("  %1[%2]\n").arg(mermaidId(i), label);
        }
    }
    for (const auto& e : graph.edges) {
        const QString caption = QString::fromStdString(model::edgeCaption(e, graph.buckets));
        out += QStringLiteral("  %1 %2|%3| %4\n")
                   .arg(mermaidId(e.source),
                        e.inferred ? QStringLiteral("-.->") : QStringLiteral("-->"),
                        mermaidLabel(caption.toStdString()), mermaidId(e.target));
    }
    return out.toUtf8();
}

bool exportGraph(const model::ServiceGraph& graph, const QString& format,
                 const GraphExportOptions& options, const QString& path, QString* error) {
    const bool needsLayout = options.withLayout || format != QLatin1String("json");
    model::LayoutGeometry geometry;
    if (needsLayout && format != QLatin1String("mermaid") && format != QLatin1String("dot")) {
        model::LayoutOptions layout;
        layout.engine = options.engine;
        auto laid = model::layoutGraph(graph, layout);
        if (!laid)
            return fail(error, QStringLiteral("layout failed: %1")
                                   .arg(QString::fromStdString(laid.error().detail)));
        geometry = std::move(*laid);
    }
    QByteArray bytes;
    if (format == QLatin1String("json")) {
        bytes =
            QJsonDocument(options.withLayout ? jsonWithLayout(graph, geometry) : graphJson(graph))
                .toJson(QJsonDocument::Indented);
    } else if (format == QLatin1String("dot")) {
        bytes = QByteArray::fromStdString(model::toDot(graph));
    } else if (format == QLatin1String("mermaid")) {
        bytes = mermaidText(graph);
    } else if (formatNeedsGui(format)) {
        // The painters write files; for stdout go through a temporary file.
        QTemporaryDir tmp;
        const bool toStdout = path.isEmpty() || path == QLatin1String("-");
        const QString target = toStdout ? tmp.filePath(QStringLiteral("graph.") + format) : path;
        QString message;
        bool ok = false;
        if (format == QLatin1String("svg"))
            ok = view::exportTopologySvg(graph, geometry, target, &message);
        else if (format == QLatin1String("png"))
            ok = view::exportTopologyPng(graph, geometry, target, options.pngScale, &message);
        else
            ok = view::exportTopologyPdf(graph, geometry, target, &message);
        if (!ok) return fail(error, message);
        if (!toStdout) return true;
        QFile f(target);
        if (!f.open(QIODevice::ReadOnly)) return fail(error, f.errorString());
        bytes = f.readAll();
    } else {
        return fail(error, QStringLiteral("unknown format '%1'").arg(format));
    }
    return writeOutput(path, bytes) || fail(error, QStringLiteral("cannot write %1").arg(path));
}

} // namespace tg::app
