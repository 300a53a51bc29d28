#pragma once
// Drives a JsonRecordReader and a reused simdjson ondemand parser over a file: each record is
// parsed by the format's callback; a simdjson error inside one record is counted as a
// "bad_record" diagnostic naming the file, line and byte, and the import goes on with the next
// record (everything valid is kept). Reader-level problems (cannot open, truncated, too large,
// too deep) are fatal and returned. Runs on the import job's thread.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "importers/common/import_types.h"
#include "importers/common/json_record_reader.h"

namespace tg::import {

using RecordParser =
    std::function<void(simdjson::ondemand::document& doc, const JsonRecord& record)>;

struct JsonInput {
    std::string path;                      // file to read, or a label for memory input
    std::optional<std::string_view> bytes; // when set, read from memory
};

model::Status forEachJsonRecord(const JsonInput& input, const ImportOptions& options,
                                model::Diagnostics& diagnostics, const RecordParser& parse);

// "file: line L, byte B: what" for diagnostics samples.
std::string recordPosition(const std::string& path, const JsonRecord& record);

} // namespace tg::import
