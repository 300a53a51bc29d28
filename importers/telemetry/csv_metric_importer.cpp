#include "importers/telemetry/csv_metric_importer.h"

#include <cmath>

#include "importers/logs/csv_reader.h"
#include "importers/logs/log_fields.h"
#include "importers/telemetry/pod_service.h"
#include "importers/telemetry/telemetry_values.h"

namespace tg::import {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool isTimeHeader(std::string_view h) {
    const std::string l = lower(h);
    return l == "timestamp" || l == "time" || l == "ts" || l == "timeunixnano" || l == "date" ||
           l == "datetime";
}

// "PodName" -> "pod", "ServiceName" -> "service"; other identity columns keep their header.
std::string labelName(std::string_view header) {
    const std::string l = lower(header);
    if (l == "podname" || l == "pod_name" || l == "pod") return "pod";
    if (l == "servicename" || l == "service_name" || l == "service") return "service";
    if (l == "nodename" || l == "node_name" || l == "node") return "node";
    return std::string(header);
}

class CsvMetricReader {
public:
    CsvMetricReader(const TelemetryInput& input, TelemetryTarget& target)
        : m_input(input), m_target(target) {}

    void row(const CsvRow& row) {
        if (m_headerText.empty()) {
            m_headerText.assign(row.cells.begin(), row.cells.end());
            if (m_headerText.empty()) m_headerText.emplace_back();
            return;
        }
        if (m_kinds.empty()) classify(row);
        const auto time = rowTime(row);
        if (!time) {
            m_target.diagnostics.report("bad_time", model::Severity::Warning,
                                        linePosition(m_input.path, row.line) +
                                            ": no readable time in this row; row skipped");
            return;
        }
        std::vector<std::string> labelText;
        std::vector<model::LabelInput> labels;
        identity(row, labelText, labels);
        for (size_t i = 0; i < m_kinds.size() && i < row.cells.size(); ++i) {
            if (m_kinds[i] != Kind::Value) continue;
            sample(i, row, *time, labels);
        }
    }

private:
    enum class Kind { Time, Label, Value };

    void classify(const CsvRow& first) {
        for (size_t i = 0; i < m_headerText.size(); ++i) {
            const std::string_view cell = i < first.cells.size() ? first.cells[i] : "";
            if (isTimeHeader(m_headerText[i]))
                m_kinds.push_back(Kind::Time);
            else if (!cell.empty() && !parseFloatText(cell))
                m_kinds.push_back(Kind::Label);
            else
                m_kinds.push_back(Kind::Value);
        }
        m_families.assign(m_headerText.size(), model::kNoRow);
        m_seriesNames.resize(m_headerText.size());
        for (size_t i = 0; i < m_headerText.size(); ++i) {
            if (m_kinds[i] != Kind::Value) continue;
            std::string_view name = m_headerText[i], unit;
            if (const size_t open = name.find('(');
                open != std::string_view::npos && name.back() == ')') {
                unit = name.substr(open + 1, name.size() - open - 2);
                name = name.substr(0, open);
            }
            m_seriesNames[i] = name;
            m_families[i] =
                m_target.metrics.addFamily({name, model::MetricType::Gauge, {}, unit, 0});
        }
    }

    std::optional<int64_t> rowTime(const CsvRow& row) {
        // Epoch columns first (exact), then date-time spellings.
        for (size_t i = 0; i < m_kinds.size() && i < row.cells.size(); ++i)
            if (m_kinds[i] == Kind::Time)
                if (auto t = parseEpochGuessNs(row.cells[i])) return t;
        for (size_t i = 0; i < m_kinds.size() && i < row.cells.size(); ++i)
            if (m_kinds[i] == Kind::Time)
                if (auto t = parseLogTime(row.cells[i])) return t;
        return std::nullopt;
    }

    void identity(const CsvRow& row, std::vector<std::string>& text,
                  std::vector<model::LabelInput>& labels) {
        text.reserve(2 * m_kinds.size() + 2);
        bool hasService = false;
        std::string_view pod;
        for (size_t i = 0; i < m_kinds.size() && i < row.cells.size(); ++i) {
            if (m_kinds[i] != Kind::Label || row.cells[i].empty()) continue;
            text.push_back(labelName(m_headerText[i]));
            text.emplace_back(row.cells[i]);
            hasService = hasService || text[text.size() - 2] == "service";
            if (text[text.size() - 2] == "pod") pod = text.back();
        }
        if (!hasService && !pod.empty()) {
            text.emplace_back("service");
            text.emplace_back(serviceFromPodName(pod));
        }
        for (size_t i = 0; i + 1 < text.size(); i += 2)
            labels.push_back({text[i], text[i + 1]});
    }

    void sample(size_t column, const CsvRow& row, int64_t time,
                const std::vector<model::LabelInput>& labels) {
        const std::string_view cell = row.cells[column];
        if (cell.empty()) {
            m_target.diagnostics.report("empty_cell", model::Severity::Info,
                                        linePosition(m_input.path, row.line) + ": column '" +
                                            m_headerText[column] + "' is empty; no sample");
            return;
        }
        const auto value = parseFloatText(cell);
        if (!value) {
            m_target.diagnostics.report(
                "bad_cell", model::Severity::Warning,
                linePosition(m_input.path, row.line) + ": column '" + m_headerText[column] +
                    "' holds '" + std::string(cell.substr(0, 40)) + "', not a number; no sample");
            return;
        }
        const model::SeriesId s = m_target.metrics.addSeries(
            m_families[column], m_seriesNames[column], model::SeriesRole::Value, labels);
        m_target.metrics.addSample(s, time, *value);
    }

    const TelemetryInput& m_input;
    TelemetryTarget& m_target;
    std::vector<std::string> m_headerText, m_seriesNames;
    std::vector<Kind> m_kinds;
    std::vector<model::FamilyId> m_families;
};

} // namespace

model::Status importCsvMetrics(const TelemetryInput& input, TelemetryTarget& target,
                               const TelemetryImportOptions& options) {
    CsvMetricReader reader(input, target);
    return forEachCsvRow(input, options, [&](const CsvRow& row) { reader.row(row); });
}

} // namespace tg::import
