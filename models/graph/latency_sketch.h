#pragma once
// A mergeable latency sketch: a log-bucketed histogram with relative accuracy ~1% (bucket
// boundaries at powers of kGamma, as in DDSketch). Buckets are stored sparsely (sorted index,
// count pairs), so a sketch costs at most 8 bytes per distinct bucket it has seen; two sketches
// merge exactly by adding counts, which lets any time window be summed from per-bucket sketches
// without rescanning spans. Value type; no thread affinity.
#include <cstdint>
#include <utility>
#include <vector>

namespace tg::model {

class LatencySketch {
public:
    static constexpr double kGamma = 1.02;

    void add(int64_t durationNs, uint32_t count = 1);
    void merge(const LatencySketch& other);
    // q in [0,1]; 0 for an empty sketch. The answer is within ~1% of the true quantile value.
    double quantileNs(double q) const;
    uint64_t count() const { return m_count; }
    bool empty() const { return m_count == 0; }
    const std::vector<std::pair<int16_t, uint32_t>>& bins() const { return m_bins; }
    // Rebuilds from stored bins (workspace / tests); bins must be sorted by index.
    static LatencySketch fromBins(std::vector<std::pair<int16_t, uint32_t>> bins);

    static int16_t binIndex(int64_t durationNs);
    static double binValueNs(int16_t index);

private:
    std::vector<std::pair<int16_t, uint32_t>> m_bins; // sorted by index; index 0 holds <= 1 ns
    uint64_t m_count = 0;
};

} // namespace tg::model
