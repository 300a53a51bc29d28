#pragma once
// Reads a CSV table (RFC 4180: comma-separated, cells in double quotes when they hold commas,
// quotes ("" inside) or line breaks) row by row with bounded memory, on top of
// text_line_reader.h: a quoted cell may span lines, up to the line limit. Cells are views into
// the line or into the reader's buffer (unescaped), valid during the callback. Runs on the
// import job's thread.
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

struct CsvRow {
    std::vector<std::string_view> cells;
    uint64_t line = 0; // 1-based line where the row starts
    uint64_t offset = 0;
};

// Splits one complete CSV record; false when a quote is left open (the record continues on
// the next line). `storage` receives unescaped cells.
bool splitCsvRecord(std::string_view text, std::vector<std::string_view>& cells,
                    std::deque<std::string>& storage);

// Calls `onRow` for every row (the header included, as row 0). A row whose quote never closes
// before the end of input or the line limit is a Syntax error naming its first line.
model::Status forEachCsvRow(const TelemetryInput& input, const TelemetryImportOptions& options,
                            const std::function<void(const CsvRow&)>& onRow);

} // namespace tg::import
