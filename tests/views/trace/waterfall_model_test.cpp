// WaterfallData, WaterfallRows, folding and find on hand-built traces; every expected value is
// worked out by hand in the comments (times in ms after kEpoch).
#include <QTest>

#include "tests/views/trace/waterfall_test_trace.h"
#include "views/trace/waterfall_find.h"
#include "views/trace/waterfall_fold.h"
#include "views/trace/waterfall_rows.h"
#include "views/trace/waterfall_style.h"

using namespace tg;
using tg::test::kEpoch;
using tg::test::kMs;

class WaterfallModelTest : public QObject {
    Q_OBJECT
private slots:
    void depthFirstOrder();
    void criticalPathPerSpan();
    void selfTimes();
    void clockSkew();
    void collapseAndExpand();
    void childUnionOfCollapsedSpan();
    void foldMergesSubPixelRuns();
    void foldStopsAtWindow();
    void foldOfMillionIntervalsIsOneBlock();
    void findByTextAndKeyValue();
    void formatsDurations();
    void emptyTrace();
};

// Span IDs of the tree nodes in depth-first order.
static std::vector<uint64_t> preorderIds(const test::WfTrace& t) {
    std::vector<uint64_t> ids;
    for (uint32_t node : t.data->preorder)
        ids.push_back(t.dataset->spanId[t.data->rowOf(node)]);
    return ids;
}

void WaterfallModelTest::depthFirstOrder() {
    const auto t = test::checkoutTrace();
    QCOMPARE(preorderIds(*t), (std::vector<uint64_t>{1, 2, 3, 6, 4, 5}));
    // Positions 0..5 = spans 1, 2, 3, 6, 4, 5: depths 0 1 2 1 1 2; a subtree ends after its
    // last descendant (1: all six; 2: itself and 3; 4: itself and 5).
    QCOMPARE(t->data->depth, (std::vector<uint32_t>{0, 1, 2, 1, 1, 2}));
    QCOMPARE(t->data->subtreeEnd, (std::vector<uint32_t>{6, 3, 3, 4, 6, 6}));
    QCOMPARE(t->data->maxDepth, 2u);
    QCOMPARE(t->data->errorCount, 1u); // span 3
    QCOMPARE(t->data->rawStartNs, kEpoch);
    QCOMPARE(t->data->rawEndNs, kEpoch + 100 * kMs);
    QCOMPARE(t->data->nodeOfRow(t->row(5)), int64_t(t->node(5)));
    QCOMPARE(t->data->nodeOfRow(999), int64_t(-1));
}

void WaterfallModelTest::criticalPathPerSpan() {
    const auto t = test::checkoutTrace();
    // Jaeger's walk from the root's end: 1 [90,100] → 4 [70,90] → 5 [60,70] → 4 [50,60] →
    // 1 [48,50] → 6 [45,48] → 1 [40,45] → 2 [20,40] → 3 [15,20] → 2 [10,15] → 1 [0,10].
    auto segments = [&](uint64_t id) {
        std::vector<std::pair<int64_t, int64_t>> out;
        const uint32_t n = t->node(id);
        for (uint32_t i = t->data->criticalBegin[n]; i < t->data->criticalBegin[n + 1]; ++i)
            out.emplace_back((t->data->criticalStartNs[i] - kEpoch) / kMs,
                             (t->data->criticalEndNs[i] - kEpoch) / kMs);
        return out;
    };
    using Segs = std::vector<std::pair<int64_t, int64_t>>;
    QCOMPARE(segments(1), (Segs{{0, 10}, {40, 45}, {48, 50}, {90, 100}}));
    QCOMPARE(segments(2), (Segs{{10, 15}, {20, 40}}));
    QCOMPARE(segments(3), (Segs{{15, 20}}));
    QCOMPARE(segments(6), (Segs{{45, 48}}));
    QCOMPARE(segments(4), (Segs{{50, 60}, {70, 90}}));
    QCOMPARE(segments(5), (Segs{{60, 70}}));
    QCOMPARE(t->data->criticalStartNs.size(), size_t(11));
}

void WaterfallModelTest::selfTimes() {
    const auto t = test::checkoutTrace();
    // 1: 100 - (30 + 3 + 40) = 27; 2: 30 - 5 = 25; 4: 40 - 10 = 30; leaves: their durations.
    QCOMPARE(t->data->selfNs[t->node(1)], 27 * kMs);
    QCOMPARE(t->data->selfNs[t->node(2)], 25 * kMs);
    QCOMPARE(t->data->selfNs[t->node(4)], 30 * kMs);
    QCOMPARE(t->data->selfNs[t->node(3)], 5 * kMs);
    QCOMPARE(t->data->selfNs[t->node(6)], 3 * kMs);
}

void WaterfallModelTest::clockSkew() {
    // 2 (service b) starts 20 ms before its parent 1 (service a) and is shorter (50 < 100): it is
    // centred in the parent: shift = 0 + (100 - 50) / 2 - (-20) = 45 → 25..75. Its child 3, same
    // service as 2, inherits the shift (10..20 → 55..65) without being marked itself.
    const auto t = test::makeWfTrace({
        {1, 0, 0, 100, "a", "root"},
        {2, 1, -20, 30, "b", "early"},
        {3, 2, 10, 20, "b", "inner"},
    });
    const auto& d = *t->data;
    QCOMPARE(d.skew.adjustedCount, size_t(1));
    QVERIFY(d.skew.adjusted[t->node(2)]);
    QVERIFY(!d.skew.adjusted[t->node(3)]);
    QCOMPARE(d.startNs(t->node(2), false), kEpoch + 25 * kMs);
    QCOMPARE(d.startNs(t->node(2), true), kEpoch - 20 * kMs);
    QCOMPARE(d.startNs(t->node(3), false), kEpoch + 55 * kMs);
    QCOMPARE(d.traceStartNs(true), kEpoch - 20 * kMs);
    QCOMPARE(d.traceStartNs(false), kEpoch);
    QCOMPARE(d.traceEndNs(false), kEpoch + 100 * kMs);
}

void WaterfallModelTest::collapseAndExpand() {
    const auto t = test::checkoutTrace();
    view::WaterfallRows rows;
    rows.reset(t->data.get());
    QCOMPARE(rows.size(), size_t(6));
    rows.setExpanded(t->node(2), false); // hides 3
    QCOMPARE(rows.size(), size_t(5));
    QCOMPARE(rows.nodeAt(2), t->node(6));
    rows.setExpanded(t->node(1), false); // only the root is left
    QCOMPARE(rows.size(), size_t(1));
    QVERIFY(!rows.visibleRowOf(t->node(4)));
    rows.setExpanded(t->node(1), true); // 2 stays collapsed: 1, 2, 6, 4, 5
    QCOMPARE(rows.size(), size_t(5));
    QCOMPARE(rows.visibleRowOf(t->node(5)), std::optional<size_t>(4));
    rows.setExpanded(t->node(3), false); // a leaf: nothing to collapse
    QCOMPARE(rows.size(), size_t(5));
    rows.expandAncestors(t->node(3));
    QCOMPARE(rows.size(), size_t(6));
    QCOMPARE(rows.visibleRowOf(t->node(3)), std::optional<size_t>(2));
    rows.collapseAll();
    QCOMPARE(rows.size(), size_t(1));
    QVERIFY(!rows.isExpanded(t->node(4)));
    rows.setExpanded(t->node(4), true); // hidden under the root: state only
    QCOMPARE(rows.size(), size_t(1));
    rows.setExpanded(t->node(1), true); // 1, 2 (collapsed), 6, 4 (expanded), 5
    QCOMPARE(rows.size(), size_t(5));
    rows.expandAll();
    QCOMPARE(rows.size(), size_t(6));
}

void WaterfallModelTest::childUnionOfCollapsedSpan() {
    // Children of 1: [10,40], [45,48], [50,90]: disjoint, so three intervals. Children of a
    // span with overlapping children merge: 7 [0,30] and 8 [20,50] under 9 → [0,50].
    const auto t = test::checkoutTrace();
    view::WaterfallRows rows;
    rows.reset(t->data.get());
    const view::IntervalList& u = rows.childUnion(t->node(1), true);
    QCOMPARE(u.starts,
             (std::vector<int64_t>{kEpoch + 10 * kMs, kEpoch + 45 * kMs, kEpoch + 50 * kMs}));
    QCOMPARE(u.ends,
             (std::vector<int64_t>{kEpoch + 40 * kMs, kEpoch + 48 * kMs, kEpoch + 90 * kMs}));
    const auto t2 = test::makeWfTrace({{9, 0, 0, 60}, {7, 9, 0, 30}, {8, 9, 20, 50}});
    rows.reset(t2->data.get());
    const view::IntervalList& m = rows.childUnion(t2->node(9), false);
    QCOMPARE(m.starts, (std::vector<int64_t>{kEpoch}));
    QCOMPARE(m.ends, (std::vector<int64_t>{kEpoch + 50 * kMs}));
}

using Blocks = std::vector<std::tuple<int64_t, int64_t, size_t>>;

static Blocks fold(const std::vector<int64_t>& s, const std::vector<int64_t>& e, int64_t w0,
                   int64_t w1, double nsPerPx) {
    Blocks out;
    view::foldIntervals(s, e, w0, w1, nsPerPx, 2, [&](const view::FoldedBlock& b) {
        out.emplace_back(b.startNs, b.endNs, b.count);
    });
    return out;
}

void WaterfallModelTest::foldMergesSubPixelRuns() {
    // 100 ns per pixel, fold under 2 px = 200 ns. [0,10] [20,30] [40,50] are narrow and close:
    // one block of 3. [1000,5000] is wide: alone. [5001,5002] [5003,5004]: a block of 2.
    // [9000,9100] is narrow but 3996 ns after the previous one: alone (count 1).
    const std::vector<int64_t> s{0, 20, 40, 1000, 5001, 5003, 9000};
    const std::vector<int64_t> e{10, 30, 50, 5000, 5002, 5004, 9100};
    QCOMPARE(fold(s, e, 0, 10000, 100),
             (Blocks{{0, 50, 3}, {1000, 5000, 1}, {5001, 5004, 2}, {9000, 9100, 1}}));
    // At 1 ns per pixel nothing is narrower than 2 ns except [5001,5002] and [5003,5004], which
    // are 1 ns apart: they fold; [0,10], [20,30]... are 10 ns wide: each alone.
    QCOMPARE(fold(s, e, 0, 10000, 1), (Blocks{{0, 10, 1},
                                              {20, 30, 1},
                                              {40, 50, 1},
                                              {1000, 5000, 1},
                                              {5001, 5004, 2},
                                              {9000, 9100, 1}}));
}

void WaterfallModelTest::foldStopsAtWindow() {
    // Window [2000, 4000]: the first interval ending at or after 2000 is [1000,5000]; the next
    // starts after 4000.
    const std::vector<int64_t> s{0, 20, 40, 1000, 5001, 5003, 9000};
    const std::vector<int64_t> e{10, 30, 50, 5000, 5002, 5004, 9100};
    QCOMPARE(fold(s, e, 2000, 4000, 100), (Blocks{{1000, 5000, 1}}));
    QCOMPARE(fold(s, e, 9200, 9900, 100), Blocks{});
}

void WaterfallModelTest::foldOfMillionIntervalsIsOneBlock() {
    // 1,000,000 intervals [2i, 2i+1] at 1000 ns per pixel: each 1 ns wide, 1 ns apart → one
    // block from 0 to 1,999,999 holding all of them.
    std::vector<int64_t> s(1'000'000), e(1'000'000);
    for (int64_t i = 0; i < 1'000'000; ++i) {
        s[size_t(i)] = 2 * i;
        e[size_t(i)] = 2 * i + 1;
    }
    QCOMPARE(fold(s, e, 0, 2'000'000, 1000), (Blocks{{0, 1'999'999, 1'000'000}}));
}

void WaterfallModelTest::findByTextAndKeyValue() {
    const auto t = test::checkoutTrace();
    auto matches = [&](const QString& text) {
        const std::vector<uint8_t> m = view::findSpans(*t->data, text);
        std::vector<uint64_t> ids;
        for (uint32_t node : t->data->preorder)
            if (m[node]) ids.push_back(t->dataset->spanId[t->data->rowOf(node)]);
        return ids;
    };
    using Ids = std::vector<uint64_t>;
    QCOMPARE(matches("STOCK"), (Ids{2, 3}));         // operations, case-insensitive
    QCOMPARE(matches("c"), (Ids{1, 2, 3, 6, 4, 5})); // every name has a "c" (service c too)
    QCOMPARE(matches("payments"), (Ids{5}));         // operation and attribute value
    QCOMPARE(matches("db.statement"), (Ids{3}));     // attribute key
    QCOMPARE(matches("http.route=/pay"), (Ids{5}));  // key=value: value contains
    QCOMPARE(matches("http.route=/checkout"), Ids{});
    QCOMPARE(matches("  "), Ids{});
}

void WaterfallModelTest::formatsDurations() {
    QCOMPARE(view::formatDuration(850), QStringLiteral("850 ns"));
    QCOMPARE(view::formatDuration(12'400), QStringLiteral("12.4 µs"));
    QCOMPARE(view::formatDuration(3'250'000), QStringLiteral("3.25 ms"));
    QCOMPARE(view::formatDuration(1'500'000'000), QStringLiteral("1.50 s"));
    QCOMPARE(view::formatDuration(123'000'000'000), QStringLiteral("2m 03s"));
}

void WaterfallModelTest::emptyTrace() {
    const auto t = test::checkoutTrace();
    QVERIFY(!view::WaterfallData::build(t->dataset, t->structure, model::parseTraceId("def").id));
    QVERIFY(!view::WaterfallData::build(nullptr, t->structure, std::vector<uint32_t>{}));
}

QTEST_GUILESS_MAIN(WaterfallModelTest)
#include "waterfall_model_test.moc"
