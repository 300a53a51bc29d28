#pragma once
// Runs a command as a child process (posix_spawn) and measures what the import benchmark
// reports: wall-clock time and the child's own peak resident set size (wait4's rusage, so
// other children and the benchmark itself are not counted). stdout and stderr go to files.
#include <string>
#include <vector>

namespace tg::bench {

struct ChildResult {
    bool started = false;
    int exitCode = -1;     // -1: did not exit normally
    double seconds = 0;    // spawn to reap
    double cpuSeconds = 0; // user + system CPU time of the child (robust on a loaded machine)
    long maxRssKb = 0;     // ru_maxrss (KiB on Linux)
    std::string out, err;  // captured output (stdout, stderr)
};

ChildResult runChild(const std::vector<std::string>& argv, const std::string& outputDir);

} // namespace tg::bench
