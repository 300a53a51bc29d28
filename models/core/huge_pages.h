#pragma once
// Large buffers in transparent huge pages (2 MiB) where the system leaves that to the program
// (Linux, THP mode "madvise", the default of Debian kernels). Why: the first touch of fresh
// memory costs a page fault per 4 KiB page, 16 us each in the virtual machines we run on
// (0.3 us per 4 KiB in huge pages, measured; BENCHMARKS.md, logs), and a million log records
// fill ~80 MB of columns, a million spans ~350 MB. Any thread.
#include <cstddef>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace tg::model {

inline constexpr size_t kHugePageBytes = size_t(2) << 20;
// Smaller buffers are left to the ordinary allocator: rounding them up to a whole huge page
// would more than double them. From 1 MiB on, at most 1 MiB is added (address space; memory
// only where touched, in 2 MiB steps).
inline constexpr size_t kHugePageAdviceMin = size_t(1) << 20;

// Asks for huge pages over the 2 MiB-aligned part of [data, data + bytes); a no-op off Linux,
// for buffers under kHugePageAdviceMin, and where the kernel says no.
void adviseHugePages(const void* data, size_t bytes);

// An allocator giving allocations of kHugePageAdviceMin or more whole huge pages: aligned to
// and rounded up to 2 MiB, and advised, so no 4 KiB page of them is faulted in on its own.
// Smaller ones come from std::allocator. Stateless; all instances are interchangeable.
template <typename T> class HugePageAllocator {
public:
    using value_type = T;
    HugePageAllocator() noexcept = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(size_t n) {
        const size_t bytes = n * sizeof(T); // n <= max_size(): std::vector checks
        if (bytes < kHugePageAdviceMin) return std::allocator<T>().allocate(n);
        const size_t rounded = roundUp(bytes);
        void* p = ::operator new(rounded, std::align_val_t(kHugePageBytes));
        adviseHugePages(p, rounded);
        return static_cast<T*>(p);
    }
    void deallocate(T* p, size_t n) noexcept {
        const size_t bytes = n * sizeof(T);
        if (bytes < kHugePageAdviceMin)
            std::allocator<T>().deallocate(p, n);
        else
            ::operator delete(p, roundUp(bytes), std::align_val_t(kHugePageBytes));
    }
    friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }

private:
    static size_t roundUp(size_t bytes) {
        return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    }
};

// Columns that grow to millions of entries.
template <typename T> using HugePageVector = std::vector<T, HugePageAllocator<T>>;
using HugePageString = std::basic_string<char, std::char_traits<char>, HugePageAllocator<char>>;

// Bytes a vector holds reserved, whatever its allocator (for memory accounting).
template <typename T, typename A> size_t capacityBytes(const std::vector<T, A>& v) {
    return v.capacity() * sizeof(T);
}

} // namespace tg::model
