#include "importers/logs/line_importer.h"

namespace tg::import {

model::Status forEachLine(const TelemetryInput& input, const TelemetryImportOptions& options,
                          const std::function<void(const TextLine&)>& onLine) {
    TextReaderLimits limits;
    limits.maxLineBytes = options.maxLineBytes;
    TextLineReader reader = input.bytes
                                ? TextLineReader::fromMemory(*input.bytes, input.path, limits)
                                : TextLineReader(input.path, limits);
    return reader.run(
        [&](const TextLine& line) {
            if (options.cancelled()) return false;
            onLine(line);
            return true;
        },
        options.progress);
}

void addLogRecord(TelemetryTarget& target, const model::LogInput& record,
                  const std::vector<model::LabelInput>& labels) {
    target.logs.addRecord(target.logs.addStream(labels), record);
}

} // namespace tg::import
