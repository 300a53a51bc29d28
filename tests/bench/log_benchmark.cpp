// Log benchmark (issue 4, DESIGN §6): generates log files at run time (logfmt and JSON lines,
// 1 line in 5 carrying a trace ID), then times in one run
//   (a) `grep -c error FILE` as a child process (the floor for reading the text),
//   (b) the app's log import path: importTelemetryFile into a LogStore, CorrelationIndex::build,
//       and Workspace::persistNewLogs (rows + FTS5 index, one transaction per file),
//   (c) on the reopened workspace: logs for one trace (index on the linked trace ID) and
//       full-text queries (FTS5), median of several runs, plus the in-memory index lookup,
// and prints a Markdown table with ratios. Timings are never asserted; wrong answers (a query
// returning another number of rows than the generator wrote) are reported as problems.
//
//   log_benchmark [--quick] [--lines 1000000] [--reps 7] [--keep DIR] [--seed N]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "importers/telemetry/telemetry_import.h"
#include "models/correlate/correlation_index.h"
#include "models/workspace/workspace.h"
#include "tests/bench/child_process.h"

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

// xorshift64*: deterministic and cheap; the generator must not dominate the run.
struct Rng {
    uint64_t s;
    uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 0x2545F4914F6CDD1Dull;
    }
    uint64_t below(uint64_t n) { return next() % n; }
};

constexpr const char* kServices[] = {"frontend", "checkout", "cart",      "payment", "shipping",
                                     "catalog",  "currency", "recommend", "ads",     "email"};
constexpr const char* kInfo[] = {"request completed",          "reserved items in cart",
                                 "cache hit for product page", "order placed",
                                 "currency converted",         "recommendations computed",
                                 "session refreshed",          "inventory checked"};
constexpr const char* kErrors[] = {"connection refused by upstream", "deadline exceeded calling",
                                   "payment declined by provider", "timeout waiting for lock"};

struct Generated {
    std::string path;
    uint64_t lines = 0, bytes = 0, withTrace = 0;
    uint64_t refused = 0;   // lines whose message holds "connection refused"
    std::string probeTrace; // a trace ID some lines carry
    uint64_t probeTraceLines = 0;
};

// One line of either format. Every 5th line carries a trace ID; a trace's lines come close
// together (4 consecutive traced lines share one trace), as requests log several lines.
std::string makeLine(bool json, uint64_t i, Rng& rng, Generated& g, char* traceHex) {
    const int64_t ms = 1741942800000LL + static_cast<int64_t>(i) * 2;
    const time_t secs = ms / 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char ts[40];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms % 1000));
    const bool error = rng.below(100) < 3;
    const char* msg = error ? kErrors[rng.below(4)] : kInfo[rng.below(8)];
    if (error && msg == kErrors[0]) ++g.refused;
    const char* service = kServices[rng.below(10)];
    const unsigned duration = static_cast<unsigned>(rng.below(900) + 1);
    const bool traced = i % 5 == 0;
    if (traced && (i / 5) % 4 == 0)
        std::snprintf(traceHex, 33, "%016llx%016llx", static_cast<unsigned long long>(rng.next()),
                      static_cast<unsigned long long>(rng.next()));
    char span[17];
    std::snprintf(span, sizeof span, "%016llx", static_cast<unsigned long long>(rng.next() | 1));
    char buf[512];
    int n;
    if (json)
        n = std::snprintf(buf, sizeof buf,
                          "{\"ts\":\"%s\",\"level\":\"%s\",\"service\":\"%s\",\"msg\":\"%s\","
                          "\"duration_ms\":%u,\"user\":\"u-%u\"%s%s%s%s%s}\n",
                          ts, error ? "error" : "info", service, msg, duration,
                          static_cast<unsigned>(rng.below(5000)), traced ? ",\"trace_id\":\"" : "",
                          traced ? traceHex : "", traced ? "\",\"span_id\":\"" : "",
                          traced ? span : "", traced ? "\"" : "");
    else
        n = std::snprintf(buf, sizeof buf,
                          "ts=%s level=%s service=%s msg=\"%s\" duration_ms=%u user=u-%u%s%s%s%s\n",
                          ts, error ? "error" : "info", service, msg, duration,
                          static_cast<unsigned>(rng.below(5000)), traced ? " traceID=" : "",
                          traced ? traceHex : "", traced ? " spanID=" : "", traced ? span : "");
    if (traced) {
        ++g.withTrace;
        if (g.probeTrace.empty() && i >= g.lines / 2) g.probeTrace = traceHex;
        if (g.probeTrace == traceHex) ++g.probeTraceLines;
    }
    return std::string(buf, static_cast<size_t>(n));
}

Generated generate(const std::string& path, bool json, uint64_t lines, uint64_t seed) {
    Generated g;
    g.path = path;
    g.lines = lines;
    Rng rng{seed * 2654435761u + (json ? 7 : 3)};
    std::ofstream out(path, std::ios::binary);
    std::string chunk;
    char trace[33] = "0";
    for (uint64_t i = 0; i < lines; ++i) {
        chunk += makeLine(json, i, rng, g, trace);
        if (chunk.size() > (1u << 20)) {
            out << chunk;
            g.bytes += chunk.size();
            chunk.clear();
        }
    }
    out << chunk;
    g.bytes += chunk.size();
    return g;
}

struct FileResult {
    double grep = 0, import = 0, correlate = 0, persist = 0;
    double memoryTrace = 0; // CorrelationIndex::logsForTrace, the in-memory path views use
    uint64_t records = 0, memoryTraceRows = 0;
};

template <typename F> double medianOf(int reps, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        f();
        t.push_back(secondsSince(start));
    }
    return median(t);
}

FileResult importFile(const Generated& g, const std::string& wsPath, int reps,
                      std::vector<std::string>& problems) {
    FileResult r;
    std::vector<double> greps;
    for (int i = 0; i < reps; ++i) {
        const auto child = tg::bench::runChild({"grep", "-c", "error", g.path}, "");
        if (!child.started) problems.push_back("grep did not start");
        greps.push_back(child.seconds);
    }
    r.grep = median(greps);

    tg::model::MetricStore metrics;
    tg::model::LogStore logs;
    auto start = Clock::now();
    const auto report = tg::import::importTelemetryFile(g.path, metrics, logs);
    r.import = secondsSince(start);
    if (report.failed) problems.push_back(g.path + ": " + report.error.toString());
    r.records = report.logRecords;
    if (r.records != g.lines)
        problems.push_back(g.path + ": imported " + std::to_string(r.records) + " of " +
                           std::to_string(g.lines) + " lines");

    start = Clock::now();
    const tg::model::Dataset noTraces;
    const auto links = tg::model::CorrelationIndex::build(noTraces, &logs, nullptr,
                                                          tg::model::CorrelationConfig::defaults());
    r.correlate = secondsSince(start);
    if (links.report().logsByIdOrigin[1] + links.report().logsByIdOrigin[2] +
            links.report().logsByIdOrigin[3] !=
        g.withTrace)
        problems.push_back(g.path + ": trace IDs found in " +
                           std::to_string(links.report().logs - links.report().logsByIdOrigin[0]) +
                           " records, generated " + std::to_string(g.withTrace));

    const auto probe = tg::model::parseTraceId(g.probeTrace).id;
    r.memoryTrace = medianOf(reps, [&] { r.memoryTraceRows = links.logsForTrace(probe).size(); });
    if (r.memoryTraceRows != g.probeTraceLines)
        problems.push_back("in-memory logs for trace " + g.probeTrace + ": " +
                           std::to_string(r.memoryTraceRows) + " rows, generated " +
                           std::to_string(g.probeTraceLines));

    start = Clock::now();
    std::filesystem::remove(wsPath);
    auto ws = tg::model::Workspace::open(wsPath, true);
    if (!ws) {
        problems.push_back(ws.error().toString());
        return r;
    }
    if (auto s = (*ws)->persistNewLogs(logs, &links); !s) problems.push_back(s.error().toString());
    r.persist = secondsSince(start);
    return r;
}

struct QueryResult {
    double trace = 0, phrase = 0, word = 0;
    uint64_t traceRows = 0, phraseRows = 0, wordRows = 0;
};

QueryResult queryWorkspace(const Generated& g, const std::string& wsPath, int reps,
                           std::vector<std::string>& problems) {
    QueryResult q;
    auto ws = tg::model::Workspace::open(wsPath, false);
    if (!ws) {
        problems.push_back(ws.error().toString());
        return q;
    }
    const auto trace = tg::model::parseTraceId(g.probeTrace).id;
    q.trace = medianOf(reps, [&] { q.traceRows = (*ws)->logsForTrace(trace)->size(); });
    q.phrase =
        medianOf(reps, [&] { q.phraseRows = (*ws)->searchLogs("\"connection refused\"")->size(); });
    q.word = medianOf(reps, [&] { q.wordRows = (*ws)->searchLogs("declined", 1000)->size(); });
    if (q.traceRows != g.probeTraceLines)
        problems.push_back("logs for trace " + g.probeTrace + ": " + std::to_string(q.traceRows) +
                           " rows, generated " + std::to_string(g.probeTraceLines));
    if (q.phraseRows != g.refused)
        problems.push_back("\"connection refused\": " + std::to_string(q.phraseRows) +
                           " rows, generated " + std::to_string(g.refused));
    return q;
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

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("quick"), QStringLiteral("20000 lines, 3 repetitions (ctest).")},
        {QStringLiteral("lines"), QStringLiteral("Total lines (half logfmt, half JSON)."),
         QStringLiteral("N"), QStringLiteral("1000000")},
        {QStringLiteral("reps"), QStringLiteral("Repetitions of grep and of each query."),
         QStringLiteral("N"), QStringLiteral("7")},
        {QStringLiteral("keep"), QStringLiteral("Keep the files in DIR."), QStringLiteral("DIR")},
        {QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("N"),
         QStringLiteral("1")},
    });
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const uint64_t lines = quick ? 20000 : parser.value(QStringLiteral("lines")).toULongLong();
    const int reps = quick ? 3 : std::max(1, parser.value(QStringLiteral("reps")).toInt());
    const uint64_t seed = parser.value(QStringLiteral("seed")).toULongLong();
    QTemporaryDir tmp;
    const std::string dir = parser.isSet(QStringLiteral("keep"))
                                ? parser.value(QStringLiteral("keep")).toStdString()
                                : tmp.path().toStdString();
    std::filesystem::create_directories(dir);
    std::printf("log benchmark — %s; %llu lines\n", machine().c_str(),
                static_cast<unsigned long long>(lines));

    std::vector<std::string> problems;
    std::printf("\n| file | lines | MB | grep -c s | import s | correlate s | persist+FTS s | "
                "total s | total/grep | lines/s | logs for trace ms (rows) | phrase query ms "
                "(rows) | word query ms (first 1000) | in-memory logs for trace µs |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double sumGrep = 0, sumTotal = 0;
    for (const bool json : {false, true}) {
        const std::string name = json ? "logs.jsonl" : "logs.logfmt";
        const auto genStart = Clock::now();
        const Generated g = generate(dir + "/" + name, json, lines / 2, seed);
        std::fprintf(stderr, "generated %s: %.1f MB in %.1f s\n", name.c_str(), g.bytes / 1e6,
                     secondsSince(genStart));
        const std::string wsPath = dir + "/" + name + ".topograph";
        const FileResult f = importFile(g, wsPath, reps, problems);
        const QueryResult q = queryWorkspace(g, wsPath, reps, problems);
        const double total = f.import + f.correlate + f.persist;
        sumGrep += f.grep;
        sumTotal += total;
        std::printf("| %s | %llu | %.1f | %.3f | %.2f | %.2f | %.2f | %.2f | %.1f | %.0fk | %.2f "
                    "(%llu) | %.2f (%llu) | %.2f (%llu) | %.2f |\n",
                    name.c_str(), static_cast<unsigned long long>(g.lines), g.bytes / 1e6, f.grep,
                    f.import, f.correlate, f.persist, total, total / f.grep, g.lines / total / 1000,
                    q.trace * 1e3, static_cast<unsigned long long>(q.traceRows), q.phrase * 1e3,
                    static_cast<unsigned long long>(q.phraseRows), q.word * 1e3,
                    static_cast<unsigned long long>(q.wordRows), f.memoryTrace * 1e6);
        std::fflush(stdout);
    }
    std::printf("\nBoth files: import+index %.2f s vs grep -c %.3f s: ratio %.1f (target <= 10); "
                "queries target <= 50 ms.\n",
                sumTotal, sumGrep, sumTotal / sumGrep);
    for (const std::string& p : problems)
        std::printf("problem: %s\n", p.c_str());
    return problems.empty() ? 0 : 1;
}
