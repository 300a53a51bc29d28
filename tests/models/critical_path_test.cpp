// Critical path (Jaeger UI's definition) on small traces whose answers were worked out by hand;
// times in milliseconds from the trace start.
#include <QTest>

#include "models/trace/critical_path.h"
#include "tests/models/trace_test_builder.h"

using namespace tg::model;

using tg::test::BuiltTrace;
using tg::test::kEpoch;
using tg::test::kMs;
using tg::test::SpanSpec;

namespace {

void build(BuiltTrace& b, const std::vector<SpanSpec>& specs) {
    tg::test::buildTrace(b, specs);
}

// "id:start-end" per segment, times relative to the trace start in ms.
QString describe(const BuiltTrace& b, const std::vector<CriticalSegment>& path) {
    QStringList parts;
    for (const auto& s : path)
        parts << QStringLiteral("%1:%2-%3")
                     .arg(b.dataset.spanId[s.row])
                     .arg((s.startNs - kEpoch) / kMs)
                     .arg((s.endNs - kEpoch) / kMs);
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
    QTest::newRow("sequential children")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 40}, {3, 1, 50, 90}}
        << QStringLiteral("1:0-10 2:10-40 1:40-50 3:50-90 1:90-100");
    QTest::newRow("parallel children")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 80}, {3, 1, 20, 60}}
        << QStringLiteral("1:0-10 2:10-80 1:80-100");
    QTest::newRow("child outlives parent") << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 50, 150}}
                                           << QStringLiteral("1:0-50 2:50-100");
    QTest::newRow("follows-from child ignored")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 30}, {3, 1, 40, 200, true}}
        << QStringLiteral("1:0-10 2:10-30 1:30-100");
    QTest::newRow("orphan is another root")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 99, 20, 50}} << QStringLiteral("1:0-100");
    QTest::newRow("nested grandchild")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 10, 90}, {3, 2, 20, 70}}
        << QStringLiteral("1:0-10 2:10-20 3:20-70 2:70-90 1:90-100");
    QTest::newRow("child entirely after parent dropped")
        << std::vector<SpanSpec>{{1, 0, 0, 100}, {2, 1, 120, 150}} << QStringLiteral("1:0-100");
}

void CriticalPathTest::handCheckedTraces() {
    QFETCH(std::vector<SpanSpec>, spans);
    BuiltTrace b;
    build(b, spans);
    QTEST(describe(b, computeCriticalPath(b.dataset, b.tree)), "expected");
}

void CriticalPathTest::deepTraceDoesNotRecurse() {
    // A 200k-deep chain would overflow the stack of a recursive implementation.
    std::vector<SpanSpec> chain;
    const int depth = 200000;
    for (int i = 0; i < depth; ++i)
        chain.push_back({static_cast<uint64_t>(i + 1), static_cast<uint64_t>(i), i, 2 * depth - i});
    BuiltTrace b;
    build(b, chain);
    const auto path = computeCriticalPath(b.dataset, b.tree);
    // Every span has time of its own at both ends except the innermost one: 2*depth-1 segments.
    QCOMPARE(path.size(), size_t(2 * depth - 1));
    QCOMPARE(path.front().startNs, b.tree.startNs);
}

QTEST_GUILESS_MAIN(CriticalPathTest)
#include "critical_path_test.moc"
