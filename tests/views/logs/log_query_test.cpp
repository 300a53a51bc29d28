// Scopes, severity filter and text search of the Logs panel on the hand-built records of
// logs_test_data.h (the expected rows are counted from its table).
#include <QTest>

#include "tests/views/logs/logs_test_data.h"
#include "views/logs/log_query.h"

using namespace tg;
using Rows = std::vector<uint32_t>;

class LogQueryTest : public QObject {
    Q_OBJECT
private slots:
    void allByTime();
    void scopedByCorrelation();
    void scopedWithoutCorrelation();
    void severityFilter();
    void textSearch();
    void searchWords();
    void fullTextSearchStandsIn();
};

void LogQueryTest::allByTime() {
    const auto s = test::buildSources();
    // By time: 6 (2 ms), 0 (5), 1 (20), 2 (30), 3 (50), 4 (1100), 5 (1500).
    QCOMPARE(view::scopeRows(s, {}), (Rows{6, 0, 1, 2, 3, 4, 5}));
}

void LogQueryTest::scopedByCorrelation() {
    const auto s = test::buildSources();
    // checkout: rows 1, 2, 4 through their spans, 5 through its stream label.
    QCOMPARE(view::scopeRows(s, test::serviceScope({"checkout"})), (Rows{1, 2, 4, 5}));
    QCOMPARE(view::scopeRows(s, test::serviceScope({"frontend"})), (Rows{0, 3}));
    // A call's two services, merged by time.
    QCOMPARE(view::scopeRows(s, test::serviceScope({"frontend", "checkout"})),
             (Rows{0, 1, 2, 3, 4, 5}));
    // inventory is not a service of the traces.
    QCOMPARE(view::scopeRows(s, test::serviceScope({"inventory"})), Rows{});
    view::LogScope trace;
    trace.kind = view::LogScope::Kind::Trace;
    trace.trace = model::parseTraceId(test::kTraceA).id;
    QCOMPARE(view::scopeRows(s, trace), (Rows{0, 1, 2, 3}));
    view::LogScope span = trace;
    span.kind = view::LogScope::Kind::Span;
    span.span = test::kSpanA2;
    QCOMPARE(view::scopeRows(s, span), (Rows{1, 2}));
    span.span = test::kSpanA1;
    QCOMPARE(view::scopeRows(s, span), (Rows{0, 3}));
}

void LogQueryTest::scopedWithoutCorrelation() {
    // Stream labels and stated IDs only: inventory is found by its label now.
    const auto s = test::buildSources(false);
    QCOMPARE(view::scopeRows(s, test::serviceScope({"inventory"})), Rows{6});
    QCOMPARE(view::scopeRows(s, test::serviceScope({"checkout"})), (Rows{1, 2, 4, 5}));
    view::LogScope trace;
    trace.kind = view::LogScope::Kind::Trace;
    trace.trace = model::parseTraceId(test::kTraceB).id;
    QCOMPARE(view::scopeRows(s, trace), Rows{4});
}

void LogQueryTest::severityFilter() {
    const auto s = test::buildSources();
    view::LogFilter warn;
    warn.minSeverity = model::LogSeverity::Warn;
    // WARN and above: 6 (ERROR), 2 (ERROR), 3 (WARN); row 5 has no level and is left out.
    QCOMPARE(view::runLogQuery(s, {}, warn).rows, (Rows{6, 2, 3}));
    view::LogFilter info;
    info.minSeverity = model::LogSeverity::Info;
    const auto checkout = view::runLogQuery(s, test::serviceScope({"checkout"}), info);
    QCOMPARE(checkout.rows, (Rows{2, 4})); // 1 is DEBUG, 5 has no level
    QCOMPARE(checkout.scopeRows, size_t(4));
}

void LogQueryTest::textSearch() {
    const auto s = test::buildSources();
    view::LogFilter f;
    f.text = "CART"; // any case: rows 0, 1 and 4 mention "cart"
    QCOMPARE(view::runLogQuery(s, {}, f).rows, (Rows{0, 1, 4}));
    f.text = "cart items"; // both words: row 1 only
    QCOMPARE(view::runLogQuery(s, {}, f).rows, Rows{1});
    f.text = "\"card expired\""; // a phrase
    QCOMPARE(view::runLogQuery(s, {}, f).rows, Rows{2});
    f.text = "\"expired card\"";
    QCOMPARE(view::runLogQuery(s, {}, f).rows, Rows{});
    f.text = "checkout"; // "checked out" is not "checkout": row 3 only
    QCOMPARE(view::runLogQuery(s, {}, f).rows, Rows{3});
    f.text = "cart";
    f.minSeverity = model::LogSeverity::Info;
    QCOMPARE(view::runLogQuery(s, test::serviceScope({"checkout"}), f).rows, Rows{4});
}

void LogQueryTest::searchWords() {
    QCOMPARE(view::searchWords("  Foo \"Bar Baz\"  qux"),
             (std::vector<std::string>{"foo", "bar baz", "qux"}));
    QCOMPARE(view::searchWords("\"unclosed phrase"), (std::vector<std::string>{"unclosed phrase"}));
    QVERIFY(view::searchWords("   ").empty());
}

void LogQueryTest::fullTextSearchStandsIn() {
    const auto s = test::buildSources();
    view::LogFilter f;
    f.text = "anything";
    // The stand-in answers rows 5, 2 and 0 (unsorted); the scope (checkout) keeps 2 and 5.
    std::string asked;
    view::LogTextSearch fts = [&](const std::string& text) -> std::optional<Rows> {
        asked = text;
        return Rows{5, 2, 0};
    };
    const auto r = view::runLogQuery(s, test::serviceScope({"checkout"}), f, fts);
    QCOMPARE(asked, std::string("anything"));
    QVERIFY(r.fullText);
    QCOMPARE(r.rows, (Rows{2, 5}));
    // A stand-in that cannot answer: the scan runs ("anything" is in no body).
    view::LogTextSearch none = [](const std::string&) { return std::optional<Rows>(); };
    const auto scanned = view::runLogQuery(s, {}, f, none);
    QVERIFY(!scanned.fullText);
    QCOMPARE(scanned.rows, Rows{});
}

QTEST_GUILESS_MAIN(LogQueryTest)
#include "log_query_test.moc"
