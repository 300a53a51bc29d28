#pragma once
// What the trace explorer reads for one session: the dataset (shared with the snapshot's
// inputs), the trace index, and the search form's catalog (services, operations per service,
// time range). Built once per new dataset on a worker (a sort of all span rows and one pass
// over them); immutable afterwards and shared with the search, open and compare jobs.
//
// Thread affinity: buildExplorerData runs on any thread (a worker in the GUI); the result is
// read-only and may be read from any number of threads.
#include <memory>

#include "app/cli/input_loader.h"
#include "models/trace/trace_index.h"
#include "views/explorer/search_catalog.h"

namespace tg::app {

struct ExplorerData {
    std::shared_ptr<const LoadedInputs> inputs;
    std::shared_ptr<const model::Dataset> dataset; // aliases inputs->dataset
    std::shared_ptr<const model::TraceIndex> index;
    view::SearchCatalog catalog;

    const model::TraceStructure& structure() const { return inputs->structure; }
};

std::shared_ptr<const ExplorerData> buildExplorerData(std::shared_ptr<const LoadedInputs> inputs);

// "frontend: GET /checkout · 2019-11-07 12:57:12.955 · 3.72 ms" (the root span, start and
// duration of a trace of the index).
QString traceTitle(const ExplorerData& data, size_t traceIndex);

} // namespace tg::app
