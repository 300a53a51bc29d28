#include "views/charts/metrics_panel.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QtConcurrent/QtConcurrentRun>

#include "views/charts/time_chart_view.h"

namespace tg::view {
namespace {

constexpr int kMinChartWidth = 330; // narrower charts crowd their time labels
constexpr int kMinChartHeight = 130;
constexpr int kChartHeight = 160; // when the charts do not all fit (the panel scrolls)
constexpr int kMaxChartHeight = 280;
constexpr int kSpacing = 4;

} // namespace

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("metricsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto* header = new QHBoxLayout;
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("metricsScope"));
    QFont bold = m_scope->font();
    bold.setBold(true);
    m_scope->setFont(bold);
    m_scope->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_scope);
    header->addWidget(m_detail, 1);
    layout->addLayout(header);

    m_stack = new QStackedWidget(this);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("metricsHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_hint);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget(m_scroll);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(kSpacing);
    m_scroll->setWidget(m_grid);
    m_scroll->viewport()->installEventFilter(this); // re-flow the columns on resize
    m_stack->addWidget(m_scroll);
    layout->addWidget(m_stack, 1);
    setSources({});
}

void MetricsPanel::setSources(MetricsSources sources) {
    m_sources = std::move(sources);
    setSelection({});
}

void MetricsPanel::setSelection(const MetricsSelection& selection) {
    m_selection = selection;
    const quint64 generation = ++m_generation;
    if (selection.kind == MetricsSelection::Kind::None || !m_sources.graph) {
        // Nothing to compute: say so at once.
        m_building = false;
        showData(buildMetricsPanelData(m_sources, selection));
        return;
    }
    m_building = true;
    QtConcurrent::run([sources = m_sources, selection] {
        return buildMetricsPanelData(sources, selection);
    }).then(this, [this, generation](MetricsPanelData data) {
        if (generation != m_generation) return; // a newer selection or session won
        m_building = false;
        showData(std::move(data));
    });
}

void MetricsPanel::showData(MetricsPanelData data) {
    m_data = std::move(data);
    m_scope->setText(m_data.scope);
    m_detail->setText(m_data.detail);
    // Reuse chart widgets; drop the surplus.
    while (m_charts.size() > qsizetype(m_data.charts.size()))
        delete m_charts.takeLast();
    while (m_charts.size() < qsizetype(m_data.charts.size())) {
        auto* chart = new TimeChartView(m_grid);
        connect(chart, &TimeChartView::cursorMoved, this, [this](double ms) { setCursorTime(ms); });
        connect(chart, &TimeChartView::cursorLeft, this, [this] { setCursorTime(std::nullopt); });
        connect(chart, &TimeChartView::exemplarClicked, this, &MetricsPanel::traceRequested);
        m_charts.append(chart);
    }
    for (size_t i = 0; i < m_data.charts.size(); ++i)
        m_charts[qsizetype(i)]->setData(m_data.charts[i], m_data.fromMs, m_data.toMs,
                                        m_data.highlightMs);
    m_columns = m_chartHeight = 0; // lay out again
    layoutCharts();
    m_hint->setText(m_data.emptyText);
    m_stack->setCurrentIndex(m_data.charts.empty() ? 0 : 1);
    setCursorTime(std::nullopt);
    emit dataShown();
}

QSize MetricsPanel::sizeHint() const {
    return {2 * kMinChartWidth, 2 * kChartHeight + m_scope->sizeHint().height()};
}

TimeChartView* MetricsPanel::chart(const QString& key) const {
    for (TimeChartView* c : m_charts)
        if (c->data().key == key) return c;
    return nullptr;
}

void MetricsPanel::setCursorTime(std::optional<double> ms) {
    m_cursor = ms;
    for (TimeChartView* c : m_charts)
        c->setCursorTime(ms);
}

int MetricsPanel::columnsFor(int width) const {
    const int fit = std::max(1, width / kMinChartWidth);
    return std::max(1, std::min<int>(fit, int(m_charts.size())));
}

void MetricsPanel::layoutCharts() {
    const QSize area = m_scroll->viewport()->size();
    const int columns = columnsFor(area.width());
    const int rows = (int(m_charts.size()) + columns - 1) / columns;
    // Fill the height when every row fits at the minimum height; else scroll.
    int height = kChartHeight;
    if (rows > 0) {
        const int fit = (area.height() - kSpacing * (rows - 1)) / rows;
        if (fit >= kMinChartHeight) height = std::min(fit, kMaxChartHeight);
    }
    if (columns == m_columns && height == m_chartHeight) return;
    m_columns = columns;
    m_chartHeight = height;
    for (TimeChartView* c : m_charts) {
        m_gridLayout->removeWidget(c);
        c->setFixedHeight(height);
    }
    for (qsizetype i = 0; i < m_charts.size(); ++i)
        m_gridLayout->addWidget(m_charts[i], int(i) / columns, int(i) % columns);
    // Spare height goes below the charts, not between them.
    const int rowCount = std::max(rows + 1, m_gridLayout->rowCount()); // (setting grows it)
    for (int r = 0; r < rowCount; ++r)
        m_gridLayout->setRowStretch(r, r == rows ? 1 : 0);
    for (int c = 0; c < std::max(columns, m_gridLayout->columnCount()); ++c)
        m_gridLayout->setColumnStretch(c, c < columns ? 1 : 0);
}

bool MetricsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) layoutCharts();
    return QWidget::eventFilter(watched, event);
}

} // namespace tg::view
