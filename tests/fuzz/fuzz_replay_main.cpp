// main() for the fuzz targets when they are not built with libFuzzer (GCC, CI): runs
// LLVMFuzzerTestOneInput once per file named on the command line, descending into directories
// (sorted, so runs are reproducible). Exit code 0 when every input ran, 1 on a bad argument,
// 77 (ctest's skip code) when none of the paths exists (e.g. shared fixtures absent).
// A crashing input aborts the process like under libFuzzer; the last "running" line names it.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

bool runFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    // An exact-size heap copy, so an over-read is caught by sanitizers as it would be by libFuzzer.
    std::unique_ptr<uint8_t[]> copy(new uint8_t[bytes.size() ? bytes.size() : 1]);
    std::copy(bytes.begin(), bytes.end(), copy.get());
    std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(copy.get(), bytes.size());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
        return 1;
    }
    size_t ran = 0, missing = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        std::error_code ec;
        if (!fs::exists(arg, ec)) {
            std::fprintf(stderr, "absent, skipped: %s\n", arg.c_str());
            ++missing;
            continue;
        }
        std::vector<fs::path> files;
        if (fs::is_directory(arg, ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(arg, ec))
                if (entry.is_regular_file()) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(arg);
        }
        for (const fs::path& f : files) {
            if (!runFile(f)) return 1;
            ++ran;
        }
    }
    std::fprintf(stderr, "%zu inputs ran, %zu paths absent\n", ran, missing);
    if (ran == 0 && missing > 0) return 77;
    return 0;
}
