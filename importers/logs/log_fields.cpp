#include "importers/logs/log_fields.h"

#include <algorithm>
#include <cstring>

#include "importers/telemetry/telemetry_values.h"
#include "models/telemetry/telemetry_keys.h"

namespace tg::import {

using model::AttributeInput;

std::optional<int64_t> parseLogTime(std::string_view text) {
    if (auto t = parseDateTimeNs(text)) return t;
    return parseEpochGuessNs(text);
}

void LogFields::clear() {
    m_fields.clear();
    m_arena.reset();
}

std::string_view LogFields::own(std::string_view text) {
    std::string& s = m_arena.next();
    s.assign(text);
    return s;
}

void LogFields::addString(std::string_view key, std::string_view value, uint8_t level) {
    LogField f;
    f.key = key;
    f.value = AttributeInput::string(key, value);
    f.level = level;
    m_fields.push_back(f);
}

void LogFields::addTyped(AttributeInput value, std::string_view rendered, uint8_t level) {
    LogField f;
    f.key = value.key;
    f.value = value;
    f.rendered = rendered;
    f.level = level;
    m_fields.push_back(f);
}

namespace {

enum class Role : uint8_t { Attribute, Time, Severity, Body, Trace, Span, Label };

Role roleOf(std::string_view key) {
    if (model::isTimeKey(key)) return Role::Time;
    if (model::isSeverityKey(key)) return Role::Severity;
    if (model::isMessageKey(key)) return Role::Body;
    if (model::isTraceIdKey(key)) return Role::Trace;
    if (model::isSpanIdKey(key)) return Role::Span;
    if (model::isStreamLabelKey(key)) return Role::Label;
    return Role::Attribute;
}

// Severity words, or pino/bunyan's numeric levels (10 trace ... 60 fatal).
model::LogSeverity severityOf(std::string_view text) {
    static constexpr std::pair<std::string_view, model::LogSeverity> kNumbers[] = {
        {"10", model::LogSeverity::Trace}, {"20", model::LogSeverity::Debug},
        {"30", model::LogSeverity::Info},  {"40", model::LogSeverity::Warn},
        {"50", model::LogSeverity::Error}, {"60", model::LogSeverity::Fatal}};
    for (const auto& [number, severity] : kNumbers)
        if (text == number) return severity;
    return model::logSeverityFromText(text);
}

} // namespace

uint8_t LogFields::roleOfKey(std::string_view key, size_t position) {
    size_t slot = 0;
    while (slot < m_roleCache.size() && m_roleCache[slot].first != key)
        ++slot;
    uint8_t role = 0;
    if (slot < m_roleCache.size()) {
        role = m_roleCache[slot].second;
    } else {
        role = static_cast<uint8_t>(roleOf(key));
        constexpr size_t kMaxCachedKeys = 64; // JSON with ever-new keys must not grow it
        if (m_roleCache.size() < kMaxCachedKeys) m_roleCache.emplace_back(key, role);
    }
    constexpr size_t kMaxPositions = 64;
    if (position < kMaxPositions) {
        if (position >= m_slotAt.size()) m_slotAt.resize(position + 1, 0xFF);
        m_slotAt[position] = static_cast<uint8_t>(std::min<size_t>(slot, 0xFF));
    }
    return role;
}

bool LogFields::assemble(model::LogInput& record, std::vector<model::LabelInput>& labels,
                         std::string_view fallbackBody) {
    // Which field fills each role: the highest level wins, then the first at that level.
    const LogField* chosen[7] = {};
    for (size_t i = 0; i < m_fields.size(); ++i) {
        LogField& f = m_fields[i];
        // Lines of a file mostly repeat their keys in the same order: the key that stood at
        // this position in the last record is tried here, inline, before any search.
        const uint8_t slot = i < m_slotAt.size() ? m_slotAt[i] : 0xFF;
        const std::string* known = slot < m_roleCache.size() ? &m_roleCache[slot].first : nullptr;
        if (known && known->size() == f.key.size() &&
            std::memcmp(known->data(), f.key.data(), f.key.size()) == 0)
            f.role = m_roleCache[slot].second;
        else
            f.role = roleOfKey(f.key, i);
        const auto role = static_cast<Role>(f.role);
        const auto r = static_cast<size_t>(role);
        if (role == Role::Attribute || role == Role::Label) continue;
        if (role == Role::Time && !(f.timeNs = parseLogTime(f.text()))) continue;
        if ((role == Role::Trace || role == Role::Span) && f.text().empty()) continue;
        if (!chosen[r] || f.level > chosen[r]->level) chosen[r] = &f;
    }
    const LogField* time = chosen[static_cast<size_t>(Role::Time)];
    const LogField* body = chosen[static_cast<size_t>(Role::Body)];
    const LogField* severity = chosen[static_cast<size_t>(Role::Severity)];
    const LogField* trace = chosen[static_cast<size_t>(Role::Trace)];
    const LogField* span = chosen[static_cast<size_t>(Role::Span)];
    if (time)
        record.timeNs = *time->timeNs;
    else
        record.flags |= model::kLogNoTime;
    record.body = body ? body->text() : fallbackBody;
    if (severity) {
        record.severityText = severity->text();
        if (record.severityText != m_lastSeverityText) { // lines mostly repeat the last one
            m_lastSeverityText.assign(record.severityText);
            m_lastSeverity = severityOf(record.severityText);
        }
        record.severity = m_lastSeverity;
    }
    if (trace) record.trace = model::parseTraceId(trace->text());
    if (span) record.span = model::parseSpanId(span->text());
    for (const LogField& f : m_fields) {
        if (&f == time || &f == body || &f == severity || &f == trace || &f == span) continue;
        const auto role = static_cast<Role>(f.role);
        if (role == Role::Time && time && f.level < time->level && f.timeNs) {
            // The envelope's time of an embedded document: when it was collected.
            record.observedNs = *f.timeNs;
            continue;
        }
        if (role == Role::Label)
            labels.push_back({f.key, f.text()});
        else
            record.attributes.push_back(f.value);
    }
    return time != nullptr;
}

} // namespace tg::import
