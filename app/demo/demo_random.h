#pragma once
// A seeded random source for the demo trace generator. std::mt19937_64 is specified bit for bit
// by the standard, but std::*_distribution are not; the helpers here derive every draw from the
// engine's raw output so the same seed gives the same traces with any standard library.
// Not thread-safe: one instance per generator.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace tg::app::demo {

class Rng {
public:
    explicit Rng(uint64_t seed) : m_engine(seed) {}

    uint64_t next() { return m_engine(); }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n); the modulo bias is negligible for the small n used here.
    uint64_t below(uint64_t n) { return n == 0 ? 0 : m_engine() % n; }
    // Uniform in [lo, hi].
    int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo + 1)));
    }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Box-Muller).
    double normal() {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Log-normal with the given median; sigma is the spread of the underlying normal.
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    // Index drawn from cumulative-free weights (small arrays only).
    template <size_t N> size_t weighted(const double (&weights)[N]) {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = uniform() * total;
        for (size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return N - 1;
    }
    template <typename T> const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    template <typename T, size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }

private:
    std::mt19937_64 m_engine;
};

} // namespace tg::app::demo
