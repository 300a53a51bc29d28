#pragma once
// The background half of opening files: imports every input into a NEW dataset (trace files,
// a workspace) or NEW metric and log stores (metrics and logs files, told apart by content),
// analyses the trace structure, builds the service graph, indexes top operations, links logs
// and metrics to the traces (correlation index) and lays the graph out (through the serial
// Graphviz worker), polling the cancel flag between steps and files.
// Pure function of its request; the GUI gets the outcome through a QFuture continuation.
//
// Thread affinity: runImportJob runs on a worker thread (never the GUI thread: it blocks).
#include <QByteArray>
#include <QStringList>
#include <memory>
#include <vector>

#include "app/gui/job_progress.h"
#include "app/gui/session_snapshot.h"
#include "importers/common/import_types.h"

namespace tg::app {

struct ImportRequest {
    QStringList paths;    // trace, metrics and logs files and/or one workspace, in the order given
    QByteArray demoBytes; // the bundled demo incident, used when paths is empty
    QString demoLabel;
    int newPaths = 0; // how many of the last paths are new in this request
    model::LayoutOptions layout;
};

struct ImportOutcome {
    std::shared_ptr<const SessionSnapshot> snapshot; // null when cancelled or all new inputs failed
    bool cancelled = false;
    std::vector<import::ImportReport> failedReports; // the new inputs' reports when all failed
};

ImportOutcome runImportJob(const ImportRequest& request, JobProgress& progress);

} // namespace tg::app
