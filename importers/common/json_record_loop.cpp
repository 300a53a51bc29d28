#include "importers/common/json_record_loop.h"

namespace tg::import {

std::string recordPosition(const std::string& path, const JsonRecord& record) {
    return path + ": line " + std::to_string(record.line) + ", byte " + std::to_string(record.offset);
}

model::Status forEachJsonRecord(const JsonInput& input, const ImportOptions& options,
                                model::Diagnostics& diagnostics, const RecordParser& parse) {
    JsonReaderLimits limits;
    limits.maxRecordBytes = options.maxRecordBytes;
    limits.maxDepth = options.maxDepth;
    JsonRecordReader reader = input.bytes ? JsonRecordReader::fromMemory(*input.bytes, input.path, limits)
                                          : JsonRecordReader(input.path, limits);
    simdjson::ondemand::parser parser;
    auto onRecord = [&](const JsonRecord& record) -> bool {
        if (options.cancelled()) return false;
        try {
            simdjson::ondemand::document doc =
                parser.iterate(record.data, record.size, record.capacity);
            parse(doc, record);
        } catch (const simdjson::simdjson_error& e) {
            diagnostics.report("bad_record", model::Severity::Error,
                               recordPosition(input.path, record) + ": " + e.what() +
                                   "; record skipped");
        }
        return true;
    };
    return reader.run(onRecord, options.progress);
}

} // namespace tg::import
