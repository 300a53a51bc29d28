#pragma once
// The one entry point the app uses to import a metrics or logs file (issue 4), analogous to
// importers/registry/trace_import.h: sniffs the format by content (format_sniffer.h),
// dispatches to the format's importer, and fills the import report. A file that fails fatally
// is rolled back out of both stores (everything imported before it stays); after every file
// the stores' indexes are rebuilt. Runs on the calling (background) thread; the stores must
// not be read meanwhile.
#include <optional>
#include <string>
#include <string_view>

#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

TelemetryImportReport importTelemetryFile(const std::string& path, model::MetricStore& metrics,
                                          model::LogStore& logs,
                                          const TelemetryImportOptions& options = {});

// Same, for bytes in memory (tests, fuzzers); `label` names them. With `format` set, the
// content is read as that format without sniffing (e.g. an OpenMetrics conformance case).
TelemetryImportReport importTelemetryBytes(std::string_view bytes, const std::string& label,
                                           model::MetricStore& metrics, model::LogStore& logs,
                                           const TelemetryImportOptions& options = {},
                                           std::optional<TelemetryFormat> format = {});

} // namespace tg::import
