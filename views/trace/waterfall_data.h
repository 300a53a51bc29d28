#pragma once
// Everything the waterfall needs about one trace, computed once: the span tree (children by
// start time), its depth-first order, the critical path grouped per span, the clock-skew
// adjustment, self times and a coarse density grid for the minimap. Building it is the heavy
// part of opening a trace (hash maps and sorts over all its spans), so it is a value that callers
// build on a worker thread and hand to WaterfallView::setTrace; painting then only reads it.
//
// Invariants: preorder lists every tree node once, parents before children, siblings by start
// time; subtreeEnd[p] is one past the last position of the subtree at position p; criticalBegin
// has nodes+1 prefix offsets into the critical segment arrays (each node's segments in time
// order, raw times). Times in the dataset are never changed: a span's shown start is its raw start
// plus skew.offsetNs[node] unless raw times are shown.
//
// Thread affinity: build() runs on any thread; the result is immutable and may be read from any
// number of threads. The dataset is kept alive by the shared_ptr.
#include <cstdint>
#include <memory>
#include <vector>

#include "models/dataset/dataset.h"
#include "models/graph/trace_structure.h"
#include "models/trace/clock_skew.h"
#include "models/trace/critical_path.h"
#include "models/trace/trace_tree.h"

namespace tg::view {

// Coverage of the whole trace (fully expanded) on a coarse grid: x = time, y = depth-first
// position. cover[y * columns + x] = how many spans of that band of rows run at that time.
struct WaterfallMinimapGrid {
    static constexpr int kColumns = 400;
    static constexpr int kMaxBands = 96;
    int columns = 0, bands = 0;
    std::vector<uint32_t> cover;              // bands x columns
    std::vector<uint32_t> errorCover;         // the same for error spans
    std::vector<uint32_t> bandRows;           // rows (positions) per band
    std::vector<model::StringId> bandService; // service of the band's first span (its colour)
};

struct WaterfallData {
    std::shared_ptr<const model::Dataset> dataset;
    model::TraceTree tree;
    std::vector<model::CriticalSegment> criticalPath; // time order, raw times
    model::SkewAdjustment skew;
    std::vector<int64_t> selfNs; // per tree node (raw times)

    std::vector<uint32_t> preorder;   // position -> tree node (depth-first, fully expanded)
    std::vector<uint32_t> positionOf; // tree node -> position
    std::vector<uint32_t> subtreeEnd; // position -> one past its subtree's last position
    std::vector<uint32_t> depth;      // position -> depth (0 for top-level spans)
    // The critical path grouped by span: node n's segments are [criticalBegin[n],
    // criticalBegin[n + 1]) of criticalStartNs/criticalEndNs, in time order, raw times.
    std::vector<uint32_t> criticalBegin;
    std::vector<int64_t> criticalStartNs, criticalEndNs;

    int64_t rawStartNs = 0, rawEndNs = 0;           // over raw times
    int64_t adjustedStartNs = 0, adjustedEndNs = 0; // over skew-adjusted times
    uint32_t errorCount = 0;
    uint32_t maxDepth = 0;
    WaterfallMinimapGrid minimap;

    size_t nodeCount() const { return tree.nodes.size(); }
    uint32_t rowOf(uint32_t node) const { return tree.nodes[node].row; }
    // The tree node of a dataset row, or -1 when the row is not in this trace (binary search:
    // build() sorts the rows, so tree nodes are in dataset-row order).
    int64_t nodeOfRow(uint32_t datasetRow) const;
    int64_t startNs(uint32_t node, bool raw) const {
        return dataset->startNs[rowOf(node)] + (raw ? 0 : skew.offsetNs[node]);
    }
    int64_t durationNs(uint32_t node) const { return dataset->durationNs[rowOf(node)]; }
    int64_t endNs(uint32_t node, bool raw) const { return startNs(node, raw) + durationNs(node); }
    int64_t traceStartNs(bool raw) const { return raw ? rawStartNs : adjustedStartNs; }
    int64_t traceEndNs(bool raw) const { return raw ? rawEndNs : adjustedEndNs; }
    bool onCriticalPath(uint32_t node) const {
        return criticalBegin[node + 1] != criticalBegin[node];
    }
    bool isError(uint32_t node) const { return dataset->isError(rowOf(node)); }

    // Builds from the rows of the trace (null when the trace has no span).
    static std::shared_ptr<const WaterfallData> build(std::shared_ptr<const model::Dataset> dataset,
                                                      const model::TraceStructure& structure,
                                                      const model::TraceId& trace);
    // Same with the trace's rows already known (e.g. from a TraceIndex).
    static std::shared_ptr<const WaterfallData> build(std::shared_ptr<const model::Dataset> dataset,
                                                      const model::TraceStructure& structure,
                                                      std::vector<uint32_t> rowsOfTrace);
};

} // namespace tg::view
