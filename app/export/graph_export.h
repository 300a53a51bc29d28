#pragma once
// Writes a service graph in one of the export formats (json, dot, mermaid, svg, png, pdf); the
// CLI and the GUI's export actions share it so they produce the same files. Formats that need a
// layout compute it through the serial layout worker (blocking), so call it from a background
// thread in the GUI. Image formats need a QGuiApplication (fonts).
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>

#include "models/graph/service_graph.h"

namespace tg::app {

struct GraphExportOptions {
    bool withLayout = false; // json: add x, y, width, height per node
    double pngScale = 2.0;   // png: device pixels per point (1 or 2)
    std::string engine;      // layout engine: "" automatic, "dot" ranked, "sfdp" force-directed
};

QStringList graphExportFormats();
bool formatNeedsGui(const QString& format); // svg, png, pdf draw with Qt's painter
// Writes to `path` (stdout when empty or "-"). False with a message on failure.
bool exportGraph(const model::ServiceGraph& graph, const QString& format,
                 const GraphExportOptions& options, const QString& path, QString* error);

// Text formats as bytes (json, dot, mermaid); used by exportGraph and by copy-to-clipboard.
QByteArray mermaidText(const model::ServiceGraph& graph);

} // namespace tg::app
