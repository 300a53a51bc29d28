#pragma once
// Loads the INPUTS of a command (raw trace files and/or workspace files) into one dataset,
// with an import report per file, then analyses trace structure. The first workspace among
// the inputs is loaded first so its string ids stay valid. Runs on the calling thread.
#include <string>
#include <vector>

#include "importers/common/import_types.h"
#include "models/core/diagnostics.h"
#include "models/dataset/dataset.h"
#include "models/graph/trace_structure.h"

namespace tg::app {

struct LoadedInputs {
    model::Dataset dataset;
    std::vector<import::ImportReport> reports; // one per input, in order
    model::Diagnostics structureDiagnostics;   // orphans, duplicates, skew... (whole dataset)
    model::TraceStructure structure;
    bool anyFailed() const;
};

void loadInputs(const std::vector<std::string>& paths, LoadedInputs& out,
                const import::ImportOptions& options = {});

} // namespace tg::app
