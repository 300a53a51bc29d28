#pragma once
// The import benchmark's yardstick: the bare cost of parsing a file with simdjson On-Demand.
// Loads the whole file into a padded_string and visits every value of every document (every
// key, string, number, boolean of every span, tag, event and process/resource), folding them
// into a checksum so nothing can be optimised away. Single-threaded (iterate_many's stage-1
// thread is switched off) to compare with the single-threaded importers.
#include <cstdint>
#include <string>

namespace tg::bench {

struct BaselineResult {
    bool ok = false;
    std::string error;
    uint64_t checksum = 0;
    uint64_t values = 0; // scalars and keys visited
    // The cold pass: load the file, allocate, parse and visit (what the benchmark compares to).
    double seconds = 0;
    double cpuSeconds = 0, sysSeconds = 0; // of this thread; system time is mostly page faults
    // A second pass over the same loaded bytes with the same parser: the parse alone, without
    // reading the file or faulting in fresh memory.
    double warmSeconds = 0;
};

// `jsonLines`: the file is a sequence of documents (OTLP JSON Lines), else one document.
BaselineResult simdjsonBaseline(const std::string& path, bool jsonLines);

} // namespace tg::bench
