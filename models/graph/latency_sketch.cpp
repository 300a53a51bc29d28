#include "models/graph/latency_sketch.h"

#include <algorithm>
#include <cmath>

namespace tg::model {
namespace {
const double kLogGamma = std::log(LatencySketch::kGamma);
}

int16_t LatencySketch::binIndex(int64_t durationNs) {
    if (durationNs <= 1) return 0;
    const double idx = std::ceil(std::log(static_cast<double>(durationNs)) / kLogGamma);
    return static_cast<int16_t>(std::min(idx, 32000.0));
}

double LatencySketch::binValueNs(int16_t index) {
    if (index <= 0) return 0.0;
    // Midpoint (in relative terms) of (gamma^(i-1), gamma^i]: 2 gamma^i / (gamma + 1).
    return 2.0 * std::pow(kGamma, index) / (kGamma + 1.0);
}

void LatencySketch::add(int64_t durationNs, uint32_t count) {
    const int16_t idx = binIndex(durationNs);
    m_count += count;
    if (!m_bins.empty() && m_bins.back().first < idx) {
        m_bins.emplace_back(idx, count);
        return;
    }
    auto it = std::lower_bound(m_bins.begin(), m_bins.end(), idx,
                               [](const auto& bin, int16_t key) { return bin.first < key; });
    if (it != m_bins.end() && it->first == idx)
        it->second += count;
    else
        m_bins.insert(it, {idx, count});
}

void LatencySketch::merge(const LatencySketch& other) {
    if (other.m_bins.empty()) return;
    std::vector<std::pair<int16_t, uint32_t>> merged;
    merged.reserve(m_bins.size() + other.m_bins.size());
    auto a = m_bins.begin();
    auto b = other.m_bins.begin();
    while (a != m_bins.end() || b != other.m_bins.end()) {
        if (b == other.m_bins.end() || (a != m_bins.end() && a->first < b->first)) {
            merged.push_back(*a++);
        } else if (a == m_bins.end() || b->first < a->first) {
            merged.push_back(*b++);
        } else {
            merged.emplace_back(a->first, a->second + b->second);
            ++a;
            ++b;
        }
    }
    m_bins = std::move(merged);
    m_count += other.m_count;
}

double LatencySketch::quantileNs(double q) const {
    if (m_count == 0) return 0.0;
    q = std::clamp(q, 0.0, 1.0);
    // Rank of the q-quantile among m_count sorted values (nearest-rank definition).
    const auto rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(m_count)));
    uint64_t seen = 0;
    for (const auto& [idx, n] : m_bins) {
        seen += n;
        if (seen >= std::max<uint64_t>(rank, 1)) return binValueNs(idx);
    }
    return binValueNs(m_bins.back().first);
}

LatencySketch LatencySketch::fromBins(std::vector<std::pair<int16_t, uint32_t>> bins) {
    LatencySketch s;
    for (const auto& b : bins)
        s.m_count += b.second;
    s.m_bins = std::move(bins);
    return s;
}

} // namespace tg::model
