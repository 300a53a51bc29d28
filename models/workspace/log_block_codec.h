#pragma once
// The packed form of log records in the workspace (schema v5, table log_blocks): a block holds
// up to kLogBlockRecords consecutive LogStore rows in one BLOB, so a million lines are a few
// thousand SQLite rows instead of a million (the per-row work of SQLite was most of the import
// time). Records are row-major; per record: time as a zigzag varint delta from the previous
// record's time, observed time as a delta from the time, severity, flags, severity text,
// stream and source (varints), a mask saying which IDs follow (stated trace/span, linked
// trace/span, or "linked equals stated"), the IDs (little-endian, as span_blob_codec), the
// body (varint length + bytes) and the attributes (varint count; key, type, value each).
// String ids are the LogStore's, as everywhere in the workspace.
//
// Pure functions and value types; thread-safe.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/ids.h"
#include "models/dataset/span_types.h"
#include "models/telemetry/telemetry_types.h"

namespace tg::model::logblock {

// Records per block: large enough that SQLite's per-row and FTS5's per-document costs vanish,
// small enough that resolving a full-text hit or a trace to its lines decodes little.
inline constexpr size_t kLogBlockRecords = 256;

// One record as stored; views are valid while the source (a LogStore or a decoded blob) is.
struct PackedLogRecord {
    int64_t timeNs = 0;
    int64_t observedNs = 0;
    uint8_t severity = 0; // LogSeverity
    uint8_t flags = 0;    // LogFlag bits
    uint32_t severityText = 0;
    uint32_t stream = 0;
    uint32_t source = 0;
    TraceId trace;     // as the format stated; zero when none
    SpanId span = 0;   // as stated; 0 when none
    TraceId linkTrace; // stated or found by correlation; zero when none
    SpanId linkSpan = 0;
    std::string_view body;
    std::span<const Attribute> attributes;
};

// Appends records to a block. `previousTime` carries the delta base; start each block fresh.
class BlockEncoder {
public:
    void append(const PackedLogRecord& r);
    size_t count() const { return m_count; }
    // The finished block: a varint record count, then the records.
    const std::string& finish();
    void clear();

private:
    std::string m_records;
    std::string m_out;
    size_t m_count = 0;
    int64_t m_previousTime = 0;
};

// Reads a block's records in order. Every read is bounds-checked: a damaged blob makes next()
// return false and ok() false, never reads outside it.
class BlockDecoder {
public:
    explicit BlockDecoder(std::string_view blob);
    size_t count() const { return m_count; }
    // Decodes the next record into `r` (its attributes into an internal buffer, valid until
    // the next call). False at the end or on damage (then ok() is false).
    bool next(PackedLogRecord& r);
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_read == m_count; }

private:
    std::string_view m_in;
    size_t m_count = 0;
    size_t m_read = 0;
    int64_t m_previousTime = 0;
    bool m_ok = true;
    std::vector<Attribute> m_attributes;
};

// FTS5 token counts of a block's bodies (one varint each), which map a token position in the
// block's full-text document back to its record (see tokenStarts).
void encodeTokenCounts(std::span<const uint32_t> counts, std::string& out);
// Cumulative starts: starts[i] is the first token position of record i, starts[count] the
// total. False when the blob does not hold exactly `records` counts.
bool decodeTokenStarts(std::string_view blob, size_t records, std::vector<uint32_t>& starts);

} // namespace tg::model::logblock
