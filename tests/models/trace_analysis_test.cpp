// Clock-skew adjustment, self time and trace comparison on small traces whose answers were
// worked out by hand (times in ms from a fixed epoch).
#include <QTest>

#include "models/trace/clock_skew.h"
#include "models/trace/trace_compare.h"
#include "tests/models/trace_test_builder.h"

using namespace tg;
using test::BuiltTrace;
using test::kMs;
using test::SpanSpec;

class TraceAnalysisTest : public QObject {
    Q_OBJECT
private slots:
    void childBeforeParentIsCentred();
    void childLongerThanParentAlignsStart();
    void sameProcessIsNotAdjusted();
    void fittingChildUnchanged();
    void selfTimeMergesOverlappingChildren();
    void compareAlignsByPathAndSumsByService();
};

void TraceAnalysisTest::childBeforeParentIsCentred() {
    // P [100,200] on A; C [50,80] on B starts early: centred → start 100 + (100-30)/2 = 135 (+85
    // ms). G [60,70] on B inherits +85 → [145,155], inside C's adjusted [135,165]: not itself
    // adjusted.
    BuiltTrace b;
    test::buildTrace(
        b, {{1, 0, 100, 200, false, "A"}, {2, 1, 50, 80, false, "B"}, {3, 2, 60, 70, false, "B"}});
    const auto adj = model::adjustClockSkew(b.dataset, b.tree);
    QCOMPARE(adj.offsetNs[1], 85 * kMs);
    QCOMPARE(adj.offsetNs[2], 85 * kMs);
    QVERIFY(adj.adjusted[1]);
    QVERIFY(!adj.adjusted[2]);
    QCOMPARE(adj.adjustedCount, size_t(1));
}

void TraceAnalysisTest::childLongerThanParentAlignsStart() {
    BuiltTrace b; // P [100,150] on A, C [90,200] on B: longer than P → start aligned (+10 ms)
    test::buildTrace(b, {{1, 0, 100, 150, false, "A"}, {2, 1, 90, 200, false, "B"}});
    QCOMPARE(model::adjustClockSkew(b.dataset, b.tree).offsetNs[1], 10 * kMs);
}

void TraceAnalysisTest::sameProcessIsNotAdjusted() {
    BuiltTrace b; // same resource: one clock, nothing to correct
    test::buildTrace(b, {{1, 0, 100, 200, false, "A"}, {2, 1, 50, 80, false, "A"}});
    QCOMPARE(model::adjustClockSkew(b.dataset, b.tree).adjustedCount, size_t(0));
}

void TraceAnalysisTest::fittingChildUnchanged() {
    BuiltTrace b;
    test::buildTrace(b, {{1, 0, 100, 200, false, "A"}, {2, 1, 120, 180, false, "B"}});
    QCOMPARE(model::adjustClockSkew(b.dataset, b.tree).offsetNs[1], int64_t(0));
}

void TraceAnalysisTest::selfTimeMergesOverlappingChildren() {
    // P [0,100]; children [10,40], [30,60], [80,120]: covered [10,60] + [80,100] = 70 → self 30.
    BuiltTrace b;
    test::buildTrace(b, {{1, 0, 0, 100}, {2, 1, 10, 40}, {3, 1, 30, 60}, {4, 1, 80, 120}});
    const auto self = model::selfTimes(b.dataset, b.tree);
    QCOMPARE(self[0], 30 * kMs);
    QCOMPARE(self[1], 30 * kMs);
}

void TraceAnalysisTest::compareAlignsByPathAndSumsByService() {
    // Left: A [0,100] > B [10,50]. Right: A [0,150] > B [10,50], C [60,140].
    // Self: A 60 → 30 (−30), B 40 → 40, C absent → 80 (+80). Summary: C +80, then A −30.
    model::Dataset d;
    model::Diagnostics diag;
    test::addSpans(
        d, diag, {{1, 0, 0, 100, false, "A", "GET /"}, {2, 1, 10, 50, false, "B", "query"}}, "aaa");
    test::addSpans(d, diag,
                   {{1, 0, 0, 150, false, "A", "GET /"},
                    {2, 1, 10, 50, false, "B", "query"},
                    {3, 1, 60, 140, false, "C", "charge"}},
                   "bbb");
    const auto ts = model::analyzeTraceStructure(d, diag);
    const auto left =
        model::TraceTree::build(d, ts, model::rowsOfTrace(d, model::parseTraceId("aaa").id));
    const auto right =
        model::TraceTree::build(d, ts, model::rowsOfTrace(d, model::parseTraceId("bbb").id));
    const auto cmp = model::compareTraces(d, left, right);
    QCOMPARE(cmp.nodes.size(), size_t(3));
    QCOMPARE(cmp.roots.size(), size_t(1));
    const auto& a = cmp.nodes[cmp.roots[0]];
    QCOMPARE(a.service, std::string("A"));
    QCOMPARE(a.children.size(), size_t(2));
    const auto& b = cmp.nodes[a.children[0]];
    const auto& c = cmp.nodes[a.children[1]];
    QCOMPARE(b.service, std::string("B"));
    QVERIFY(!b.onlyLeft() && !b.onlyRight());
    QCOMPARE(c.service, std::string("C"));
    QVERIFY(c.onlyRight());
    QCOMPARE(a.leftSelfNs, 60 * kMs);
    QCOMPARE(a.rightSelfNs, 30 * kMs);
    QCOMPARE(cmp.byService.size(), size_t(2));
    QCOMPARE(cmp.byService[0].service, std::string("C"));
    QCOMPARE(cmp.byService[0].selfDeltaNs, 80 * kMs);
    QCOMPARE(cmp.byService[1].service, std::string("A"));
    QCOMPARE(cmp.byService[1].selfDeltaNs, -30 * kMs);
    QCOMPARE(cmp.rightDurationNs - cmp.leftDurationNs, 50 * kMs);
}

QTEST_GUILESS_MAIN(TraceAnalysisTest)
#include "trace_analysis_test.moc"
