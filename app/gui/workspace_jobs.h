#pragma once
// Workspace writes the GUI runs in the background (DESIGN §3 "Storage"): persisting new imports
// into the open workspace, "Save workspace as…" (a complete copy written next to the target and
// renamed over it, so a failure never leaves half a file) and saving dragged node positions.
// Each opens its own connection and commits one transaction.
//
// Thread affinity: call from the controller's serial session pool only (one writer at a time,
// never the GUI thread); the dataset must not change meanwhile (snapshots never do).
#include <QHash>
#include <QPointF>
#include <QString>
#include <vector>

#include "app/gui/session_snapshot.h"
#include "models/core/result.h"
#include "models/workspace/workspace.h"

namespace tg::app {

std::vector<model::NodePosition> toNodePositions(const QHash<QString, QPointF>& positions);

// Writes the snapshot's raw-file imports (everything the workspace does not hold yet: spans,
// then log records and metrics).
model::Status persistImports(const QString& workspacePath, const SessionSnapshot& snapshot);

// A new workspace at `path` holding the whole dataset, the positions, the logs and metrics.
model::Status saveWorkspaceCopy(const QString& path, const SessionSnapshot& snapshot,
                                const std::vector<model::NodePosition>& positions);

model::Status saveNodePositions(const QString& workspacePath,
                                const std::vector<model::NodePosition>& positions);

} // namespace tg::app
