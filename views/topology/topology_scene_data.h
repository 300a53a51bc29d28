#pragma once
// What the interactive topology scene draws that costs time to compute, precomputed from a graph
// and its layout: node outlines, health stripes and elided texts (in node-local coordinates,
// centred on (0, 0), so dragging a node never recomputes them), and edge paths and widths.
//
// Role: the GUI-thread part of showing a graph is then only creating the items and adding them
// to the scene. TopologyView::setGraph(graph, geometry) builds this inline; a caller that shows
// very large graphs can build it next to the layout on a worker thread and hand it to
// TopologyView::setSceneData (DESIGN §4: build scene items off the GUI thread).
// Thread affinity: buildTopologySceneData() may run on any thread while a QGuiApplication exists
// (font metrics); the result is immutable and shared (read from the GUI thread afterwards).
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>

#include <memory>
#include <vector>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"
#include "views/topology/topology_painter.h"

namespace tg::view {

struct TopologySceneData {
    struct Node {
        QPointF centre;       // layout position (scene coordinates)
        QRectF rect;          // local: centred on (0, 0)
        QPainterPath outline; // local
        QPainterPath stripe;  // local; empty for non-services
        NodeText text;        // local rectangles
    };
    struct Edge {
        EdgeShape shape;    // scene coordinates, as laid out
        QPolygonF polyline; // shape.path flattened (for hairlines and clipping long strokes)
        double width = 1;
    };

    std::shared_ptr<const model::ServiceGraph> graph;
    model::LayoutGeometry geometry;
    std::vector<Node> nodes; // graph node index
    std::vector<Edge> edges; // graph edge index
    QString fontFamily;      // the fonts the texts were elided with
};

// A path's curves flattened to chords that stay within tolerance (geometry units) of the curve;
// straight segments stay single chords. 0.25 is invisible up to 4x zoom.
QPolygonF flattenPath(const QPainterPath& path, double tolerance = 0.25);

std::shared_ptr<const TopologySceneData>
buildTopologySceneData(std::shared_ptr<const model::ServiceGraph> graph,
                       model::LayoutGeometry geometry, const TopologyStyle& style = {});

} // namespace tg::view
