#include "views/explorer/trace_scatter_view.h"

#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

#include "views/explorer/explorer_text.h"
#include "views/explorer/scatter_decimation.h"

namespace tg::view {
namespace {

const QColor kOkColour(0x1f, 0x77, 0xb4);
const QColor kErrorColour(0xd6, 0x27, 0x28);
constexpr double kMinLogMs = 0.001; // 1 µs: the floor of the log axis (0 has no logarithm)
constexpr double kLogRatio = 100;   // durations spanning more than this use a log axis

double durationMs(int64_t ns) {
    return double(ns) / 1e6;
}

// QDateTimeAxis prints local time; shifting every value by the local UTC offset (taken once,
// at the middle of the range) makes it print UTC like the results table.
double utcShiftMs(int64_t midNs) {
    return -1000.0 * QDateTime::fromMSecsSinceEpoch(midNs / 1'000'000).offsetFromUtc();
}

QString timeFormat(double spanMs) {
    if (spanMs < 60'000) return QStringLiteral("HH:mm:ss.zzz");
    if (spanMs < 86'400'000) return QStringLiteral("HH:mm:ss");
    return QStringLiteral("MM-dd HH:mm");
}

} // namespace

TraceScatterView::TraceScatterView(QWidget* parent) : QChartView(parent) {
    setObjectName(QStringLiteral("traceScatter"));
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    setChart(chart);
    const QString names[kSeriesCount] = {tr("Traces"), tr("With errors"), tr("Selected")};
    for (int s = 0; s < kSeriesCount; ++s) {
        auto* series = new QScatterSeries(chart);
        series->setName(names[s]);
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(s == kHighlight ? 15 : 8);
        chart->addSeries(series);
        m_series[s] = series;
        const auto id = SeriesId(s);
        connect(series, &QScatterSeries::clicked, this,
                [this, id](const QPointF& p) { onClicked(id, p); });
        connect(series, &QScatterSeries::hovered, this,
                [this, id](const QPointF& p, bool state) { onHovered(id, p, state); });
    }
    chart->legend()->markers(m_series[kHighlight]).value(0)->setVisible(false);
    auto* x = new QDateTimeAxis(this);
    x->setTitleText(tr("Start (UTC)"));
    m_xAxis = x;
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    for (QScatterSeries* series : m_series)
        series->attachAxis(m_xAxis);
    applyPalette();
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &TraceScatterView::rebuildPoints);
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        if (int(area.width()) != m_columns) m_rebuild.start();
    });
    setResults({});
}

void TraceScatterView::applyPalette() {
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(palette().base());
    chart()->legend()->setLabelColor(palette().color(QPalette::Text));
    // A theme change resets the series colours.
    const QColor fills[kSeriesCount] = {kOkColour, kErrorColour, Qt::transparent};
    for (int s = 0; s < kSeriesCount; ++s) {
        QColor fill = fills[s];
        if (s == kOk) fill.setAlpha(170); // overlapping points read as denser
        m_series[s]->setColor(fill);
        m_series[s]->setBorderColor(s == kHighlight ? palette().color(QPalette::Text)
                                                    : fills[s].darker(130));
    }
    QPen ring(palette().color(QPalette::Text), 2);
    m_series[kHighlight]->setPen(ring);
    for (QAbstractAxis* axis : {m_xAxis, m_yAxis})
        if (axis) styleAxis(axis);
}

void TraceScatterView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

void TraceScatterView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    m_rebuild.start();
}

void TraceScatterView::setIndex(std::shared_ptr<const model::TraceIndex> index) {
    m_index = std::move(index);
    clear();
}

void TraceScatterView::clear() {
    setResults({});
}

void TraceScatterView::setResults(const std::vector<size_t>& traces) {
    m_traces.clear();
    m_x.clear();
    m_y.clear();
    m_error.clear();
    const size_t count = m_index ? m_index->traces.size() : 0;
    int64_t minStart = 0, maxStart = 0;
    double minMs = 0, maxMs = 0;
    for (size_t t : traces) {
        if (t >= count) continue;
        const auto& summary = m_index->traces[t];
        const double ms = durationMs(summary.durationNs());
        if (m_traces.empty() || summary.startNs < minStart) minStart = summary.startNs;
        if (m_traces.empty() || summary.startNs > maxStart) maxStart = summary.startNs;
        if (m_traces.empty() || ms < minMs) minMs = ms;
        if (m_traces.empty() || ms > maxMs) maxMs = ms;
        m_traces.push_back(t);
        m_error.push_back(summary.errorCount > 0);
    }
    if (m_highlighted &&
        std::find(m_traces.begin(), m_traces.end(), *m_highlighted) == m_traces.end())
        m_highlighted.reset();
    updateAxes(minStart, maxStart, minMs, maxMs);
    // Plot coordinates once per result set; resizes only decimate them again.
    m_x.reserve(m_traces.size());
    m_y.reserve(m_traces.size());
    for (size_t t : m_traces) {
        const QPointF p = valueOf(t);
        m_x.push_back(p.x());
        m_y.push_back(p.y());
    }
    rebuildPoints();
}

void TraceScatterView::setHighlighted(std::optional<size_t> traceIndex) {
    m_highlighted = traceIndex;
    QList<QPointF> ring;
    if (m_highlighted && m_index && *m_highlighted < m_index->traces.size())
        ring << valueOf(*m_highlighted);
    m_series[kHighlight]->replace(ring);
}

QPointF TraceScatterView::valueOf(size_t traceIndex) const {
    const auto& t = m_index->traces[traceIndex];
    const double y = durationMs(t.durationNs());
    return {double(t.startNs) / 1e6 + m_xShiftMs, m_logScale ? std::max(y, kMinLogMs) : y};
}

void TraceScatterView::updateAxes(int64_t minStart, int64_t maxStart, double minMs, double maxMs) {
    QChart* c = chart();
    m_xShiftMs = utcShiftMs(minStart / 2 + maxStart / 2);
    const double span = std::max(durationMs(maxStart - minStart), 1.0);
    m_xMin = durationMs(minStart) + m_xShiftMs - span * 0.03;
    m_xMax = durationMs(maxStart) + m_xShiftMs + span * 0.03;
    auto* x = static_cast<QDateTimeAxis*>(m_xAxis);
    x->setFormat(timeFormat(span));
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(m_xMin)),
                QDateTime::fromMSecsSinceEpoch(qint64(m_xMax) + 1));
    const bool log = std::max(minMs, kMinLogMs) * kLogRatio < maxMs;
    if (log != m_logScale || !m_yAxis) { // axes are only made anew when the scale changes
        m_logScale = log;
        if (m_yAxis) {
            c->removeAxis(m_yAxis);
            delete m_yAxis;
        }
        if (log) {
            auto* y = new QLogValueAxis(this);
            y->setBase(10);
            y->setMinorTickCount(-1);
            m_yAxis = y;
        } else {
            m_yAxis = new QValueAxis(this);
        }
        m_yAxis->setTitleText(log ? tr("Duration (ms, log)") : tr("Duration (ms)"));
        c->addAxis(m_yAxis, Qt::AlignLeft);
        styleAxis(m_yAxis);
        for (QScatterSeries* series : m_series)
            series->attachAxis(m_yAxis);
    }
    if (log) {
        auto* y = static_cast<QLogValueAxis*>(m_yAxis);
        y->setLabelFormat(QStringLiteral("%g"));
        y->setRange(std::max(minMs, kMinLogMs) * 0.7, maxMs * 1.4);
    } else {
        auto* y = static_cast<QValueAxis*>(m_yAxis);
        y->setRange(0, maxMs > 0 ? maxMs * 1.1 : 1.0);
        y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%g"));
    }
    c->setTitle(m_traces.empty() && m_index ? tr("No traces match") : QString());
}

void TraceScatterView::styleAxis(QAbstractAxis* axis) {
    const QColor text = palette().color(QPalette::Text);
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    QFont f = axis->titleFont();
    f.setBold(false);
    f.setPointSizeF(font().pointSizeF() * 0.9);
    axis->setTitleFont(f);
}

void TraceScatterView::rebuildPoints() {
    m_columns = int(chart()->plotArea().width());
    const int columns = m_columns > 0 ? m_columns : std::max(width(), 1);
    // One time label per ~110 px, so labels never run into each other.
    static_cast<QDateTimeAxis*>(m_xAxis)->setTickCount(std::clamp(columns / 110 + 1, 2, 8));
    for (int s : {kOk, kError}) {
        std::vector<uint32_t> subset; // positions in m_traces
        std::vector<double> xs, ys;
        for (size_t i = 0; i < m_traces.size(); ++i) {
            if (bool(m_error[i]) != (s == kError)) continue;
            subset.push_back(uint32_t(i));
            xs.push_back(m_x[i]);
            ys.push_back(m_y[i]);
        }
        const auto kept = decimateScatter(xs, ys, m_xMin, m_xMax, columns);
        QList<QPointF> points;
        points.reserve(qsizetype(kept.size()));
        m_pointTraces[s].clear();
        for (uint32_t i : kept) {
            points << QPointF(xs[i], ys[i]);
            m_pointTraces[s].push_back(m_traces[subset[i]]);
        }
        m_series[s]->replace(points);
    }
    setHighlighted(m_highlighted);
}

int TraceScatterView::shownPointCount() const {
    return int(m_pointTraces[kOk].size() + m_pointTraces[kError].size());
}

std::optional<size_t> TraceScatterView::traceOfPoint(SeriesId series, const QPointF& point) const {
    if (series == kHighlight) return m_highlighted;
    const QList<QPointF> points = m_series[series]->points();
    std::optional<size_t> best;
    double bestDistance = 0;
    for (qsizetype i = 0; i < points.size() && size_t(i) < m_pointTraces[series].size(); ++i) {
        const double d = std::abs(points[i].x() - point.x()) + std::abs(points[i].y() - point.y());
        if (!best || d < bestDistance) {
            best = m_pointTraces[series][size_t(i)];
            bestDistance = d;
        }
    }
    return best;
}

void TraceScatterView::onClicked(SeriesId series, const QPointF& point) {
    if (const auto trace = traceOfPoint(series, point)) emit traceActivated(*trace);
}

void TraceScatterView::onHovered(SeriesId series, const QPointF& point, bool state) {
    if (!state) return QToolTip::hideText();
    const auto trace = traceOfPoint(series, point);
    if (!trace) return;
    const auto& t = m_index->traces[*trace];
    QString text = tr("%1 · %2 spans\n%3")
                       .arg(durationText(t.durationNs()))
                       .arg(t.spanCount())
                       .arg(timestampText(t.startNs));
    if (t.errorCount)
        text += QLatin1Char('\n') + countText(t.errorCount, tr("error span"), tr("error spans"));
    QToolTip::showText(QCursor::pos(), text, this);
}

std::optional<QPoint> TraceScatterView::pointPosition(size_t traceIndex) const {
    for (int s : {kOk, kError}) {
        const auto& traces = m_pointTraces[s];
        const auto it = std::find(traces.begin(), traces.end(), traceIndex);
        if (it == traces.end()) continue;
        const QPointF value = m_series[s]->points().at(qsizetype(it - traces.begin()));
        const QPointF scenePos = chart()->mapToPosition(value, m_series[s]);
        return mapFromScene(chart()->mapToScene(scenePos));
    }
    return std::nullopt;
}

} // namespace tg::view
