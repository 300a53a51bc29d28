#include "app/export/graph_export.h"

#include <QJsonDocument>

#include "app/report/report_json.h"

namespace tg::app {

QStringList graphExportFormats() { return {QStringLiteral("json")}; }

bool exportGraph(const model::ServiceGraph& graph, const QString& format, const GraphExportOptions& options,
                 QByteArray& out, QString* error) {
    if (format == QLatin1String("json")) {
        out = QJsonDocument(graphJson(graph)).toJson(QJsonDocument::Indented);
        return true;
    }
    if (error) *error = QStringLiteral("format '%1' is not available in this build").arg(format);
    return false;
}

} // namespace tg::app
