#include "tests/bench/child_process.h"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tg::bench {
namespace {

constexpr const char* kGnuTime = "/usr/bin/time";

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

double cpuSeconds(const rusage& u) {
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// GNU time's -o file: "[Command exited with non-zero status N\n]<maxrss KiB> <user s> <sys s>".
bool readGnuTime(const std::string& path, ChildResult& r) {
    std::istringstream in(readFile(path));
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    std::istringstream fields(last);
    long rss = 0;
    double user = 0, sys = 0;
    if (!(fields >> rss >> user >> sys)) return false;
    r.maxRssKb = rss;
    r.cpuSeconds = user + sys;
    r.rssExact = true;
    return true;
}

} // namespace

ChildResult runChild(const std::vector<std::string>& argv, const std::string& outputDir) {
    ChildResult r;
    const std::string outPath = outputDir + "/child.stdout", errPath = outputDir + "/child.stderr";
    const std::string timePath = outputDir + "/child.time";
    std::vector<std::string> command;
    const bool viaTime = access(kGnuTime, X_OK) == 0;
    if (viaTime) command = {kGnuTime, "-f", "%M %U %S", "-o", timePath};
    command.insert(command.end(), argv.begin(), argv.end());
    std::vector<char*> args;
    for (const std::string& a : command)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        r.err = "cannot start " + command[0];
        return r;
    }
    r.started = true;
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) break;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    if (!viaTime || !readGnuTime(timePath, r)) {
        r.maxRssKb = usage.ru_maxrss; // includes the benchmark's own peak (see the header)
        r.cpuSeconds = cpuSeconds(usage);
    }
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    return r;
}

} // namespace tg::bench
