#pragma once
// Topology exports (SVG, PNG, PDF) drawn by paintTopology() from a LayoutGeometry, so exports
// look exactly like the GUI. SVG and PDF keep text as text (searchable, crisp when zoomed).
//
// Thread affinity: any thread, while a QGuiApplication exists (fonts); no widgets are used, so
// the CLI and background export jobs can call these off the GUI thread.
#include <QImage>
#include <QSizeF>
#include <QString>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"
#include "views/topology/topology_painter.h"

namespace tg::view {

// The drawing with its margins, in geometry units (points).
QSizeF topologyPageSize(const model::LayoutGeometry& geometry, const TopologyStyle& style = {});

// The topology rendered at `scale` device pixels per geometry unit (null image if too large).
QImage renderTopologyImage(const model::ServiceGraph& graph, const model::LayoutGeometry& geometry,
                           double scale = 2.0, const TopologyStyle& style = {});

bool exportTopologySvg(const model::ServiceGraph& graph, const model::LayoutGeometry& geometry,
                       const QString& path, QString* error, const TopologyStyle& style = {});
bool exportTopologyPng(const model::ServiceGraph& graph, const model::LayoutGeometry& geometry,
                       const QString& path, double scale, QString* error,
                       const TopologyStyle& style = {});
bool exportTopologyPdf(const model::ServiceGraph& graph, const model::LayoutGeometry& geometry,
                       const QString& path, QString* error, const TopologyStyle& style = {});

} // namespace tg::view
