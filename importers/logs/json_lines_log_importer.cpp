#include "importers/logs/json_lines_log_importer.h"

#include "importers/logs/json_log_parser.h"
#include "importers/logs/line_importer.h"

namespace tg::import {

model::Status importJsonLinesLogs(const TelemetryInput& input, TelemetryTarget& target,
                                  const TelemetryImportOptions& options) {
    JsonLogParser parser;
    LogFields fields;
    model::LogInput record;
    std::vector<model::LabelInput> labels;
    std::string error;
    return forEachLine(input, options, target.logs, [&](const TextLine& line) {
        if (line.text.find_first_not_of(" \t") == std::string_view::npos) return;
        fields.clear();
        record.clear();
        labels.clear();
        if (!parser.parse(line.text.data(), line.text.size(), line.capacity, fields, error)) {
            target.diagnostics.report("not_json", model::Severity::Warning,
                                      linePosition(input.path, line.number) + ": " + error +
                                          "; kept as plain text");
            record.body = line.text;
            record.flags |= model::kLogNoTime;
        } else if (!fields.assemble(record, labels, line.text)) {
            target.diagnostics.report("missing_time", model::Severity::Info,
                                      linePosition(input.path, line.number) +
                                          ": no time field (ts, time, timestamp, ...)");
        }
        addLogRecord(target, record, labels);
    });
}

} // namespace tg::import
