#pragma once
// What every trace importer shares: the formats we recognise, options (cancellation, progress,
// limits) and the per-file report. Plain data; no thread affinity.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "models/core/diagnostics.h"
#include "models/core/result.h"

namespace tg::import {

enum class Format { Unknown, JaegerJson, OtlpJson, OtlpProtobuf, ZipkinJson, Workspace, SpanCsv };
const char* formatName(Format format); // "jaeger-json", ...

struct ImportOptions {
    const std::atomic<bool>* cancel = nullptr; // polled between records
    // Throttled by the reader and called on the splitting thread (not the caller's): keep it
    // to an atomic store.
    std::function<void(uint64_t bytesDone)> progress;
    size_t maxRecordBytes = 1ull << 30;
    size_t maxDepth = 512;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

struct ImportReport {
    std::string path;
    Format format = Format::Unknown;
    uint64_t bytes = 0;
    uint64_t spans = 0;
    model::Diagnostics diagnostics;
    bool failed = false;
    model::Error error; // when failed
};

} // namespace tg::import
