#include "importers/common/record_batch_queue.h"

namespace tg::import {
namespace {
constexpr size_t kPadding = 64; // >= SIMDJSON_PADDING
}

void RecordBatch::append(const JsonRecord& record) {
    Entry e;
    e.document = record.document;
    e.memberIndex = record.memberIndex;
    e.offset = record.offset;
    e.line = record.line;
    e.begin = bytes.size();
    e.size = record.size;
    e.key.assign(record.key);
    bytes.append(record.data, record.size);
    entries.push_back(std::move(e));
}

void RecordBatch::seal() {
    bytes.append(kPadding, '\0');
}

JsonRecord RecordBatch::record(size_t i) const {
    const Entry& e = entries[i];
    JsonRecord r;
    r.document = e.document;
    r.key = e.key;
    r.memberIndex = e.memberIndex;
    r.data = bytes.data() + e.begin;
    r.size = e.size;
    r.capacity = bytes.size() - e.begin;
    r.offset = e.offset;
    r.line = e.line;
    return r;
}

bool RecordBatchQueue::push(std::unique_ptr<RecordBatch> batch) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stopped || m_batches.size() < m_capacity; });
    if (m_stopped) return false;
    m_batches.push_back(std::move(batch));
    m_changed.notify_all();
    return true;
}

void RecordBatchQueue::close(model::Status status) {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_status = std::move(status);
    m_changed.notify_all();
}

std::unique_ptr<RecordBatch> RecordBatchQueue::pop() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_closed || !m_batches.empty(); });
    if (m_batches.empty()) return nullptr;
    auto batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_changed.notify_all();
    return batch;
}

void RecordBatchQueue::stop() {
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_batches.clear();
    m_changed.notify_all();
}

bool RecordBatchQueue::stopped() const {
    std::lock_guard lock(m_mutex);
    return m_stopped;
}

void RecordBatchQueue::recycle(std::unique_ptr<RecordBatch> batch) {
    batch->bytes.clear(); // keeps the capacity
    batch->entries.clear();
    std::lock_guard lock(m_mutex);
    if (m_free.size() < m_capacity + 1) m_free.push_back(std::move(batch));
}

std::unique_ptr<RecordBatch> RecordBatchQueue::takeFree() {
    std::lock_guard lock(m_mutex);
    if (m_free.empty()) return std::make_unique<RecordBatch>();
    auto batch = std::move(m_free.back());
    m_free.pop_back();
    return batch;
}

model::Status RecordBatchQueue::finalStatus() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

} // namespace tg::import
