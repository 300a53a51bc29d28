#pragma once
// Reads plain-text log files whose records start with a timestamp into a LogStore: RFC 3339,
// "2006-01-02 15:04:05[,.]999" with or without a zone, "2006/01/02 ...", syslog
// "Jan  2 15:04:05 host app[pid]: ..." (year from the options), or epoch seconds/milliseconds,
// optionally in brackets. A severity word right after the time (INFO, [WARN], error:, ...)
// becomes the severity. Lines that do not start with a timestamp continue the previous record
// (stack traces); before the first record they are kept as records without time and counted.
// Runs on the import job's thread.
#include <optional>
#include <string_view>

#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

struct LeadingTimestamp {
    int64_t timeNs = 0;
    size_t length = 0; // bytes taken by the timestamp (and its brackets and trailing blanks)
    bool syslog = false;
};
// The timestamp a log line starts with, if any. `year` fills syslog times (they have none).
std::optional<LeadingTimestamp> parseLeadingTimestamp(std::string_view line, int year);

model::Status importPlainTextLogs(const TelemetryInput& input, TelemetryTarget& target,
                                  const TelemetryImportOptions& options = {});

} // namespace tg::import
