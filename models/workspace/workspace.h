#pragma once
// The durable, shareable incident file (DESIGN §3): one SQLite database per incident.
//
// Invariants: the schema version is PRAGMA user_version (migrations run on open, newer files
// are refused); string ids in the file are the dataset's StringPool ids, so a dataset loaded
// from a workspace can be extended and only its new rows written back; each persistNew() is
// one transaction, so a crash or a failed import leaves the file as it was before it.
//
// Thread affinity: a Workspace (one SQLite connection) is used by one thread at a time; the
// app hands it to a background writer while the GUI reads the in-memory dataset. The dataset
// passed to persistNew must not change until it returns.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/core/result.h"
#include "models/dataset/dataset.h"
#include "models/telemetry/log_store.h"
#include "models/telemetry/metric_store.h"

struct sqlite3;

namespace tg::model {

class CorrelationIndex;

// A node position the user chose in the topology view, in layout geometry units (points).
struct NodePosition {
    std::string name; // graph node name (stable across re-imports, unlike node indices)
    double x = 0;
    double y = 0;
};

class Workspace {
public:
    // 1: spans, strings, resources, imports. 2: node_positions. 3: log records + FTS5.
    // 4: metric families, series, samples, exemplars. 5: log records packed in blocks.
    static constexpr int kSchemaVersion = 5;

    // Opens (creating when allowed) and migrates the schema.
    static Result<std::unique_ptr<Workspace>> open(const std::string& path, bool create);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Rebuilds an empty dataset from the file (strings, resources, sources, spans).
    Status loadInto(Dataset& dataset);
    // Writes every source, string, resource and span the file does not have yet, in one
    // transaction. `reports` holds one JSON import report per new source (may be empty).
    Status persistNew(const Dataset& dataset, const std::vector<std::string>& reports = {});

    // Runs `writes` (persistNew, persistNewLogs, ... on this workspace) as one transaction:
    // either all of them are in the file afterwards, or none is (a failed write, or a failed
    // commit, rolls everything back and the stored counts are read again). Inside, each write
    // keeps its own all-or-nothing behaviour through a savepoint.
    Status runBatch(const std::function<Status()>& writes);

    // Replaces every stored node position with `positions`, in one transaction.
    Status savePositions(const std::vector<NodePosition>& positions);
    // The stored node positions, sorted by name.
    Result<std::vector<NodePosition>> loadPositions();

    // ---- log records (workspace_logs.cpp) -------------------------------------------------
    // Writes every log source, string, stream and record the file does not have yet, and
    // indexes the new bodies for full-text search, in one transaction. `links` (may be null)
    // gives the trace/span each record was linked to by correlation (derived fields included);
    // without it only the IDs the format stated are indexed for logsForTrace().
    Status persistNewLogs(const LogStore& logs, const CorrelationIndex* links = nullptr,
                          const std::vector<std::string>& reports = {});
    // Rebuilds an empty LogStore from the file (same rows, string ids and streams) and builds
    // its index.
    Status loadLogsInto(LogStore& logs);

    // ---- log queries (workspace_log_queries.cpp); rows are LogStore rows -----------------
    // Records linked to the trace (stated or derived IDs), by time then row.
    Result<std::vector<uint32_t>> logsForTrace(const TraceId& trace, size_t limit = 0);
    // Full-text search of the bodies: every word of `text` must occur (FTS5 tokens: case and
    // punctuation ignored; "quoted words" must occur together; a trailing * matches a prefix).
    // By row (file order); at most `limit` rows when limit > 0.
    Result<std::vector<uint32_t>> searchLogs(std::string_view text, size_t limit = 0);
    Result<uint64_t> countLogMatches(std::string_view text);
    // The FTS5 query for user text; every word becomes a quoted string, so no user text can
    // form FTS5 syntax (operators, column filters). Empty when the text has no words.
    // `phrases`, when given, receives the number of quoted strings.
    static std::string ftsQuery(std::string_view text, size_t* phrases = nullptr);

    // ---- metrics (workspace_metrics.cpp) --------------------------------------------------
    // Writes every metric source, string, family, series, sample and exemplar the file does not
    // have yet, in one transaction.
    Status persistNewMetrics(const MetricStore& metrics,
                             const std::vector<std::string>& reports = {});
    // Rebuilds an empty MetricStore from the file (same ids) and builds its index.
    Status loadMetricsInto(MetricStore& metrics);

    uint64_t storedLogs() const { return m_storedLogs; }
    uint64_t storedSamples() const { return m_storedSamples; }
    uint64_t storedSpans() const { return m_storedSpans; }
    const std::string& path() const { return m_path; }
    int schemaVersion() const;

private:
    Workspace(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    Status migrate();
    bool hasOtherTables() const; // any schema object in a version-0 file
    Status checkExtends(const Dataset& dataset) const;
    Status checkExtendsLogs(const LogStore& logs) const;
    Status writeLogRows(const LogStore& logs, const CorrelationIndex* links);
    Status migrateLogsToBlocks(); // schema 4 -> 5 (workspace_log_migration.cpp)
    // Calls `visit` with each record matching `text`, by row, until it returns false.
    Status forEachLogMatch(std::string_view text, const std::function<bool(uint32_t)>& visit);
    Status checkExtendsMetrics(const MetricStore& metrics) const;
    Status writeMetricHeads(const MetricStore& metrics, const std::vector<std::string>& reports);
    Status writeMetricRows(const MetricStore& metrics);
    Status loadMetricHeads(MetricStore& metrics);
    Status readCounts();
    Status exec(const char* sql);
    // The page cache: 64 MiB normally (queries and span writes revisit pages); 4 MiB while log
    // blocks go in, so dirty pages spill to the file as they fill instead of all waiting for
    // the commit in fresh memory (each new 4 KiB costing a page fault): commit of 500k lines
    // 0.12-0.15 s -> 0.06-0.08 s, BENCHMARKS.md.
    static constexpr const char* kNormalCache = "PRAGMA cache_size=-65536";
    static constexpr const char* kBulkWriteCache = "PRAGMA cache_size=-4096";
    // One write's transaction: its own (BEGIN IMMEDIATE … COMMIT), or a savepoint when
    // runBatch has a transaction open. `nested` is set by beginWrite.
    Status beginWrite(bool& nested);
    Status commitWrite(bool nested);
    void rollbackWrite(bool nested);
    Error sqlError(const std::string& what) const;

    sqlite3* m_db = nullptr;
    std::string m_path;
    uint64_t m_storedSpans = 0;
    uint64_t m_storedStrings = 0;
    uint64_t m_storedResources = 0;
    uint64_t m_storedSources = 0;
    uint64_t m_storedLogs = 0;
    uint64_t m_storedLogStrings = 0;
    uint64_t m_storedLogStreams = 0;
    uint64_t m_storedLogSources = 0;
    uint64_t m_storedMetricStrings = 0, m_storedMetricSources = 0, m_storedFamilies = 0,
             m_storedSeries = 0, m_storedSamples = 0, m_storedExemplars = 0;
};

} // namespace tg::model
