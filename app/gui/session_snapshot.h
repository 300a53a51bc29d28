#pragma once
// One immutable state of a session: the dataset with its import reports and trace structure,
// the service graph built from it, the layout, per-node/edge top operations, the node
// positions stored in the workspace, and the metrics and logs with their correlation index.
// A new import makes a new snapshot; nothing in a snapshot changes after it is delivered to
// the GUI.
//
// Thread affinity: built on a background thread, then read-only (any thread). Shared with
// background jobs (exports, workspace writes) by std::shared_ptr.
#include <QHash>
#include <QPointF>
#include <QString>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/input_loader.h"
#include "app/gui/operation_index.h"
#include "app/panels/session_telemetry.h"
#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"
#include "views/topology/topology_scene_data.h"

namespace tg::app {

struct SessionSnapshot {
    std::shared_ptr<const LoadedInputs> inputs; // dataset, reports (one per path), structure
    std::shared_ptr<const model::ServiceGraph> graph;
    model::LayoutGeometry geometry;
    // The topology's drawing data (outlines, elided texts, edge paths), built next to the layout
    // off the GUI thread so showing the graph only creates items (DESIGN §4).
    std::shared_ptr<const view::TopologySceneData> sceneData;
    QString layoutError; // set when Graphviz failed (the graph is still shown in the inspector)
    OperationIndex operations;
    QStringList paths;              // the trace/workspace inputs, in the order given (none: demo)
    QString workspacePath;          // the workspace among the inputs, if any
    QHash<QString, QPointF> pinned; // node positions stored in that workspace
    SessionTelemetry telemetry;     // the metrics/logs inputs, their stores and correlation

    uint64_t spans() const { return inputs ? inputs->dataset.spanCount() : 0; }
};

} // namespace tg::app
