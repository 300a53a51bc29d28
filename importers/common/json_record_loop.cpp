#include "importers/common/json_record_loop.h"

#include <thread>

#include "importers/common/record_batch_queue.h"

namespace tg::import {
namespace {

constexpr size_t kBatchBytes = 4u << 20;
constexpr size_t kQueuedBatches = 4;

// Splitter side: runs on its own thread, copies records into batches.
void splitInto(RecordBatchQueue& queue, const JsonInput& input, const ImportOptions& options) {
    JsonReaderLimits limits;
    limits.maxRecordBytes = options.maxRecordBytes;
    limits.maxDepth = options.maxDepth;
    JsonRecordReader reader = input.bytes
                                  ? JsonRecordReader::fromMemory(*input.bytes, input.path, limits)
                                  : JsonRecordReader(input.path, limits);
    auto batch = queue.takeFree();
    auto onRecord = [&](const JsonRecord& record) -> bool {
        batch->append(record);
        if (batch->bytes.size() < kBatchBytes) return true;
        batch->seal();
        if (!queue.push(std::move(batch))) return false;
        batch = queue.takeFree();
        return true;
    };
    model::Status status = reader.run(onRecord, options.progress);
    if (status && !batch->entries.empty()) {
        batch->seal();
        queue.push(std::move(batch));
    }
    queue.close(std::move(status));
}

} // namespace

std::string recordPosition(const std::string& path, const JsonRecord& record) {
    return path + ": line " + std::to_string(record.line) + ", byte " +
           std::to_string(record.offset);
}

model::Status forEachJsonRecord(const JsonInput& input, const ImportOptions& options,
                                model::Diagnostics& diagnostics, const RecordParser& parse) {
    // Splitting (I/O and boundary scanning) runs on a second thread while this one parses.
    RecordBatchQueue queue(kQueuedBatches);
    std::thread splitter([&] { splitInto(queue, input, options); });
    simdjson::ondemand::parser parser;
    bool cancelled = false;
    while (auto batch = queue.pop()) {
        for (size_t i = 0; i < batch->entries.size() && !cancelled; ++i) {
            if ((cancelled = options.cancelled())) break;
            const JsonRecord record = batch->record(i);
            try {
                simdjson::ondemand::document doc =
                    parser.iterate(record.data, record.size, record.capacity);
                parse(doc, record);
            } catch (const simdjson::simdjson_error& e) {
                diagnostics.report("bad_record", model::Severity::Error,
                                   recordPosition(input.path, record) + ": " + e.what() +
                                       "; record skipped");
            }
        }
        if (cancelled) {
            queue.stop();
            break;
        }
        queue.recycle(std::move(batch));
    }
    splitter.join();
    if (cancelled) {
        model::Error e;
        e.code = model::ErrorCode::Cancelled;
        e.detail = "import cancelled";
        e.path = input.path;
        return e;
    }
    return queue.finalStatus();
}

} // namespace tg::import
