#pragma once
// What the metrics and logs importers share: where they write (a MetricStore, a LogStore and the
// import's diagnostics), their options, and the per-file report. Plain data; no thread affinity.
#include <cstdint>
#include <string>

#include "importers/common/format_sniffer.h"
#include "importers/common/import_types.h"
#include "importers/common/json_record_loop.h"
#include "models/core/diagnostics.h"
#include "models/telemetry/log_store.h"
#include "models/telemetry/metric_store.h"

namespace tg::import {

// Input of a telemetry importer: a file, or bytes in memory labelled by `path` (JsonInput is
// not JSON-specific).
using TelemetryInput = JsonInput;

struct TelemetryImportOptions : ImportOptions {
    // Time given to samples that carry none (exposition without timestamps): the registry sets
    // the file's modification time, the scrape's best stand-in. Samples are flagged
    // kSampleTimeAssumed either way.
    int64_t defaultTimeNs = 0;
    // Year of syslog-style timestamps ("Jan  2 15:04:05" has none); 0 = the current UTC year.
    int referenceYear = 0;
    // Longest text line (and log body) read; longer lines are a TooLarge error.
    size_t maxLineBytes = 16u << 20;
};

// Where an importer writes. The registry has set each store's current source.
struct TelemetryTarget {
    model::MetricStore& metrics;
    model::LogStore& logs;
    model::Diagnostics& diagnostics;
};

struct TelemetryImportReport {
    std::string path;
    TelemetryFormat format = TelemetryFormat::Unknown;
    uint64_t bytes = 0;
    uint64_t families = 0, series = 0, samples = 0, exemplars = 0; // added by this file
    uint64_t logRecords = 0, logStreams = 0;
    model::Diagnostics diagnostics;
    bool failed = false;
    model::Error error; // when failed
};

// "file: line N: what" for diagnostics samples and errors.
std::string linePosition(const std::string& path, uint64_t line);
// A Syntax error at a line (and byte offset when known).
model::Error lineError(const std::string& path, uint64_t line, int64_t offset, std::string detail,
                       model::ErrorCode code = model::ErrorCode::Syntax);

} // namespace tg::import
