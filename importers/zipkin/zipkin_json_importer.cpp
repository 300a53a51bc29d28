#include "importers/zipkin/zipkin_json_importer.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "importers/zipkin/zipkin_span_parser.h"

namespace tg::import {

using namespace zipkin;

namespace {

using model::makeError;

// The whole input as one padded buffer (for top-level span objects, which the record reader
// splits into members). Bounded by maxBytes; a UTF-8 byte order mark is dropped.
model::Result<simdjson::padded_string> loadPadded(const JsonInput& input, size_t maxBytes) {
    std::string_view text;
    simdjson::padded_string file;
    if (input.bytes) {
        text = *input.bytes;
    } else {
        std::error_code ec;
        const auto size = std::filesystem::file_size(input.path, ec);
        if (ec) return makeError(model::ErrorCode::CannotOpen, ec.message(), input.path);
        if (size > maxBytes)
            return makeError(model::ErrorCode::TooLarge,
                             "file of top-level span objects exceeds the record size limit",
                             input.path);
        if (simdjson::padded_string::load(input.path).get(file))
            return makeError(model::ErrorCode::CannotOpen, "cannot read file", input.path);
        text = file;
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.size() > maxBytes)
        return makeError(model::ErrorCode::TooLarge,
                         "file of top-level span objects exceeds the record size limit",
                         input.path);
    if (!input.bytes && text.size() == file.size()) return file;
    return simdjson::padded_string(text.data(), text.size());
}

// Per-file state. Array elements arrive as records (key ""): a span object, or an array of
// spans (one trace). A top-level object arrives split into its members (non-empty keys); such
// documents are noted and parsed whole afterwards by parseObjectDocuments().
class ZipkinRecordHandler {
public:
    ZipkinRecordHandler(const std::string& path, model::SpanSink& sink)
        : m_path(path), m_sink(sink) {}

    void handle(od::document& doc, const JsonRecord& record) {
        if (!record.key.empty()) {
            noteObjectDocument(record);
            return;
        }
        const od::json_type type = doc.type();
        if (type == od::json_type::object) {
            addSpan(doc.get_object(), record);
        } else if (type == od::json_type::array) {
            for (auto element : doc.get_array())
                addSpanValue(element.value(), record);
        } else {
            reportNotObject(record);
        }
    }

    model::Status parseObjectDocuments(const JsonInput& input, const ImportOptions& options);

private:
    void noteObjectDocument(const JsonRecord& record) {
        if (!m_objectDocs.empty() && m_objectDocs.back().document == record.document) return;
        JsonRecord position = record; // positions only: data is stale after the callback
        position.data = nullptr;
        position.key = {};
        m_objectDocs.push_back(position);
    }

    void addSpanValue(od::value value, const JsonRecord& record) {
        if (value.type() == od::json_type::object)
            addSpan(value.get_object(), record);
        else
            reportNotObject(record);
    }

    void addSpan(od::object object, const JsonRecord& record);
    void reportNotObject(const JsonRecord& record) {
        m_sink.diagnostics().report("bad_record", model::Severity::Error,
                                    recordPosition(m_path, record) +
                                        ": a Zipkin span must be a JSON object; record skipped");
    }

    const std::string& m_path;
    model::SpanSink& m_sink;
    model::SpanInput m_span;
    TextArena m_scratch;
    std::vector<JsonRecord> m_objectDocs; // first record of each top-level object document
};

void ZipkinRecordHandler::addSpan(od::object object, const JsonRecord& record) {
    m_scratch.reset();
    const SpanParseResult r = parseSpan(object, m_sink, m_span, m_scratch);
    model::Diagnostics& diag = m_sink.diagnostics();
    const std::string where = recordPosition(m_path, record);
    if (m_span.trace.spelling == model::IdSpelling::Empty) {
        diag.report("span_without_trace_id", model::Severity::Error,
                    where + ": span without traceId; skipped");
        return;
    }
    if (m_span.span.spelling == model::IdSpelling::Empty) {
        diag.report("span_without_span_id", model::Severity::Error,
                    where + ": span without id; skipped");
        return;
    }
    // Zipkin allows both to be absent (a span reported in parts); keep the span, say so.
    if (r.badTimestamp)
        diag.report("bad_start_time", model::Severity::Warning, where + ": unreadable timestamp");
    else if (!r.hasTimestamp)
        diag.report("missing_timestamp", model::Severity::Warning,
                    where + ": span without timestamp");
    if (r.badDuration)
        diag.report("bad_duration", model::Severity::Warning, where + ": unreadable duration");
    else if (!r.hasDuration)
        diag.report("missing_duration", model::Severity::Warning,
                    where + ": span without duration");
    m_sink.addSpan(m_span);
}

model::Status ZipkinRecordHandler::parseObjectDocuments(const JsonInput& input,
                                                        const ImportOptions& options) {
    if (m_objectDocs.empty()) return model::okStatus();
    model::Result<simdjson::padded_string> text = loadPadded(input, options.maxRecordBytes);
    if (!text) return text.error();
    od::parser parser;
    od::document_stream stream;
    const size_t batch = std::max<size_t>(text->size(), 1u << 16);
    if (auto err = parser.iterate_many(*text, batch).get(stream))
        return makeError(model::ErrorCode::Syntax, simdjson::error_message(err), input.path);
    uint64_t index = 0;
    auto next = m_objectDocs.begin();
    for (auto doc : stream) {
        if (next == m_objectDocs.end()) break;
        if (index++ != next->document) continue;
        if (options.cancelled())
            return makeError(model::ErrorCode::Cancelled, "import cancelled", input.path);
        try {
            addSpan(doc.get_object(), *next);
        } catch (const simdjson::simdjson_error& e) {
            m_sink.diagnostics().report("bad_record", model::Severity::Error,
                                        recordPosition(m_path, *next) + ": " + e.what() +
                                            "; record skipped");
        }
        ++next;
    }
    return model::okStatus();
}

} // namespace

model::Status importZipkinJson(const JsonInput& input, model::SpanSink& sink,
                               const ImportOptions& options) {
    ZipkinRecordHandler handler(input.path, sink);
    model::Status status = forEachJsonRecord(
        input, options, sink.diagnostics(),
        [&](od::document& doc, const JsonRecord& record) { handler.handle(doc, record); });
    if (!status) return status;
    return handler.parseObjectDocuments(input, options);
}

} // namespace tg::import
