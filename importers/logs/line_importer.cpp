#include "importers/logs/line_importer.h"

#include <exception>
#include <filesystem>

namespace tg::import {
namespace {

// Reserves `logs` for the rest of the input from what the first kSampleLines lines added.
class StoreReservation {
public:
    StoreReservation(model::LogStore* logs, const TelemetryInput& input)
        : m_logs(logs), m_start(logs ? logs->checkpoint() : model::LogStore::Checkpoint{}) {
        if (!logs) return;
        std::error_code ec;
        m_inputBytes =
            input.bytes ? input.bytes->size() : std::filesystem::file_size(input.path, ec);
        if (ec) m_inputBytes = 0;
    }
    void afterLine(const TextLine& line) {
        if (!m_logs || line.number != kSampleLines) return;
        const uint64_t read = line.offset + line.text.size() + 1;
        if (read >= m_inputBytes) return;
        // 20 % spare: lines vary, and spare capacity is address space, not memory, until used.
        const double scale =
            1.2 * static_cast<double>(m_inputBytes - read) / static_cast<double>(read);
        const model::LogStore::Checkpoint now = m_logs->checkpoint();
        const auto more = [&](size_t after, size_t before) {
            return static_cast<size_t>(static_cast<double>(after - before) * scale);
        };
        try {
            m_logs->reserve(more(now.records, m_start.records),
                            more(now.bodyBytes, m_start.bodyBytes),
                            more(now.attributes, m_start.attributes));
        } catch (const std::exception&) {
            // Only a hint: an input too large to reserve for grows as it would have anyway.
        }
    }

private:
    static constexpr uint64_t kSampleLines = 1000;
    model::LogStore* m_logs;
    model::LogStore::Checkpoint m_start;
    uint64_t m_inputBytes = 0;
};

model::Status readLines(const TelemetryInput& input, const TelemetryImportOptions& options,
                        const std::function<void(const TextLine&)>& onLine, model::LogStore* logs) {
    StoreReservation reservation(logs, input);
    TextReaderLimits limits;
    limits.maxLineBytes = options.maxLineBytes;
    TextLineReader reader = input.bytes
                                ? TextLineReader::fromMemory(*input.bytes, input.path, limits)
                                : TextLineReader(input.path, limits);
    return reader.run(
        [&](const TextLine& line) {
            if (options.cancelled()) return false;
            onLine(line);
            reservation.afterLine(line);
            return true;
        },
        options.progress);
}

} // namespace

model::Status forEachLine(const TelemetryInput& input, const TelemetryImportOptions& options,
                          const std::function<void(const TextLine&)>& onLine) {
    return readLines(input, options, onLine, nullptr);
}

model::Status forEachLine(const TelemetryInput& input, const TelemetryImportOptions& options,
                          model::LogStore& logs,
                          const std::function<void(const TextLine&)>& onLine) {
    return readLines(input, options, onLine, &logs);
}

void addLogRecord(TelemetryTarget& target, const model::LogInput& record,
                  const std::vector<model::LabelInput>& labels) {
    target.logs.addRecord(target.logs.addStream(labels), record);
}

} // namespace tg::import
