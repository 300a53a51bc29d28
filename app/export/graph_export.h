#pragma once
// Renders a service graph in one of the export formats (json, dot, svg, ...) into bytes; the
// CLI and the GUI's export actions share it so they produce the same files. Formats that need
// a layout compute it through the serial layout worker. Call from a background thread in the
// GUI (layout and rendering can take a while on large graphs).
#include <QByteArray>
#include <QString>
#include <QStringList>

#include "models/graph/service_graph.h"

namespace tg::app {

struct GraphExportOptions {
    bool withLayout = false; // json: add x, y, width, height per node
};

QStringList graphExportFormats();
bool exportGraph(const model::ServiceGraph& graph, const QString& format, const GraphExportOptions& options,
                 QByteArray& out, QString* error);

} // namespace tg::app
