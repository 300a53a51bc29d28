#pragma once
// Streams a JSON file as a sequence of records small enough to hand to simdjson one at a time,
// so memory stays bounded however large the file is (the tokenizer/parser split of Perfetto's
// chunked readers). Only record *boundaries* are found here; records are parsed by simdjson.
//
// A file is a sequence of top-level values (one for a plain JSON file, many for JSON Lines).
// For each top-level value:
//  - an array: every element is a record (key "");
//  - an object: every member whose value is an array yields each element as a record under the
//    member's key; any other member value is one record under its key;
//  - a scalar: a syntax error (no telemetry format is a bare scalar).
// Records point into an internal buffer with at least SIMDJSON_PADDING readable bytes after
// them; they stay valid until the callback returns.
//
// Thread affinity: one reader per import job; runs on that job's thread.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "models/core/result.h"

namespace tg::import {

struct JsonRecord {
    uint64_t document = 0;    // 0-based index of the top-level value (line in JSON Lines)
    std::string_view key;     // member key in the top-level object; empty for array elements
    uint64_t memberIndex = 0; // increments per top-level member (object) or element (array)
    const char* data = nullptr;
    size_t size = 0;
    size_t capacity = 0; // bytes readable from data (>= size + SIMDJSON_PADDING)
    uint64_t offset = 0; // byte offset of the record in the file
    uint64_t line = 0;   // 1-based line of the record's first byte
};

struct JsonReaderLimits {
    size_t chunkBytes = 8u << 20;       // read granularity
    size_t maxRecordBytes = 1ull << 30; // a record larger than this is an error (hostile input)
    size_t maxDepth = 512;              // nesting deeper than this is an error
};

class JsonRecordReader {
public:
    // The callback returns false to stop early (cancellation); run() then returns Cancelled.
    using Callback = std::function<bool(const JsonRecord&)>;
    using Progress = std::function<void(uint64_t bytesRead)>;

    JsonRecordReader(std::string path, JsonReaderLimits limits = {});
    // Reads from memory instead of a file (tests, fuzzers, protobuf-free sniffing).
    static JsonRecordReader fromMemory(std::string_view bytes, std::string label,
                                       JsonReaderLimits limits = {});

    model::Status run(const Callback& onRecord, const Progress& onProgress = {});

private:
    struct Impl;
    std::string m_path;
    std::string_view m_memory;
    bool m_fromMemory = false;
    JsonReaderLimits m_limits;
};

} // namespace tg::import
