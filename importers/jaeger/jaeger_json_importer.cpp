#include "importers/jaeger/jaeger_json_importer.h"

#include "importers/jaeger/jaeger_span_parser.h"

namespace tg::import {

using namespace jaeger;

namespace {

// Per-file state: the process map of the current top-level document and the span records that
// arrived before it (Jaeger writes "processes" after "spans" in a bare trace).
class JaegerRecordHandler {
public:
    JaegerRecordHandler(const std::string& path, model::SpanSink& sink)
        : m_path(path), m_sink(sink) {}

    void handle(od::document& doc, const JsonRecord& record) {
        if (record.document != m_document) {
            flushPending();
            m_document = record.document;
            m_processes.clear();
            m_processesSeen = false;
        }
        const std::string_view key = record.key;
        if (key == "data") {
            if (doc.type() == od::json_type::object) parseTrace(doc, record);
        } else if (key.empty()) {
            // Top-level array: spans with inline processes, or (rarely) whole traces.
            if (doc.type() != od::json_type::object) return;
            // A malformed record makes simdjson drop the document's state; rewinding it then
            // would dereference nothing, so surface the error as a bad record instead.
            const auto spans = doc.find_field_unordered("spans").error();
            if (spans != simdjson::SUCCESS && spans != simdjson::NO_SUCH_FIELD)
                throw simdjson::simdjson_error(spans);
            const bool isTrace = spans == simdjson::SUCCESS;
            doc.rewind();
            if (isTrace)
                parseTrace(doc, record);
            else
                addSpan(doc.get_object(), record);
        } else if (key == "spans") {
            addSpan(doc.get_object(), record);
        } else if (key == "processes") {
            parseProcesses(doc.get_object(), m_sink, m_processes);
            m_processesSeen = true;
            flushPending();
        } else if (key == "errors") {
            if (doc.type() == od::json_type::array)
                m_sink.diagnostics().report("jaeger_api_error", model::Severity::Warning,
                                            recordPosition(m_path, record) + ": " +
                                                std::string(readRawJson(doc.get_value())));
        }
    }

    void finish() { flushPending(); }

private:
    void parseTrace(od::document& doc, const JsonRecord& record) {
        // Pass 1: the process map (it may follow the spans). Pass 2: the spans.
        ProcessMap processes;
        for (auto field : doc.get_object()) {
            if (field.unescaped_key().value() == "processes")
                parseProcesses(field.value().get_object(), m_sink, processes);
        }
        doc.rewind();
        for (auto field : doc.get_object()) {
            if (field.unescaped_key().value() != "spans") continue;
            for (auto span : field.value().get_array()) {
                const SpanParseResult r = parseSpan(span.get_object(), m_sink, processes, m_span);
                if (r.hasProcessId && !r.processResolved) reportUnknownProcess(record, r.processId);
                m_sink.diagnostics().merge(r.diagnostics);
                m_sink.addSpan(m_span);
            }
        }
    }

    void addSpan(od::object object, const JsonRecord& record) {
        const SpanParseResult r = parseSpan(object, m_sink, m_processes, m_span);
        if (r.hasProcessId && !r.processResolved && !m_processesSeen) {
            // Keep the raw record (padded) and parse it again once "processes" has arrived.
            m_pending.emplace_back(record.data, record.size);
            m_pendingRecords.push_back(record);
            return;
        }
        if (r.hasProcessId && !r.processResolved) reportUnknownProcess(record, r.processId);
        m_sink.diagnostics().merge(r.diagnostics);
        m_sink.addSpan(m_span);
    }

    void flushPending() {
        if (m_pending.empty()) return;
        simdjson::ondemand::parser parser;
        for (size_t i = 0; i < m_pending.size(); ++i) {
            try {
                od::document doc = parser.iterate(m_pending[i]);
                const SpanParseResult r = parseSpan(doc.get_object(), m_sink, m_processes, m_span);
                if (r.hasProcessId && !r.processResolved)
                    reportUnknownProcess(m_pendingRecords[i], r.processId);
                m_sink.diagnostics().merge(r.diagnostics);
                m_sink.addSpan(m_span);
            } catch (const simdjson::simdjson_error& e) {
                m_sink.diagnostics().report("bad_record", model::Severity::Error,
                                            recordPosition(m_path, m_pendingRecords[i]) + ": " +
                                                e.what());
            }
        }
        m_pending.clear();
        m_pendingRecords.clear();
    }

    void reportUnknownProcess(const JsonRecord& record, const std::string& id) {
        m_sink.diagnostics().report(
            "unknown_process_id", model::Severity::Warning,
            recordPosition(m_path, record) + ": processID \"" + id +
                "\" is not in the trace's processes; service set to unknown");
    }

    const std::string& m_path;
    model::SpanSink& m_sink;
    uint64_t m_document = 0;
    ProcessMap m_processes;
    bool m_processesSeen = false;
    model::SpanInput m_span;
    std::vector<simdjson::padded_string> m_pending;
    std::vector<JsonRecord> m_pendingRecords; // positions only (data pointers are stale)
};

} // namespace

model::Status importJaegerJson(const JsonInput& input, model::SpanSink& sink,
                               const ImportOptions& options) {
    JaegerRecordHandler handler(input.path, sink);
    model::Status status = forEachJsonRecord(
        input, options, sink.diagnostics(),
        [&](od::document& doc, const JsonRecord& record) { handler.handle(doc, record); });
    if (status) handler.finish();
    return status;
}

} // namespace tg::import
