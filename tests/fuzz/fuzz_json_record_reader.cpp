// Fuzz target for the record splitter alone (JsonRecordReader::fromMemory), with small and
// varying limits so the refill, growth and limit paths run on small inputs. Every record it
// hands out must be exactly the input's bytes at the record's offset, with the right line, at
// least SIMDJSON_PADDING readable bytes after it, and never start with white space.
// Built as a libFuzzer binary with Clang (TOPOGRAPH_FUZZ=ON) or linked to fuzz_replay_main.cpp.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <simdjson.h>

#include "importers/common/json_record_reader.h"

using namespace tg;

namespace {

void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_json_record_reader: invariant violated: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // Limits from the last byte (the first is usually '{' or '[' and matters to the format).
    const uint8_t knob = size ? data[size - 1] : 0;
    static constexpr size_t kChunks[] = {16, 64, 1000, 8u << 20};
    static constexpr size_t kRecords[] = {1u << 20, 64, 4096, 1u << 30};
    import::JsonReaderLimits limits;
    limits.chunkBytes = kChunks[knob & 3];
    limits.maxRecordBytes = kRecords[(knob >> 2) & 3];
    limits.maxDepth = (knob >> 4) == 0 ? 512 : (knob >> 4);

    // The reader skips a UTF-8 byte order mark; offsets stay file offsets.
    uint64_t previousEnd = 0;
    uint64_t records = 0;
    simdjson::ondemand::parser parser;
    auto onRecord = [&](const import::JsonRecord& r) {
        ++records;
        check(r.size > 0, "records are not empty");
        check(r.offset >= previousEnd && r.offset + r.size <= size,
              "records in order, inside the input");
        check(std::memcmp(r.data, input.data() + r.offset, r.size) == 0,
              "record bytes equal the input at its offset");
        check(r.capacity >= r.size + simdjson::SIMDJSON_PADDING, "padding after the record");
        check(r.size <= limits.maxRecordBytes, "records respect maxRecordBytes");
        const char first = r.data[0];
        check(first != ' ' && first != '\n' && first != '\r' && first != '\t',
              "records start at a value");
        const uint64_t line =
            1 + static_cast<uint64_t>(std::count(input.data(), input.data() + r.offset, '\n'));
        check(r.line == line, "record line is 1 + newlines before it");
        // Touch the promised padding (ASan reports it if it is not really there).
        volatile char sink = 0;
        for (size_t i = r.size; i < r.size + simdjson::SIMDJSON_PADDING; ++i)
            sink = sink ^ r.data[i];
        // What json_record_loop does with a record: simdjson must cope with whatever it got.
        simdjson::ondemand::document doc;
        if (!parser.iterate(r.data, r.size, r.capacity).get(doc)) {
            std::string_view raw;
            if (doc.raw_json().get(raw) == simdjson::SUCCESS) sink = sink ^ char(raw.size());
        }
        previousEnd = r.offset + r.size;
        return true;
    };
    uint64_t lastProgress = 0;
    auto onProgress = [&](uint64_t done) {
        check(done >= lastProgress && done <= size, "progress is monotonic and within the input");
        lastProgress = done;
    };
    import::JsonRecordReader reader =
        import::JsonRecordReader::fromMemory(input, "fuzz-input", limits);
    const model::Status status = reader.run(onRecord, onProgress);
    if (!status) {
        const model::Error& e = status.error();
        check(e.path == "fuzz-input", "errors name the input");
        check(e.offset >= 0 && uint64_t(e.offset) <= size, "error offset inside the input");
        check(e.line >= 1, "error line known");
    } else {
        check(lastProgress == size, "a clean run reads everything");
    }
    return 0;
}
