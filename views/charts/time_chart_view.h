#pragma once
// One chart of the metrics panel (QtCharts): the lines of a ChartData over a time axis shared
// with the other charts, exemplar markers, the selection's time window tinted, and a vertical
// time cursor with the lines' values at it. Lines are decimated to about two points per pixel
// column (line_decimation.h) again whenever the plot's width changes, so drawing cost follows
// the widget's width, not the number of samples.
//
// Signals: cursorMoved while the mouse is over the plot (the panel moves every chart's cursor
// there), cursorLeft when it leaves, exemplarClicked when an exemplar marker is clicked.
// The time axis is a category axis with labels at round UTC times (every 5 min, 10 s, ...)
// chosen for the plot's width; axis values are UTC milliseconds.
//
// Invariants: m_lineSeries[i] draws m_data.lines[i]; m_markerExemplars[k][j] is the exemplar
// (index into m_data.exemplars) of point j of marker series k.
// Thread affinity: GUI thread (a widget).
#include <QChartView>
#include <QTimer>
#include <optional>
#include <utility>
#include <vector>

#include "views/charts/metric_chart_data.h"

class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace tg::view {

class TimeChartView : public QChartView {
    Q_OBJECT
public:
    explicit TimeChartView(QWidget* parent = nullptr);

    void setData(ChartData data, double fromMs, double toMs,
                 std::optional<std::pair<double, double>> highlightMs = {});
    const ChartData& data() const { return m_data; }

    void setCursorTime(std::optional<double> ms); // UTC ms; nullopt hides the cursor
    std::optional<double> cursorTime() const { return m_cursor; }

    // Viewport x of a time (UTC ms), and the time at a viewport x (nullopt off the plot).
    double viewportX(double ms) const;
    std::optional<double> timeAtViewportX(double x) const;
    // Where exemplar `i` of data() is drawn, in viewport coordinates.
    std::optional<QPoint> exemplarPosition(size_t i) const;
    int drawnPointCount(size_t line) const;
    QLineSeries* lineSeries(size_t line) const;
    QValueAxis* valueAxis() const { return m_y; }
    QCategoryAxis* timeAxis() const { return m_x; }

signals:
    void cursorMoved(double ms);
    void cursorLeft();
    void exemplarClicked(const model::TraceId& trace, model::SpanId span);

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    enum Marker { kLoaded, kMissing, kMarkerCount };
    void createSeries();
    void rebuildAxes();
    void rebuildTimeLabels();
    void rebuildPoints();
    void applyPalette();
    void onMarkerClicked(int marker, const QPointF& point);
    double sceneX(double ms) const;
    QString cursorText(double ms) const;

    ChartData m_data;
    double m_fromMs = 0, m_toMs = 1;
    std::optional<std::pair<double, double>> m_highlight;
    std::optional<double> m_cursor;
    QCategoryAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    std::vector<QLineSeries*> m_lineSeries;
    QScatterSeries* m_markers[kMarkerCount] = {};
    std::vector<size_t> m_markerExemplars[kMarkerCount];
    int m_columns = 0; // plot width the lines were decimated for
    QTimer m_rebuild;  // coalesces resizes
};

// Line colours, readable on light and dark backgrounds; index modulo the palette's size.
QColor chartLineColour(int index, bool dark);

} // namespace tg::view
