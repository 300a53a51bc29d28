#pragma once
// Asks the kernel to back a large buffer with transparent huge pages (2 MiB) where the system
// leaves that to the program (Linux, THP mode "madvise", the default of Debian kernels). Why:
// a first touch of fresh memory costs a page fault per 4 KiB page, about 10 us each in the
// virtual machines we run on, and filling a million log records' columns took ~16 000 of
// them (BENCHMARKS.md, logs). Only the 2 MiB-aligned middle of the buffer is advised; a no-op
// elsewhere, for small buffers, and when the kernel says no. Any thread.
#include <cstddef>

namespace tg::model {

// Buffers smaller than this are left alone: they cannot hold an aligned huge page worth
// having.
inline constexpr size_t kHugePageAdviceMin = size_t(4) << 20;

void adviseHugePages(const void* data, size_t bytes);

// For a std::vector or std::string after reserve(): advises its whole capacity.
template <typename Container> void adviseHugePagesForCapacity(const Container& c) {
    adviseHugePages(c.data(), c.capacity() * sizeof(*c.data()));
}

} // namespace tg::model
