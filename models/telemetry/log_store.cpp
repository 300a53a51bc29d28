#include "models/telemetry/log_store.h"

#include <algorithm>
#include <numeric>

#include "models/telemetry/telemetry_keys.h"

namespace tg::model {

StreamId LogStore::addStream(std::span<const LabelInput> in) {
    m_text.clear();
    for (const LabelInput& l : in) {
        m_text.append(l.key).push_back('\x1f');
        m_text.append(l.value).push_back('\x1e');
    }
    if (const auto it = m_streamByText.find(m_text); it != m_streamByText.end()) return it->second;
    m_identity.clear();
    const size_t before = labels.size();
    internLabelSet(strings, in, labels, m_identity);
    StreamId id = 0;
    if (const auto it = m_streamByIdentity.find(m_identity); it != m_streamByIdentity.end()) {
        labels.resize(before);
        id = it->second;
    } else {
        id = static_cast<StreamId>(streamCount());
        streamLabelBegin.push_back(static_cast<uint32_t>(labels.size()));
        m_streamByIdentity.emplace(m_identity, id);
    }
    m_streamByText.emplace(m_text, id);
    return id;
}

StringId LogStore::internVia(LastInterned& last, std::string_view text) {
    if (last.valid && last.text == text) return last.id;
    last.text.assign(text);
    last.id = strings.intern(text);
    last.valid = true;
    return last.id;
}

Attribute LogStore::internAttribute(const AttributeInput& in, size_t position) {
    constexpr size_t kCachedPositions = 32;
    if (position >= kCachedPositions) return model::internAttribute(strings, in);
    if (position >= m_lastAttributeKey.size()) m_lastAttributeKey.resize(position + 1);
    return model::internAttribute(strings, in, internVia(m_lastAttributeKey[position], in.key));
}

uint32_t LogStore::addRecord(StreamId streamId, const LogInput& in) {
    const auto row = static_cast<uint32_t>(recordCount());
    timeNs.push_back(in.timeNs);
    observedNs.push_back(in.observedNs);
    severity.push_back(in.severity);
    severityText.push_back(internVia(m_lastSeverityText, in.severityText));
    stream.push_back(streamId);
    traceId.push_back(in.trace.id);
    spanId.push_back(in.span.id);
    uint8_t f = in.flags;
    if (in.trace.spelling == IdSpelling::Hashed) f |= kLogTraceNonHex;
    if (in.span.spelling == IdSpelling::Hashed) f |= kLogSpanNonHex;
    flags.push_back(f);
    source.push_back(m_currentSource);
    bodyBytes.append(in.body);
    bodyBegin.push_back(bodyBytes.size());
    for (size_t i = 0; i < in.attributes.size(); ++i)
        attributes.push_back(internAttribute(in.attributes[i], i));
    attrBegin.push_back(static_cast<uint32_t>(attributes.size()));
    return row;
}

uint16_t LogStore::addSource(std::string path, std::string format) {
    sources.push_back({std::move(path), std::move(format)});
    m_currentSource = static_cast<uint16_t>(sources.size() - 1);
    return m_currentSource;
}

void LogStore::reserve(size_t records, size_t bodyBytesMore, size_t attributeCount) {
    const size_t n = recordCount() + records;
    forEachRecordColumn([n](auto& column) { column.reserve(n); });
    bodyBegin.reserve(n + 1);
    attrBegin.reserve(n + 1);
    bodyBytes.reserve(bodyBytes.size() + bodyBytesMore);
    attributes.reserve(attributes.size() + attributeCount);
}

LogStore::Checkpoint LogStore::checkpoint() const {
    return {recordCount(), bodyBytes.size(), attributes.size(),
            streamCount(), labels.size(),    sources.size()};
}

void LogStore::truncate(const Checkpoint& to) {
    for (StreamId s = static_cast<StreamId>(to.streams); s < streamCount(); ++s) {
        std::string identity;
        for (const Label& l : streamLabels(s)) {
            appendIdentity(identity, l.key);
            appendIdentity(identity, l.value);
        }
        m_streamByIdentity.erase(identity);
    }
    std::erase_if(m_streamByText, [&](const auto& entry) { return entry.second >= to.streams; });
    const size_t n = to.records;
    forEachRecordColumn([n](auto& column) { column.resize(n); });
    bodyBegin.resize(n + 1);
    attrBegin.resize(n + 1);
    bodyBytes.resize(to.bodyBytes);
    attributes.resize(to.attributes);
    streamLabelBegin.resize(to.streams + 1);
    labels.resize(to.streamLabels);
    sources.resize(to.sources);
    m_currentSource = 0;
    buildIndex();
}

void LogStore::buildIndex() {
    m_timeOrder.resize(recordCount());
    std::iota(m_timeOrder.begin(), m_timeOrder.end(), 0u);
    const auto byTime = [&](uint32_t a, uint32_t b) { return timeNs[a] < timeNs[b]; };
    if (!std::is_sorted(m_timeOrder.begin(), m_timeOrder.end(), byTime))
        std::stable_sort(m_timeOrder.begin(), m_timeOrder.end(), byTime);
}

std::string_view LogStore::serviceOf(size_t row) const {
    return serviceOfLabels(strings, streamLabels(stream[row]));
}

std::string_view LogStore::labelValue(size_t row, std::string_view key) const {
    const Label* l = findLabel(strings, streamLabels(stream[row]), key);
    return l ? strings.view(l->value) : std::string_view{};
}

const Attribute* LogStore::findAttribute(size_t row, std::string_view key) const {
    return model::findAttribute(strings, attributesOf(row), key);
}

std::string LogStore::attributeText(const Attribute& a) const {
    return model::attributeText(strings, a);
}

size_t LogStore::memoryBytes() const {
    return strings.bytesUsed() + capacityBytes(timeNs) + capacityBytes(observedNs) +
           capacityBytes(severity) + capacityBytes(severityText) + capacityBytes(stream) +
           capacityBytes(traceId) + capacityBytes(spanId) + capacityBytes(flags) +
           capacityBytes(source) + capacityBytes(bodyBegin) + capacityBytes(attrBegin) +
           bodyBytes.capacity() + capacityBytes(attributes) + capacityBytes(streamLabelBegin) +
           capacityBytes(labels) + capacityBytes(m_timeOrder);
}

} // namespace tg::model
