#include "models/layout/graphviz_pass.h"

#include "models/layout/graphviz_sequential_ids.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>

namespace tg::model::detail {

namespace {

// Graphviz reports through a global callback; only the worker thread runs Graphviz, so a
// thread_local buffer collects the messages of the current pass.
thread_local std::string t_messages;

int collectMessage(char* message) {
    if (t_messages.size() < 4096) t_messages += message;
    return 0;
}

// cgraph takes char* everywhere although it copies the strings.
char* cs(const char* s) {
    return const_cast<char*>(s);
}

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, cs(name), cs(value.c_str()), cs(""));
}

std::string inches(double points) {
    return std::to_string(points / 72.0);
}

// Escape for Graphviz label escapes (\N, \G, \n…): a literal backslash is "\\".
std::string labelText(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += '\\';
        out += c;
    }
    return out;
}

struct GraphCloser {
    GVC_t* gvc = nullptr;
    bool laidOut = false;
    void operator()(Agraph_t* g) const {
        if (laidOut) gvFreeLayout(gvc, g);
        agclose(g);
    }
};

void setGraphAttributes(Agraph_t* g, const PassInput& input, const LayoutOptions& options) {
    const std::string& engine = input.engine;
    set(g, "fontname", "DejaVu Sans");
    set(g, "outputorder", "edgesfirst");
    if (engine == "dot") {
        set(g, "splines", "true");
        set(g, "rankdir", options.direction == LayoutOptions::Direction::LeftToRight ? "LR" : "TB");
        set(g, "nodesep", inches(options.nodeSep));
        set(g, "ranksep", inches(options.rankSep));
        set(g, "newrank", "true"); // rank across clusters: shorter, straighter edges
    } else {
        // Straight lines: obstacle-avoiding splines cost ~30 s at 400 nodes, and "curved" did not
        // finish in 300 s at 1000 (sfdp routes curved edges quadratically); lines take < 1 s.
        set(g, "splines", "line");
        set(g, "overlap", input.overlap);
        set(g, "start", std::to_string(input.seed));
        set(g, "sep", "+" + std::to_string(input.separation));
    }
}

std::vector<Agnode_t*> addNodes(Agraph_t* g, const PassInput& input, const LayoutOptions& options) {
    // Declare node attributes once (defaults), then set per node.
    Agsym_t* shape = agattr(g, AGNODE, cs("shape"), cs("box"));
    Agsym_t* width = agattr(g, AGNODE, cs("width"), cs("1"));
    Agsym_t* height = agattr(g, AGNODE, cs("height"), cs("0.5"));
    Agsym_t* label = agattr(g, AGNODE, cs("label"), cs(""));
    agattr(g, AGNODE, cs("fixedsize"), cs("true"));
    agattr(g, AGNODE, cs("fontname"), cs("DejaVu Sans"));
    agattr(g, AGNODE, cs("fontsize"), cs(std::to_string(options.fontSize).c_str()));
    const bool positioned = std::any_of(input.nodes.begin(), input.nodes.end(),
                                        [](const PassNode& n) { return n.start.has_value(); });
    Agsym_t* pos = positioned ? agattr(g, AGNODE, cs("pos"), cs("")) : nullptr;
    std::vector<Agnode_t*> nodes;
    nodes.reserve(input.nodes.size());
    for (size_t i = 0; i < input.nodes.size(); ++i) {
        const PassNode& node = input.nodes[i];
        // Anonymous nodes keep any service name (empty, duplicates, odd bytes) out of cgraph's
        // way; IDs come in creation order (graphviz_sequential_ids.h).
        Agnode_t* n = agnode(g, nullptr, 1);
        agxset(n, shape, cs(node.cylinder ? "cylinder" : "box"));
        agxset(n, width, cs(inches(node.width).c_str()));
        agxset(n, height, cs(inches(node.height).c_str()));
        agxset(n, label, cs(labelText(node.label).c_str()));
        if (pos && node.start) { // Graphviz's y grows up
            const std::string xy =
                std::to_string(node.start->x) + "," + std::to_string(-node.start->y);
            agxset(n, pos, cs(xy.c_str()));
        }
        nodes.push_back(n);
    }
    return nodes;
}

std::vector<Agedge_t*> addEdges(Agraph_t* g, const PassInput& input,
                                const std::vector<Agnode_t*>& nodes, const LayoutOptions& options) {
    Agsym_t* label = input.edgeLabels ? agattr(g, AGEDGE, cs("label"), cs("")) : nullptr;
    if (label) {
        agattr(g, AGEDGE, cs("fontname"), cs("DejaVu Sans"));
        const double size = options.fontSize * kSubtitleScale;
        agattr(g, AGEDGE, cs("fontsize"), cs(std::to_string(size).c_str()));
    }
    std::vector<Agedge_t*> edges;
    edges.reserve(input.edges.size());
    for (const PassEdge& edge : input.edges) {
        if (edge.source >= nodes.size() || edge.target >= nodes.size()) {
            edges.push_back(nullptr);
            continue;
        }
        // A null name creates a new edge each time: parallel edges stay apart.
        Agedge_t* e = agedge(g, nodes[edge.source], nodes[edge.target], nullptr, 1);
        if (label) agxset(e, label, cs(labelText(edge.caption).c_str()));
        edges.push_back(e);
    }
    return edges;
}

std::vector<Agraph_t*> addClusters(Agraph_t* g, const PassInput& input,
                                   const std::vector<Agnode_t*>& nodes,
                                   const LayoutOptions& options) {
    std::vector<Agraph_t*> subgraphs;
    for (size_t k = 0; k < input.clusters.size(); ++k) {
        const PassCluster& cluster = input.clusters[k];
        // The "cluster" prefix makes dot draw a box; the label is an attribute.
        const std::string name = "cluster_" + std::to_string(k);
        Agraph_t* sg = agsubg(g, cs(name.c_str()), 1);
        set(sg, "label", labelText(cluster.label));
        set(sg, "labeljust", "l");
        set(sg, "labelloc", "t");
        set(sg, "fontname", "DejaVu Sans Bold");
        set(sg, "fontsize", std::to_string(options.fontSize));
        set(sg, "margin", std::to_string(options.clusterMargin));
        for (uint32_t m : cluster.members)
            if (m < nodes.size()) agsubnode(sg, nodes[m], 1);
        subgraphs.push_back(sg);
    }
    return subgraphs;
}

// Maps Graphviz points (y up) to the drawing (y down); the final shift to (0, 0) comes later.
struct Flip {
    double top = 0;
    PointF operator()(pointf p) const { return {p.x, top - p.y}; }
};

EdgePath readEdge(Agedge_t* e, const Flip& flip) {
    EdgePath path;
    if (const splines* spl = ED_spl(e)) {
        for (int b = 0; b < spl->size; ++b) {
            const bezier& bz = spl->list[b];
            for (int k = 0; k < bz.size; ++k) {
                // Joined pieces repeat the junction point: keep the list a single path.
                if (k == 0 && !path.points.empty()) continue;
                path.points.push_back(flip(bz.list[k]));
            }
            if (bz.eflag) {
                path.hasArrow = true;
                path.arrowTip = flip(bz.ep);
            }
        }
    }
    if (const textlabel_t* l = ED_label(e); l && l->set) {
        path.hasLabel = true;
        path.labelCenter = flip(l->pos);
    }
    return path;
}

// Moves everything so the drawing starts at (0, 0) and sets width/height to cover it all.
// Graphviz's bounding box is covered too: it includes the edge captions dot placed.
void normalise(PassOutput& out, const RectF& graphvizBox) {
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
    auto cover = [&](const RectF& r) {
        x0 = std::min(x0, r.x);
        y0 = std::min(y0, r.y);
        x1 = std::max(x1, r.right());
        y1 = std::max(y1, r.bottom());
    };
    cover(graphvizBox);
    for (const NodeBox& n : out.nodes)
        cover(n.rect());
    for (const RectF& c : out.clusters)
        cover(c);
    for (const EdgePath& e : out.edges)
        for (const PointF& p : e.points)
            cover({p.x, p.y, 0, 0});
    if (x0 > x1) return;
    const double dx = -x0, dy = -y0;
    auto shift = [&](PointF& p) { p.x += dx, p.y += dy; };
    for (NodeBox& n : out.nodes)
        n.x += dx, n.y += dy;
    for (RectF& c : out.clusters)
        c.x += dx, c.y += dy;
    for (EdgePath& e : out.edges) {
        for (PointF& p : e.points)
            shift(p);
        shift(e.arrowTip);
        shift(e.labelCenter);
    }
    out.width = x1 - x0;
    out.height = y1 - y0;
}

} // namespace

EdgePath straightEdge(const NodeBox& a, const NodeBox& b) {
    constexpr double kArrow = 10;
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    EdgePath path;
    if (len < 1e-6) return path;
    // Where the centre line leaves each box (as a fraction of the centre distance).
    auto exitAt = [&](const NodeBox& box) {
        const double tx = dx == 0 ? 1e9 : box.width / 2 / std::abs(dx);
        const double ty = dy == 0 ? 1e9 : box.height / 2 / std::abs(dy);
        return std::min(tx, ty);
    };
    const double t0 = exitAt(a), t1 = 1 - exitAt(b);
    const PointF start{a.x + dx * t0, a.y + dy * t0};
    PointF tip{a.x + dx * t1, a.y + dy * t1};
    if (t1 - t0 < kArrow / len) { // boxes (nearly) touch: centre to centre, no clipping
        path.points = {{a.x, a.y},
                       {a.x + dx / 3, a.y + dy / 3},
                       {a.x + 2 * dx / 3, a.y + 2 * dy / 3},
                       {b.x, b.y}};
        return path;
    }
    const PointF base{tip.x - dx / len * kArrow, tip.y - dy / len * kArrow};
    path.points = {start,
                   {start.x + (base.x - start.x) / 3, start.y + (base.y - start.y) / 3},
                   {start.x + 2 * (base.x - start.x) / 3, start.y + 2 * (base.y - start.y) / 3},
                   base};
    path.hasArrow = true;
    path.arrowTip = tip;
    return path;
}

Result<PassOutput> runPass(GVC_t* gvc, const PassInput& input, const LayoutOptions& options) {
    PassOutput out;
    if (input.nodes.empty()) return out;
    t_messages.clear();
    agseterrf(collectMessage);
    GraphCloser closer{gvc, false};
    std::unique_ptr<Agraph_t, GraphCloser&> g(
        agopen(cs("topograph"), Agdirected, sequentialIdDiscipline()), closer);
    if (!g) return Error{ErrorCode::Internal, "Graphviz could not create a graph", {}, -1, -1};
    setGraphAttributes(g.get(), input, options);
    const std::vector<Agnode_t*> nodes = addNodes(g.get(), input, options);
    const std::vector<Agedge_t*> edges = addEdges(g.get(), input, nodes, options);
    const std::vector<Agraph_t*> clusters = input.engine == "dot"
                                                ? addClusters(g.get(), input, nodes, options)
                                                : std::vector<Agraph_t*>{};

    // Graphviz 2.42 draws random numbers from the C library's two generators, and "start" does
    // not reseed every draw: without reseeding both here the same graph came out differently
    // the second time in one process (crossings 1247, then 1275, at 300 services), and a
    // layout depended on what had been laid out before. Only this thread calls them (see
    // thread affinity). A remainder not traced: at 3000 services the second layout of the
    // same graph in one process crossed 228 670 edges instead of 228 628 (seed 3 of the
    // topology benchmark; smaller graphs repeat exactly).
    srand(input.seed);
    srand48(long(input.seed));
    if (gvLayout(gvc, g.get(), input.engine.c_str()) != 0) {
        std::string detail = "Graphviz " + input.engine + " layout failed: " + t_messages;
        if (t_messages.find("not recognized") != std::string::npos)
            detail += " (Graphviz plugins not registered: run `dot -c` as root)";
        return Error{ErrorCode::Internal, detail, {}, -1, -1};
    }
    closer.laidOut = true;

    const boxf bb = GD_bb(g.get());
    const Flip flip{bb.UR.y};
    for (Agnode_t* n : nodes) {
        const PointF c = flip(ND_coord(n));
        out.nodes.push_back({c.x, c.y, ND_width(n) * 72.0, ND_height(n) * 72.0});
    }
    for (size_t i = 0; i < edges.size(); ++i) {
        EdgePath path = edges[i] ? readEdge(edges[i], flip) : EdgePath{};
        if (path.points.empty() && edges[i] && input.edges[i].source != input.edges[i].target)
            path = straightEdge(out.nodes[input.edges[i].source], out.nodes[input.edges[i].target]);
        out.edges.push_back(std::move(path));
    }
    for (Agraph_t* sg : clusters) {
        const boxf cb = GD_bb(sg);
        const PointF tl = flip(pointf{cb.LL.x, cb.UR.y});
        out.clusters.push_back({tl.x, tl.y, cb.UR.x - cb.LL.x, cb.UR.y - cb.LL.y});
    }
    normalise(out, {bb.LL.x, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y});
    return out;
}

} // namespace tg::model::detail
