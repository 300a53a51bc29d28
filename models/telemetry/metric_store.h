#pragma once
// The in-memory columnar store of imported metrics (DESIGN §3): metric families (name, type,
// unit, help), series (sample name, role in the family, label set) and their samples
// (int64 ns time, double value), plus exemplars linked to their series, sample and trace.
//
// Histogram and summary parts are series of their own, as Prometheus stores them:
// `x_bucket{le="0.5"}`, `x{quantile="0.9"}`, `x_sum`, `x_count`, `x_created`, each with its
// SeriesRole. Strings are interned; label sets live in one arena, sorted by key.
//
// Invariants: family/series columns have familyCount()/seriesCount() entries and
// seriesLabelBegin has seriesCount()+1 (prefix offsets into `labels`); sample and exemplar
// columns have sampleCount()/exemplarCount() entries and are append-only, in arrival order.
// Series are unique by (name, labels); families by name (the first definition wins).
// samplesOf()/exemplarsOf() read an index that buildIndex() makes; every writer (the import
// registry) calls it after writing or truncating.
//
// Thread affinity: written by one import job at a time; read-only afterwards from any thread.
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/core/ids.h"
#include "models/core/string_pool.h"
#include "models/dataset/dataset.h"
#include "models/telemetry/telemetry_types.h"

namespace tg::model {

using FamilyId = uint32_t;
using SeriesId = uint32_t;
inline constexpr uint32_t kNoRow = 0xFFFFFFFFu;

enum FamilyFlag : uint8_t {
    kFamilyDelta = 1 << 0,   // OTLP delta temporality: samples are increments, not running totals
    kFamilyMetadata = 1 << 1 // TYPE/HELP/UNIT came from the file (not inferred)
};

enum SampleFlag : uint8_t {
    kSampleTimeAssumed = 1 << 0, // the format gave no time; the import placed it (scrape time)
    kSampleTimeClamped = 1 << 1, // the time was outside int64 ns and was clamped
};

enum ExemplarFlag : uint8_t {
    kExemplarHasTime = 1 << 0,
    kExemplarNonHexId = 1 << 1, // trace or span ID was not hex/base64 and was hashed (ids.h)
};

struct FamilyInput {
    std::string_view name;
    MetricType type = MetricType::Unknown;
    std::string_view help;
    std::string_view unit;
    uint8_t flags = 0;
};

struct ExemplarInput {
    SeriesId series = 0;
    uint32_t sample = kNoRow; // the sample row it was exposed with, when known
    double value = 0;
    int64_t timeNs = 0;
    bool hasTime = false;
    std::span<const LabelInput> labels; // all of them, trace_id/span_id included
    ParsedTraceId trace;                // filled from labels by the importer (telemetry_keys.h)
    ParsedSpanId span;
};

class MetricStore {
public:
    MetricStore() = default;
    MetricStore(const MetricStore&) = delete;
    MetricStore& operator=(const MetricStore&) = delete;

    // ---- writing (one import job) -------------------------------------------------------
    // Returns the family of that name, creating it; `created` tells which happened.
    FamilyId addFamily(const FamilyInput& family, bool* created = nullptr);
    // Returns the series (name, labels), creating it in `family` when new.
    SeriesId addSeries(FamilyId family, std::string_view name, SeriesRole role,
                       std::span<const LabelInput> labels);
    uint32_t addSample(SeriesId series, int64_t timeNs, double value, uint8_t flags = 0);
    uint32_t addExemplar(const ExemplarInput& exemplar);
    uint16_t addSource(std::string path, std::string format);
    void setCurrentSource(uint16_t source) { m_currentSource = source; }

    // Sizes of every column; truncate() returns the store to such a point (rollback of a
    // failed import). Interned strings are kept; they are harmless.
    struct Checkpoint {
        size_t families = 0, series = 0, labels = 0, samples = 0, exemplars = 0, exemplarLabels = 0,
               sources = 0;
        friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
    };
    Checkpoint checkpoint() const;
    void truncate(const Checkpoint& to);
    // Sorts sample rows per series by time (and exemplars per series) for samplesOf().
    void buildIndex();

    // ---- reading -------------------------------------------------------------------------
    size_t familyCount() const { return familyName.size(); }
    size_t seriesCount() const { return seriesName.size(); }
    size_t sampleCount() const { return sampleSeries.size(); }
    size_t exemplarCount() const { return exemplarSeries.size(); }

    std::span<const Label> labelsOf(SeriesId s) const {
        return {labels.data() + seriesLabelBegin[s], seriesLabelBegin[s + 1] - seriesLabelBegin[s]};
    }
    std::span<const Label> exemplarLabelsOf(uint32_t e) const {
        return {exemplarLabels.data() + exemplarLabelBegin[e],
                exemplarLabelBegin[e + 1] - exemplarLabelBegin[e]};
    }
    // "" when the series has no such label.
    std::string_view labelValue(SeriesId s, std::string_view key) const;
    // service / service_name / service.name / job / app, in that order; "" when none.
    std::string_view serviceOf(SeriesId s) const;
    std::string_view nameOf(SeriesId s) const { return strings.view(seriesName[s]); }
    FamilyId familyOf(SeriesId s) const { return seriesFamily[s]; }
    MetricType typeOf(SeriesId s) const { return familyType[seriesFamily[s]]; }
    // Sample rows of a series sorted by time (stable for equal times); needs buildIndex().
    std::span<const uint32_t> samplesOf(SeriesId s) const;
    std::span<const uint32_t> exemplarsOf(SeriesId s) const;
    // Series of that name and exactly these labels, or kNoRow.
    SeriesId findSeries(std::string_view name, std::span<const LabelInput> labels) const;
    FamilyId findFamily(std::string_view name) const;
    bool indexCurrent() const;

    size_t memoryBytes() const;

    StringPool strings;

    // Family columns.
    std::vector<StringId> familyName, familyHelp, familyUnit;
    std::vector<MetricType> familyType;
    std::vector<uint8_t> familyFlags;

    // Series columns.
    std::vector<StringId> seriesName; // full sample name: "x_bucket", "up"
    std::vector<FamilyId> seriesFamily;
    std::vector<SeriesRole> seriesRole;
    std::vector<uint16_t> seriesSource; // the source that created it
    std::vector<uint32_t> seriesLabelBegin{0};
    std::vector<Label> labels;

    // Sample columns (arrival order).
    std::vector<SeriesId> sampleSeries;
    std::vector<int64_t> sampleTimeNs;
    std::vector<double> sampleValue;
    std::vector<uint8_t> sampleFlags;
    std::vector<uint16_t> sampleSource;

    // Exemplar columns (arrival order).
    std::vector<SeriesId> exemplarSeries;
    std::vector<uint32_t> exemplarSample; // kNoRow when not tied to one sample
    std::vector<double> exemplarValue;
    std::vector<int64_t> exemplarTimeNs;
    std::vector<uint8_t> exemplarFlags;
    std::vector<TraceId> exemplarTrace; // zero when the exemplar names no trace
    std::vector<SpanId> exemplarSpan;   // 0 when absent
    std::vector<uint32_t> exemplarLabelBegin{0};
    std::vector<Label> exemplarLabels;

    std::vector<SourceFile> sources;

private:
    std::unordered_map<StringId, FamilyId> m_familyByName;
    std::unordered_map<std::string, SeriesId> m_seriesByIdentity;
    std::string m_identity; // scratch
    uint16_t m_currentSource = 0;

    // Index (buildIndex): rows sorted by (series, time), with per-series prefix offsets.
    std::vector<uint32_t> m_sampleOrder, m_seriesSampleBegin;
    std::vector<uint32_t> m_exemplarOrder, m_seriesExemplarBegin;
    size_t m_indexedSamples = 0, m_indexedExemplars = 0, m_indexedSeries = 0;
};

} // namespace tg::model
