#pragma once
// Private to models/layout: one Graphviz run over a neutral description of boxes and edges.
// Builds a cgraph graph (agopen/agnode/agedge, subgraphs "cluster_N" for dot), runs gvLayout and
// copies ND_coord/ND_width/ND_height/ED_spl/GD_bb back, y flipped to grow down and shifted so the
// drawing starts at (0, 0). graphviz_layout.cpp turns ServiceGraphs into passes.
//
// Thread affinity: Graphviz is not thread-safe; only LayoutWorker's thread runs passes, with the
// GVC_t context that thread owns.
#include <graphviz/gvc.h>

#include <optional>
#include <string>
#include <vector>

#include "models/layout/graph_layout.h"

namespace tg::model::detail {

struct PassNode {
    double width = 0; // points
    double height = 0;
    bool cylinder = false;
    std::string label;
    // Where the node starts (centre, points, y down): the "nop" engine keeps these positions
    // and only removes overlaps; the other engines ignore them.
    std::optional<PointF> start;
};

struct PassEdge {
    uint32_t source = 0; // PassInput::nodes indices
    uint32_t target = 0;
    std::string caption; // placed by dot when PassInput::edgeLabels
};

struct PassCluster {
    std::string label;
    std::vector<uint32_t> members;
};

struct PassInput {
    std::string engine; // "dot", "sfdp", or "nop" (positions given: overlap removal only)
    std::string overlap = "prism"; // Graphviz overlap mode for sfdp and nop
    std::vector<PassNode> nodes;
    std::vector<PassEdge> edges;
    std::vector<PassCluster> clusters; // dot only
    bool edgeLabels = false;
    // sfdp's random start. Fixed: Graphviz's random state carries over from run to run in one
    // process, so without it the same graph would come out differently each time.
    unsigned seed = kDefaultSeed;
    // Points kept clear around each box when overlaps are removed (sfdp and nop): Graphviz's
    // default of 4 unless the layout asks for room (graphviz_layout.cpp, separationFor).
    int separation = 4;
    static constexpr unsigned kDefaultSeed = 20250314;
};

struct PassOutput {
    std::vector<NodeBox> nodes;
    std::vector<EdgePath> edges;
    std::vector<RectF> clusters;
    double width = 0;
    double height = 0;
};

Result<PassOutput> runPass(GVC_t* gvc, const PassInput& input, const LayoutOptions& options);

// A straight edge between two boxes, clipped to their borders, ending in an arrow head.
EdgePath straightEdge(const NodeBox& from, const NodeBox& to);

} // namespace tg::model::detail
