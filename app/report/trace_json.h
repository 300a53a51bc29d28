#pragma once
// JSON/CSV renderings of trace search results and of one trace (span tree + critical path) as
// `topograph traces` and `topograph trace` print them (shapes documented in docs/cli.md).
#include <QByteArray>
#include <QJsonObject>
#include <vector>

#include "models/trace/critical_path.h"
#include "models/trace/trace_index.h"

namespace tg::app {

QJsonObject traceSummaryJson(const model::Dataset& d, const model::TraceSummary& t);
QByteArray traceListCsv(const model::Dataset& d, const model::TraceIndex& index,
                        const std::vector<size_t>& hits);
// Spans in depth-first order with parent_span_id and depth (flat, so a million-deep trace
// cannot overflow anything), then critical_path segments in time order.
QJsonObject traceJson(const model::Dataset& d, const model::TraceTree& tree,
                      const std::vector<model::CriticalSegment>& criticalPath);

} // namespace tg::app
