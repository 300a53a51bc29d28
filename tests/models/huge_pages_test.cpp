// adviseHugePages: a large buffer's 2 MiB-aligned middle is marked for transparent huge pages
// (the kernel's "hg" flag on its mapping in /proc/self/smaps); HugePageAllocator gives large
// allocations aligned, whole and marked, and the LogStore's and the Dataset's large columns use
// it; small buffers and null are left alone. Skipped where /proc/self/smaps or MADV_HUGEPAGE
// does not exist.
#include <QTest>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/mman.h>

#include "models/core/huge_pages.h"
#include "models/dataset/dataset.h"
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
    void allocatorGivesWholeHugePages();
    void logStoreReserveMarksItsColumns();
    void datasetColumnsAreInHugePages();
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
    adviseHugePages(buffer.data(), buffer.capacity());
    QVERIFY2(hasHugePageFlag(middle), vmFlagsAt(middle).c_str());
}

// A mapping of its own, so that no neighbour's flags can show through.
void HugePagesTest::smallBufferAndNullAreLeftAlone() {
    const size_t bytes = kHugePageAdviceMin - 4096;
    void* small = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(small != MAP_FAILED);
    adviseHugePages(small, bytes);
    const bool marked = hasHugePageFlag(middleOf(small, bytes));
    munmap(small, bytes);
    QVERIFY(!marked);
    adviseHugePages(nullptr, size_t(64) << 20); // must not touch anything
}

void HugePagesTest::allocatorGivesWholeHugePages() {
    HugePageVector<int64_t> big;
    big.reserve(1000000); // 8 MB
    QCOMPARE(reinterpret_cast<uintptr_t>(big.data()) % kHugePageBytes, uintptr_t(0));
    QVERIFY(hasHugePageFlag(big.data()));                      // first byte
    QVERIFY(hasHugePageFlag(big.data() + big.capacity() - 1)); // last byte
    for (int64_t i = 0; i < 1000000; ++i)
        big.push_back(i);
    QCOMPARE(big[999999], int64_t(999999));
    big.push_back(-1); // grows into a new allocation, freed and allocated by the same rule
    QCOMPARE(reinterpret_cast<uintptr_t>(big.data()) % kHugePageBytes, uintptr_t(0));
    QCOMPARE(big[0] + big[1000000], int64_t(-1));
    HugePageString text(size_t(5) << 20, 'x');
    QVERIFY(hasHugePageFlag(text.data()));
}

void HugePagesTest::logStoreReserveMarksItsColumns() {
    LogStore logs;
    logs.reserve(2000000, size_t(64) << 20, 1000000);
    QVERIFY(hasHugePageFlag(middleOf(logs.timeNs.data(), logs.timeNs.capacity() * 8)));
    QVERIFY(hasHugePageFlag(middleOf(logs.traceId.data(), logs.traceId.capacity() * 16)));
    QVERIFY(hasHugePageFlag(middleOf(logs.bodyBytes.data(), logs.bodyBytes.capacity())));
}

void HugePagesTest::datasetColumnsAreInHugePages() {
    Dataset d;
    d.reserve(1000000);
    QVERIFY(hasHugePageFlag(d.traceId.data()));
    QVERIFY(hasHugePageFlag(d.startNs.data() + d.startNs.capacity() - 1));
    QVERIFY(hasHugePageFlag(d.attrBegin.data()));
}

QTEST_APPLESS_MAIN(HugePagesTest)
#include "huge_pages_test.moc"
