// Critical path (Jaeger UI's definition) on small traces whose answers were worked out by hand;
// times in milliseconds from the trace start.
#include <QTest>

#include "models/dataset/dataset_builder.h"
#include "models/trace/critical_path.h"

using namespace tg::model;

namespace {

constexpr int64_t kMs = 1'000'000;

struct SpanSpec {
    uint64_t id;
    uint64_t parent; // 0 = none
    int64_t startMs, endMs;
    bool followsFrom = false;
};

struct Built {
    Dataset dataset;
    Diagnostics diagnostics;
    TraceStructure structure;
    TraceTree tree;
};

void build(Built& b, const std::vector<SpanSpec>& specs) {
    DatasetBuilder builder(b.dataset, b.diagnostics, 0);
    const ResourceId res = builder.addResource("svc", {});
    SpanInput in;
    for (const SpanSpec& s : specs) {
        in.clear();
        in.trace = parseTraceId("abc");
        in.span = {s.id, IdSpelling::Hex};
        if (s.parent) in.parent = {s.parent, IdSpelling::Hex};
        in.parentRef = s.followsFrom ? RefType::FollowsFrom : RefType::ChildOf;
        in.operation = "op";
        in.resource = res;
        in.startNs = 1'700'000'000'000'000'000 + s.startMs * kMs;
        in.durationNs = (s.endMs - s.startMs) * kMs;
        builder.addSpan(in);
    }
    b.structure = analyzeTraceStructure(b.dataset, b.diagnostics);
    b.tree = TraceTree::build(b.dataset, b.structure, rowsOfTrace(b.dataset, b.dataset.traceId[0]));
}

// "id:start-end" per segment, times relative to the trace start in ms.
QString describe(const Built& b, const std::vector<CriticalSegment>& path) {
    QStringList parts;
    for (const auto& s : path)
        parts << QStringLiteral("%1:%2-%3")
                     .arg(b.dataset.spanId[s.row])
                     .arg((s.startNs - 1'700'000'000'000'000'000) / kMs)
                     .arg((s.endNs - 1'700'000'000'000'000'000) / kMs);
    return parts.join(QLatin1Char(' '));
}

} // namespace

Q_DECLARE_METATYPE(std::vector<SpanSpec>)

class CriticalPathTest : public QObject {
    Q_OBJECT
private slots:
    void handCheckedTraces_data();
    void handCheckedTraces();
    void deepTraceDoesNotRecurse();
};

void CriticalPathTest::handCheckedTraces_data() {
    QTest::addColumn<std::vector<SpanSpec>>("spans");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sequential children") << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 40}, {3, 1, 50, 90}}
                                         << QStringLiteral("1:0-10 2:10-40 1:40-50 3:50-90 1:90-100");
    QTest::newRow("parallel children") << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 80}, {3, 1, 20, 60}}
                                       << QStringLiteral("1:0-10 2:10-80 1:80-100");
    QTest::newRow("child outlives parent") << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 50, 150}}
                                           << QStringLiteral("1:0-50 2:50-100");
    QTest::newRow("follows-from child ignored")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 30}, {3, 1, 40, 200, true}}
        << QStringLiteral("1:0-10 2:10-30 1:30-100");
    QTest::newRow("orphan is another root") << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 99, 20, 50}}
                                            << QStringLiteral("1:0-100");
    QTest::newRow("nested grandchild") << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 90}, {3, 2, 20, 70}}
                                       << QStringLiteral("1:0-10 2:10-20 3:20-70 2:70-90 1:90-100");
    QTest::newRow("child entirely after parent dropped")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 120, 150}} << QStringLiteral("1:0-100");
}

void CriticalPathTest::handCheckedTraces() {
    QFETCH(std::vector<SpanSpec>, spans);
    Built b;
    build(b, spans);
    QTEST(describe(b, computeCriticalPath(b.dataset, b.tree)), "expected");
}

void CriticalPathTest::deepTraceDoesNotRecurse() {
    // A 200k-deep chain would overflow the stack of a recursive implementation.
    std::vector<SpanSpec> chain;
    const int depth = 200000;
    for (int i = 0; i < depth; ++i)
        chain.push_back({static_cast<uint64_t>(i + 1), static_cast<uint64_t>(i), i, 2 * depth - i});
    Built b;
    build(b, chain);
    const auto path = computeCriticalPath(b.dataset, b.tree);
    // Every span has time of its own at both ends except the innermost one: 2*depth-1 segments.
    QCOMPARE(path.size(), size_t(2 * depth - 1));
    QCOMPARE(path.front().startNs, b.tree.startNs);
}

QTEST_GUILESS_MAIN(CriticalPathTest)
#include "critical_path_test.moc"
