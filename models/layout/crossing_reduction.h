#pragma once
// Private to models/layout: a post-pass over a straight-edge drawing (sfdp's) that moves nodes
// so fewer edges cross. Graphviz places the nodes; this only chooses among arrangements of the
// same space, judged by the edge crossing count (edge_crossings.h). Nodes whose edges cross
// most go first; each moves toward the barycentre of its neighbours, to a free spot all, half
// or a quarter of the way there, then tries to swap places with the nodes of its group nearest
// that barycentre (ungrouped nodes: with ungrouped nodes). A move is kept only when the
// crossings of the edges it moves drop. Boxes never overlap after a move (kept `gap` apart),
// and members never leave the rectangle their group's members covered before the pass, so
// group boxes stay valid. (Mirroring a whole group inside its box was tried too: at 300-3000
// services it helped in 0-4 groups out of 12-120.)
//
// Edges are the straight, border-clipped lines straightEdge() (graphviz_pass.h) draws, so the
// count the pass lowers is the count of the final drawing. The work is bounded by a number of
// edge lookups, not by time, so the result is the same on every run for the same input.
// Pure function; any thread.
#include <cstdint>
#include <vector>

#include "models/graph/service_graph.h"
#include "models/layout/graph_layout.h"

namespace tg::model::detail {

struct CrossingReductionOptions {
    double gap = 8;           // points kept free around a box that a swap moves
    int swapCandidates = 2;   // same-group nodes nearest the barycentre a node tries to swap with
    long workBudget = 400000; // edge lookups in total (one lookup: one edge against the index)
};

struct CrossingReductionStats {
    long before = 0; // crossings of the drawing when the pass started
    long after = 0;
    int swapsKept = 0;
    int movesKept = 0; // moves to a free spot
    long work = 0;     // edge lookups spent (the first count of every edge included)
};

// `nodes` (one per graph node) are moved in place; `groups` lists the members of each group (a
// node in no group is free: it may only swap with other free nodes, and its box then stays
// clear of `keepOut`, e.g. the group boxes).
CrossingReductionStats reduceCrossings(const ServiceGraph& graph, std::vector<NodeBox>& nodes,
                                       const std::vector<std::vector<uint32_t>>& groups,
                                       const std::vector<RectF>& keepOut = {},
                                       const CrossingReductionOptions& options = {});

} // namespace tg::model::detail
