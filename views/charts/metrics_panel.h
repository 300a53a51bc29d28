#pragma once
// The Metrics panel (issue 4): for the selection (a service, a call, a trace or a span) the
// request rate, error rate and latency percentiles computed from spans, then the imported
// metric families mapped to the selection's services, each in a TimeChartView. All charts share
// one time axis and one time cursor: moving the mouse over any chart moves a vertical line on
// every chart. Clicking an exemplar marker emits traceRequested.
//
// The chart data is built on a worker (QtConcurrent) from immutable sources and shown through
// a continuation on this object; a generation counter drops results a newer selection or
// session superseded (DESIGN §4). Charts are laid out in as many columns as the width allows,
// filling the height when they all fit and scrolling otherwise.
//
// Thread affinity: GUI thread (a widget).
#include <QWidget>
#include <optional>

#include "views/charts/metric_chart_builder.h"

class QGridLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;

namespace tg::view {

class TimeChartView;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget* parent = nullptr);

    // A new session: the selection is cleared.
    void setSources(MetricsSources sources);
    // Builds the selection's charts on a worker; dataShown() when they are shown.
    void setSelection(const MetricsSelection& selection);
    const MetricsSelection& selection() const { return m_selection; }
    // Shows already built data (what the worker's result goes through).
    void showData(MetricsPanelData data);

    const MetricsPanelData& data() const { return m_data; }
    QList<TimeChartView*> charts() const { return m_charts; }
    TimeChartView* chart(const QString& key) const; // by ChartData::key
    std::optional<double> cursorTime() const { return m_cursor; }
    void setCursorTime(std::optional<double> ms); // on every chart
    bool isBuilding() const { return m_building; }
    // Room for two columns of two charts: what a new dock gets before the user sizes it.
    QSize sizeHint() const override;
    QLabel* scopeLabel() const { return m_scope; }
    QLabel* hintLabel() const { return m_hint; }

signals:
    void traceRequested(const model::TraceId& trace, model::SpanId span);
    void dataShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void layoutCharts();
    int columnsFor(int width) const;

    MetricsSources m_sources;
    MetricsSelection m_selection;
    MetricsPanelData m_data;
    QLabel* m_scope = nullptr;
    QLabel* m_detail = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_hint = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
    QList<TimeChartView*> m_charts;
    int m_columns = 0;     // of the grid as laid out
    int m_chartHeight = 0; // of every chart as laid out
    std::optional<double> m_cursor;
    quint64 m_generation = 0;
    bool m_building = false;
};

} // namespace tg::view
