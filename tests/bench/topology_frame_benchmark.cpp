// Topology view benchmark (DESIGN §6). For generated service graphs (DAG-ish, namespaces of ~25
// consecutive services, 2-4 calls per service, ~8% inferred peers) of 30, 300, 1000 and 3000
// services it times
//   layout        model::layoutGraph (Graphviz on the layout worker; dot <= 100 nodes, sfdp above)
//   scene data    buildTopologySceneData (the part a caller may run off the GUI thread)
//   setGraph      TopologyView::setGraph (scene data + items + fit)
//   first paint   the canvas rendering its first 1600x1000 frame
//   frames        at three zoom levels (whole graph, 0.45 where names appear, 1:1), median and
//                 p95 of: pans (the strips a scroll uncovers), zoom steps within a gesture (the
//                 last frame transformed), settle bands (the crisp frame after a gesture,
//                 rendered in TopologyCanvas::kSettleBands bands) and full repaints (content
//                 changes); plus thread CPU time, which a loaded machine disturbs less
// and, in the same run, Graphviz's own `sfdp` (plain and -Goverlap=prism) and `dot` commands on
// the same graph (DOT from model::toDot, -Tplain), counting edge crossings of our layout, of
// sfdp's (overlaps removed; plain sfdp piles boxes up) and of dot's (segment intersections of
// polyline approximations up to the arrow tips; pairs of edges sharing a node are not counted).
// Prints Markdown tables; timings are never asserted.
//
//   topology_frame_benchmark [--quick] [--sizes 30,300,1000,3000] [--frames 30] [--seed N]
//       [--no-graphviz] [--graphviz-timeout 120] [--png DIR] [--engine dot|sfdp|sfdp-command]
//       [--layout-cache DIR] [--dump-dot DIR]
// --engine sfdp-command lays out with the sfdp command instead of model::layoutGraph (a quick
// stand-in without clusters, for tuning frames when layoutGraph is slow); --layout-cache reuses
// layouts between runs (layout then not timed). Tuning knobs: TOPOGRAPH_BENCH_LEVEL=fit|mid|close
// measures one zoom level, TOPOGRAPH_BENCH_PAN_ONLY=1 only pans.
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/layout/edge_crossings.h"
#include "models/layout/graph_layout.h"
#include "views/topology/topology_canvas.h"
#include "views/topology/topology_scene_data.h"
#include "views/topology/topology_view.h"

namespace {

using namespace tg;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const size_t lo = size_t(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

// ---- graph generation -------------------------------------------------------------------------

double logUniform(std::mt19937_64& rng, double lo, double hi) {
    std::uniform_real_distribution<double> u(std::log(lo), std::log(hi));
    return std::exp(u(rng));
}

double errorRateSample(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    const double r = u(rng);
    if (r < 0.70) return 0;
    if (r < 0.90) return logUniform(rng, 0.0005, 0.01);
    if (r < 0.97) return logUniform(rng, 0.01, 0.05);
    return logUniform(rng, 0.05, 0.3);
}

void fillStats(model::CallStats& stats, std::mt19937_64& rng, double calls) {
    stats.calls = uint64_t(calls);
    stats.errors = uint64_t(calls * errorRateSample(rng));
    const double p50 = logUniform(rng, 1e6, 2e8);
    stats.latency.add(int64_t(p50), 90);
    stats.latency.add(int64_t(p50 * 3), 9);
    stats.latency.add(int64_t(p50 * 8), 1);
}

// n nodes (about 8% inferred peers) in namespaces of ~25 consecutive services (a team's
// services call each other), 2-4 calls per service, mostly to later services (a DAG with a few
// back edges): 60% within the caller's namespace, the rest to services a little further down the
// call chain, anywhere.
model::ServiceGraph generateGraph(int n, uint64_t seed) {
    std::mt19937_64 rng(seed + uint64_t(n));
    model::ServiceGraph g;
    g.buckets.count = 60;
    const int namespaces = std::max(2, n / 25);
    std::vector<int> nsOf(static_cast<size_t>(n));
    std::vector<std::vector<uint32_t>> members(static_cast<size_t>(namespaces));
    for (int i = 0; i < n; ++i) {
        model::NodeKind kind = model::NodeKind::Service;
        if (i > n / 10 && i % 12 == 5) kind = model::NodeKind::Database;
        if (i > n / 10 && i % 29 == 7) kind = model::NodeKind::Queue;
        if (i > n / 10 && i % 41 == 11) kind = model::NodeKind::External;
        const int ns = int(int64_t(i) * namespaces / n);
        char name[64];
        std::snprintf(name, sizeof name, "%s-%02d-%d",
                      kind == model::NodeKind::Service ? "svc" : "peer", ns, i);
        const uint32_t v = g.addNode(name, kind);
        if (kind == model::NodeKind::Service) {
            g.nodes[v].namespaceName = "ns-" + std::to_string(ns);
            fillStats(g.nodes[v].stats, rng, logUniform(rng, 60, 600000));
        }
        nsOf[v] = ns;
        members[size_t(ns)].push_back(v);
    }
    std::uniform_real_distribution<double> u(0, 1);
    for (uint32_t i = 0; i < uint32_t(n); ++i) {
        if (g.nodes[i].inferred()) continue;
        const int degree = 2 + int(rng() % 3);
        const auto& own = members[size_t(nsOf[i])];
        for (int k = 0; k < degree; ++k) {
            uint32_t target = i;
            for (int attempt = 0; attempt < 8 && target == i; ++attempt) {
                uint32_t t;
                if (u(rng) < 0.6) {
                    t = own[rng() % own.size()];
                } else {
                    const uint32_t span = std::max<uint32_t>(30, uint32_t(n) / 10);
                    t = i + 1 + uint32_t(rng() % span);
                    if (t >= uint32_t(n)) t = uint32_t(rng() % uint32_t(n));
                }
                if (t > i || u(rng) < 0.05) target = t; // a few back edges
            }
            if (target == i) continue;
            const bool inferred = g.nodes[target].inferred();
            model::GraphEdge& e = g.edges[g.edgeIndex(i, target, inferred)];
            fillStats(e.stats, rng, logUniform(rng, 60, 200000));
        }
    }
    return g;
}

// ---- edge crossings (model::countEdgeCrossings) -----------------------------------------------

// Edges of Graphviz's -Tplain output: "edge tail head n x1 y1 ... xn yn [label xl yl] style color".
// Node names become ids in first-seen order (only equality matters to the counter).
// -Tplain gives the spline only up to the base of the arrow head (-Tdot's "e,x,y" tip is not in
// it), while our drawings are counted up to the tip (model::layoutPolylines). So that both are
// counted alike, each edge is extended by the head Graphviz draws: 10 points (arrowsize 1)
// along its last piece. Without heads, sfdp crossed 4-16% fewer (`withHeads` false).
std::vector<model::CrossingEdge> plainPolylines(const QByteArray& plain, bool withHeads = true) {
    std::vector<model::CrossingEdge> out;
    std::unordered_map<std::string, uint32_t> ids;
    auto idOf = [&](QByteArray s) {
        if (s.startsWith('"') && s.endsWith('"')) s = s.mid(1, s.size() - 2);
        return ids.try_emplace(s.toStdString(), uint32_t(ids.size())).first->second;
    };
    for (const QByteArray& line : plain.split('\n')) {
        if (!line.startsWith("edge ")) continue;
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 4) continue;
        const int n = f[3].toInt();
        if (f.size() < 4 + 2 * n) continue;
        std::vector<model::PointF> control;
        for (int k = 0; k < n; ++k)
            control.push_back({f[4 + 2 * k].toDouble(), f[5 + 2 * k].toDouble()});
        std::vector<model::PointF> path = model::flattenBezier(control);
        if (withHeads && path.size() >= 2) {
            const model::PointF end = path.back(), before = path[path.size() - 2];
            const double dx = end.x - before.x, dy = end.y - before.y;
            const double len = std::hypot(dx, dy), head = 10.0 / 72; // inches
            if (len > 0) path.push_back({end.x + dx / len * head, end.y + dy / len * head});
        }
        out.push_back({idOf(f[1]), idOf(f[2]), std::move(path)});
    }
    return out;
}

struct CommandRun {
    bool ok = false;
    bool timedOut = false;
    double ms = 0;
    QByteArray output;
};

CommandRun runGraphviz(const QString& program, const QString& dotFile, int timeoutS,
                       const QStringList& extra = {}) {
    CommandRun run;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) return run;
    QProcess p;
    const auto start = Clock::now();
    p.start(path, QStringList{"-Tplain"} + extra + QStringList{dotFile});
    if (!p.waitForFinished(timeoutS * 1000)) {
        p.kill();
        p.waitForFinished();
        run.timedOut = true;
        run.ms = msSince(start);
        return run;
    }
    run.ms = msSince(start);
    run.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    run.output = p.readAllStandardOutput();
    return run;
}

// ---- a quick stand-in layout (--fast-layout): only for tuning the view's frames when
// model::layoutGraph is too slow to iterate with. Graphviz's sfdp command with our node sizes,
// overlaps removed, straight edges, no clusters. Not the product's layout.

std::optional<model::LayoutGeometry> commandLayout(const model::ServiceGraph& g, int timeoutS) {
    QTemporaryDir tmp;
    const QString dotFile = tmp.path() + "/fast.dot";
    std::vector<model::NodeSize> sizes;
    {
        QFile file(dotFile);
        if (!file.open(QIODevice::WriteOnly)) return std::nullopt;
        QTextStream out(&file);
        out << "digraph g {\n graph [overlap=prism, sep=\"+11\", splines=false];\n"
            << " node [shape=box, fixedsize=true, label=\"\"];\n";
        for (const model::GraphNode& n : g.nodes) {
            sizes.push_back(model::estimateNodeSize(n, g.buckets, 12));
            out << " \"" << QString::fromStdString(n.name)
                << "\" [width=" << sizes.back().width / 72
                << ", height=" << sizes.back().height / 72 << "];\n";
        }
        for (const model::GraphEdge& e : g.edges)
            out << " \"" << QString::fromStdString(g.nodes[e.source].name) << "\" -> \""
                << QString::fromStdString(g.nodes[e.target].name) << "\";\n";
        out << "}\n";
    }
    const CommandRun run = runGraphviz("sfdp", dotFile, timeoutS);
    if (!run.ok) return std::nullopt;
    model::LayoutGeometry geo;
    geo.engine = "sfdp-command";
    geo.nodes.resize(g.nodes.size());
    geo.edges.resize(g.edges.size());
    double height = 0;
    auto unquote = [](QByteArray s) {
        if (s.startsWith('"') && s.endsWith('"')) s = s.mid(1, s.size() - 2);
        return s.toStdString();
    };
    for (const QByteArray& line : run.output.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 4 && f[0] == "graph") {
            geo.width = f[2].toDouble() * 72;
            geo.height = height = f[3].toDouble() * 72;
        } else if (f.size() >= 4 && f[0] == "node") {
            const auto i = g.findNode(unquote(f[1]));
            if (!i) continue;
            geo.nodes[*i] = {f[2].toDouble() * 72, height - f[3].toDouble() * 72, sizes[*i].width,
                             sizes[*i].height};
        } else if (f.size() >= 4 && f[0] == "edge") {
            const auto a = g.findNode(unquote(f[1]));
            const auto b = g.findNode(unquote(f[2]));
            if (!a || !b) continue;
            auto e = g.findEdge(*a, *b, g.nodes[*b].inferred());
            const int n = f[3].toInt();
            if (!e || f.size() < 4 + 2 * n) continue;
            for (int k = 0; k < n; ++k)
                geo.edges[*e].points.push_back(
                    {f[4 + 2 * k].toDouble() * 72, height - f[5 + 2 * k].toDouble() * 72});
        }
    }
    return geo;
}

// ---- layout cache (for repeated runs while tuning; --layout-cache DIR) -----------------------

void saveLayout(const QString& path, const model::LayoutGeometry& geo) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    QTextStream out(&file);
    out.setRealNumberPrecision(10);
    out << QString::fromStdString(geo.engine) << ' ' << geo.width << ' ' << geo.height << ' '
        << geo.fontSize << ' ' << int(geo.edgeLabels) << '\n'
        << geo.nodes.size() << '\n';
    for (const model::NodeBox& b : geo.nodes)
        out << b.x << ' ' << b.y << ' ' << b.width << ' ' << b.height << '\n';
    out << geo.edges.size() << '\n';
    for (const model::EdgePath& e : geo.edges) {
        out << e.points.size();
        for (const model::PointF& p : e.points)
            out << ' ' << p.x << ' ' << p.y;
        out << ' ' << int(e.hasArrow) << ' ' << e.arrowTip.x << ' ' << e.arrowTip.y << ' '
            << int(e.hasLabel) << ' ' << e.labelCenter.x << ' ' << e.labelCenter.y << '\n';
    }
    out << geo.clusters.size() << '\n';
    for (const model::ClusterBox& c : geo.clusters) {
        out << QString::fromStdString(c.label) << ' ' << c.rect.x << ' ' << c.rect.y << ' '
            << c.rect.width << ' ' << c.rect.height << ' ' << c.members.size();
        for (uint32_t m : c.members)
            out << ' ' << m;
        out << '\n';
    }
}

bool loadLayout(const QString& path, model::LayoutGeometry& geo) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    QTextStream in(&file);
    QString engine;
    int labels = 0;
    size_t count = 0;
    in >> engine >> geo.width >> geo.height >> geo.fontSize >> labels >> count;
    geo.engine = engine.toStdString();
    geo.edgeLabels = labels;
    geo.nodes.resize(count);
    for (model::NodeBox& b : geo.nodes)
        in >> b.x >> b.y >> b.width >> b.height;
    in >> count;
    geo.edges.resize(count);
    for (model::EdgePath& e : geo.edges) {
        size_t points = 0;
        int arrow = 0, label = 0;
        in >> points;
        e.points.resize(points);
        for (model::PointF& p : e.points)
            in >> p.x >> p.y;
        in >> arrow >> e.arrowTip.x >> e.arrowTip.y >> label >> e.labelCenter.x >> e.labelCenter.y;
        e.hasArrow = arrow;
        e.hasLabel = label;
    }
    in >> count;
    geo.clusters.resize(count);
    for (model::ClusterBox& c : geo.clusters) {
        QString label;
        size_t members = 0;
        in >> label >> c.rect.x >> c.rect.y >> c.rect.width >> c.rect.height >> members;
        c.label = label.toStdString();
        c.members.resize(members);
        for (uint32_t& m : c.members)
            in >> m;
    }
    return in.status() == QTextStream::Ok;
}

// ---- frames -----------------------------------------------------------------------------------

struct FrameStats {
    double panMedian = 0, panP95 = 0;   // repaint of the strips a scroll uncovers
    double stepMedian = 0, stepP95 = 0; // a zoom step during a gesture (last frame transformed)
    double bandMedian = 0, bandP95 = 0; // one band of the crisp frame rendered after a gesture
    double fullMedian = 0, fullP95 = 0; // a crisp full repaint (gesture settled, content change)
    double fullCpuMedian = 0;           // thread CPU time of the full repaints
    double panCpuMedian = 0;            // thread CPU time of the pans
};

// `frames` each of: pan steps (45, 28 px), zoom steps within a gesture (x1.12, /1.12), and
// crisp full repaints after a zoom step. A pan repaints what the widget repaints after
// QWidget::scroll: the uncovered strips (the canvas moves the rest of its frame image).
FrameStats measureFrames(view::TopologyCanvas* canvas, QImage& image, int frames) {
    std::vector<double> pan, step, band, full, fullCpu, panCpu;
    QScrollBar* h = canvas->horizontalScrollBar();
    QScrollBar* v = canvas->verticalScrollBar();
    const QRect port = canvas->viewport()->rect();
    canvas->viewport()->render(&image); // a valid frame to start from
    int dx = 45, dy = 28;
    for (int i = 0; i < frames; ++i) {
        if (h->value() + dx > h->maximum() || h->value() + dx < h->minimum()) dx = -dx;
        if (v->value() + dy > v->maximum() || v->value() + dy < v->minimum()) dy = -dy;
        const int oldH = h->value(), oldV = v->value();
        h->setValue(oldH + dx);
        v->setValue(oldV + dy);
        const QPoint moved(oldH - h->value(), oldV - v->value());
        if (moved.isNull()) continue; // nothing to scroll at this zoom
        const QRegion strips = QRegion(port) - QRegion(port.translated(moved));
        const auto start = Clock::now();
        const double cpuStart = threadCpuMs();
        canvas->viewport()->render(&image, strips.boundingRect().topLeft(), strips);
        pan.push_back(msSince(start));
        panCpu.push_back(threadCpuMs() - cpuStart);
    }
    static const bool panOnly = qEnvironmentVariableIsSet("TOPOGRAPH_BENCH_PAN_ONLY"); // tuning
    for (int i = 0; i < (panOnly ? 0 : frames); ++i) {
        canvas->zoomBy(i % 2 ? 1 / 1.12 : 1.12, true);
        const auto start = Clock::now();
        canvas->viewport()->render(&image);
        step.push_back(msSince(start));
        if (i % 6 == 5) { // the gesture pauses: the crisp frame is rendered in bands
            const auto settle = Clock::now();
            canvas->finishSettling();
            band.push_back(msSince(settle) / view::TopologyCanvas::kSettleBands);
        }
    }
    canvas->finishSettling();
    for (int i = 0; i < (panOnly ? 0 : frames); ++i) {
        canvas->zoomBy(i % 2 ? 1 / 1.12 : 1.12, false);
        const auto start = Clock::now();
        const double cpuStart = threadCpuMs();
        canvas->viewport()->render(&image);
        full.push_back(msSince(start));
        fullCpu.push_back(threadCpuMs() - cpuStart);
    }
    if (pan.empty()) pan.push_back(-1);
    FrameStats stats;
    stats.panMedian = quantile(pan, 0.5);
    stats.panP95 = quantile(pan, 0.95);
    stats.stepMedian = quantile(step, 0.5);
    stats.stepP95 = quantile(step, 0.95);
    stats.bandMedian = quantile(band, 0.5);
    stats.bandP95 = quantile(band, 0.95);
    stats.fullMedian = quantile(full, 0.5);
    stats.fullP95 = quantile(full, 0.95);
    stats.fullCpuMedian = quantile(fullCpu, 0.5);
    stats.panCpuMedian = panCpu.empty() ? 0 : quantile(panCpu, 0.5);
    return stats;
}

void setZoom(view::TopologyCanvas* canvas, double zoom, QPointF centre) {
    canvas->setTransform(QTransform::fromScale(zoom, zoom));
    canvas->centerOn(centre);
}

struct Row {
    int services = 0;
    size_t edges = 0;
    std::string engine;
    double layoutMs = 0, dataMs = 0, setGraphMs = 0, firstPaintMs = 0;
    FrameStats overview, mid, close;
    double fitZoom = 0;
    CommandRun sfdp, sfdpPrism, dot;
    long oursCrossings = -1, ungroupedCrossings = -1, sfdpCrossings = -1, dotCrossings = -1;
    long sfdpCrossingsNoHeads = -1; // as -Tplain gives the lines (to the arrow head's base)
};

QString fmtMs(double ms) {
    if (ms >= 10000) return QString::number(ms / 1000, 'f', 1) + " s";
    if (ms >= 100) return QString::number(ms, 'f', 0);
    return QString::number(ms, 'f', 1);
}

QString fmtCpu(const FrameStats& f) {
    return (f.panMedian < 0 ? QStringLiteral("-") : fmtMs(f.panCpuMedian)) + " / " +
           fmtMs(f.fullCpuMedian);
}

QString fmtRun(const CommandRun& r, int timeoutS) {
    if (r.timedOut) return QStringLiteral("> %1 s").arg(timeoutS);
    if (!r.ok) return QStringLiteral("n/a");
    return fmtMs(r.ms);
}

QString fmtFrames(const FrameStats& f) {
    const QString pan =
        f.panMedian < 0 ? QStringLiteral("-") : fmtMs(f.panMedian) + " / " + fmtMs(f.panP95);
    return pan + " \\| " + fmtMs(f.stepMedian) + " / " + fmtMs(f.stepP95) + " \\| " +
           fmtMs(f.bandMedian) + " / " + fmtMs(f.bandP95) + " \\| " + fmtMs(f.fullMedian) + " / " +
           fmtMs(f.fullP95);
}

Row runSize(int services, uint64_t seed, int frames, bool graphviz, int timeoutS,
            const QString& pngDir, const std::string& engine, const QString& cacheDir) {
    Row row;
    row.services = services;
    auto graph = std::make_shared<model::ServiceGraph>(generateGraph(services, seed));
    row.edges = graph->edges.size();

    auto start = Clock::now();
    model::LayoutGeometry geo;
    const QString cached = cacheDir.isEmpty() ? QString()
                                              : QStringLiteral("%1/layout_%2_%3_%4.txt")
                                                    .arg(cacheDir)
                                                    .arg(services)
                                                    .arg(seed)
                                                    .arg(QString::fromStdString(engine));
    if (engine == "sfdp-command") {
        auto quick = commandLayout(*graph, timeoutS);
        row.layoutMs = msSince(start);
        if (!quick) return row;
        geo = std::move(*quick);
    } else if (cached.isEmpty() || !loadLayout(cached, geo)) {
        model::LayoutOptions options;
        options.engine = engine;
        auto result = model::layoutGraph(*graph, options);
        row.layoutMs = msSince(start);
        if (!result.ok()) {
            std::fprintf(stderr, "layout of %d services failed: %s\n", services,
                         result.error().toString().c_str());
            return row;
        }
        geo = result.value();
        if (!cached.isEmpty()) saveLayout(cached, geo);
    } else {
        row.layoutMs = -1; // from the cache: not measured
    }
    row.engine = geo.engine;

    start = Clock::now();
    auto data = view::buildTopologySceneData(graph, geo);
    row.dataMs = msSince(start);
    data.reset();

    view::TopologyView view;
    view.resize(1600 + 16, 1000 + 16);
    view.show();
    auto* canvas = view.findChild<view::TopologyCanvas*>();
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    start = Clock::now();
    view.setGraph(graph, geo);
    row.setGraphMs = msSince(start);
    start = Clock::now();
    canvas->viewport()->render(&image);
    row.firstPaintMs = msSince(start);
    row.fitZoom = canvas->transform().m11();
    if (!pngDir.isEmpty())
        image.save(QStringLiteral("%1/frame_%2_fit.png").arg(pngDir).arg(services));

    const QPointF centre = canvas->sceneRect().center();
    static const QByteArray only = qgetenv("TOPOGRAPH_BENCH_LEVEL"); // tuning: fit, mid or close
    setZoom(canvas, row.fitZoom, centre);
    if (only.isEmpty() || only == "fit") row.overview = measureFrames(canvas, image, frames);
    setZoom(canvas, 0.45, centre); // names just readable: the most text per frame
    if (only.isEmpty() || only == "mid") row.mid = measureFrames(canvas, image, frames);
    if (!pngDir.isEmpty())
        image.save(QStringLiteral("%1/frame_%2_mid.png").arg(pngDir).arg(services));
    setZoom(canvas, 1.0, centre);
    if (only.isEmpty() || only == "close") row.close = measureFrames(canvas, image, frames);

    row.oursCrossings = model::countEdgeCrossings(model::layoutPolylines(*graph, geo));
    std::fprintf(stderr, "%d services: layout %.0f ms, crossings %ld\n", services, row.layoutMs,
                 row.oursCrossings);
    if (graphviz && engine != "sfdp-command") {
        // The price of group boxes: the same layout with grouping off.
        model::LayoutOptions options;
        options.engine = engine;
        options.grouping = model::LayoutOptions::Grouping::None;
        if (auto flat = model::layoutGraph(*graph, options); flat.ok())
            row.ungroupedCrossings =
                model::countEdgeCrossings(model::layoutPolylines(*graph, flat.value()));
    }
    if (graphviz) {
        QTemporaryDir tmp;
        const QString dotFile = tmp.path() + "/graph.dot";
        QFile file(dotFile);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QByteArray::fromStdString(model::toDot(*graph)));
            file.close();
            row.sfdp = runGraphviz("sfdp", dotFile, timeoutS);
            // Plain sfdp lets boxes overlap (edges shrink to stubs between piled-up nodes), so
            // crossings are counted on its drawing with overlaps removed.
            row.sfdpPrism = runGraphviz("sfdp", dotFile, timeoutS, {"-Goverlap=prism"});
            if (row.sfdpPrism.ok) {
                row.sfdpCrossings = model::countEdgeCrossings(plainPolylines(row.sfdpPrism.output));
                row.sfdpCrossingsNoHeads =
                    model::countEdgeCrossings(plainPolylines(row.sfdpPrism.output, false));
            }
            row.dot = runGraphviz("dot", dotFile, timeoutS);
            if (row.dot.ok)
                row.dotCrossings = model::countEdgeCrossings(plainPolylines(row.dot.output));
        }
    }
    return row;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("Topology view benchmark: layout, scene build, frames");
    parser.addHelpOption();
    parser.addOptions({
        {"quick", "30 and 300 services, 10 frames (for ctest)"},
        {"sizes", "comma-separated service counts", "list", "30,300,1000,3000"},
        {"frames", "pan and zoom frames per zoom level (each)", "n", "30"},
        {"seed", "random seed", "n", "20250314"},
        {"no-graphviz", "skip the sfdp/dot command comparison"},
        {"graphviz-timeout", "seconds per sfdp/dot command", "s", "120"},
        {"png", "save the first paint and a mid-zoom frame per size here", "dir"},
        {"engine",
         "force the layout engine (dot or sfdp; default: by size); sfdp-command: a quick "
         "stand-in layout by the sfdp command (no clusters), for tuning frames only",
         "name"},
        {"layout-cache", "reuse layouts saved here (layout not timed then)", "dir"},
        {"dump-dot", "only write each generated graph as DOT (model::toDot) here", "dir"},
    });
    parser.process(app);
    std::vector<int> sizes;
    for (const QString& s : parser.value("sizes").split(',', Qt::SkipEmptyParts))
        sizes.push_back(s.toInt());
    int frames = parser.value("frames").toInt();
    if (parser.isSet("quick")) {
        sizes = {30, 300};
        frames = 10;
    }
    const int timeoutS = parser.value("graphviz-timeout").toInt();
    const uint64_t seed = parser.value("seed").toULongLong();

    if (parser.isSet("dump-dot")) {
        for (int n : sizes) {
            QFile file(QStringLiteral("%1/graph_%2.dot").arg(parser.value("dump-dot")).arg(n));
            if (file.open(QIODevice::WriteOnly))
                file.write(QByteArray::fromStdString(model::toDot(generateGraph(n, seed))));
        }
        return 0;
    }
    std::vector<Row> rows;
    for (int n : sizes) {
        std::fprintf(stderr, "%d services...\n", n);
        rows.push_back(runSize(n, seed, frames, !parser.isSet("no-graphviz"), timeoutS,
                               parser.value("png"), parser.value("engine").toStdString(),
                               parser.value("layout-cache")));
    }

    std::printf("\n### Topology view (1600x1000 viewport, offscreen raster; ms)\n\n"
                "Frames at three zoom levels, each `pan \\| zoom step \\| settle band \\| full "
                "repaint` as median / p95: a pan repaints the uncovered strips; a zoom step "
                "within a gesture shows the last frame transformed; when the gesture pauses the "
                "crisp frame is rendered in %d bands, one per event-loop turn; a full repaint "
                "renders the whole view at once (content changes: filters, palette).\n\n",
                view::TopologyCanvas::kSettleBands);
    std::printf(
        "| services | edges | engine | layout | scene data | setGraph | first paint | "
        "shown (layout+setGraph+paint) | fit zoom | frames whole graph | frames zoom 0.45 | "
        "frames 1:1 | CPU med pan / full (whole; 0.45; 1:1) |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Row& r : rows) {
        std::printf(
            "| %d | %zu | %s | %s | %s | %s | %s | %s | %.3f | %s | %s | %s | %s; %s; %s |\n",
            r.services, r.edges, r.engine.c_str(),
            r.layoutMs < 0 ? "cached" : qPrintable(fmtMs(r.layoutMs)), qPrintable(fmtMs(r.dataMs)),
            qPrintable(fmtMs(r.setGraphMs)), qPrintable(fmtMs(r.firstPaintMs)),
            qPrintable(fmtMs(std::max(0.0, r.layoutMs) + r.setGraphMs + r.firstPaintMs)), r.fitZoom,
            qPrintable(fmtFrames(r.overview)), qPrintable(fmtFrames(r.mid)),
            qPrintable(fmtFrames(r.close)), qPrintable(fmtCpu(r.overview)),
            qPrintable(fmtCpu(r.mid)), qPrintable(fmtCpu(r.close)));
    }
    if (!parser.isSet("no-graphviz")) {
        std::printf(
            "\n### Graphviz commands on the same graphs (DOT from model::toDot, -Tplain, "
            "wall clock) and edge crossings (pairs of edges sharing no node; every drawing's "
            "edges up to their arrow tips, the last column without Graphviz's heads)\n\n"
            "| services | our layout | sfdp | sfdp -Goverlap=prism | dot | crossings ours | "
            "crossings ours, no groups | crossings sfdp (prism) | crossings dot | ours / sfdp | "
            "ours no groups / sfdp | sfdp (prism) without heads |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (const Row& r : rows) {
            const QString ratio =
                r.sfdpCrossings > 0
                    ? QString::number(double(r.oursCrossings) / double(r.sfdpCrossings), 'f', 2)
                    : QStringLiteral("-");
            const QString flatRatio =
                r.sfdpCrossings > 0 && r.ungroupedCrossings >= 0
                    ? QString::number(double(r.ungroupedCrossings) / double(r.sfdpCrossings), 'f',
                                      2)
                    : QStringLiteral("-");
            std::printf("| %d | %s (%s) | %s | %s | %s | %ld | %ld | %ld | %ld | %s | %s | %ld |\n",
                        r.services, r.layoutMs < 0 ? "cached" : qPrintable(fmtMs(r.layoutMs)),
                        r.engine.c_str(), qPrintable(fmtRun(r.sfdp, timeoutS)),
                        qPrintable(fmtRun(r.sfdpPrism, timeoutS)),
                        qPrintable(fmtRun(r.dot, timeoutS)), r.oursCrossings, r.ungroupedCrossings,
                        r.sfdpCrossings, r.dotCrossings, qPrintable(ratio), qPrintable(flatRatio),
                        r.sfdpCrossingsNoHeads);
        }
    }
    std::printf("\nTargets: shown <= 1 s at 1000 and <= 2 s at 3000 services; frames <= 16 ms; "
                "crossings <= sfdp's.\n");
    return 0;
}
