// The Metrics panel offscreen: one time cursor across charts, exemplar clicks, decimation to
// the plot's width, hint texts, and a selection built on a worker from a hand-built graph.
#include <QApplication>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "views/charts/metrics_panel.h"
#include "views/charts/time_chart_view.h"

using namespace tg;

namespace {

constexpr double kT0Ms = 1'700'000'000'000.0; // 2023-11-14 22:13:20 UTC

view::ChartLine ramp(const QString& name, size_t n, double stepMs) {
    view::ChartLine line;
    line.name = name;
    for (size_t i = 0; i < n; ++i) {
        line.xMs.push_back(kT0Ms + double(i) * stepMs);
        line.y.push_back(double(i % 100));
    }
    return line;
}

// Two charts over one minute; the second has 100,000 samples and one exemplar at +30 s.
view::MetricsPanelData twoCharts() {
    view::MetricsPanelData data;
    data.scope = QStringLiteral("Service checkout");
    data.fromMs = kT0Ms;
    data.toMs = kT0Ms + 60'000;
    view::ChartData a;
    a.key = QStringLiteral("requests");
    a.title = QStringLiteral("Request rate");
    a.unit = QStringLiteral("req/s");
    a.lines.push_back(ramp(QStringLiteral("requests"), 60, 1000));
    view::ChartData b;
    b.key = QStringLiteral("metric:x");
    b.title = QStringLiteral("x");
    b.unit = QStringLiteral("ms");
    b.lines.push_back(ramp(QStringLiteral("x"), 100'000, 0.6));
    view::ChartExemplar e;
    e.xMs = kT0Ms + 30'000;
    e.y = 50;
    e.trace = model::parseTraceId("4bf92f3577b34da6a3ce929d0e0e4736").id;
    e.span = 0x00f067aa0ba902b7;
    e.traceLoaded = true;
    b.exemplars.push_back(e);
    data.charts.push_back(a);
    data.charts.push_back(b);
    return data;
}

void sendMove(QWidget* viewport, QPoint pos) {
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), viewport->mapToGlobal(QPointF(pos)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}

} // namespace

class MetricsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void cursorIsShared();
    void exemplarClickRequestsTrace();
    void linesDecimatedToPlotWidth();
    void hintsWhenNothingToShow();
    void selectionBuiltOnWorker();
};

void MetricsPanelTest::cursorIsShared() {
    view::MetricsPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showData(twoCharts());
    QCOMPARE(panel.charts().size(), 2);
    view::TimeChartView* first = panel.charts()[0];
    view::TimeChartView* second = panel.charts()[1];
    QTRY_VERIFY(first->viewportX(kT0Ms + 15'000) > 0);
    // Move over the first chart at +15 s: both charts put their cursor there.
    const double x = first->viewportX(kT0Ms + 15'000);
    sendMove(first->viewport(), QPoint(int(std::lround(x)), first->viewport()->height() / 2));
    QVERIFY(first->cursorTime().has_value());
    QVERIFY(second->cursorTime().has_value());
    QCOMPARE(*first->cursorTime(), *second->cursorTime());
    // Within a pixel's worth of time of +15 s (60 s over a few hundred pixels).
    QVERIFY2(std::fabs(*first->cursorTime() - (kT0Ms + 15'000)) < 300,
             qPrintable(QString::number(*first->cursorTime() - kT0Ms)));
    // Over the second chart at +45 s: the first follows.
    const double x2 = second->viewportX(kT0Ms + 45'000);
    sendMove(second->viewport(), QPoint(int(std::lround(x2)), second->viewport()->height() / 2));
    QCOMPARE(*first->cursorTime(), *second->cursorTime());
    QVERIFY(std::fabs(*first->cursorTime() - (kT0Ms + 45'000)) < 300);
    // Leaving a chart hides every cursor.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(second, &leave);
    QVERIFY(!first->cursorTime() && !second->cursorTime());
}

void MetricsPanelTest::exemplarClickRequestsTrace() {
    view::MetricsPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showData(twoCharts());
    view::TimeChartView* chart = panel.chart(QStringLiteral("metric:x"));
    QVERIFY(chart);
    QSignalSpy spy(&panel, &view::MetricsPanel::traceRequested);
    std::optional<QPoint> at;
    QTRY_VERIFY((at = chart->exemplarPosition(0)) && chart->viewport()->rect().contains(*at));
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, *at);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].value<model::TraceId>(),
             model::parseTraceId("4bf92f3577b34da6a3ce929d0e0e4736").id);
    QCOMPARE(spy[0][1].value<model::SpanId>(), model::SpanId(0x00f067aa0ba902b7));
    // A click on empty plot area requests nothing.
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {},
                      QPoint(int(chart->viewportX(kT0Ms + 5'000)), at->y()));
    QCOMPARE(spy.count(), 1);
}

void MetricsPanelTest::linesDecimatedToPlotWidth() {
    view::MetricsPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showData(twoCharts());
    view::TimeChartView* chart = panel.chart(QStringLiteral("metric:x"));
    // 100,000 samples; at most two points per pixel column of the plot.
    const int width = int(chart->chart()->plotArea().width());
    QTRY_VERIFY(chart->drawnPointCount(0) > 0);
    QVERIFY(width > 100);
    QVERIFY2(chart->drawnPointCount(0) <= 2 * (width + 1),
             qPrintable(
                 QStringLiteral("%1 points for %2 px").arg(chart->drawnPointCount(0)).arg(width)));
    // The 60 points of the other chart are all drawn.
    QCOMPARE(panel.chart(QStringLiteral("requests"))->drawnPointCount(0), 60);
    // Narrower: fewer points, still at most two per column.
    panel.resize(450, 500);
    QTRY_VERIFY(chart->drawnPointCount(0) <= 2 * (int(chart->chart()->plotArea().width()) + 1));
}

void MetricsPanelTest::hintsWhenNothingToShow() {
    view::MetricsPanel panel;
    panel.show();
    QVERIFY(panel.charts().isEmpty());
    QVERIFY(panel.hintLabel()->isVisible());
    QVERIFY(panel.hintLabel()->text().contains(QStringLiteral("Nothing is loaded")));
}

void MetricsPanelTest::selectionBuiltOnWorker() {
    // A graph of one service "checkout" with 3 calls in bucket 1 of 3 one-second buckets.
    auto graph = std::make_shared<model::ServiceGraph>();
    const uint32_t node = graph->addNode("checkout", model::NodeKind::Service);
    graph->buckets = {1'700'000'000'000'000'000, 1'000'000'000, 3};
    for (int i = 0; i < 3; ++i)
        graph->nodes[node].stats.add(1, 20'000'000, i == 0);
    view::MetricsSources sources;
    sources.dataset = std::make_shared<model::Dataset>();
    sources.graph = graph;
    view::MetricsPanel panel;
    panel.setSources(sources);
    QVERIFY(panel.hintLabel()->text().contains(QStringLiteral("Select a service")));
    QSignalSpy shown(&panel, &view::MetricsPanel::dataShown);
    panel.setSelection({view::MetricsSelection::Kind::Node, node, {}});
    // (A small selection may be built before the continuation is attached: then at once.)
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !panel.isBuilding(), 10000);
    QCOMPARE(panel.data().scope, QStringLiteral("Service checkout"));
    QCOMPARE(panel.charts().size(), 3); // requests, errors, latency; no metrics imported
    const auto& rate = panel.chart(QStringLiteral("requests"))->data().lines.at(0).y;
    QCOMPARE(rate, (std::vector<double>{0, 3, 0}));
    const auto& errors = panel.chart(QStringLiteral("errors"))->data().lines.at(0).y;
    QVERIFY(std::fabs(errors.at(1) - 100.0 / 3) < 1e-9); // 1 of 3 calls failed
    QVERIFY(panel.data().detail.contains(QStringLiteral("no metrics imported")));
}

QTEST_MAIN(MetricsPanelTest)
#include "metrics_panel_test.moc"
