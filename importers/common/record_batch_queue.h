#pragma once
// The hand-over between the record-splitting thread and the parsing thread of an import
// (Perfetto's tokenizer/parser split): records are copied back to back into batches of a few
// MiB, each batch ending in zeroed padding so simdjson may read past any record in it. The
// queue is bounded (memory stays small however large the file) and closes with the splitter's
// final status. Thread-safe: one producer, one consumer.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "importers/common/json_record_reader.h"
#include "models/core/result.h"

namespace tg::import {

struct RecordBatch {
    struct Entry {
        uint64_t document = 0, memberIndex = 0, offset = 0, line = 0;
        size_t begin = 0, size = 0; // within bytes
        std::string key;
    };
    std::string bytes;
    std::vector<Entry> entries;

    void append(const JsonRecord& record);
    void seal(); // adds the padding; no appends after this
    JsonRecord record(size_t i) const;
};

class RecordBatchQueue {
public:
    explicit RecordBatchQueue(size_t capacity) : m_capacity(capacity) {}

    // Producer: blocks while full; false once the consumer has stopped.
    bool push(std::unique_ptr<RecordBatch> batch);
    void close(model::Status status);
    // Consumer: nullptr when closed and drained.
    std::unique_ptr<RecordBatch> pop();
    void stop(); // consumer gives up: unblocks the producer
    // Spent batches go back to the producer so their memory is reused (no fresh pages to fault
    // in for every batch).
    void recycle(std::unique_ptr<RecordBatch> batch);
    std::unique_ptr<RecordBatch> takeFree();
    bool stopped() const;
    model::Status finalStatus() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<RecordBatch>> m_batches;
    std::vector<std::unique_ptr<RecordBatch>> m_free;
    size_t m_capacity;
    bool m_closed = false, m_stopped = false;
    model::Status m_status = model::okStatus();
};

} // namespace tg::import
