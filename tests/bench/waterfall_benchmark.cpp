// Trace waterfall benchmark (issue #5, DESIGN §6). For generated single traces of 100k and 1M
// spans in three shapes
//   wide   a root with every other span as its child (random starts and log-uniform durations)
//   deep   a chain: each span the only child of the previous one, nested inside it
//   bushy  fan-out 4 (depth about 10 at 1M), children splitting their parent's time
// it times, in the same run,
//   baseline    a plain pass over the trace's spans (find its rows, sum durations, count errors)
//   build       WaterfallData::build (tree, critical path, skew, self times, minimap grid)
//   setTrace    WaterfallView::setTrace
//   first paint the view rendering its first 1600x1000 frame (offscreen raster)
// and, at 1M spans, frames (median, p95, max; plus thread CPU time, which other work on a shared
// machine disturbs less) while scrolling (wheel steps and jumps), zooming (ctrl+wheel in and out
// around random points) and scrolling/zooming with everything collapsed (the wide root's 1M
// children folded into its row). Also find, collapse all and expand all at 1M.
// Prints Markdown tables with ratios; timings are never asserted.
//
//   waterfall_benchmark [--quick] [--sizes 100000,1000000] [--frames 60] [--png DIR]
//   waterfall_benchmark --screenshot TRACE_FILE --trace-id ID --png FILE [--width W --height H]
// --quick: 20k and 100k spans, 20 frames (ctest). --screenshot renders the view on a real trace.
#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPalette>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "importers/registry/trace_import.h"
#include "models/dataset/dataset_builder.h"
#include "models/graph/trace_structure.h"
#include "views/trace/waterfall_view.h"

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
    const auto lo = size_t(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

// ---- trace generation -------------------------------------------------------------------------

constexpr int64_t kEpoch = 1'700'000'000'000'000'000;
constexpr int64_t kTraceNs = 10'000'000'000; // 10 s

struct Generated {
    std::shared_ptr<model::Dataset> dataset = std::make_shared<model::Dataset>();
    model::TraceStructure structure;
    model::TraceId trace;
    double generateMs = 0, structureMs = 0;
};

// Parent index (or -1) and interval of every span for a shape.
struct Shape {
    std::vector<int64_t> parent, start, end;
};

Shape makeShape(const std::string& name, size_t n, std::mt19937_64& rng) {
    Shape s;
    s.parent.assign(n, -1);
    s.start.assign(n, 0);
    s.end.assign(n, kTraceNs);
    std::uniform_real_distribution<double> u(0, 1);
    for (size_t i = 1; i < n; ++i) {
        if (name == "wide") {
            const auto d =
                int64_t(std::exp(std::log(1e4) + u(rng) * (std::log(5e7) - std::log(1e4))));
            s.parent[i] = 0;
            s.start[i] = int64_t(u(rng) * double(kTraceNs - d));
            s.end[i] = s.start[i] + d;
        } else if (name == "deep") {
            const int64_t step = kTraceNs / int64_t(2 * n);
            s.parent[i] = int64_t(i) - 1;
            s.start[i] = int64_t(i) * step;
            s.end[i] = kTraceNs - int64_t(i) * step;
        } else { // bushy: children j = 0..3 of p take quarters of p's time, minus a gap
            const size_t p = (i - 1) / 4, j = (i - 1) % 4;
            const int64_t len = (s.end[p] - s.start[p]) / 4;
            s.parent[i] = int64_t(p);
            s.start[i] = s.start[p] + int64_t(j) * len + len / 10;
            s.end[i] = s.start[i] + std::max<int64_t>(1, len * 8 / 10);
        }
    }
    return s;
}

Generated generate(const std::string& shapeName, size_t n, uint64_t seed) {
    Generated g;
    std::mt19937_64 rng(seed + n);
    const auto begin = Clock::now();
    const Shape shape = makeShape(shapeName, n, rng);
    model::Diagnostics diag;
    {
        model::DatasetBuilder builder(*g.dataset, diag, 0);
        g.dataset->reserve(n);
        std::vector<model::ResourceId> services;
        for (int s = 0; s < 24; ++s)
            services.push_back(builder.addResource("service-" + std::to_string(s), {}));
        std::vector<std::string> operations;
        for (int o = 0; o < 60; ++o)
            operations.push_back("operation-" + std::to_string(o));
        model::SpanInput in;
        for (size_t i = 0; i < n; ++i) {
            in.clear();
            in.trace = model::parseTraceId("4bf92f3577b34da6a3ce929d0e0e4736");
            in.span = {uint64_t(i + 1), model::IdSpelling::Hex};
            if (shape.parent[i] >= 0)
                in.parent = {uint64_t(shape.parent[i] + 1), model::IdSpelling::Hex};
            in.operation = operations[(i * 7) % operations.size()];
            in.resource = services[(i / 3) % services.size()];
            in.startNs = kEpoch + shape.start[i];
            in.durationNs = shape.end[i] - shape.start[i];
            in.status = i % 97 == 5 ? model::StatusCode::Error : model::StatusCode::Unset;
            in.attributes.push_back(
                model::AttributeInput::integer("http.status_code", i % 97 == 5 ? 500 : 200));
            builder.addSpan(in);
        }
    }
    g.generateMs = msSince(begin);
    g.trace = g.dataset->traceId[0];
    const auto t = Clock::now();
    g.structure = model::analyzeTraceStructure(*g.dataset, diag);
    g.structureMs = msSince(t);
    return g;
}

// ---- measurements -----------------------------------------------------------------------------

struct Frames {
    std::vector<double> wall, cpu;
    void add(double w, double c) {
        wall.push_back(w);
        cpu.push_back(c);
    }
};

struct Row {
    std::string shape;
    size_t spans = 0;
    uint32_t depth = 0;
    double generateMs = 0, structureMs = 0, baselineMs = 0, buildMs = 0, setTraceMs = 0,
           firstPaintMs = 0;
    double findMs = -1, collapseMs = -1, expandMs = -1;
    Frames scroll, zoom, collapsedScroll, collapsedZoom;
    double openMs() const { return buildMs + setTraceMs + firstPaintMs; }
};

// The trace's spans, read once: its rows, their durations summed and errors counted.
double baselinePass(const model::Dataset& d, const model::TraceId& trace) {
    const auto start = Clock::now();
    const std::vector<uint32_t> rows = model::rowsOfTrace(d, trace);
    int64_t total = 0;
    size_t errors = 0;
    for (uint32_t r : rows) {
        total += d.durationNs[r];
        errors += d.isError(r) ? 1 : 0;
    }
    const double ms = msSince(start);
    if (total == 42 && errors == 42) std::printf(" "); // keep the loop
    return ms;
}

void frame(view::WaterfallView& v, QImage& image, Frames& out, const std::function<void()>& step) {
    const auto start = Clock::now();
    const double cpu = threadCpuMs();
    step();
    v.viewport()->render(&image);
    out.add(msSince(start), threadCpuMs() - cpu);
}

void wheel(view::WaterfallView& v, QPoint at, int delta, Qt::KeyboardModifiers modifiers) {
    QWheelEvent e(QPointF(at), QPointF(v.viewport()->mapToGlobal(at)), QPoint(), QPoint(0, delta),
                  Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(v.viewport(), &e);
}

// Scrolling: wheel steps down, then jumps to random positions.
void measureScroll(view::WaterfallView& v, QImage& image, int frames, std::mt19937_64& rng,
                   Frames& out) {
    const QPoint mid(v.viewport()->width() * 2 / 3, v.viewport()->height() / 2);
    for (int i = 0; i < frames / 2; ++i)
        frame(v, image, out, [&] { wheel(v, mid, -120, Qt::NoModifier); });
    QScrollBar* bar = v.verticalScrollBar();
    std::uniform_int_distribution<int> pos(0, std::max(0, bar->maximum()));
    for (int i = frames / 2; i < frames; ++i)
        frame(v, image, out, [&] { bar->setValue(pos(rng)); });
}

// Zooming: ctrl+wheel in around random points, then out again (the trace stays in view).
void measureZoom(view::WaterfallView& v, QImage& image, int frames, std::mt19937_64& rng,
                 Frames& out) {
    const QRect tl(v.rulerRect().left() + 10, v.rulerRect().bottom() + 5,
                   v.rulerRect().width() - 20,
                   v.viewport()->height() - v.rulerRect().bottom() - 10);
    std::uniform_int_distribution<int> x(tl.left(), tl.right()), y(tl.top(), tl.bottom());
    for (int i = 0; i < frames; ++i) {
        const bool in = i < frames / 2;
        const QPoint at(x(rng), y(rng));
        frame(v, image, out, [&] { wheel(v, at, in ? 360 : -360, Qt::ControlModifier); });
    }
    v.resetZoom();
}

Row runTrace(const std::string& shape, size_t n, int frames, uint64_t seed, bool frameTests,
             const QString& pngDir) {
    Row row;
    row.shape = shape;
    row.spans = n;
    Generated g = generate(shape, n, seed);
    row.generateMs = g.generateMs;
    row.structureMs = g.structureMs;
    row.baselineMs = baselinePass(*g.dataset, g.trace);

    view::WaterfallView v;
    v.resize(1600, 1000);
    v.show();
    QImage image(v.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    auto start = Clock::now();
    auto data = view::WaterfallData::build(g.dataset, g.structure, g.trace);
    row.buildMs = msSince(start);
    row.depth = data->maxDepth;
    start = Clock::now();
    v.setTrace(data);
    row.setTraceMs = msSince(start);
    start = Clock::now();
    v.viewport()->render(&image);
    row.firstPaintMs = msSince(start);
    if (!pngDir.isEmpty())
        image.save(QStringLiteral("%1/waterfall_%2_%3.png")
                       .arg(pngDir)
                       .arg(QString::fromStdString(shape))
                       .arg(n));
    if (!frameTests) return row;

    std::mt19937_64 rng(seed);
    measureScroll(v, image, frames, rng, row.scroll);
    v.verticalScrollBar()->setValue(0);
    measureZoom(v, image, frames, rng, row.zoom);
    start = Clock::now();
    v.setFindText(QStringLiteral("operation-17"));
    v.findNext();
    row.findMs = msSince(start);
    v.setFindText({});
    start = Clock::now();
    v.collapseAll();
    v.viewport()->render(&image);
    row.collapseMs = msSince(start);
    // Collapsed: the top-level rows only, their children folded into them.
    v.setSpanExpanded(data->rowOf(data->tree.roots.front()), false);
    measureZoom(v, image, frames, rng, row.collapsedZoom);
    measureScroll(v, image, std::min(frames, 10), rng, row.collapsedScroll);
    start = Clock::now();
    v.expandAll();
    v.viewport()->render(&image);
    row.expandMs = msSince(start);
    return row;
}

QString ms(double v) {
    return v < 0 ? QStringLiteral("–") : QString::number(v, 'f', v < 10 ? 2 : 0);
}

QString frameCell(const Frames& f) {
    if (f.wall.empty()) return QStringLiteral("–");
    return QStringLiteral("%1 / %2 / %3 (CPU med %4)")
        .arg(ms(quantile(f.wall, 0.5)), ms(quantile(f.wall, 0.95)),
             ms(*std::max_element(f.wall.begin(), f.wall.end())), ms(quantile(f.cpu, 0.5)));
}

void printTables(const std::vector<Row>& rows) {
    std::printf("\n### Waterfall: opening a trace (1600x1000 view, offscreen raster; ms)\n\n"
                "open = build + setTrace + first paint; baseline = one plain pass over the "
                "trace's spans (find its rows, sum durations, count errors). Generation and the "
                "trace structure (part of the import) are shown but not part of open.\n\n");
    std::printf("| shape | spans | depth | generate | structure | baseline | build | setTrace | "
                "first paint | **open** | open / baseline | target | met |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Row& r : rows) {
        const double target = r.spans >= 1'000'000 ? 5000 : r.spans >= 100'000 ? 1000 : 0;
        std::printf("| %s | %zu | %u | %s | %s | %s | %s | %s | %s | **%s** | %.1fx | %s | %s |\n",
                    r.shape.c_str(), r.spans, r.depth, qPrintable(ms(r.generateMs)),
                    qPrintable(ms(r.structureMs)), qPrintable(ms(r.baselineMs)),
                    qPrintable(ms(r.buildMs)), qPrintable(ms(r.setTraceMs)),
                    qPrintable(ms(r.firstPaintMs)), qPrintable(ms(r.openMs())),
                    r.openMs() / std::max(0.001, r.baselineMs),
                    target > 0 ? qPrintable(QStringLiteral("≤ %1").arg(target)) : "–",
                    target <= 0            ? "–"
                    : r.openMs() <= target ? "yes"
                                           : "**no**");
    }
    std::printf("\n### Waterfall frames (median / p95 / max wall ms, and median thread CPU ms)\n\n"
                "Each frame: the input event (wheel step, scroll-bar jump, ctrl+wheel zoom step) "
                "and a full repaint of the 1600x1000 viewport. Collapsed: every span collapsed, "
                "so the top-level rows show their children folded (the wide root: all other "
                "spans in one row). Target: every frame ≤ 16 ms; max / 16 ms is the ratio.\n\n");
    std::printf(
        "| shape | spans | scroll | zoom | collapsed zoom | collapsed scroll | max / 16 ms | "
        "find | collapse all | expand all |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Row& r : rows) {
        if (r.scroll.wall.empty()) continue;
        double worst = 0;
        for (const Frames* f : {&r.scroll, &r.zoom, &r.collapsedZoom, &r.collapsedScroll})
            if (!f->wall.empty())
                worst = std::max(worst, *std::max_element(f->wall.begin(), f->wall.end()));
        std::printf("| %s | %zu | %s | %s | %s | %s | %.2f | %s | %s | %s |\n", r.shape.c_str(),
                    r.spans, qPrintable(frameCell(r.scroll)), qPrintable(frameCell(r.zoom)),
                    qPrintable(frameCell(r.collapsedZoom)),
                    qPrintable(frameCell(r.collapsedScroll)), worst / 16.0,
                    qPrintable(ms(r.findMs)), qPrintable(ms(r.collapseMs)),
                    qPrintable(ms(r.expandMs)));
    }
}

// The view on a real trace file, saved as a PNG (the docs' screenshot).
int screenshot(const QString& file, const QString& id, const QString& png, QSize size, bool dark) {
    auto dataset = std::make_shared<model::Dataset>();
    const auto report = import::importTraceFile(file.toStdString(), *dataset);
    if (report.failed) {
        std::fprintf(stderr, "cannot import %s\n", qPrintable(file));
        return 1;
    }
    model::Diagnostics diag;
    const auto structure = model::analyzeTraceStructure(*dataset, diag);
    const auto data =
        view::WaterfallData::build(dataset, structure, model::parseTraceId(id.toStdString()).id);
    if (!data) {
        std::fprintf(stderr, "no trace %s in %s\n", qPrintable(id), qPrintable(file));
        return 1;
    }
    view::WaterfallView v;
    if (dark) { // a dark theme's colours, to check the dark style
        QPalette p = v.palette();
        p.setColor(QPalette::Base, QColor(0x1e, 0x22, 0x28));
        p.setColor(QPalette::Window, QColor(0x25, 0x29, 0x30));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe9, 0xee));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe9, 0xee));
        v.setPalette(p);
    }
    v.resize(size);
    v.show();
    v.setTrace(data);
    // Select the span on the critical path that ends last among the leaves (shows selection).
    if (data->nodeCount() > 3) v.selectSpanRow(data->rowOf(data->preorder[3]));
    v.clearFocus();
    return v.grab().save(png) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("Trace waterfall benchmark: opening and frames");
    parser.addHelpOption();
    parser.addOptions({
        {"quick", "20k and 100k spans, 20 frames (for ctest)"},
        {"sizes", "comma-separated span counts", "list", "100000,1000000"},
        {"shapes", "comma-separated shapes", "list", "wide,deep,bushy"},
        {"frames", "frames per measurement", "n", "60"},
        {"seed", "random seed", "n", "20250314"},
        {"png", "directory for first frames (or the file for --screenshot)", "path"},
        {"screenshot", "render the view on this trace file instead", "file"},
        {"trace-id", "the trace for --screenshot", "id"},
        {"width", "screenshot width", "px", "1400"},
        {"height", "screenshot height", "px", "560"},
        {"dark", "screenshot with a dark palette"},
    });
    parser.process(app);
    if (parser.isSet("screenshot"))
        return screenshot(parser.value("screenshot"), parser.value("trace-id"), parser.value("png"),
                          QSize(parser.value("width").toInt(), parser.value("height").toInt()),
                          parser.isSet("dark"));
    std::vector<size_t> sizes;
    for (const QString& s : parser.value("sizes").split(',', Qt::SkipEmptyParts))
        sizes.push_back(s.toULongLong());
    int frames = parser.value("frames").toInt();
    if (parser.isSet("quick")) {
        sizes = {20'000, 100'000};
        frames = 20;
    }
    const size_t largest = *std::max_element(sizes.begin(), sizes.end());
    std::vector<Row> rows;
    for (const QString& shape : parser.value("shapes").split(',', Qt::SkipEmptyParts))
        for (size_t n : sizes) {
            std::fprintf(stderr, "%s %zu...\n", qPrintable(shape), n);
            rows.push_back(runTrace(shape.toStdString(), n, frames,
                                    parser.value("seed").toULongLong(), n == largest,
                                    parser.value("png")));
        }
    printTables(rows);
    return 0;
}
