#include "importers/loki/loki_api_importer.h"

#include "importers/common/json_values.h"
#include "importers/prometheus/prometheus_api_importer.h"
#include "importers/prometheus/prometheus_query_data.h"
#include "importers/telemetry/json_position.h"
#include "importers/telemetry/telemetry_values.h"
#include "models/telemetry/telemetry_keys.h"

namespace tg::import {

using model::LabelInput;

namespace {

// One entry, as views into the parser's string buffer (valid for the whole data document).
struct Entry {
    std::string_view time, line;
    const char* at = nullptr;
    size_t metaBegin = 0, metaEnd = 0; // into StreamReader::m_meta
};

class StreamReader {
public:
    StreamReader(const std::string& path, TelemetryTarget& target)
        : m_path(path), m_target(target) {}

    void parseStreams(od::value result, const JsonRecord& record) {
        for (auto element : result.get_array()) {
            od::value e = element.value();
            if (e.type() != od::json_type::object) {
                m_target.diagnostics.report(
                    "bad_result", model::Severity::Warning,
                    positionText(m_path, record, e.raw_json_token().data()) +
                        ": a stream is not an object; skipped");
                continue;
            }
            parseStream(e.get_object(), record);
        }
    }

private:
    void parseStream(od::object stream, const JsonRecord& record) {
        m_labels.clear();
        m_entries.clear();
        m_meta.clear();
        m_scratch.reset(); // only numbers rendered as text live here; strings are the parser's
        for (auto field : stream) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "stream") {
                for (auto l : field.value().get_object())
                    m_labels.push_back({l.unescaped_key().value(), readText(l.value(), m_scratch)});
            } else if (key == "values") {
                for (auto v : field.value().get_array())
                    readEntry(v.value(), record);
            }
        }
        const model::StreamId id = m_target.logs.addStream(m_labels);
        const Entry* previous = nullptr;
        for (const Entry& e : m_entries) {
            addRecord(id, e, record);
            if (previous && previous->time == e.time && previous->line == e.line)
                m_target.diagnostics.report("duplicate_entry", model::Severity::Info,
                                            positionText(m_path, record, e.at) +
                                                ": the same entry as the one before (kept)");
            previous = &e;
        }
    }

    void readMetadataObject(od::object object, bool nested) {
        for (auto f : object) {
            const std::string_view k = f.unescaped_key().value();
            od::value v = f.value();
            if (nested && (k == "structuredMetadata" || k == "parsed") &&
                v.type() == od::json_type::object) {
                readMetadataObject(v.get_object(), false);
                continue;
            }
            m_meta.push_back({k, readText(v, m_scratch)});
        }
    }

    void readEntry(od::value pair, const JsonRecord& record) {
        Entry e;
        e.at = pair.raw_json_token().data();
        e.metaBegin = m_meta.size();
        size_t i = 0;
        if (pair.type() == od::json_type::array) {
            for (auto item : pair.get_array()) {
                od::value v = item.value();
                if (i == 0)
                    e.time = readText(v, m_scratch);
                else if (i == 1)
                    e.line = readText(v, m_scratch);
                else if (i == 2 && v.type() == od::json_type::object)
                    readMetadataObject(v.get_object(), true);
                ++i;
            }
        }
        e.metaEnd = m_meta.size();
        if (i < 2 || i > 3) {
            m_target.diagnostics.report("bad_entry", model::Severity::Warning,
                                        positionText(m_path, record, e.at) +
                                            ": an entry is not [time, line(, metadata)]; skipped");
            return;
        }
        m_entries.push_back(e);
    }

    void addRecord(model::StreamId stream, const Entry& e, const JsonRecord& record) {
        const ScaledDecimal t = parseScaledDecimal(e.time, 0);
        if (t.status == DecimalStatus::Invalid) {
            m_target.diagnostics.report("bad_entry", model::Severity::Warning,
                                        positionText(m_path, record, e.at) + ": timestamp '" +
                                            std::string(e.time) +
                                            "' is not nanoseconds; entry skipped");
            return;
        }
        m_record.clear();
        m_record.timeNs = t.value;
        if (t.status == DecimalStatus::Clamped) m_record.flags |= model::kLogTimeClamped;
        m_record.body = e.line;
        for (size_t i = e.metaBegin; i < e.metaEnd; ++i) {
            const LabelInput& m = m_meta[i];
            if (model::isTraceIdKey(m.key))
                m_record.trace = model::parseTraceId(m.value);
            else if (model::isSpanIdKey(m.key))
                m_record.span = model::parseSpanId(m.value);
            if (model::isSeverityKey(m.key) && m_record.severityText.empty())
                m_record.severityText = m.value;
            m_record.attributes.push_back(model::AttributeInput::string(m.key, m.value));
        }
        if (m_record.severityText.empty())
            for (const LabelInput& l : m_labels)
                if (model::isSeverityKey(l.key)) m_record.severityText = l.value;
        m_record.severity = model::logSeverityFromText(m_record.severityText);
        m_target.logs.addRecord(stream, m_record);
    }

    const std::string& m_path;
    TelemetryTarget& m_target;
    std::vector<LabelInput> m_labels, m_meta;
    std::vector<Entry> m_entries;
    model::LogInput m_record;
    TextArena m_scratch;
};

} // namespace

model::Status importLokiApiJson(const TelemetryInput& input, TelemetryTarget& target,
                                const TelemetryImportOptions& options) {
    StreamReader streams(input.path, target);
    PromQueryDataReader metrics(input.path, target);
    return readQueryEnvelope(input, target, options,
                             [&](od::document& data, const JsonRecord& record) {
                                 if (data.type() != od::json_type::object) return;
                                 const std::string type = findResultType(data);
                                 for (auto field : data.get_object()) {
                                     if (field.unescaped_key().value() != "result") continue;
                                     if (type == "streams")
                                         streams.parseStreams(field.value(), record);
                                     else
                                         metrics.parseResult(type, field.value(), record);
                                 }
                             });
}

} // namespace tg::import
