// Import benchmark (DESIGN §6): generates Jaeger and OTLP JSON files of realistic spans at run
// time, then, interleaving the measurements (A B C D, A B C D, ...), times per file
//   (a) a bare simdjson On-Demand pass visiting every field (the practical limit for JSON),
//   (b) `topograph graph FILE --format json` as a child process (wall clock, peak RSS),
//   (c) `topograph import FILE -o WS --json` as a child process (persistence included),
//   (d) Workspace::persistNew alone, in this process, on the same file's dataset,
// and prints medians and ratios as a Markdown table. Timings are never asserted.
//
//   import_benchmark [--quick] [--spans 100000,1000000] [--reps 3] [--formats jaeger,otlp]
//                    [--keep DIR] [--generate-only] [--topograph PATH] [--seed N]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/demo/trace_generator.h"
#include "importers/registry/trace_import.h"
#include "models/workspace/workspace.h"
#include "tests/bench/child_process.h"
#include "tests/bench/simdjson_baseline.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Config {
    std::vector<uint64_t> sizes{100000, 1000000};
    std::vector<std::string> formats{"jaeger", "otlp"};
    int reps = 3;
    uint64_t seed = 20250314;
    std::string keepDir;
    bool generateOnly = false;
    std::string topograph = TOPOGRAPH_BINARY;
};

struct Case {
    std::string format; // "jaeger" | "otlp"
    std::string path;
    uint64_t bytes = 0;
    uint64_t spans = 0;
    uint64_t traces = 0;
};

struct Samples {
    std::vector<double> baseline, graph, import, purePersist;
    std::vector<double> baselineCpu, graphCpu; // CPU seconds: a second opinion on a loaded machine
    std::vector<double> baselineSys;           // of which system time
    std::vector<double> baselineWarm;          // the parse alone (see BaselineResult)
    bool rssExact = true;                      // false: peak RSS is an upper bound
    long maxRssKb = 0;                         // of the graph command, max over repetitions
    long importRssKb = 0;                      // of the import command
    uint64_t persistedSpans = 0;
    uint64_t checksum = 0;
    std::vector<std::string> problems;
};

void removeWorkspace(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix);
}

// (d) pure persistence: import in process (untimed), then time Workspace::persistNew alone.
double timePurePersist(const Case& c, const std::string& wsPath, Samples& s) {
    tg::model::Dataset dataset;
    const tg::import::ImportReport report = tg::import::importTraceFile(c.path, dataset);
    if (report.failed) {
        s.problems.push_back("in-process import failed: " + report.error.toString());
        return 0;
    }
    removeWorkspace(wsPath);
    auto ws = tg::model::Workspace::open(wsPath, true);
    if (!ws) {
        s.problems.push_back("cannot open workspace: " + ws.error().toString());
        return 0;
    }
    const auto start = Clock::now();
    const tg::model::Status saved = (*ws)->persistNew(dataset, {});
    const double seconds = secondsSince(start);
    if (!saved) s.problems.push_back("persistNew failed: " + saved.error().toString());
    return seconds;
}

void measureOnce(const Config& cfg, const Case& c, const std::string& work, Samples& s) {
    // (a) bare simdjson
    const tg::bench::BaselineResult base = tg::bench::simdjsonBaseline(c.path, c.format == "otlp");
    s.baseline.push_back(base.seconds);
    s.baselineCpu.push_back(base.cpuSeconds);
    s.baselineSys.push_back(base.sysSeconds);
    s.baselineWarm.push_back(base.warmSeconds);
    if (!base.ok) s.problems.push_back("simdjson baseline: " + base.error);
    s.checksum = base.checksum;

    // (b) topograph graph (the output goes to a scratch file: never -o /dev/null, which
    // QSaveFile would try to replace)
    const tg::bench::ChildResult graph = tg::bench::runChild(
        {cfg.topograph, "graph", c.path, "--format", "json", "-o", work + "/graph.json"}, work);
    if (graph.exitCode != 0)
        s.problems.push_back("graph exited " + std::to_string(graph.exitCode) + ": " + graph.err);
    s.graph.push_back(graph.seconds);
    s.graphCpu.push_back(graph.cpuSeconds);
    s.maxRssKb = std::max(s.maxRssKb, graph.maxRssKb);
    s.rssExact = s.rssExact && graph.rssExact;

    // (c) topograph import into a fresh workspace
    const std::string wsPath = work + "/bench.sqlite";
    removeWorkspace(wsPath);
    const tg::bench::ChildResult imported =
        tg::bench::runChild({cfg.topograph, "import", c.path, "-o", wsPath, "--json"}, work);
    if (imported.exitCode != 0)
        s.problems.push_back("import exited " + std::to_string(imported.exitCode) + ": " +
                             imported.err);
    s.import.push_back(imported.seconds);
    s.importRssKb = std::max(s.importRssKb, imported.maxRssKb);
    const QJsonObject report =
        QJsonDocument::fromJson(QByteArray::fromStdString(imported.out)).object();
    s.persistedSpans = static_cast<uint64_t>(report.value(QStringLiteral("new_spans")).toInteger());
    if (!report.value(QStringLiteral("saved")).toBool())
        s.problems.push_back("import did not report saved=true");
    removeWorkspace(wsPath);

    // (d) pure persistence, in process
    s.purePersist.push_back(timePurePersist(c, wsPath, s));
    removeWorkspace(wsPath);
}

Case generate(const std::string& dir, const std::string& format, uint64_t spans, uint64_t seed) {
    Case c;
    c.format = format;
    c.path =
        dir + "/" + format + "_" + std::to_string(spans) + (format == "otlp" ? ".jsonl" : ".json");
    const auto start = Clock::now();
    auto written = format == "otlp" ? tg::app::writeOtlpJsonLines(c.path, spans, seed)
                                    : tg::app::writeJaegerJson(c.path, spans, seed);
    if (!written) {
        std::fprintf(stderr, "cannot generate %s: %s\n", c.path.c_str(),
                     written.error().toString().c_str());
        std::exit(1);
    }
    c.bytes = written->bytes;
    c.spans = written->spans;
    c.traces = written->traces;
    const double seconds = secondsSince(start);
    std::printf("generated %s: %llu spans in %llu traces, %.1f MB in %.1f s (%.0f MB/s)\n",
                c.path.c_str(), static_cast<unsigned long long>(c.spans),
                static_cast<unsigned long long>(c.traces), c.bytes / 1e6, seconds,
                c.bytes / 1e6 / seconds);
    std::fflush(stdout);
    return c;
}

std::string machine() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line, model = "unknown CPU";
    while (std::getline(cpuinfo, line))
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    return std::to_string(std::thread::hardware_concurrency()) + " CPUs, " + model;
}

void printTable(const std::vector<Case>& cases, const std::vector<Samples>& samples) {
    std::printf(
        "\n| file | size MB | spans | simdjson s | graph s | ratio | CPU ratio | warm simdjson s "
        "| graph/warm | peak RSS MB | RSS/file | bytes/span | import s | import−graph s | "
        "persist s | persisted spans/s |\n");
    std::printf(
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        const Samples& s = samples[i];
        const double base = median(s.baseline), graph = median(s.graph), import = median(s.import);
        const double persist = median(s.purePersist), rss = s.maxRssKb * 1024.0;
        const double cpuRatio = median(s.graphCpu) / median(s.baselineCpu);
        const double warm = median(s.baselineWarm);
        std::printf(
            "| %s | %.0f | %llu | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s%.0f | %.2f | %.0f | "
            "%.2f | %.2f | %.2f | %.0fk |\n",
            std::filesystem::path(c.path).filename().c_str(), c.bytes / 1e6,
            static_cast<unsigned long long>(c.spans), base, graph, graph / base, cpuRatio, warm,
            graph / warm, s.rssExact ? "" : "<=", rss / 1e6, rss / c.bytes, rss / c.spans, import,
            import - graph, persist, persist > 0 ? c.spans / persist / 1000 : 0.0);
    }
}

void printTargets(const std::vector<Case>& cases, const std::vector<Samples>& samples) {
    std::printf("\nTargets (1M-span files): graph/simdjson <= 1.5, persisted >= 150k spans/s, peak "
                "RSS <= 1.5x file\n");
    for (size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        const Samples& s = samples[i];
        const double ratio = median(s.graph) / median(s.baseline);
        const double rate = c.spans / median(s.purePersist);
        const double rss = s.maxRssKb * 1024.0 / c.bytes;
        std::printf("  %-28s ratio %.2f %s | persist %.0fk spans/s %s | RSS %.2fx file %s%s\n",
                    std::filesystem::path(c.path).filename().c_str(), ratio,
                    ratio <= 1.5 ? "(met)" : "(MISSED)", rate / 1000,
                    rate >= 150000 ? "(met)" : "(MISSED)", rss, rss <= 1.5 ? "(met)" : "(MISSED)",
                    c.spans < 1000000 ? "  [informative: targets apply to 1M spans]" : "");
        for (const std::string& p : s.problems)
            std::printf("    problem: %s\n", p.c_str());
        std::printf(
            "    import peak RSS %.0f MB, simdjson checksum %llx, persisted %llu of %llu spans\n",
            s.importRssKb / 1024.0, static_cast<unsigned long long>(s.checksum),
            static_cast<unsigned long long>(s.persistedSpans),
            static_cast<unsigned long long>(c.spans));
    }
}

Config parseArgs(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import benchmark: topograph graph/import vs bare simdjson."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Only the 100k-span files.")});
    parser.addOption({QStringLiteral("spans"), QStringLiteral("Comma-separated span counts."),
                      QStringLiteral("N,...")});
    parser.addOption({QStringLiteral("reps"), QStringLiteral("Repetitions (median reported)."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("formats"), QStringLiteral("jaeger,otlp"), QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("keep"),
                      QStringLiteral("Generate into DIR and keep the files."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("generate-only"), QStringLiteral("Generate the files and stop.")});
    parser.addOption({QStringLiteral("topograph"), QStringLiteral("The topograph binary."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("N")});
    parser.process(app);
    Config cfg;
    if (parser.isSet(QStringLiteral("quick"))) cfg.sizes = {100000};
    if (parser.isSet(QStringLiteral("spans"))) {
        cfg.sizes.clear();
        for (const QString& n : parser.value(QStringLiteral("spans")).split(QLatin1Char(',')))
            cfg.sizes.push_back(n.toULongLong());
    }
    if (parser.isSet(QStringLiteral("formats"))) {
        cfg.formats.clear();
        for (const QString& f : parser.value(QStringLiteral("formats")).split(QLatin1Char(',')))
            cfg.formats.push_back(f.toStdString());
    }
    if (parser.isSet(QStringLiteral("reps")))
        cfg.reps = std::max(1, parser.value(QStringLiteral("reps")).toInt());
    if (parser.isSet(QStringLiteral("seed")))
        cfg.seed = parser.value(QStringLiteral("seed")).toULongLong();
    if (parser.isSet(QStringLiteral("topograph")))
        cfg.topograph = parser.value(QStringLiteral("topograph")).toStdString();
    cfg.keepDir = parser.value(QStringLiteral("keep")).toStdString();
    cfg.generateOnly = parser.isSet(QStringLiteral("generate-only"));
    return cfg;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const Config cfg = parseArgs(app);
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }
    const std::string work = tmp.path().toStdString();
    const std::string dataDir = cfg.keepDir.empty() ? work : cfg.keepDir;
    QDir().mkpath(QString::fromStdString(dataDir));
    std::printf("import benchmark — %s; topograph: %s\n", machine().c_str(), cfg.topograph.c_str());

    std::vector<Case> cases;
    for (uint64_t spans : cfg.sizes)
        for (const std::string& format : cfg.formats)
            cases.push_back(generate(dataDir, format, spans, cfg.seed));
    if (cfg.generateOnly) return 0;

    std::vector<Samples> samples(cases.size());
    for (size_t i = 0; i < cases.size(); ++i) {
        for (int rep = 0; rep < cfg.reps; ++rep) {
            measureOnce(cfg, cases[i], work, samples[i]);
            const Samples& s = samples[i];
            std::printf(
                "  %s rep %d: simdjson %.2f s (cpu %.2f, of which sys %.2f; warm %.2f s), "
                "graph %.2f s (cpu %.2f, peak RSS %.0f MB), import %.2f s, persist %.2f s\n",
                std::filesystem::path(cases[i].path).filename().c_str(), rep + 1, s.baseline.back(),
                s.baselineCpu.back(), s.baselineSys.back(), s.baselineWarm.back(), s.graph.back(),
                s.graphCpu.back(), s.maxRssKb / 1024.0, s.import.back(), s.purePersist.back());
            std::fflush(stdout);
        }
        if (cfg.keepDir.empty()) std::filesystem::remove(cases[i].path); // free the disk early
    }
    printTable(cases, samples);
    printTargets(cases, samples);
    bool anyProblem = false;
    for (const Samples& s : samples)
        anyProblem |= !s.problems.empty();
    return anyProblem ? 1 : 0; // broken runs fail; slow runs never do
}
