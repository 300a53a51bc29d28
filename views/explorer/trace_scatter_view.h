#pragma once
// The duration-over-time scatter plot of the trace search (QtCharts): one point per trace at
// (start, duration), traces with errors in red in their own series, the selected trace ringed.
// The duration axis turns logarithmic when the durations span more than two decades (a few
// slow outliers would otherwise flatten everything else to the floor). Big result sets are
// decimated to about two points per pixel column (scatter_decimation.h) again on each resize,
// so drawing cost follows the widget's width, not the number of traces. Clicking a point emits
// traceActivated with the trace's position in the TraceIndex; hovering shows its numbers.
// Start times are shown in UTC, like the results table.
//
// Invariants: m_pointTraces[s][i] is the trace of point i of series s.
// Thread affinity: GUI thread (a widget). Decimation is O(results) per resize.
#include <QChartView>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

#include "models/trace/trace_index.h"

class QScatterSeries;
class QAbstractAxis;

namespace tg::view {

class TraceScatterView : public QChartView {
    Q_OBJECT
public:
    explicit TraceScatterView(QWidget* parent = nullptr);

    void setIndex(std::shared_ptr<const model::TraceIndex> index); // clears the plot
    void setResults(const std::vector<size_t>& traces);            // indices into the index
    void setHighlighted(std::optional<size_t> traceIndex);
    void clear();

    // Points drawn (both series), and whether the duration axis is logarithmic.
    int shownPointCount() const;
    bool isLogScale() const { return m_logScale; }
    QScatterSeries* okSeries() const { return m_series[kOk]; }
    QScatterSeries* errorSeries() const { return m_series[kError]; }
    // Where the trace's point is drawn, in viewport coordinates (nullopt when not drawn).
    std::optional<QPoint> pointPosition(size_t traceIndex) const;

signals:
    void traceActivated(size_t traceIndex);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum SeriesId { kOk, kError, kHighlight, kSeriesCount };
    void updateAxes(int64_t minStart, int64_t maxStart, double minMs, double maxMs);
    void styleAxis(QAbstractAxis* axis);
    void rebuildPoints();
    void applyPalette();
    QPointF valueOf(size_t traceIndex) const;
    void onClicked(SeriesId series, const QPointF& point);
    void onHovered(SeriesId series, const QPointF& point, bool state);
    std::optional<size_t> traceOfPoint(SeriesId series, const QPointF& point) const;

    std::shared_ptr<const model::TraceIndex> m_index;
    std::vector<size_t> m_traces; // the results shown
    std::vector<double> m_x, m_y; // their plot coordinates
    std::vector<uint8_t> m_error; // whether each has an error span
    std::optional<size_t> m_highlighted;
    QScatterSeries* m_series[kSeriesCount] = {};
    std::vector<size_t> m_pointTraces[2];
    QAbstractAxis* m_xAxis = nullptr;
    QAbstractAxis* m_yAxis = nullptr;
    bool m_logScale = false;
    double m_xMin = 0, m_xMax = 1; // axis range, in axis units (shifted ms)
    double m_xShiftMs = 0;         // UTC display shift (see utcShiftMs)
    int m_columns = 0;             // plot width the points were decimated for
    QTimer m_rebuild;              // coalesces resizes
};

} // namespace tg::view
