#include "models/telemetry/metric_store.h"

#include <algorithm>

#include "models/telemetry/telemetry_keys.h"

namespace tg::model {

FamilyId MetricStore::addFamily(const FamilyInput& in, bool* created) {
    const StringId name = strings.intern(in.name);
    if (const auto it = m_familyByName.find(name); it != m_familyByName.end()) {
        if (created) *created = false;
        return it->second;
    }
    const auto id = static_cast<FamilyId>(familyName.size());
    familyName.push_back(name);
    familyHelp.push_back(strings.intern(in.help));
    familyUnit.push_back(strings.intern(in.unit));
    familyType.push_back(in.type);
    familyFlags.push_back(in.flags);
    m_familyByName.emplace(name, id);
    if (created) *created = true;
    return id;
}

SeriesId MetricStore::addSeries(FamilyId family, std::string_view name, SeriesRole role,
                                std::span<const LabelInput> in) {
    const StringId nameId = strings.intern(name);
    m_identity.clear();
    appendIdentity(m_identity, nameId);
    const size_t labelsBefore = labels.size();
    internLabelSet(strings, in, labels, m_identity);
    if (const auto it = m_seriesByIdentity.find(m_identity); it != m_seriesByIdentity.end()) {
        labels.resize(labelsBefore); // already known: drop the copy just appended
        return it->second;
    }
    const auto id = static_cast<SeriesId>(seriesName.size());
    seriesName.push_back(nameId);
    seriesFamily.push_back(family);
    seriesRole.push_back(role);
    seriesSource.push_back(m_currentSource);
    seriesLabelBegin.push_back(static_cast<uint32_t>(labels.size()));
    m_seriesByIdentity.emplace(m_identity, id);
    return id;
}

uint32_t MetricStore::addSample(SeriesId series, int64_t timeNs, double value, uint8_t flags) {
    const auto row = static_cast<uint32_t>(sampleSeries.size());
    sampleSeries.push_back(series);
    sampleTimeNs.push_back(timeNs);
    sampleValue.push_back(value);
    sampleFlags.push_back(flags);
    sampleSource.push_back(m_currentSource);
    return row;
}

uint32_t MetricStore::addExemplar(const ExemplarInput& in) {
    const auto row = static_cast<uint32_t>(exemplarSeries.size());
    exemplarSeries.push_back(in.series);
    exemplarSample.push_back(in.sample);
    exemplarValue.push_back(in.value);
    exemplarTimeNs.push_back(in.hasTime ? in.timeNs : 0);
    uint8_t flags = in.hasTime ? kExemplarHasTime : 0;
    if (in.trace.spelling == IdSpelling::Hashed || in.span.spelling == IdSpelling::Hashed)
        flags |= kExemplarNonHexId;
    exemplarFlags.push_back(flags);
    exemplarTrace.push_back(in.trace.id);
    exemplarSpan.push_back(in.span.id);
    std::string identity; // unused: exemplar label sets are not deduplicated
    internLabelSet(strings, in.labels, exemplarLabels, identity);
    exemplarLabelBegin.push_back(static_cast<uint32_t>(exemplarLabels.size()));
    return row;
}

uint16_t MetricStore::addSource(std::string path, std::string format) {
    sources.push_back({std::move(path), std::move(format)});
    m_currentSource = static_cast<uint16_t>(sources.size() - 1);
    return m_currentSource;
}

MetricStore::Checkpoint MetricStore::checkpoint() const {
    return {familyCount(),   seriesCount(),         labels.size(), sampleCount(),
            exemplarCount(), exemplarLabels.size(), sources.size()};
}

void MetricStore::truncate(const Checkpoint& to) {
    for (SeriesId s = static_cast<SeriesId>(to.series); s < seriesCount(); ++s) {
        std::string identity;
        appendIdentity(identity, seriesName[s]);
        for (const Label& l : labelsOf(s)) {
            appendIdentity(identity, l.key);
            appendIdentity(identity, l.value);
        }
        m_seriesByIdentity.erase(identity);
    }
    for (FamilyId f = static_cast<FamilyId>(to.families); f < familyCount(); ++f)
        m_familyByName.erase(familyName[f]);
    familyName.resize(to.families);
    familyHelp.resize(to.families);
    familyUnit.resize(to.families);
    familyType.resize(to.families);
    familyFlags.resize(to.families);
    seriesName.resize(to.series);
    seriesFamily.resize(to.series);
    seriesRole.resize(to.series);
    seriesSource.resize(to.series);
    seriesLabelBegin.resize(to.series + 1);
    labels.resize(to.labels);
    sampleSeries.resize(to.samples);
    sampleTimeNs.resize(to.samples);
    sampleValue.resize(to.samples);
    sampleFlags.resize(to.samples);
    sampleSource.resize(to.samples);
    exemplarSeries.resize(to.exemplars);
    exemplarSample.resize(to.exemplars);
    exemplarValue.resize(to.exemplars);
    exemplarTimeNs.resize(to.exemplars);
    exemplarFlags.resize(to.exemplars);
    exemplarTrace.resize(to.exemplars);
    exemplarSpan.resize(to.exemplars);
    exemplarLabelBegin.resize(to.exemplars + 1);
    exemplarLabels.resize(to.exemplarLabels);
    sources.resize(to.sources);
    m_currentSource = 0;
    buildIndex();
}

namespace {

// Counting sort of rows by series, then a stable sort by time within each series (usually a
// no-op: formats write each series' samples in time order).
void indexBySeries(const std::vector<SeriesId>& rowSeries, const std::vector<int64_t>& rowTime,
                   size_t seriesCount, std::vector<uint32_t>& order, std::vector<uint32_t>& begin) {
    begin.assign(seriesCount + 1, 0);
    for (SeriesId s : rowSeries)
        ++begin[s + 1];
    for (size_t s = 0; s < seriesCount; ++s)
        begin[s + 1] += begin[s];
    order.resize(rowSeries.size());
    std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
    for (uint32_t row = 0; row < rowSeries.size(); ++row)
        order[fill[rowSeries[row]]++] = row;
    const auto byTime = [&](uint32_t a, uint32_t b) { return rowTime[a] < rowTime[b]; };
    for (size_t s = 0; s < seriesCount; ++s) {
        const auto first = order.begin() + begin[s], last = order.begin() + begin[s + 1];
        if (!std::is_sorted(first, last, byTime)) std::stable_sort(first, last, byTime);
    }
}

} // namespace

void MetricStore::buildIndex() {
    indexBySeries(sampleSeries, sampleTimeNs, seriesCount(), m_sampleOrder, m_seriesSampleBegin);
    indexBySeries(exemplarSeries, exemplarTimeNs, seriesCount(), m_exemplarOrder,
                  m_seriesExemplarBegin);
    m_indexedSamples = sampleCount();
    m_indexedExemplars = exemplarCount();
    m_indexedSeries = seriesCount();
}

bool MetricStore::indexCurrent() const {
    return m_indexedSamples == sampleCount() && m_indexedExemplars == exemplarCount() &&
           m_indexedSeries == seriesCount() && m_seriesSampleBegin.size() == seriesCount() + 1;
}

std::span<const uint32_t> MetricStore::samplesOf(SeriesId s) const {
    if (s + 1 >= m_seriesSampleBegin.size()) return {};
    return {m_sampleOrder.data() + m_seriesSampleBegin[s],
            m_seriesSampleBegin[s + 1] - m_seriesSampleBegin[s]};
}

std::span<const uint32_t> MetricStore::exemplarsOf(SeriesId s) const {
    if (s + 1 >= m_seriesExemplarBegin.size()) return {};
    return {m_exemplarOrder.data() + m_seriesExemplarBegin[s],
            m_seriesExemplarBegin[s + 1] - m_seriesExemplarBegin[s]};
}

std::string_view MetricStore::labelValue(SeriesId s, std::string_view key) const {
    const Label* l = findLabel(strings, labelsOf(s), key);
    return l ? strings.view(l->value) : std::string_view{};
}

std::string_view MetricStore::serviceOf(SeriesId s) const {
    return serviceOfLabels(strings, labelsOf(s));
}

SeriesId MetricStore::findSeries(std::string_view name, std::span<const LabelInput> in) const {
    StringId nameId;
    if (!strings.find(name, nameId)) return kNoRow;
    // Intern into a scratch pool would mutate; look every key/value up instead.
    std::vector<LabelInput> sorted(in.begin(), in.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const LabelInput& a, const LabelInput& b) { return a.key < b.key; });
    std::string identity;
    appendIdentity(identity, nameId);
    for (size_t i = 0; i < sorted.size(); ++i) {
        if (i + 1 < sorted.size() && sorted[i].key == sorted[i + 1].key) continue;
        StringId k, v;
        if (!strings.find(sorted[i].key, k) || !strings.find(sorted[i].value, v)) return kNoRow;
        appendIdentity(identity, k);
        appendIdentity(identity, v);
    }
    const auto it = m_seriesByIdentity.find(identity);
    return it == m_seriesByIdentity.end() ? kNoRow : it->second;
}

FamilyId MetricStore::findFamily(std::string_view name) const {
    StringId id;
    if (!strings.find(name, id)) return kNoRow;
    const auto it = m_familyByName.find(id);
    return it == m_familyByName.end() ? kNoRow : it->second;
}

template <typename T> static size_t capacityBytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

size_t MetricStore::memoryBytes() const {
    return strings.bytesUsed() + capacityBytes(familyName) * 3 + capacityBytes(familyType) +
           capacityBytes(familyFlags) + capacityBytes(seriesName) + capacityBytes(seriesFamily) +
           capacityBytes(seriesRole) + capacityBytes(seriesSource) +
           capacityBytes(seriesLabelBegin) + capacityBytes(labels) + capacityBytes(sampleSeries) +
           capacityBytes(sampleTimeNs) + capacityBytes(sampleValue) + capacityBytes(sampleFlags) +
           capacityBytes(sampleSource) + capacityBytes(exemplarSeries) +
           capacityBytes(exemplarSample) + capacityBytes(exemplarValue) +
           capacityBytes(exemplarTimeNs) + capacityBytes(exemplarFlags) +
           capacityBytes(exemplarTrace) + capacityBytes(exemplarSpan) +
           capacityBytes(exemplarLabelBegin) + capacityBytes(exemplarLabels) +
           capacityBytes(m_sampleOrder) + capacityBytes(m_seriesSampleBegin) +
           capacityBytes(m_exemplarOrder) + capacityBytes(m_seriesExemplarBegin);
}

} // namespace tg::model
