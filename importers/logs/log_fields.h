#pragma once
// The fields of one structured log line (a JSON object, a logfmt line, a CSV row) and how they
// become a log record: the first time-like field (ts, time, timestamp, ...) is the time, the
// first severity-like field (level, severity, ...) the severity, the first message-like field
// (msg, message, log, ...) the body, trace/span ID fields (trace_id, traceId, traceID,
// trace.id, span_id, ...) the ID columns, service/namespace/pod/host-like fields the stream
// labels, and everything else attributes. Fields of an embedded document (the application's
// JSON inside a Docker json-file "log" string) rank before the envelope's; the envelope's time
// then becomes the observed time. One LogFields per import job, reused line after line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/common/text_arena.h"
#include "models/core/diagnostics.h"
#include "models/telemetry/log_store.h"

namespace tg::import {

struct LogField {
    std::string_view key;
    model::AttributeInput value; // value.key == key; strings in value.str
    uint8_t level = 0;           // 0 the line itself, 1 a document embedded in it
    std::string_view text() const {
        return value.type == model::AttrType::String ? value.str : rendered;
    }
    std::string_view rendered; // numbers/bools as text (for times, IDs and labels)
    // Worked out once per record by LogFields::assemble (the key's role, a time field's value).
    uint8_t role = 0;
    std::optional<int64_t> timeNs;
};

class LogFields {
public:
    void clear();
    // Strings must stay valid until assemble() (use own() for text made on the fly).
    void addString(std::string_view key, std::string_view value, uint8_t level = 0);
    void addTyped(model::AttributeInput value, std::string_view rendered, uint8_t level = 0);
    std::string_view own(std::string_view text); // a copy that lives until clear()
    std::string& scratch() { return m_arena.next(); }
    size_t size() const { return m_fields.size(); }
    void truncate(size_t n) { m_fields.resize(n); }

    // Fills `record` and `labels` (views into the fields) by the rules above; `fallbackBody`
    // when no message-like field exists. Returns false when no time could be read (the record
    // then carries kLogNoTime and time 0).
    bool assemble(model::LogInput& record, std::vector<model::LabelInput>& labels,
                  std::string_view fallbackBody);

private:
    // Finds (or works out and caches) the role of a key, and remembers its slot for `position`.
    uint8_t roleOfKey(std::string_view key, size_t position);

    std::vector<LogField> m_fields;
    TextArena m_arena;
    // The roles of the keys seen so far: a file repeats a handful of keys on every line, and
    // matching each against every known key name was a fifth of the import.
    std::vector<std::pair<std::string, uint8_t>> m_roleCache;
    std::vector<uint8_t> m_slotAt;  // by field position: the cache slot of the last key there
    std::string m_lastSeverityText; // the last severity text and what it normalises to
    model::LogSeverity m_lastSeverity = model::LogSeverity::Unspecified;
};

// ns since the epoch from a time field's text: RFC 3339 and friends, or an epoch number in
// seconds, milliseconds, microseconds or nanoseconds (by magnitude).
std::optional<int64_t> parseLogTime(std::string_view text);

} // namespace tg::import
