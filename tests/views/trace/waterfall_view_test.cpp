// WaterfallView offscreen: expand/collapse, selection by click and keyboard (spanSelected with the
// right dataset row), zoom to a ruler range and back, ctrl+wheel, find, the raw-times toggle,
// folding of sub-pixel children in a collapsed row, and the details pane. Traces are built by
// hand (waterfall_test_trace.h; depth-first order of the checkout trace: 1, 2, 3, 6, 4, 5).
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "models/dataset/dataset_builder.h"
#include "tests/views/trace/waterfall_test_trace.h"
#include "views/trace/span_details_widget.h"
#include "views/trace/waterfall_view.h"

using namespace tg;
using tg::test::kEpoch;
using tg::test::kMs;

class WaterfallViewTest : public QObject {
    Q_OBJECT
private slots:
    void clickTriangleCollapsesAndExpands();
    void clickSelectsRow();
    void keyboardNavigation();
    void selectSpanRowRevealsAndScrolls();
    void rulerDragZoomsAndEscapeGoesBack();
    void ctrlWheelZoomsAroundMouse();
    void zoomOutButton();
    void minimapClickMovesWindow();
    void findNextAndPrevious();
    void rawTimesToggle();
    void collapsedRowFoldsSubPixelChildren();
    void onlyVisibleRowsArePainted();
    void detailsPane();

private:
    struct Shown {
        std::shared_ptr<test::WfTrace> trace;
        std::unique_ptr<view::WaterfallView> view;
    };
    static Shown show(std::shared_ptr<test::WfTrace> trace, QSize size = {900, 500});
    static QPoint rowPoint(const view::WaterfallView& v, size_t row, int x = 200) {
        return QPoint(x, v.visibleRowRect(row).center().y());
    }
};

WaterfallViewTest::Shown WaterfallViewTest::show(std::shared_ptr<test::WfTrace> trace, QSize size) {
    Shown s{std::move(trace), std::make_unique<view::WaterfallView>()};
    s.view->resize(size);
    s.view->show();
    s.view->setTrace(s.trace->data);
    s.view->grab(); // lays out and paints once
    return s;
}

void WaterfallViewTest::clickTriangleCollapsesAndExpands() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    QCOMPARE(v.visibleRowCount(), size_t(6));
    // Row 1 is span 2 (depth 1): its triangle is right of the indentation.
    const int triangleX = view::waterfallNameIndent(1) + 5;
    QSignalSpy selected(&v, &view::WaterfallView::spanSelected);
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, rowPoint(v, 1, triangleX));
    QCOMPARE(v.visibleRowCount(), size_t(5)); // 3 hidden
    QVERIFY(!v.isSpanExpanded(s.trace->row(2)));
    QCOMPARE(selected.count(), 0); // the triangle toggles, it does not select
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, rowPoint(v, 1, triangleX));
    QCOMPARE(v.visibleRowCount(), size_t(6));
    // The root's triangle hides everything else.
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {},
                      rowPoint(v, 0, view::waterfallNameIndent(0) + 5));
    QCOMPARE(v.visibleRowCount(), size_t(1));
    v.setSpanExpanded(s.trace->row(1), true);
    QCOMPARE(v.visibleRowCount(), size_t(6));
    // A leaf has no triangle: a click there selects it.
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {},
                      rowPoint(v, 2, view::waterfallNameIndent(2) + 5));
    QCOMPARE(v.visibleRowCount(), size_t(6));
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(3)));
}

void WaterfallViewTest::clickSelectsRow() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    QSignalSpy selected(&v, &view::WaterfallView::spanSelected);
    QSignalSpy cleared(&v, &view::WaterfallView::selectionCleared);
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, rowPoint(v, 4, 600)); // on the timeline
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toUInt(), s.trace->row(4));                 // row 4 is span 4
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, rowPoint(v, 4, 300)); // same span again
    QCOMPARE(selected.count(), 1);
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, rowPoint(v, 3)); // span 6
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.at(1).at(0).toUInt(), s.trace->row(6));
    v.clearSelection();
    QCOMPARE(cleared.count(), 1);
    QVERIFY(!v.selectedSpanRow());
}

void WaterfallViewTest::keyboardNavigation() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    QSignalSpy selected(&v, &view::WaterfallView::spanSelected);
    auto last = [&] { return selected.last().at(0).toUInt(); };
    QTest::keyClick(v.viewport(), Qt::Key_Down); // nothing selected: the first row
    QCOMPARE(last(), s.trace->row(1));
    QTest::keyClick(v.viewport(), Qt::Key_Down);
    QCOMPARE(last(), s.trace->row(2));
    QTest::keyClick(v.viewport(), Qt::Key_Left); // 2 is expanded: collapses it
    QCOMPARE(v.visibleRowCount(), size_t(5));
    QCOMPARE(selected.count(), 2);
    QTest::keyClick(v.viewport(), Qt::Key_Left); // collapsed: goes to the parent
    QCOMPARE(last(), s.trace->row(1));
    QTest::keyClick(v.viewport(), Qt::Key_Right); // expanded root: to its first child
    QCOMPARE(last(), s.trace->row(2));
    QTest::keyClick(v.viewport(), Qt::Key_Right); // collapsed 2: expands
    QCOMPARE(v.visibleRowCount(), size_t(6));
    QTest::keyClick(v.viewport(), Qt::Key_End);
    QCOMPARE(last(), s.trace->row(5));
    QTest::keyClick(v.viewport(), Qt::Key_Up);
    QCOMPARE(last(), s.trace->row(4));
    QTest::keyClick(v.viewport(), Qt::Key_Home);
    QCOMPARE(last(), s.trace->row(1));
    QTest::keyClick(v.viewport(), Qt::Key_Return); // toggles the root
    QCOMPARE(v.visibleRowCount(), size_t(1));
    QTest::keyClick(v.viewport(), Qt::Key_Enter);
    QCOMPARE(v.visibleRowCount(), size_t(6));
    QCOMPARE(selected.count(), 7); // one signal per change of the selected span
}

void WaterfallViewTest::selectSpanRowRevealsAndScrolls() {
    // 200 children under one root: selecting the last one scrolls it into view.
    std::vector<test::WfSpan> specs{{1, 0, 0, 1000, "a", "root"}};
    for (uint64_t i = 0; i < 200; ++i)
        specs.push_back({100 + i, 1, int64_t(i * 5), int64_t(i * 5 + 4), "b", "child"});
    auto s = show(test::makeWfTrace(specs));
    view::WaterfallView& v = *s.view;
    v.collapseAll();
    QCOMPARE(v.visibleRowCount(), size_t(1));
    QSignalSpy selected(&v, &view::WaterfallView::spanSelected);
    v.selectSpanRow(s.trace->row(299));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(v.visibleRowCount(), size_t(201));
    const QRect r = v.visibleRowRect(200);
    QVERIFY(!r.isEmpty());
    QCOMPARE(r.height(), v.rowHeight()); // wholly in view
    QVERIFY(v.verticalScrollBar()->value() > 0);
}

void WaterfallViewTest::rulerDragZoomsAndEscapeGoesBack() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch, kEpoch + 100 * kMs));
    const int y = v.rulerRect().center().y();
    const int x0 = v.timeToX(kEpoch + 20 * kMs), x1 = v.timeToX(kEpoch + 60 * kMs);
    QSignalSpy windowChanged(&v, &view::WaterfallView::timeWindowChanged);
    QTest::mousePress(v.viewport(), Qt::LeftButton, {}, QPoint(x0, y));
    QTest::mouseMove(v.viewport(), QPoint((x0 + x1) / 2, y));
    QTest::mouseMove(v.viewport(), QPoint(x1, y));
    QTest::mouseRelease(v.viewport(), Qt::LeftButton, {}, QPoint(x1, y));
    QCOMPARE(windowChanged.count(), 1);
    // Pixel-rounded: within one pixel's time (100 ms over the timeline's width).
    const int64_t pixel = 100 * kMs / (v.rulerRect().width() - 20) + 1;
    const auto [a, b] = v.timeWindow();
    QVERIFY2(std::abs(a - (kEpoch + 20 * kMs)) <= pixel, qPrintable(QString::number(a - kEpoch)));
    QVERIFY2(std::abs(b - (kEpoch + 60 * kMs)) <= pixel, qPrintable(QString::number(b - kEpoch)));
    QVERIFY(v.isZoomed());
    QVERIFY(v.horizontalScrollBar()->maximum() > 0); // the window can be panned
    // Panned to the end: the 40 ms window ends where the trace ends (100 ms).
    v.horizontalScrollBar()->setValue(v.horizontalScrollBar()->maximum());
    QVERIFY(std::abs(v.timeWindow().second - (kEpoch + 100 * kMs)) <= 1000);
    QVERIFY(std::abs((v.timeWindow().second - v.timeWindow().first) - (b - a)) <= 1000);
    v.horizontalScrollBar()->setValue(v.horizontalScrollBar()->minimum());
    QCOMPARE(v.timeWindow().first, kEpoch);
    v.grab();
    QTest::keyClick(v.viewport(), Qt::Key_Escape);
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch, kEpoch + 100 * kMs));
    QVERIFY(!v.isZoomed());
    // A click without a drag on the ruler does not zoom.
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, QPoint(x0, y));
    QVERIFY(!v.isZoomed());
}

void WaterfallViewTest::ctrlWheelZoomsAroundMouse() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    const int64_t anchor = kEpoch + 50 * kMs;
    const QPoint at(v.timeToX(anchor), v.visibleRowRect(0).center().y());
    for (int i = 0; i < 2; ++i) {
        QWheelEvent wheel(QPointF(at), QPointF(v.viewport()->mapToGlobal(at)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase,
                          false);
        QCoreApplication::sendEvent(v.viewport(), &wheel);
    }
    // Two steps of 0.8: 64 ms wide, the anchor (the middle) stays in the middle: 18..82.
    const auto [a, b] = v.timeWindow();
    QVERIFY2(std::abs((b - a) - 64 * kMs) <= kMs, qPrintable(QString::number(b - a)));
    QVERIFY(std::abs(a - (kEpoch + 18 * kMs)) <= kMs);
    // One Esc undoes the whole wheel gesture.
    QTest::keyClick(v.viewport(), Qt::Key_Escape);
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch, kEpoch + 100 * kMs));
}

void WaterfallViewTest::zoomOutButton() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    QVERIFY(v.zoomBackButtonRect().isEmpty());
    v.zoomToRange(kEpoch + 40 * kMs, kEpoch + 80 * kMs);
    v.zoomToRange(kEpoch + 50 * kMs, kEpoch + 60 * kMs);
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch + 50 * kMs, kEpoch + 60 * kMs));
    const QRect button = v.zoomBackButtonRect();
    QVERIFY(!button.isEmpty());
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, button.center());
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch + 40 * kMs, kEpoch + 80 * kMs));
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, v.zoomBackButtonRect().center());
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch, kEpoch + 100 * kMs));
    QVERIFY(v.zoomBackButtonRect().isEmpty());
}

void WaterfallViewTest::minimapClickMovesWindow() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    v.zoomToRange(kEpoch, kEpoch + 10 * kMs);
    // The minimap spans the whole trace (0..100 ms): its middle is 50 ms; the 10 ms window
    // centres there (within a minimap pixel, 100 ms / ~1200 px).
    QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, v.minimapRect().center());
    const auto [a, b] = v.timeWindow();
    QCOMPARE(b - a, 10 * kMs);
    QVERIFY2(std::abs(a - (kEpoch + 45 * kMs)) <= kMs / 5, qPrintable(QString::number(a - kEpoch)));
}

void WaterfallViewTest::findNextAndPrevious() {
    auto s = show(test::checkoutTrace());
    view::WaterfallView& v = *s.view;
    QSignalSpy matches(&v, &view::WaterfallView::findMatchesChanged);
    v.collapseAll();
    v.setFindText(QStringLiteral("stock")); // spans 2 and 3, both hidden under the root
    QCOMPARE(matches.last().at(0).toInt(), 2);
    QCOMPARE(v.findMatchCount(), 2);
    QVERIFY(v.findNext());
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(2)));
    QCOMPARE(v.currentMatchIndex(), 0);
    QVERIFY(v.findNext()); // 3: under 2, expanded to show it
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(3)));
    QVERIFY(v.isSpanExpanded(s.trace->row(2)));
    QVERIFY(v.findNext()); // wraps
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(2)));
    QVERIFY(v.findPrevious()); // wraps back
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(3)));
    QTest::keyClick(v.viewport(), Qt::Key_F3);
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(2)));
    v.setFindText(QStringLiteral("http.route=/payments"));
    QCOMPARE(v.findMatchCount(), 1);
    QVERIFY(v.findNext());
    QCOMPARE(v.selectedSpanRow(), std::optional<uint32_t>(s.trace->row(5)));
    v.setFindText(QStringLiteral("no such thing"));
    QCOMPARE(v.findMatchCount(), 0);
    QVERIFY(!v.findNext());
}

void WaterfallViewTest::rawTimesToggle() {
    // 2 starts 20 ms before its parent and is centred into it (25..75) unless raw times are on.
    auto s = show(test::makeWfTrace({{1, 0, 0, 100, "a", "root"}, {2, 1, -20, 30, "b", "early"}}));
    view::WaterfallView& v = *s.view;
    QVERIFY(!v.showRawTimes());
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch, kEpoch + 100 * kMs));
    v.setShowRawTimes(true);
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch - 20 * kMs, kEpoch + 100 * kMs));
    v.setShowRawTimes(false);
    QCOMPARE(v.timeWindow(), std::make_pair(kEpoch, kEpoch + 100 * kMs));
}

void WaterfallViewTest::collapsedRowFoldsSubPixelChildren() {
    // 1000 children of 10 µs every 20 µs in a 20 ms root, collapsed, on a timeline of about
    // 560 px (36 µs a pixel): every child is narrower than the 2 px fold width and the gaps
    // are under it too, so they fold into a single block holding all 1000. The root's critical
    // path is the 1000 gaps after each child ([10,20], [30,40] ... [19990,20000] µs): it folds
    // into a second block of 1000.
    auto t = std::make_shared<test::WfTrace>();
    {
        auto ds = std::make_shared<model::Dataset>();
        model::Diagnostics diag;
        model::DatasetBuilder builder(*ds, diag, 0);
        model::SpanInput in;
        const auto res = builder.addResource("a", {});
        for (uint64_t i = 0; i <= 1000; ++i) {
            in.clear();
            in.trace = model::parseTraceId("abc");
            in.span = {i + 1, model::IdSpelling::Hex};
            if (i > 0) in.parent = {1, model::IdSpelling::Hex};
            in.operation = i ? "child" : "root";
            in.resource = res;
            in.startNs = kEpoch + (i ? int64_t(i - 1) * 20'000 : 0);
            in.durationNs = i ? 10'000 : 20 * kMs;
            builder.addSpan(in);
        }
        t->dataset = ds;
        t->structure = model::analyzeTraceStructure(*ds, diag);
        t->data = view::WaterfallData::build(ds, t->structure, ds->traceId[0]);
    }
    auto s = show(t, {900, 400});
    view::WaterfallView& v = *s.view;
    v.collapseAll();
    v.grab();
    QCOMPARE(v.lastFrameStats().rows, size_t(1));
    QCOMPARE(v.lastFrameStats().foldedBlocks, size_t(2));
    QCOMPARE(v.lastFrameStats().foldedIntervals, size_t(2000));
    // Zoomed to the first 100 µs (about 180 ns a pixel), the children at 0, 20 ... 80 µs and the
    // path's gaps are 10 µs wide, far over 2 px: drawn one by one, nothing folded.
    v.zoomToRange(kEpoch, kEpoch + 100'000);
    v.grab();
    QCOMPARE(v.lastFrameStats().foldedBlocks, size_t(0));
}

void WaterfallViewTest::onlyVisibleRowsArePainted() {
    std::vector<test::WfSpan> specs{{1, 0, 0, 10000, "a", "root"}};
    for (uint64_t i = 0; i < 5000; ++i)
        specs.push_back({10 + i, 1, int64_t(i * 2), int64_t(i * 2 + 1), "b", "child"});
    auto s = show(test::makeWfTrace(specs), {800, 400});
    view::WaterfallView& v = *s.view;
    // Rows in view: the rows area (viewport minus minimap 44 and ruler 26) over the row height,
    // plus one partly shown at the bottom (and one at the top once scrolled off a row boundary).
    const size_t fit = size_t(v.viewport()->height() - 44 - 26) / size_t(v.rowHeight()) + 1;
    QCOMPARE(v.lastFrameStats().rows, fit);
    QCOMPARE(v.lastFrameStats().bars, fit);
    v.verticalScrollBar()->setValue(v.verticalScrollBar()->maximum() - 7);
    v.grab();
    QVERIFY(v.lastFrameStats().rows <= fit + 1);
    QVERIFY(v.lastFrameStats().rows >= fit - 1);
}

void WaterfallViewTest::detailsPane() {
    const auto t = test::checkoutTrace();
    view::SpanDetailsWidget details;
    QVERIFY(details.logsText().isEmpty());
    details.showSpan(*t->data, t->row(3));
    QVERIFY(details.headerText().contains(QStringLiteral("SELECT stock")));
    QVERIFY(details.headerText().contains(QStringLiteral("error")));
    QVERIFY(details.headerText().contains(QStringLiteral("5.00 ms"))); // duration 15..20
    // Sections: Span, Attributes (1), Resource (0), Events (0), Links (0).
    QTreeWidget* tree = details.sections();
    QCOMPARE(tree->topLevelItemCount(), 5);
    QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("Attributes (1)"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(0), QStringLiteral("db.statement"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), QStringLiteral("select * from stock"));
    auto* logsNote = details.findChild<QLabel*>(QStringLiteral("logsNote"));
    QCOMPARE(logsNote->text(), QStringLiteral("No logs loaded"));
    details.setCorrelatedLogs({}, true);
    QCOMPARE(logsNote->text(), QStringLiteral("No log lines for this span"));
    details.setCorrelatedLogs({QStringLiteral("12:00:01 stock low")}, true);
    QCOMPARE(details.logsText(), QStringLiteral("12:00:01 stock low"));
}

QTEST_MAIN(WaterfallViewTest)
#include "waterfall_view_test.moc"
