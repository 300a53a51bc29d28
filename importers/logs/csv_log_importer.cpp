#include "importers/logs/csv_log_importer.h"

#include "importers/logs/csv_reader.h"
#include "importers/logs/json_log_parser.h"
#include "importers/logs/line_importer.h"
#include "importers/telemetry/pod_service.h"
#include "models/core/time_parse.h"

namespace tg::import {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

enum class Column { Other, TimeNs, Time, Message, Pod, Label };

struct ColumnInfo {
    Column kind = Column::Other;
    std::string key; // the field/label name it becomes
};

ColumnInfo classify(std::string_view header) {
    const std::string h = lower(header);
    if (h == "timeunixnano" || h == "time_unix_nano") return {Column::TimeNs, "time"};
    if (h == "timestamp" || h == "time" || h == "ts" || h == "date" || h == "datetime" ||
        h == "@timestamp")
        return {Column::Time, "time"};
    if (h == "log" || h == "message" || h == "msg" || h == "body" || h == "content" || h == "line")
        return {Column::Message, "log"};
    if (h == "podname" || h == "pod" || h == "pod_name") return {Column::Pod, "pod"};
    if (h == "node" || h == "nodename" || h == "node_name") return {Column::Label, "node"};
    if (h == "container" || h == "containername" || h == "container_name")
        return {Column::Label, "container"};
    if (h == "service" || h == "servicename" || h == "service_name")
        return {Column::Label, "service"};
    if (h == "namespace") return {Column::Label, "namespace"};
    return {Column::Other, std::string(header)};
}

class CsvLogReader {
public:
    CsvLogReader(const TelemetryInput& input, TelemetryTarget& target)
        : m_input(input), m_target(target) {}

    void row(const CsvRow& row) {
        if (m_columns.empty()) {
            for (std::string_view h : row.cells)
                m_columns.push_back(classify(h));
            for (const ColumnInfo& c : m_columns)
                m_hasService = m_hasService || c.key == "service";
            return;
        }
        if (row.cells.size() != m_columns.size())
            m_target.diagnostics.report(
                "ragged_row", model::Severity::Warning,
                linePosition(m_input.path, row.line) + ": " + std::to_string(row.cells.size()) +
                    " cells, " + std::to_string(m_columns.size()) + " columns in the header");
        record(row);
    }

private:
    void record(const CsvRow& row) {
        m_fields.clear();
        m_record.clear();
        m_labels.clear();
        std::optional<int64_t> exactTime;
        std::string_view message;
        const size_t n = std::min(row.cells.size(), m_columns.size());
        for (size_t i = 0; i < n; ++i) {
            const ColumnInfo& c = m_columns[i];
            const std::string_view cell = row.cells[i];
            if (c.kind == Column::TimeNs)
                exactTime = model::parseDecimalInt64(cell);
            else if (c.kind == Column::Message)
                message = cell;
            else if (cell.empty())
                continue;
            else if (c.kind == Column::Time)
                m_fields.addString(c.key, cell);
            else
                m_fields.addString(c.key, cell);
            if (c.kind == Column::Pod && !m_hasService && !cell.empty())
                m_fields.addString("service", serviceFromPodName(cell));
        }
        bool unwrapped = false;
        if (!message.empty() && message.front() == '{') {
            m_buffer.assign(message);
            m_buffer.append(simdjson::SIMDJSON_PADDING, '\0');
            std::string error;
            const size_t before = m_fields.size();
            unwrapped = m_parser.parse(m_buffer.data(), message.size(), m_buffer.size(), m_fields,
                                       error, 1);
            if (!unwrapped) m_fields.truncate(before);
        }
        if (!unwrapped) m_fields.addString("log", message, 1);
        const bool timed = m_fields.assemble(m_record, m_labels, message);
        if (exactTime) { // the table's own ns column is the exact time
            m_record.timeNs = *exactTime;
            m_record.flags &= static_cast<uint8_t>(~model::kLogNoTime);
        } else if (!timed) {
            m_target.diagnostics.report("missing_time", model::Severity::Info,
                                        linePosition(m_input.path, row.line) +
                                            ": no readable time in this row");
        }
        addLogRecord(m_target, m_record, m_labels);
    }

    const TelemetryInput& m_input;
    TelemetryTarget& m_target;
    std::vector<ColumnInfo> m_columns;
    bool m_hasService = false;
    LogFields m_fields;
    JsonLogParser m_parser;
    std::string m_buffer;
    model::LogInput m_record;
    std::vector<model::LabelInput> m_labels;
};

} // namespace

model::Status importCsvLogs(const TelemetryInput& input, TelemetryTarget& target,
                            const TelemetryImportOptions& options) {
    CsvLogReader reader(input, target);
    return forEachCsvRow(input, options, [&](const CsvRow& row) { reader.row(row); });
}

} // namespace tg::import
