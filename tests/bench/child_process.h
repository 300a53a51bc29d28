#pragma once
// Runs a command as a child process and measures what the import benchmark reports: wall-clock
// time, CPU time and the child's own peak resident set size.
//
// The peak RSS goes through /usr/bin/time (GNU time, `-f %M`): a child started directly by
// posix_spawn (vfork semantics) or fork inherits the benchmark's own high-water mark, because
// Linux folds the pre-exec address space's peak into ru_maxrss at exec. GNU time is a small
// process, so its fork + exec adds only its own ~2 MB. Without /usr/bin/time, ru_maxrss from
// wait4 is reported and flagged as an upper bound.
#include <string>
#include <vector>

namespace tg::bench {

struct ChildResult {
    bool started = false;
    int exitCode = -1;     // -1: did not exit normally
    double seconds = 0;    // spawn to reap
    double cpuSeconds = 0; // user + system CPU time of the child (robust on a loaded machine)
    long maxRssKb = 0;     // peak RSS of the command (KiB)
    bool rssExact = false; // false: an upper bound (no /usr/bin/time)
    std::string out, err;  // captured stdout and stderr
};

ChildResult runChild(const std::vector<std::string>& argv, const std::string& outputDir);

} // namespace tg::bench
