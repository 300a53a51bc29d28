// adviseHugePages: a large buffer's 2 MiB-aligned middle is marked for transparent huge pages
// (the kernel's "hg" flag on its mapping in /proc/self/smaps), and LogStore::reserve marks its
// large columns; small buffers and null are left alone. Skipped where /proc/self/smaps or
// MADV_HUGEPAGE does not exist.
#include <QTest>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/core/huge_pages.h"
#include "models/telemetry/log_store.h"

using namespace tg::model;

namespace {

// The VmFlags of the mapping holding `address`, or "" when not found.
std::string vmFlagsAt(const void* address) {
    std::ifstream smaps("/proc/self/smaps");
    const auto a = reinterpret_cast<uintptr_t>(address);
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        unsigned long long begin = 0, end = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> begin >> dash >> end && dash == '-') {
            inside = a >= begin && a < end;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0) return line.substr(8);
    }
    return {};
}

bool hasHugePageFlag(const void* address) {
    std::istringstream flags(vmFlagsAt(address));
    std::string flag;
    while (flags >> flag)
        if (flag == "hg") return true;
    return false;
}

const void* middleOf(const void* data, size_t bytes) {
    return static_cast<const char*>(data) + bytes / 2;
}

} // namespace

class HugePagesTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void largeBufferIsMarked();
    void smallBufferAndNullAreLeftAlone();
    void logStoreReserveMarksItsColumns();
};

void HugePagesTest::init() {
#if !defined(__linux__)
    QSKIP("transparent huge pages are a Linux feature");
#endif
    static const int probe = 0;
    if (vmFlagsAt(&probe).empty()) QSKIP("no /proc/self/smaps with VmFlags");
}

void HugePagesTest::largeBufferIsMarked() {
    std::vector<char> buffer;
    buffer.reserve(size_t(16) << 20);
    const void* middle = middleOf(buffer.data(), buffer.capacity());
    QVERIFY(!hasHugePageFlag(middle)); // malloc does not ask for huge pages by itself
    adviseHugePagesForCapacity(buffer);
    QVERIFY2(hasHugePageFlag(middle), vmFlagsAt(middle).c_str());
}

void HugePagesTest::smallBufferAndNullAreLeftAlone() {
    std::vector<char> small;
    small.reserve(kHugePageAdviceMin - 1);
    adviseHugePagesForCapacity(small);
    QVERIFY(!hasHugePageFlag(middleOf(small.data(), small.capacity())));
    adviseHugePages(nullptr, size_t(64) << 20); // must not touch anything
    QVERIFY(true);
}

void HugePagesTest::logStoreReserveMarksItsColumns() {
    LogStore logs;
    logs.reserve(2000000, size_t(64) << 20, 1000000);
    QVERIFY(hasHugePageFlag(middleOf(logs.timeNs.data(), logs.timeNs.capacity() * 8)));
    QVERIFY(hasHugePageFlag(middleOf(logs.traceId.data(), logs.traceId.capacity() * 16)));
    QVERIFY(hasHugePageFlag(middleOf(logs.bodyBytes.data(), logs.bodyBytes.capacity())));
    // 2 MB of one-byte flags is below the threshold.
    QVERIFY(!hasHugePageFlag(middleOf(logs.flags.data(), logs.flags.capacity())));
}

QTEST_APPLESS_MAIN(HugePagesTest)
#include "huge_pages_test.moc"
