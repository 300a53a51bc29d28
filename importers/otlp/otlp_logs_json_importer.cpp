#include "importers/otlp/otlp_logs_json_importer.h"

#include "importers/otlp/otlp_telemetry_values.h"
#include "models/core/time_parse.h"

namespace tg::import {

using namespace otlp;
using model::AttributeInput;

namespace {

model::LogSeverity readSeverityNumber(od::value v) {
    if (v.type() == od::json_type::string) {
        const std::string_view s = v.get_string().value();
        if (auto n = model::parseDecimalInt64(s)) return model::logSeverityFromOtlp(*n);
        return model::logSeverityFromOtlpName(s);
    }
    return model::logSeverityFromOtlp(readInt64(v).value_or(0));
}

class LogsReader {
public:
    LogsReader(const std::string& path, TelemetryTarget& target) : m_path(path), m_target(target) {}

    void parseResourceLogs(od::document& doc, const JsonRecord& record) {
        m_scratch.reset();
        std::vector<AttributeInput> resource;
        for (auto field : doc.get_object()) {
            if (field.unescaped_key().value() != "resource") continue;
            for (auto rf : field.value().get_object())
                if (rf.unescaped_key().value() == "attributes")
                    parseAttributes(rf.value().get_array(), resource, m_scratch);
        }
        std::vector<std::string> text;
        text.reserve(resource.size());
        std::vector<model::LabelInput> labels;
        for (const AttributeInput& a : resource) {
            text.push_back(attributeText(a));
            labels.push_back({a.key, text.back()});
        }
        const model::StreamId stream = m_target.logs.addStream(labels);
        doc.rewind();
        for (auto field : doc.get_object()) {
            const std::string_view key = field.unescaped_key().value();
            if (isField(key, "scopeLogs", "scope_logs") ||
                isField(key, "instrumentationLibraryLogs", "instrumentation_library_logs"))
                for (auto scope : field.value().get_array())
                    parseScope(scope.get_object(), stream, record);
        }
    }

private:
    void parseScope(od::object scope, model::StreamId stream, const JsonRecord& record) {
        std::string scopeName, scopeVersion;
        for (auto field : scope) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "scope" ||
                isField(key, "instrumentationLibrary", "instrumentation_library")) {
                for (auto sf : field.value().get_object()) {
                    const std::string_view k = sf.unescaped_key().value();
                    if (k == "name")
                        scopeName = readText(sf.value(), m_scratch);
                    else if (k == "version")
                        scopeVersion = readText(sf.value(), m_scratch);
                }
            } else if (isField(key, "logRecords", "log_records")) {
                for (auto item : field.value().get_array()) {
                    parseRecord(item.get_object(), record);
                    if (!scopeName.empty())
                        m_record.attributes.push_back(
                            AttributeInput::string("otel.scope.name", scopeName));
                    if (!scopeVersion.empty())
                        m_record.attributes.push_back(
                            AttributeInput::string("otel.scope.version", scopeVersion));
                    m_target.logs.addRecord(stream, m_record);
                }
            }
        }
    }

    void parseRecord(od::object item, const JsonRecord& record) {
        m_record.clear();
        m_recordScratch.reset();
        for (auto field : item) {
            const std::string_view key = field.unescaped_key().value();
            od::value v = field.value();
            if (isField(key, "timeUnixNano", "time_unix_nano")) {
                m_record.timeNs = readUnixNanoValue(v).value_or(0);
            } else if (isField(key, "observedTimeUnixNano", "observed_time_unix_nano")) {
                m_record.observedNs = readUnixNanoValue(v).value_or(0);
            } else if (isField(key, "severityNumber", "severity_number")) {
                m_record.severity = readSeverityNumber(v);
            } else if (isField(key, "severityText", "severity_text")) {
                m_record.severityText = readText(v, m_recordScratch);
            } else if (key == "body") {
                m_record.body = readAnyValueText(v, m_recordScratch);
            } else if (key == "attributes") {
                parseAttributes(v.get_array(), m_record.attributes, m_recordScratch);
            } else if (isField(key, "traceId", "trace_id")) {
                const std::string_view id = readText(v, m_recordScratch);
                if (!id.empty()) m_record.trace = model::parseTraceId(id);
            } else if (isField(key, "spanId", "span_id")) {
                const std::string_view id = readText(v, m_recordScratch);
                if (!id.empty()) m_record.span = model::parseSpanId(id);
            } else if (isField(key, "eventName", "event_name")) {
                m_record.attributes.push_back(
                    AttributeInput::string("event.name", readText(v, m_recordScratch)));
            }
        }
        if (m_record.severity == model::LogSeverity::Unspecified)
            m_record.severity = model::logSeverityFromText(m_record.severityText);
        if (m_record.timeNs == 0) { // the spec's fallback: the observed time
            m_record.timeNs = m_record.observedNs;
            m_record.flags |= model::kLogNoTime;
            m_target.diagnostics.report("missing_time", model::Severity::Info,
                                        recordPosition(m_path, record) +
                                            ": a log record without timeUnixNano (observed time "
                                            "used)");
        }
    }

    const std::string& m_path;
    TelemetryTarget& m_target;
    model::LogInput m_record;
    TextArena m_scratch, m_recordScratch;
};

} // namespace

model::Status importOtlpLogsJson(const TelemetryInput& input, TelemetryTarget& target,
                                 const TelemetryImportOptions& options) {
    LogsReader reader(input.path, target);
    return forEachJsonRecord(
        input, options, target.diagnostics, [&](od::document& doc, const JsonRecord& record) {
            const std::string_view key = record.key;
            if (isField(key, "resourceLogs", "resource_logs")) {
                if (doc.type() == od::json_type::object) reader.parseResourceLogs(doc, record);
            } else if (key.empty()) {
                target.diagnostics.report("unexpected_record", model::Severity::Warning,
                                          recordPosition(input.path, record) +
                                              ": a top-level array is not an OTLP request; "
                                              "skipped");
            }
        });
}

} // namespace tg::import
