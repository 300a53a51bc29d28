#include "views/charts/time_chart_view.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "views/charts/line_decimation.h"
#include "views/charts/telemetry_text.h"

namespace tg::view {
namespace {

constexpr int kExemplarCellPx = 6; // at most one exemplar marker per this many pixels

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

// A label every `step` ms: the smallest round step giving at most `labels` labels.
double timeStepMs(double spanMs, int labels) {
    static const double kSteps[] = {
        1,      2,      5,      10,      20,      50,      100,     200,      500,     1e3,
        2e3,    5e3,    10e3,   15e3,    30e3,    60e3,    120e3,   300e3,    600e3,   900e3,
        1800e3, 3600e3, 7200e3, 10800e3, 21600e3, 43200e3, 86400e3, 172800e3, 604800e3};
    for (double step : kSteps)
        if (spanMs / step <= labels) return step;
    return std::ceil(spanMs / labels / 604800e3) * 604800e3;
}

QString timeLabel(double ms, double stepMs, double spanMs) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms)), Qt::UTC);
    if (spanMs > 20 * 3600e3) return t.toString(QStringLiteral("MM-dd HH:mm"));
    if (stepMs < 1000) return t.toString(QStringLiteral("HH:mm:ss.zzz"));
    if (stepMs < 60e3) return t.toString(QStringLiteral("HH:mm:ss"));
    return t.toString(QStringLiteral("HH:mm"));
}

// The value of a line at its sample nearest to `ms`; NaN when none is within `reach`.
double valueAt(const ChartLine& line, double ms, double reach) {
    if (line.xMs.empty()) return NAN;
    const auto it = std::lower_bound(line.xMs.begin(), line.xMs.end(), ms);
    size_t i = size_t(it - line.xMs.begin());
    if (i == line.xMs.size() || (i > 0 && ms - line.xMs[i - 1] < line.xMs[i] - ms)) --i;
    return std::fabs(line.xMs[i] - ms) <= reach ? line.y[i] : NAN;
}

} // namespace

QColor chartLineColour(int index, bool dark) {
    static const QColor kColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                      QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                      QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    const QColor c = kColours[size_t(std::abs(index)) % std::size(kColours)];
    return dark ? c.lighter(135) : c;
}

TimeChartView::TimeChartView(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumHeight(150);
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    setChart(chart);
    m_x = new QCategoryAxis(this);
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_y = new QValueAxis(this);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    m_y->setTickCount(4);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &TimeChartView::rebuildPoints);
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        if (int(area.width()) != m_columns) m_rebuild.start();
        viewport()->update();
    });
    createSeries();
    applyPalette();
}

void TimeChartView::setData(ChartData data, double fromMs, double toMs,
                            std::optional<std::pair<double, double>> highlightMs) {
    m_data = std::move(data);
    m_fromMs = fromMs;
    m_toMs = toMs > fromMs ? toMs : fromMs + 1;
    m_highlight = highlightMs;
    setObjectName(QStringLiteral("chart:") + m_data.key);
    createSeries();
    applyPalette();
    rebuildAxes();
    rebuildPoints();
}

void TimeChartView::createSeries() {
    QChart* c = chart();
    c->removeAllSeries(); // deletes them
    m_lineSeries.clear();
    for (const ChartLine& line : m_data.lines) {
        auto* series = new QLineSeries;
        series->setName(line.name);
        c->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_lineSeries.push_back(series);
    }
    // Markers after the lines: drawn on top, so a click on one always reaches it.
    for (int k = 0; k < kMarkerCount; ++k) {
        auto* markers = new QScatterSeries;
        markers->setName(k == kLoaded ? tr("exemplars") : tr("exemplars (trace not loaded)"));
        markers->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        markers->setMarkerSize(7);
        c->addSeries(markers);
        markers->attachAxis(m_x);
        markers->attachAxis(m_y);
        m_markers[k] = markers;
        connect(markers, &QScatterSeries::clicked, this,
                [this, k](const QPointF& p) { onMarkerClicked(k, p); });
        connect(markers, &QScatterSeries::hovered, this, [this, k](const QPointF& p, bool on) {
            if (!on) return QToolTip::hideText();
            const auto& list = m_markerExemplars[k];
            const QList<QPointF> points = m_markers[k]->points();
            for (qsizetype j = 0; j < points.size(); ++j)
                if (points[j] == p && size_t(j) < list.size())
                    return QToolTip::showText(QCursor::pos(),
                                              m_data.exemplars[list[size_t(j)]].text, this);
        });
    }
    c->setTitle(m_data.note.isEmpty()
                    ? m_data.title
                    : m_data.title + QStringLiteral("  (") + m_data.note + QLatin1Char(')'));
    c->legend()->setVisible(m_data.lines.size() > 1 || !m_data.exemplars.empty());
}

void TimeChartView::applyPalette() {
    const bool dark = isDark(palette());
    QChart* c = chart();
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setBackgroundBrush(palette().base());
    const QColor text = palette().color(QPalette::Text);
    c->setTitleBrush(text);
    QFont title = font();
    title.setBold(true);
    c->setTitleFont(title);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    c->legend()->setFont(small);
    c->legend()->setLabelColor(text);
    for (QAbstractAxis* axis :
         {static_cast<QAbstractAxis*>(m_x), static_cast<QAbstractAxis*>(m_y)}) {
        axis->setLabelsFont(small);
        axis->setLabelsBrush(text);
        axis->setTitleFont(small);
        axis->setTitleBrush(text);
        QColor grid = palette().color(QPalette::Mid);
        grid.setAlpha(90);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(palette().color(QPalette::Mid));
    }
    // A theme change resets the series' pens.
    for (size_t i = 0; i < m_lineSeries.size(); ++i) {
        QPen pen(chartLineColour(m_data.lines[i].colour, dark), 1.6);
        m_lineSeries[i]->setPen(pen);
    }
    const QColor loaded = dark ? QColor(0xe3, 0x77, 0xc2) : QColor(0xa3, 0x1f, 0x88);
    const QColor fills[kMarkerCount] = {loaded, palette().color(QPalette::Mid)};
    for (int k = 0; k < kMarkerCount; ++k) {
        QColor fill = fills[k];
        fill.setAlpha(190); // dense exemplars still let the line through
        m_markers[k]->setColor(fill);
        m_markers[k]->setBorderColor(fill.darker(140));
    }
    viewport()->update();
}

void TimeChartView::rebuildAxes() {
    m_x->setRange(m_fromMs, m_toMs);
    rebuildTimeLabels();
    m_y->setTitleText(m_data.unit);
    double lo = 0, hi = 0;
    for (const ChartLine& line : m_data.lines)
        for (size_t i = 0; i < line.y.size(); ++i)
            if (std::isfinite(line.y[i]) && line.xMs[i] >= m_fromMs && line.xMs[i] <= m_toMs)
                lo = std::min(lo, line.y[i]), hi = std::max(hi, line.y[i]);
    for (const ChartExemplar& e : m_data.exemplars)
        if (std::isfinite(e.y)) lo = std::min(lo, e.y), hi = std::max(hi, e.y);
    if (hi <= lo) hi = lo + (m_data.percent ? 100 : 1);
    if (m_data.percent) hi = std::min(std::max(hi * 1.1, 1.0), 100.0);
    m_y->setRange(lo, hi + (m_data.percent ? 0 : (hi - lo) * 0.08));
    m_y->applyNiceNumbers();
}

void TimeChartView::rebuildTimeLabels() {
    for (const QString& label : m_x->categoriesLabels())
        m_x->remove(label);
    const double span = m_toMs - m_fromMs;
    const int labels = std::max(2, int(chart()->plotArea().width()) / 95);
    const double step = timeStepMs(span, labels);
    m_x->setStartValue(m_fromMs);
    for (double t = std::ceil(m_fromMs / step) * step; t <= m_toMs; t += step)
        m_x->append(timeLabel(t, step, span), t); // labels are unique: one per step
    m_x->setRange(m_fromMs, m_toMs);
}

void TimeChartView::rebuildPoints() {
    m_columns = std::max(1, int(chart()->plotArea().width()));
    rebuildTimeLabels();
    for (size_t i = 0; i < m_lineSeries.size(); ++i) {
        const ChartLine& line = m_data.lines[i];
        m_lineSeries[i]->replace(decimateMinMax(line.xMs, line.y, m_fromMs, m_toMs, m_columns));
    }
    QList<QPointF> markerPoints[kMarkerCount];
    for (auto& list : m_markerExemplars)
        list.clear();
    // One exemplar per few pixels (the slowest: the one worth opening), so a dense series
    // stays readable and its line visible.
    const int cells = std::max(1, m_columns / kExemplarCellPx);
    std::vector<size_t> best(size_t(cells) * kMarkerCount, SIZE_MAX);
    for (size_t e = 0; e < m_data.exemplars.size(); ++e) {
        const ChartExemplar& x = m_data.exemplars[e];
        if (x.xMs < m_fromMs || x.xMs > m_toMs) continue;
        const int cell =
            std::clamp(int((x.xMs - m_fromMs) / (m_toMs - m_fromMs) * cells), 0, cells - 1);
        size_t& slot = best[size_t(cell) * kMarkerCount + (x.traceLoaded ? kLoaded : kMissing)];
        if (slot == SIZE_MAX || x.y > m_data.exemplars[slot].y) slot = e;
    }
    for (size_t e : best) {
        if (e == SIZE_MAX) continue;
        const ChartExemplar& x = m_data.exemplars[e];
        const int k = x.traceLoaded ? kLoaded : kMissing;
        markerPoints[k].append(QPointF(x.xMs, x.y));
        m_markerExemplars[k].push_back(e);
    }
    for (int k = 0; k < kMarkerCount; ++k) {
        m_markers[k]->replace(markerPoints[k]);
        if (auto markers = chart()->legend()->markers(m_markers[k]); !markers.isEmpty())
            markers.front()->setVisible(!markerPoints[k].isEmpty());
    }
}

void TimeChartView::onMarkerClicked(int marker, const QPointF& point) {
    const QList<QPointF> points = m_markers[marker]->points();
    // The clicked point is one of the series' points; take the nearest to be safe.
    qsizetype best = -1;
    double bestDistance = INFINITY;
    for (qsizetype j = 0; j < points.size(); ++j) {
        const double d = std::hypot(points[j].x() - point.x(), points[j].y() - point.y());
        if (d < bestDistance) best = j, bestDistance = d;
    }
    if (best < 0 || size_t(best) >= m_markerExemplars[marker].size()) return;
    const ChartExemplar& e = m_data.exemplars[m_markerExemplars[marker][size_t(best)]];
    emit exemplarClicked(e.trace, e.span);
}

void TimeChartView::setCursorTime(std::optional<double> ms) {
    if (m_cursor == ms) return;
    m_cursor = ms;
    viewport()->update();
}

double TimeChartView::sceneX(double ms) const {
    const QRectF plot = chart()->plotArea();
    const double x = plot.left() + (ms - m_fromMs) / (m_toMs - m_fromMs) * plot.width();
    return chart()->mapToScene(QPointF(x, plot.top())).x();
}

double TimeChartView::viewportX(double ms) const {
    return mapFromScene(QPointF(sceneX(ms), 0)).x();
}

std::optional<double> TimeChartView::timeAtViewportX(double x) const {
    const QPointF inChart = chart()->mapFromScene(mapToScene(QPoint(int(x), 0)));
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0 || inChart.x() < plot.left() || inChart.x() > plot.right())
        return std::nullopt;
    return m_fromMs + (inChart.x() - plot.left()) / plot.width() * (m_toMs - m_fromMs);
}

std::optional<QPoint> TimeChartView::exemplarPosition(size_t i) const {
    for (int k = 0; k < kMarkerCount; ++k) {
        const auto& list = m_markerExemplars[k];
        const auto it = std::find(list.begin(), list.end(), i);
        if (it == list.end()) continue;
        const QPointF value = m_markers[k]->at(qsizetype(it - list.begin()));
        const QPointF inChart = chart()->mapToPosition(value, m_markers[k]);
        return mapFromScene(chart()->mapToScene(inChart));
    }
    return std::nullopt;
}

int TimeChartView::drawnPointCount(size_t line) const {
    return line < m_lineSeries.size() ? int(m_lineSeries[line]->count()) : 0;
}

QLineSeries* TimeChartView::lineSeries(size_t line) const {
    return line < m_lineSeries.size() ? m_lineSeries[line] : nullptr;
}

void TimeChartView::mouseMoveEvent(QMouseEvent* event) {
    QChartView::mouseMoveEvent(event);
    if (const auto ms = timeAtViewportX(event->position().x())) {
        setCursorTime(ms);
        emit cursorMoved(*ms);
    }
}

void TimeChartView::leaveEvent(QEvent* event) {
    QChartView::leaveEvent(event);
    emit cursorLeft();
}

void TimeChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    m_rebuild.start();
}

void TimeChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

QString TimeChartView::cursorText(double ms) const {
    // Values within a couple of pixels' worth of time count as "at" the cursor.
    const double reach = std::max(1.0, (m_toMs - m_fromMs) / std::max(1, m_columns) * 4);
    QStringList values;
    for (const ChartLine& line : m_data.lines) {
        double v = valueAt(line, ms, reach);
        if (!std::isfinite(v)) continue;
        const QString number = chartNumberText(v);
        values << (m_data.lines.size() > 1 ? line.name + QLatin1Char(' ') + number : number);
    }
    QString text = utcTimeText(int64_t(ms * 1e6)).mid(11); // the time of day
    if (!values.isEmpty())
        text += QStringLiteral("  ") + values.join(QStringLiteral(" · ")) + QLatin1Char(' ') +
                m_data.unit;
    return text;
}

void TimeChartView::drawForeground(QPainter* painter, const QRectF& rect) {
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->mapToScene(chart()->plotArea()).boundingRect();
    painter->save();
    if (m_highlight) {
        const double a = std::max(plot.left(), sceneX(m_highlight->first));
        const double b = std::min(plot.right(), std::max(a + 2, sceneX(m_highlight->second)));
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(45);
        painter->fillRect(QRectF(a, plot.top(), b - a, plot.height()), band);
    }
    if (m_cursor && *m_cursor >= m_fromMs && *m_cursor <= m_toMs) {
        const double x = sceneX(*m_cursor);
        painter->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        painter->setFont(small);
        const QString text = painter->fontMetrics().elidedText(
            cursorText(*m_cursor), Qt::ElideRight, int(plot.width()) - 8);
        const QRectF box = painter->fontMetrics().boundingRect(text).adjusted(-3, -1, 3, 1);
        // Beside the line, flipped to its left near the right edge.
        double left = x + 4;
        if (left + box.width() > plot.right()) left = std::max(plot.left(), x - 4 - box.width());
        const QRectF where(left, plot.top() + 2, box.width(), box.height());
        QColor back = palette().color(QPalette::Base);
        back.setAlpha(220);
        painter->fillRect(where, back);
        painter->setPen(palette().color(QPalette::Text));
        painter->drawText(where, Qt::AlignCenter, text);
    }
    painter->restore();
}

} // namespace tg::view
