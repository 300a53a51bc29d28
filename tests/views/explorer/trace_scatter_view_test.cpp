// The duration-over-time scatter plot: decimation to two points per pixel column on hand-made
// points, one point per trace with errors in their own series, the log axis only when the
// durations span more than two decades, a click on a point activating its trace, and a big
// result set drawn with at most two points per column.
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>

#include "tests/views/explorer/explorer_test_data.h"
#include "views/explorer/scatter_decimation.h"
#include "views/explorer/trace_scatter_view.h"

using tg::view::TraceScatterView;

class TraceScatterViewTest : public QObject {
    Q_OBJECT
private slots:
    void decimationKeepsColumnExtremes();
    void decimationKeepsSmallSetsWhole();
    void onePointPerTraceErrorsApart();
    void logAxisOnlyForWideRanges();
    void clickingPointActivatesTrace();
    void bigResultSetIsDecimated();
};

void TraceScatterViewTest::decimationKeepsColumnExtremes() {
    // Range [0, 10) in 2 columns: column 0 holds x 0..4.99, column 1 x 5..10.
    // Column 0: y 5, 1, 9, 3 → keep y=1 (i=1) and y=9 (i=2). Column 1: y 4, 4, 7 → keep i=4
    // (first lowest) and i=6. x=11 is outside and dropped.
    const std::vector<double> x{0, 1, 2, 3, 6, 7, 8, 11};
    const std::vector<double> y{5, 1, 9, 3, 4, 4, 7, 100};
    const auto kept = tg::view::decimateScatter(x, y, 0, 10, 2);
    QCOMPARE(kept, (std::vector<uint32_t>{1, 2, 4, 6}));
}

void TraceScatterViewTest::decimationKeepsSmallSetsWhole() {
    const std::vector<double> x{3, 1, 2}, y{1, 2, 3};
    QCOMPARE(tg::view::decimateScatter(x, y, 0, 10, 2), (std::vector<uint32_t>{0, 1, 2}));
    QVERIFY(tg::view::decimateScatter({}, {}, 0, 10, 100).empty());
}

void TraceScatterViewTest::onePointPerTraceErrorsApart() {
    tg::test::ExplorerTestData data;
    tg::test::buildFourTraces(data);
    TraceScatterView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setIndex(data.index);
    view.setResults({0, 1, 2, 3});
    QCOMPARE(view.shownPointCount(), 4);
    QCOMPARE(view.errorSeries()->count(), 1); // only trace 0 ("a1") has an error span
    QCOMPARE(view.okSeries()->count(), 3);
    // The error point sits at a1's duration: 120 ms.
    QCOMPARE(view.errorSeries()->at(0).y(), 120.0);
    view.setResults({1, 2});
    QCOMPARE(view.shownPointCount(), 2);
    QCOMPARE(view.errorSeries()->count(), 0);
}

void TraceScatterViewTest::logAxisOnlyForWideRanges() {
    tg::test::ExplorerTestData data;
    tg::test::buildFourTraces(data);
    TraceScatterView view;
    view.setIndex(data.index);
    view.setResults({0, 1, 2, 3}); // 5 ms .. 1000 ms: 200× → logarithmic
    QVERIFY(view.isLogScale());
    view.setResults({0, 1}); // 30 .. 120 ms: 4× → linear
    QVERIFY(!view.isLogScale());
}

void TraceScatterViewTest::clickingPointActivatesTrace() {
    tg::test::ExplorerTestData data;
    tg::test::buildFourTraces(data);
    TraceScatterView view;
    view.resize(640, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setIndex(data.index);
    view.setResults({0, 1, 2, 3});
    QSignalSpy activated(&view, &TraceScatterView::traceActivated);
    for (size_t trace : {size_t(3), size_t(0)}) {
        QTRY_VERIFY(view.pointPosition(trace).has_value());
        const QPoint at = *view.pointPosition(trace);
        QVERIFY2(view.viewport()->rect().contains(at), "the point is inside the plot");
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(activated.count(), trace == 3 ? 1 : 2);
        QCOMPARE(activated.last().at(0).value<size_t>(), trace);
    }
    // A click on empty plot area activates nothing.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(activated.count(), 2);
}

void TraceScatterViewTest::bigResultSetIsDecimated() {
    // 20,000 one-span traces, one per ms, durations cycling 1..97 ms.
    std::vector<tg::test::TestSpan> spans;
    std::vector<std::string> ids;
    ids.reserve(20000);
    for (int i = 0; i < 20000; ++i)
        ids.push_back("b" + std::to_string(i));
    for (int i = 0; i < 20000; ++i)
        spans.push_back({ids[size_t(i)].c_str(), uint64_t(i + 1), 0, i, i + 1 + i % 97, "svc", "op",
                         i % 50 == 0});
    tg::test::ExplorerTestData data;
    tg::test::buildExplorerTestData(data, spans);
    QCOMPARE(data.index->traces.size(), size_t(20000));
    TraceScatterView view;
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setIndex(data.index);
    std::vector<size_t> all(20000);
    for (size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    view.setResults(all);
    QTest::qWait(50); // the resize-coalescing timer
    const int columns = int(view.chart()->plotArea().width());
    QVERIFY(columns > 100);
    // At most two points per column for each of the two series.
    QVERIFY2(
        view.shownPointCount() <= 4 * (columns + 1),
        qPrintable(
            QStringLiteral("%1 points for %2 columns").arg(view.shownPointCount()).arg(columns)));
    QVERIFY(view.shownPointCount() >= columns); // and not much fewer: every column has points
    // The slowest trace (97 ms) and the fastest (1 ms) survive decimation.
    double low = 1e9, high = 0;
    for (const QPointF& p : view.okSeries()->points()) {
        low = std::min(low, p.y());
        high = std::max(high, p.y());
    }
    QCOMPARE(low, 1.0);
    QCOMPARE(high, 97.0);
}

QTEST_MAIN(TraceScatterViewTest)
#include "trace_scatter_view_test.moc"
