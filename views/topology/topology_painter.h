#pragma once
// Headless painter of the service topology: clusters, edges and nodes drawn from a
// LayoutGeometry with any QPainter (GUI scene, SVG, PNG, PDF), so every output looks the same.
//
// Coordinates are the geometry's (points, y down, from (0, 0) to width x height); callers set the
// painter transform (margins, zoom, device resolution). Text is drawn as real text in DejaVu
// Sans with pixel sizes in geometry units, so it scales with the transform and stays text in
// SVG/PDF.
//
// Thread affinity: paintTopology() only touches the painter and its arguments; it may run on any
// thread that may paint on the device (QImage/QSvgGenerator/QPdfWriter: any thread with a
// QGuiApplication alive; widgets: the GUI thread).
#include <QColor>
#include <QString>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"

class QPainter;

namespace tg::view {

struct HealthColors {
    QColor border;
    QColor fill;
};

struct TopologyStyle {
    QString fontFamily = QStringLiteral("DejaVu Sans");
    QColor background{0xff, 0xff, 0xff};
    double margin = 24; // around the drawing in exports (geometry units)

    // Node health by error rate (errors / calls): above warn → amber, above critical → red.
    double warnErrorRate = 0.01;
    double criticalErrorRate = 0.05;
    HealthColors healthy{QColor(0x2f, 0x9e, 0x5b), QColor(0xee, 0xf8, 0xf1)};
    HealthColors warning{QColor(0xe0, 0x8a, 0x00), QColor(0xfe, 0xf5, 0xe4)};
    HealthColors critical{QColor(0xd1, 0x34, 0x38), QColor(0xfd, 0xec, 0xec)};
    HealthColors idle{QColor(0x7b, 0x8a, 0x9c), QColor(0xf3, 0xf5, 0xf8)}; // no calls seen

    QColor text{0x1c, 0x25, 0x33};
    QColor subtleText{0x5a, 0x67, 0x78};
    QColor clusterFill{0xf4, 0xf6, 0xfa};
    QColor clusterBorder{0xc9, 0xd1, 0xdc};
    QColor clusterText{0x4a, 0x57, 0x68};

    // Edges: width grows with log(calls) relative to the busiest edge; red above the threshold.
    double edgeErrorRate = 0.05;
    double minEdgeWidth = 1.0;
    double maxEdgeWidth = 4.5;
    QColor edgeColor{0x8a, 0x96, 0xa8};
    QColor edgeErrorColor{0xd6, 0x45, 0x45};
    bool edgeLabels = true;         // "12 rps · 3.1% err" captions
    size_t maxFloatingLabels = 150; // captions Graphviz did not place: only on small graphs
};

enum class Health { Idle, Healthy, Warning, Critical };
Health healthOf(const model::CallStats& stats, const TopologyStyle& style);
const HealthColors& healthColors(Health health, const TopologyStyle& style);

void paintTopology(QPainter& painter, const model::ServiceGraph& graph,
                   const model::LayoutGeometry& geometry, const TopologyStyle& style = {});

} // namespace tg::view
