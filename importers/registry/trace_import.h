#pragma once
// The one entry point the app uses to import a trace file: sniffs the format by content,
// dispatches to the format's importer through a DatasetBuilder, and fills the import report.
// A file that fails fatally is rolled back out of the dataset (everything imported before it
// stays). Runs on the calling (background) thread; the dataset must not be read meanwhile.
#include <string>

#include "importers/common/import_types.h"
#include "models/dataset/dataset.h"

namespace tg::import {

ImportReport importTraceFile(const std::string& path, model::Dataset& dataset,
                             const ImportOptions& options = {});

// Same, for bytes already in memory (bundled demo, tests, fuzzers); `label` names them.
ImportReport importTraceBytes(std::string_view bytes, const std::string& label,
                              model::Dataset& dataset, const ImportOptions& options = {});

} // namespace tg::import
