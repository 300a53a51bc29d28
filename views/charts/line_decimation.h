#pragma once
// Decimation of a time series drawn as a line to about two points per pixel column
// (DESIGN §6): the samples falling into one column keep only their lowest and their highest
// value, in time order, so a one-sample spike or dip still reaches its true height at any
// width. Columns holding one sample keep it; empty columns add nothing (the line bridges them).
// Non-finite values (NaN, ±Inf: Prometheus staleness markers, failed scrapes) are skipped.
//
// Thread affinity: pure function; any thread.
#include <QList>
#include <QPointF>
#include <span>

namespace tg::view {

// `x` is sorted ascending and has the size of `y`. Points outside [xMin, xMax] are dropped.
// When at most 2 * columns finite points are inside, all of them are kept. The result never
// has more than 2 * columns points and is sorted by x.
QList<QPointF> decimateMinMax(std::span<const double> x, std::span<const double> y, double xMin,
                              double xMax, int columns);

} // namespace tg::view
