#include "importers/csv_spans/span_csv_importer.h"

#include <string>
#include <unordered_map>

#include "importers/common/span_csv_columns.h"
#include "importers/logs/csv_reader.h"
#include "importers/telemetry/pod_service.h"
#include "models/core/time_parse.h"

namespace tg::import {
namespace {

using model::Severity;

bool isRootParent(std::string_view parent) {
    return parent.empty() || parent == "root" || parent == "0" || parent == "null" ||
           parent == "None" || parent == "0000000000000000";
}

model::StatusCode statusOf(std::string_view text) {
    if (text == "error" || text == "ERROR" || text == "Error" || text == "2" ||
        text == "STATUS_CODE_ERROR" || text == "true")
        return model::StatusCode::Error;
    if (text == "ok" || text == "OK" || text == "Ok" || text == "1" || text == "STATUS_CODE_OK")
        return model::StatusCode::Ok;
    return model::StatusCode::Unset;
}

model::SpanKind kindOf(std::string_view text) {
    if (text.starts_with("SPAN_KIND_")) text.remove_prefix(10);
    auto is = [&](std::string_view a, std::string_view b) { return text == a || text == b; };
    if (is("server", "SERVER")) return model::SpanKind::Server;
    if (is("client", "CLIENT")) return model::SpanKind::Client;
    if (is("producer", "PRODUCER")) return model::SpanKind::Producer;
    if (is("consumer", "CONSUMER")) return model::SpanKind::Consumer;
    if (is("internal", "INTERNAL")) return model::SpanKind::Internal;
    return model::SpanKind::Unspecified;
}

class SpanCsvReader {
public:
    SpanCsvReader(const JsonInput& input, model::SpanSink& sink) : m_input(input), m_sink(sink) {}

    model::Status row(const CsvRow& row) {
        if (!m_haveHeader) {
            m_haveHeader = true;
            m_columns = classifySpanCsvHeader(row.cells);
            m_width = row.cells.size();
            if (!m_columns.usable())
                return lineError(m_input.path, row.line, -1,
                                 "a span table needs the columns " + m_columns.missing());
            return model::okStatus();
        }
        if (row.cells.size() < m_width) {
            skip("ragged_row", row,
                 std::to_string(row.cells.size()) + " cells, " + std::to_string(m_width) +
                     " columns in the header");
            return model::okStatus();
        }
        addSpan(row);
        return model::okStatus();
    }

private:
    std::string_view cell(const CsvRow& row, int column) const {
        return column >= 0 ? row.cells[static_cast<size_t>(column)] : std::string_view();
    }

    void skip(std::string_view code, const CsvRow& row, const std::string& why) {
        m_sink.diagnostics().report(code, Severity::Warning,
                                    linePosition(m_input.path, row.line) + ": " + why +
                                        " (row skipped)");
    }

    void addSpan(const CsvRow& row) {
        m_span.clear();
        const std::string_view trace = cell(row, m_columns.trace);
        const std::string_view span = cell(row, m_columns.span);
        if (trace.empty() || span.empty()) return skip("missing_id", row, "no trace or span ID");
        m_span.trace = model::parseTraceId(trace);
        m_span.span = model::parseSpanId(span);
        if (const std::string_view parent = cell(row, m_columns.parent); !isRootParent(parent))
            m_span.parent = model::parseSpanId(parent);
        const auto start = model::parseDecimalInt64(cell(row, m_columns.startNs));
        const auto end = m_columns.endNs >= 0 ? model::parseDecimalInt64(cell(row, m_columns.endNs))
                                              : std::nullopt;
        const auto duration = m_columns.durationNs >= 0
                                  ? model::parseDecimalInt64(cell(row, m_columns.durationNs))
                                  : std::nullopt;
        if (!start || (!end && !duration))
            return skip("bad_time", row, "start or end time is not a whole number of nanoseconds");
        m_span.startNs = *start;
        m_span.durationNs = end ? *end - *start : *duration;
        if (m_span.durationNs < 0) {
            m_sink.diagnostics().report("negative_duration", Severity::Warning,
                                        linePosition(m_input.path, row.line) +
                                            ": ends before it starts (duration set to 0)");
            m_span.durationNs = 0;
        }
        m_span.operation = cell(row, m_columns.operation);
        m_span.status = statusOf(cell(row, m_columns.status));
        m_span.kind = kindOf(cell(row, m_columns.kind));
        m_span.resource = resourceOf(cell(row, m_columns.service), cell(row, m_columns.pod));
        m_sink.addSpan(m_span);
    }

    // One resource per (service, pod): pods of one Deployment stay apart in the inspector.
    model::ResourceId resourceOf(std::string_view service, std::string_view pod) {
        std::string key(service);
        key.append("\x1f").append(pod);
        if (const auto it = m_resources.find(key); it != m_resources.end()) return it->second;
        const std::string_view name = !service.empty() ? service
                                      : !pod.empty()   ? serviceFromPodName(pod)
                                                       : std::string_view("unknown");
        std::vector<model::AttributeInput> attrs;
        if (!pod.empty()) attrs.push_back(model::AttributeInput::string("k8s.pod.name", pod));
        const model::ResourceId id = m_sink.addResource(name, attrs);
        m_resources.emplace(std::move(key), id);
        return id;
    }

    const JsonInput& m_input;
    model::SpanSink& m_sink;
    SpanCsvColumns m_columns;
    size_t m_width = 0;
    bool m_haveHeader = false;
    model::SpanInput m_span;
    std::unordered_map<std::string, model::ResourceId> m_resources;
};

} // namespace

model::Status importSpanCsv(const JsonInput& input, model::SpanSink& sink,
                            const ImportOptions& options) {
    TelemetryImportOptions csvOptions;
    static_cast<ImportOptions&>(csvOptions) = options;
    SpanCsvReader reader(input, sink);
    model::Status rows = model::okStatus(); // the first fatal row (a header without columns)
    const model::Status read = forEachCsvRow(input, csvOptions, [&](const CsvRow& row) {
        if (rows) rows = reader.row(row);
    });
    if (!read) return read;
    if (!rows) return rows;
    if (sink.spansAdded() == 0)
        return lineError(input.path, 1, -1, "the span table has no readable rows",
                         model::ErrorCode::Syntax);
    return model::okStatus();
}

} // namespace tg::import
