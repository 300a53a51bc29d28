#pragma once
// The in-memory columnar store of imported log records (DESIGN §3): per record the time and
// observed time (int64 ns), severity (normalised + original text), body text, stream (a label
// set: service, pod, Loki stream labels, OTLP resource attributes), attributes, and the trace
// and span IDs the format states explicitly (normalised as span IDs are, models/core/ids.h).
// IDs found inside message text are correlation's business (models/correlate), not this store's.
//
// Layout: record columns indexed by row; bodies back to back in one byte arena (bodyBegin has
// recordCount()+1 prefix offsets); attributes in one arena of 16-byte Attribute values
// (attrBegin prefix offsets); streams deduplicated by label set, labels interned and sorted.
// Invariants: every record column has recordCount() entries, prefix offsets closed, stream and
// source indices in range. Append-only; truncate() rolls back a failed import.
// timeOrder() reads an index that buildIndex() makes after writing (the registry does it).
//
// Thread affinity: written by one import job at a time; read-only afterwards from any thread.
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/core/huge_pages.h"
#include "models/core/ids.h"
#include "models/core/string_pool.h"
#include "models/dataset/dataset.h"
#include "models/dataset/span_types.h"
#include "models/telemetry/telemetry_types.h"

namespace tg::model {

using StreamId = uint32_t;

enum LogFlag : uint8_t {
    kLogNoTime = 1 << 0,        // no timestamp in the record; timeNs is the observed time or 0
    kLogTraceNonHex = 1 << 1,   // the trace ID was not hex/base64 and was hashed
    kLogSpanNonHex = 1 << 2,    // the span ID was not hex/base64 and was hashed
    kLogTimeClamped = 1 << 3,   // the time was outside int64 ns and was clamped
    kLogBodyTruncated = 1 << 4, // the body exceeded the per-record limit and was cut
};

// One record as an importer found it. Reused between records: call clear() before filling.
struct LogInput {
    int64_t timeNs = 0;
    int64_t observedNs = 0; // 0 when unknown
    LogSeverity severity = LogSeverity::Unspecified;
    std::string_view severityText;
    std::string_view body;
    std::vector<AttributeInput> attributes;
    ParsedTraceId trace;
    ParsedSpanId span;
    uint8_t flags = 0;

    void clear() {
        timeNs = observedNs = 0;
        severity = LogSeverity::Unspecified;
        severityText = body = {};
        attributes.clear();
        trace = {};
        span = {};
        flags = 0;
    }
};

class LogStore {
public:
    LogStore() = default;
    LogStore(const LogStore&) = delete;
    LogStore& operator=(const LogStore&) = delete;

    // ---- writing (one import job) -------------------------------------------------------
    StreamId addStream(std::span<const LabelInput> labels); // equal label sets, equal ids
    uint32_t addRecord(StreamId stream, const LogInput& record);
    uint16_t addSource(std::string path, std::string format);
    // Capacity for this many more records, body bytes and attributes (an importer that knows
    // its input's size asks once, early: growing by doubling copied and first-touched the
    // columns several times over).
    void reserve(size_t records, size_t bodyBytes, size_t attributeCount);
    void setCurrentSource(uint16_t source) { m_currentSource = source; }

    struct Checkpoint {
        size_t records = 0, bodyBytes = 0, attributes = 0, streams = 0, streamLabels = 0,
               sources = 0;
        friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
    };
    Checkpoint checkpoint() const;
    void truncate(const Checkpoint& to);
    // Sorts rows by time (stable) for timeOrder().
    void buildIndex();

    // ---- reading -------------------------------------------------------------------------
    size_t recordCount() const { return timeNs.size(); }
    size_t streamCount() const { return streamLabelBegin.size() - 1; }
    std::string_view body(size_t row) const {
        return std::string_view(bodyBytes).substr(bodyBegin[row],
                                                  bodyBegin[row + 1] - bodyBegin[row]);
    }
    std::span<const Attribute> attributesOf(size_t row) const {
        return {attributes.data() + attrBegin[row], attrBegin[row + 1] - attrBegin[row]};
    }
    std::span<const Label> streamLabels(StreamId s) const {
        return {labels.data() + streamLabelBegin[s], streamLabelBegin[s + 1] - streamLabelBegin[s]};
    }
    bool hasTrace(size_t row) const { return !traceId[row].isZero(); }
    bool hasSpan(size_t row) const { return spanId[row] != 0; }
    // service / service_name / service.name / job / app of the record's stream; "" when none.
    std::string_view serviceOf(size_t row) const;
    // Value of a stream label of the record's stream; "" when absent.
    std::string_view labelValue(size_t row, std::string_view key) const;
    // First attribute with this key, or nullptr.
    const Attribute* findAttribute(size_t row, std::string_view key) const;
    // Renders an attribute value as text (numbers and booleans formatted).
    std::string attributeText(const Attribute& a) const;
    // All rows sorted by time (stable); needs buildIndex().
    std::span<const uint32_t> timeOrder() const { return m_timeOrder; }
    bool indexCurrent() const { return m_timeOrder.size() == recordCount(); }

    size_t memoryBytes() const;

    StringPool strings;

    // Record columns.
    HugePageVector<int64_t> timeNs;
    HugePageVector<int64_t> observedNs;
    HugePageVector<LogSeverity> severity;
    HugePageVector<StringId> severityText;
    HugePageVector<StreamId> stream;
    HugePageVector<TraceId> traceId; // zero when absent
    HugePageVector<SpanId> spanId;   // 0 when absent
    HugePageVector<uint8_t> flags;
    HugePageVector<uint16_t> source;
    HugePageVector<uint64_t> bodyBegin{0};
    HugePageVector<uint32_t> attrBegin{0};

    // Arenas.
    HugePageString bodyBytes;
    HugePageVector<Attribute> attributes;
    std::vector<uint32_t> streamLabelBegin{0};
    std::vector<Label> labels;

    std::vector<SourceFile> sources;

private:
    // Calls f on every record column with one entry per record (not the prefix offsets
    // bodyBegin and attrBegin, which have one more): the one list reserve and truncate share.
    template <typename F> void forEachRecordColumn(F&& f) {
        f(timeNs);
        f(observedNs);
        f(severity);
        f(severityText);
        f(stream);
        f(traceId);
        f(spanId);
        f(flags);
        f(source);
    }
    Attribute internAttribute(const AttributeInput& in, size_t position);
    // The last text interned through a cache and its id: records mostly repeat their
    // severity text and their attributes' keys in the same order, and comparing with the last
    // one is cheaper than hashing into the pool.
    struct LastInterned {
        std::string text;
        StringId id = 0;
        bool valid = false;
    };
    StringId internVia(LastInterned& last, std::string_view text);

    std::unordered_map<std::string, StreamId> m_streamByIdentity;
    std::string m_identity; // scratch
    // The label text as given (keys and values in input order) -> stream: most records repeat
    // a stream already seen, and this answers them without sorting or interning.
    std::unordered_map<std::string, StreamId> m_streamByText;
    std::string m_text; // scratch
    uint16_t m_currentSource = 0;
    HugePageVector<uint32_t> m_timeOrder;
    LastInterned m_lastSeverityText;
    std::vector<LastInterned> m_lastAttributeKey; // by position in the record
};

} // namespace tg::model
