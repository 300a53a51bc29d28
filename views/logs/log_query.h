#pragma once
// What the Logs panel shows, as pure functions over immutable sources: the rows of a scope
// (everything, the logs of some services, of a trace or of a span; by time, from the
// correlation index), narrowed by a minimum severity and a text search (every word must occur
// in the body, ignoring ASCII case, like the workspace's FTS5 query). A full-text search of
// the workspace can stand in for the in-memory scan (LogTextSearch).
//
// Thread affinity: pure functions of immutable inputs; run on a worker (runLogQuery scans up to
// every record once).
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/correlate/correlation_index.h"
#include "models/dataset/dataset.h"
#include "models/telemetry/log_store.h"

namespace tg::view {

struct LogsSources {
    std::shared_ptr<const model::Dataset> dataset;              // names of mapped services
    std::shared_ptr<const model::LogStore> logs;                // null or empty: no logs
    std::shared_ptr<const model::CorrelationIndex> correlation; // null: stream labels only
};

struct LogScope {
    enum class Kind { All, Services, Trace, Span };
    Kind kind = Kind::All;
    std::vector<std::string> services; // Kind::Services: service names of the traces
    model::TraceId trace;              // Kind::Trace, Kind::Span
    model::SpanId span = 0;            // Kind::Span
    QString label;                     // "service checkout", "trace 4bf92f35…" ("" for all)
};

struct LogFilter {
    // Records below it are hidden; Unspecified shows every record (also those without one).
    model::LogSeverity minSeverity = model::LogSeverity::Unspecified;
    std::string text; // words that must all occur in the body; "" shows every record
};

// Full-text search standing in for the in-memory scan: the LogStore rows whose body matches
// `text` (any order), or nullopt when it cannot answer (the caller then scans). Called on the
// query's worker thread.
using LogTextSearch = std::function<std::optional<std::vector<uint32_t>>(const std::string& text)>;

struct LogQueryResult {
    std::vector<uint32_t> rows; // LogStore rows, by time
    size_t scopeRows = 0;       // before the severity and text filters
    bool fullText = false;      // the text filter came from the LogTextSearch
};

// The scope's rows by time (a span of the correlation index, or a merge of several services').
std::vector<uint32_t> scopeRows(const LogsSources& sources, const LogScope& scope);
// The words of a search, lower-cased (ASCII); quoted words stay one phrase.
std::vector<std::string> searchWords(std::string_view text);
bool bodyMatches(std::string_view body, const std::vector<std::string>& words);
// Keeps the rows passing the filter. `matches` (sorted rows), when given, replaces the body
// scan. Stops early (returning what it has) when `cancel` is set.
std::vector<uint32_t> filterRows(const model::LogStore& logs, std::span<const uint32_t> rows,
                                 const LogFilter& filter, const std::vector<uint32_t>* matches,
                                 const std::atomic<bool>* cancel = nullptr);
LogQueryResult runLogQuery(const LogsSources& sources, const LogScope& scope,
                           const LogFilter& filter, const LogTextSearch& search = {},
                           const std::atomic<bool>* cancel = nullptr);

} // namespace tg::view
