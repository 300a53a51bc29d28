#pragma once
// Decimation of a scatter plot to about two points per pixel column (DESIGN §6): the points
// falling into one column keep only their lowest and their highest value. For trace durations
// those are what an SRE looks for (the fastest and the slowest request of that moment); the
// density in between is still visible because every column shows its own extremes.
//
// Thread affinity: pure function; any thread.
#include <cstdint>
#include <span>
#include <vector>

namespace tg::view {

// Positions (into x / y, which have the same size) of the points to draw, in column order.
// Points outside [xMin, xMax] are dropped. When at most 2 * columns points are inside, all of
// them are kept (in their original order).
std::vector<uint32_t> decimateScatter(std::span<const double> x, std::span<const double> y,
                                      double xMin, double xMax, int columns);

} // namespace tg::view
