#include "models/layout/graph_layout.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace tg::model {

namespace {

// DejaVu Sans advance widths for ASCII 32..126 in 1/1000 em (measured with Qt from the font).
constexpr uint16_t kRegular[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,  318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,  611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,  635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,  525, 636, 337, 636, 838};
constexpr uint16_t kBold[95] = {
    348,  456, 521, 838, 696, 1002, 872, 306,  457, 457, 523, 838, 380, 415,  380, 365,
    696,  696, 696, 696, 696, 696,  696, 696,  696, 696, 400, 400, 838, 838,  838, 580,
    1000, 774, 762, 734, 830, 683,  683, 821,  837, 372, 372, 775, 637, 995,  837, 850,
    733,  850, 770, 720, 682, 812,  774, 1103, 771, 724, 725, 457, 365, 457,  838, 500,
    500,  675, 716, 593, 716, 678,  435, 716,  712, 343, 343, 665, 343, 1042, 712, 687,
    716,  716, 493, 595, 478, 712,  652, 924,  645, 652, 582, 712, 365, 712,  838};

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes give U+FFFD.
char32_t nextCodePoint(std::string_view s, size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i++]);
    if (b0 < 0x80) return b0;
    int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
    if (extra < 0 || b0 > 0xF4) return 0xFFFD;
    char32_t cp = b0 & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string formatNumber(double value) {
    char buf[32];
    if (value >= 1e6)
        std::snprintf(buf, sizeof buf, "%.1fM", value / 1e6);
    else if (value >= 1e4)
        std::snprintf(buf, sizeof buf, "%.0fk", value / 1e3);
    else if (value >= 1e3)
        std::snprintf(buf, sizeof buf, "%.1fk", value / 1e3);
    else if (value >= 10)
        std::snprintf(buf, sizeof buf, "%.0f", value);
    else if (value >= 1 || value == 0)
        std::snprintf(buf, sizeof buf, "%.1f", value);
    else
        std::snprintf(buf, sizeof buf, "%.2f", value);
    std::string s = buf;
    // "2.0k" reads worse than "2k" (but keep "0.05").
    if (const auto dot = s.find(".0");
        dot != std::string::npos && (dot + 2 == s.size() || !std::isdigit(uint8_t(s[dot + 2]))))
        s.erase(dot, 2);
    return s;
}

constexpr const char* kMiddleDot = " \xC2\xB7 ";

std::string withErrors(std::string text, const CallStats& stats) {
    if (stats.errors == 0) return text;
    const double pct = 100.0 * errorRate(stats);
    char buf[32];
    if (pct < 0.1) // "0.0% err" would read as no errors
        std::snprintf(buf, sizeof buf, "<0.1%% err");
    else
        std::snprintf(buf, sizeof buf, pct >= 10 ? "%.0f%% err" : "%.1f%% err", pct);
    return text.empty() ? std::string(buf) : text + kMiddleDot + buf;
}

// DOT quoted string: UTF-8 sanitised, backslash, quote and newline escaped.
std::string dotQuote(std::string_view s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size();) {
        const char32_t cp = nextCodePoint(s, i);
        if (cp == '\\')
            out += "\\\\";
        else if (cp == '"')
            out += "\\\"";
        else if (cp == '\n')
            out += "\\n";
        else if (cp < 0x20 || cp == 0x7F)
            out += ' ';
        else
            appendUtf8(out, cp);
    }
    return out + "\"";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

const char* dotShape(NodeKind kind) {
    switch (kind) {
    case NodeKind::Database:
        return "cylinder";
    case NodeKind::Queue:
        return "box";
    case NodeKind::External:
        return "box";
    case NodeKind::Service:
        break;
    }
    return "box";
}

} // namespace

bool RectF::contains(const RectF& o, double slack) const {
    return o.x >= x - slack && o.y >= y - slack && o.right() <= right() + slack &&
           o.bottom() <= bottom() + slack;
}

bool RectF::intersects(const RectF& o) const {
    return o.x < right() && x < o.right() && o.y < bottom() && y < o.bottom();
}

PointF EdgePath::midpoint() const {
    if (points.empty()) return arrowTip;
    // Halfway along the control polygon of the middle Bezier segment: good enough for captions.
    const size_t segments = (points.size() - 1) / 3;
    if (segments == 0) return points.front();
    const size_t s = segments / 2;
    const PointF p0 = points[3 * s], c1 = points[3 * s + 1], c2 = points[3 * s + 2],
                 p1 = points[3 * s + 3];
    const double t = segments % 2 == 1 ? 0.5 : 0.0;
    const double u = 1 - t;
    return {u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p1.x,
            u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p1.y};
}

double errorRate(const CallStats& stats) {
    return stats.calls == 0 ? 0.0 : double(stats.errors) / double(stats.calls);
}

std::string rateText(const CallStats& stats, const TimeBuckets& buckets) {
    if (stats.calls == 0) return {};
    const double seconds = double(buckets.count) * double(buckets.widthNs) / 1e9;
    if (buckets.count == 0 || seconds <= 0)
        return formatNumber(double(stats.calls)) + (stats.calls == 1 ? " call" : " calls");
    return formatNumber(double(stats.calls) / seconds) + " rps";
}

std::string nodeSubtitle(const GraphNode& node, const TimeBuckets& buckets) {
    return withErrors(rateText(node.stats, buckets), node.stats);
}

std::string edgeCaption(const GraphEdge& edge, const TimeBuckets& buckets) {
    return withErrors(rateText(edge.stats, buckets), edge.stats);
}

double estimateTextWidth(std::string_view utf8, double pixelSize, bool bold) {
    const uint16_t* table = bold ? kBold : kRegular;
    double units = 0;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = nextCodePoint(utf8, i);
        if (cp >= 32 && cp < 127)
            units += table[cp - 32];
        else if (cp >= 0x1100)
            units += 1000; // CJK and other wide scripts
        else if (cp >= 0x80)
            units += bold ? 720 : 660;
    }
    return units * pixelSize / 1000.0;
}

NodeSize estimateNodeSize(const GraphNode& node, const TimeBuckets& buckets, double fontSize) {
    constexpr double kPadX = 14, kPadY = 9, kMinWidth = 96;
    const std::string subtitle = nodeSubtitle(node, buckets);
    const double subSize = fontSize * kSubtitleScale;
    double textWidth = estimateTextWidth(node.name, fontSize, true);
    if (!subtitle.empty())
        textWidth = std::max(textWidth, estimateTextWidth(subtitle, subSize, false));
    NodeSize size;
    size.width = std::max(kMinWidth, std::ceil(textWidth + 2 * kPadX));
    size.height = 2 * kPadY + fontSize * 1.25 + (subtitle.empty() ? 0 : subSize * 1.25 + 2);
    switch (node.kind) {
    case NodeKind::Database:
        size.height += 14;
        break; // cylinder caps
    case NodeKind::Queue:
        size.width += 20;
        break; // pipe ends
    case NodeKind::External:
        size.width += 8;
        break;
    case NodeKind::Service:
        break;
    }
    return size;
}

const std::string& groupOf(const GraphNode& node, LayoutOptions::Grouping grouping) {
    static const std::string kNone;
    switch (grouping) {
    case LayoutOptions::Grouping::Namespace:
        return node.namespaceName;
    case LayoutOptions::Grouping::Cluster:
        return node.cluster;
    case LayoutOptions::Grouping::Region:
        return node.region;
    default:
        return kNone;
    }
}

LayoutOptions::Grouping effectiveGrouping(const ServiceGraph& graph,
                                          LayoutOptions::Grouping requested) {
    using G = LayoutOptions::Grouping;
    auto distinctGroups = [&](G g) {
        std::set<std::string_view> values;
        for (const GraphNode& n : graph.nodes)
            if (!groupOf(n, g).empty()) values.insert(groupOf(n, g));
        return values.size();
    };
    if (requested == G::None) return G::None;
    if (requested != G::Auto) return distinctGroups(requested) > 1 ? requested : G::None;
    for (G g : {G::Namespace, G::Cluster, G::Region})
        if (distinctGroups(g) > 1) return g;
    return G::None;
}

std::string chooseEngine(size_t nodeCount, const LayoutOptions& options) {
    if (options.engine == "dot" || options.engine == "sfdp") return options.engine;
    return nodeCount <= options.dotMaxNodes ? "dot" : "sfdp";
}

std::string toDot(const ServiceGraph& graph, const LayoutGeometry* positions) {
    const bool placed = positions && positions->nodes.size() == graph.nodes.size() &&
                        positions->edges.size() == graph.edges.size();
    std::string out = "digraph \"topograph\" {\n";
    out += "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"DejaVu Sans\", nodesep=0.3, "
           "ranksep=0.8";
    if (placed) out += ", bb=\"0,0," + num(positions->width) + "," + num(positions->height) + "\"";
    out += "];\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f6f8\", "
           "fontname=\"DejaVu Sans\", fontsize=12];\n  edge [fontname=\"DejaVu Sans\", "
           "fontsize=9];\n";
    // Clusters: the laid-out ones if given, else the automatic grouping.
    std::vector<std::pair<std::string, std::vector<uint32_t>>> groups;
    if (placed) {
        for (const ClusterBox& c : positions->clusters)
            groups.emplace_back(c.label, c.members);
    } else if (auto g = effectiveGrouping(graph, LayoutOptions::Grouping::Auto);
               g != LayoutOptions::Grouping::None) {
        for (uint32_t i = 0; i < graph.nodes.size(); ++i) {
            const std::string& key = groupOf(graph.nodes[i], g);
            if (key.empty()) continue;
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const auto& p) { return p.first == key; });
            if (it == groups.end()) it = groups.insert(groups.end(), {key, {}});
            it->second.push_back(i);
        }
    }
    for (const auto& [label, members] : groups) {
        out += "  subgraph " + dotQuote("cluster_" + label) + " {\n    label=" + dotQuote(label) +
               "; style=\"rounded\"; color=\"#c5ccd6\";\n   ";
        for (uint32_t m : members)
            out += " " + dotQuote(graph.nodes[m].name) + ";";
        out += "\n  }\n";
    }
    const double h = placed ? positions->height : 0;
    for (uint32_t i = 0; i < graph.nodes.size(); ++i) {
        const GraphNode& n = graph.nodes[i];
        out += "  " + dotQuote(n.name) + " [shape=" + dotShape(n.kind) +
               ", kind=" + nodeKindName(n.kind) + ", calls=" + std::to_string(n.stats.calls) +
               ", errors=" + std::to_string(n.stats.errors);
        if (n.kind == NodeKind::External) out += ", style=\"rounded,dashed\"";
        for (const auto& [key, value] :
             {std::pair{"namespace", &n.namespaceName}, std::pair{"cluster", &n.cluster},
              std::pair{"region", &n.region}})
            if (!value->empty()) out += std::string(", ") + key + "=" + dotQuote(*value);
        if (placed) {
            const NodeBox& b = positions->nodes[i];
            out += ", pos=\"" + num(b.x) + "," + num(h - b.y) + "!\", width=" + num(b.width / 72) +
                   ", height=" + num(b.height / 72) + ", fixedsize=true";
        }
        out += "];\n";
    }
    for (uint32_t i = 0; i < graph.edges.size(); ++i) {
        const GraphEdge& e = graph.edges[i];
        out += "  " + dotQuote(graph.nodes[e.source].name) + " -> " +
               dotQuote(graph.nodes[e.target].name) + " [calls=" + std::to_string(e.stats.calls) +
               ", errors=" + std::to_string(e.stats.errors);
        if (e.inferred) out += ", style=dashed";
        if (placed && !positions->edges[i].points.empty()) {
            const EdgePath& p = positions->edges[i];
            out += ", pos=\"";
            if (p.hasArrow) out += "e," + num(p.arrowTip.x) + "," + num(h - p.arrowTip.y) + " ";
            for (size_t k = 0; k < p.points.size(); ++k)
                out += (k ? " " : "") + num(p.points[k].x) + "," + num(h - p.points[k].y);
            out += "\"";
        }
        out += "];\n";
    }
    out += "}\n";
    return out;
}

} // namespace tg::model
