// The workspace's log tables (schema v5, records packed in blocks): a persisted LogStore
// reloads identically (rows, string ids, streams, attributes, IDs, flags), later imports append
// only their rows, a store that does not extend the file is refused, a failure inside the
// transaction leaves the file as it was, logs for a trace use the linked IDs (derived ones
// included), full-text search is FTS5 with user text quoted safely and resolved to records
// (never to a phrase or a set of words spread over two records of one block), a v2 file is
// upgraded on open and a v4 file's log rows are moved into blocks. Expected rows are worked out
// by hand from the records listed in addSearchLogs() and the loops of the block tests.
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sqlite3.h>

#include "models/correlate/correlation_index.h"
#include "models/workspace/workspace.h"
#include "models/workspace/workspace_schema.h"
#include "tests/models/correlate/correlate_test_data.h"

using namespace tg::model;
using namespace tg::test;

namespace {

using Rows = std::vector<uint32_t>;

// Six records in two files. Row: time, body (what FTS5 sees), IDs.
void addSearchLogs(LogStore& logs) {
    addLogs(logs, "a.log",
            {
                // 0: stated trace A span A2.
                {10,
                 "connection refused by upstream payment-gateway",
                 {{"service", "checkout"}, {"pod", "checkout-1"}},
                 kTraceA,
                 "1111",
                 {},
                 LogSeverity::Error,
                 "ERROR"},
                // 1: attributes of every kind, no IDs.
                {5,
                 "GET /cart 200 OK",
                 {{"service", "frontend"}},
                 {},
                 {},
                 {AttributeInput::integer("http.status_code", 200),
                  AttributeInput::real("duration", 1.5), AttributeInput::boolean("cached", true),
                  AttributeInput::string("user", "u-42")},
                 LogSeverity::Info,
                 "info"},
                // 2: trace B only in the text (derived field).
                {20,
                 "retrying request after connection reset "
                 "trace_id=00000000000000000000000000000abc",
                 {{"service", "checkout"}, {"pod", "checkout-1"}}},
                // 3: non-ASCII.
                {15,
                 "Zahlung fehlgeschlagen: Karte abgelehnt \xE2\x80\x94 \xC3\xBCnicode",
                 {{"service", "payments"}}},
            });
    addLogs(logs, "b.log",
            {
                // 4: FTS5 syntax inside the text.
                {30, "user said \"hello\" OR body:secret NEAR(x y)", {}},
                // 5: stated trace A, no span.
                {25, "payment refused", {}, kTraceA},
            });
}

struct TempWorkspace {
    QTemporaryDir dir;
    std::string path() const { return (dir.path() + "/ws.topograph").toStdString(); }
    std::unique_ptr<Workspace> open() {
        auto ws = Workspace::open(path(), true);
        if (!ws) qFatal("%s", ws.error().toString().c_str());
        return std::move(*ws);
    }
};

int64_t rawInt(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

bool rawExec(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// The records the file holds (rows are packed in log_blocks).
constexpr const char* kStoredRows = "SELECT coalesce(sum(row_count), 0) FROM log_blocks";

Rows search(Workspace& ws, std::string_view text, size_t limit = 0) {
    auto r = ws.searchLogs(text, limit);
    if (!r) qFatal("%s", r.error().toString().c_str());
    return *r;
}

Rows forTrace(Workspace& ws, std::string_view trace) {
    auto r = ws.logsForTrace(parseTraceId(trace).id);
    if (!r) qFatal("%s", r.error().toString().c_str());
    return *r;
}

std::string labelsText(const LogStore& logs, size_t row) {
    std::string out;
    for (const Label& l : logs.streamLabels(logs.stream[row]))
        out += std::string(logs.strings.view(l.key)) + "=" +
               std::string(logs.strings.view(l.value)) + ";";
    return out;
}

} // namespace

class TelemetryWorkspaceTest : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEveryColumn();
    void laterImportsAppendOnlyNewRows();
    void refusesStoreThatDoesNotExtend();
    void failedPersistLeavesFileAsItWas();
    void batchIsAllOrNothing();
    void logsForTraceUseLinkedIds();
    void fullTextSearch();
    void ftsQueryQuotesUserText();
    void upgradesVersion2File();
    void damagedLogRowIsAnError();
    void manyRowsRoundTrip();
    void matchesStayInsideOneRecord();
    void batchesPreparedWhileWriting();
    void writeLargerThanThePageCache();
    void movesVersion4LogRowsIntoBlocks();
};

void TelemetryWorkspaceTest::roundTripKeepsEveryColumn() {
    TempWorkspace t;
    LogStore logs;
    addSearchLogs(logs);
    {
        auto ws = t.open();
        QVERIFY(ws->persistNewLogs(logs, nullptr, {"{\"report\":1}"}).ok());
        QCOMPARE(ws->storedLogs(), uint64_t(6));
    }
    auto ws = t.open();
    QCOMPARE(ws->storedLogs(), uint64_t(6));
    LogStore back;
    QVERIFY(ws->loadLogsInto(back).ok());
    QCOMPARE(back.recordCount(), size_t(6));
    QCOMPARE(back.strings.size(), logs.strings.size());
    for (StringId id = 0; id < logs.strings.size(); ++id)
        QCOMPARE(back.strings.view(id), logs.strings.view(id));
    QCOMPARE(back.streamCount(), logs.streamCount()); // 4: two checkout records share one
    QCOMPARE(back.sources.size(), size_t(2));
    QCOMPARE(back.sources[1].path, std::string("b.log"));
    for (size_t row = 0; row < 6; ++row) {
        QCOMPARE(back.body(row), logs.body(row));
        QCOMPARE(back.timeNs[row], logs.timeNs[row]);
        QCOMPARE(back.severity[row], logs.severity[row]);
        QCOMPARE(back.severityText[row], logs.severityText[row]);
        QVERIFY(back.traceId[row] == logs.traceId[row]);
        QCOMPARE(back.spanId[row], logs.spanId[row]);
        QCOMPARE(back.flags[row], logs.flags[row]);
        QCOMPARE(back.source[row], logs.source[row]);
        QCOMPARE(labelsText(back, row), labelsText(logs, row));
    }
    QCOMPARE(back.severity[0], LogSeverity::Error);
    QCOMPARE(back.strings.view(back.severityText[0]), std::string_view("ERROR"));
    QCOMPARE(back.spanId[0], kSpanA2);
    QCOMPARE(labelsText(back, 0), std::string("pod=checkout-1;service=checkout;"));
    // Row 1's attributes, typed.
    const auto a = back.attributesOf(1);
    QCOMPARE(a.size(), size_t(4));
    QCOMPARE(a[0].type, AttrType::Int);
    QCOMPARE(a[0].i, int64_t(200));
    QCOMPARE(a[1].d, 1.5);
    QCOMPARE(a[2].b, true);
    QCOMPARE(back.attributeText(a[3]), std::string("u-42"));
    QVERIFY(back.indexCurrent());
    QCOMPARE(back.timeOrder()[0], uint32_t(1)); // 5 ms is the earliest
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_imports WHERE report IS NOT NULL"), 1);
}

void TelemetryWorkspaceTest::laterImportsAppendOnlyNewRows() {
    TempWorkspace t;
    LogStore logs;
    addSearchLogs(logs);
    t.open()->persistNewLogs(logs);
    auto ws = t.open();
    LogStore loaded;
    QVERIFY(ws->loadLogsInto(loaded).ok());
    addLogs(loaded, "c.log", {{40, "zebra crossing", {{"service", "zoo"}}}});
    QVERIFY(ws->persistNewLogs(loaded).ok());
    QCOMPARE(ws->storedLogs(), uint64_t(7));
    QCOMPARE(rawInt(t.path(), kStoredRows), 7);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_imports"), 3);
    // Nothing new: a second persist writes nothing and succeeds.
    QVERIFY(ws->persistNewLogs(loaded).ok());
    QCOMPARE(rawInt(t.path(), kStoredRows), 7);
    QCOMPARE(search(*ws, "zebra"), (Rows{6}));
    QCOMPARE(search(*ws, "connection"), (Rows{0, 2})); // the first import is still indexed once
}

void TelemetryWorkspaceTest::refusesStoreThatDoesNotExtend() {
    TempWorkspace t;
    LogStore logs;
    addSearchLogs(logs);
    auto ws = t.open();
    QVERIFY(ws->persistNewLogs(logs).ok());
    // Another incident's store, even a larger one, shares no rows with the file.
    LogStore other;
    addLogs(other, "x.log",
            {{1, "a", {}},
             {2, "b", {}},
             {3, "c", {}},
             {4, "d", {}},
             {5, "e", {}},
             {6, "f", {}},
             {7, "g", {}}});
    const Status s = ws->persistNewLogs(other);
    QVERIFY(!s.ok());
    QVERIFY(s.error().detail.find("does not extend") != std::string::npos);
    QCOMPARE(rawInt(t.path(), kStoredRows), 6);
    LogStore notEmpty;
    addLogs(notEmpty, "y.log", {{1, "a", {}}});
    QVERIFY(!ws->loadLogsInto(notEmpty).ok());
}

void TelemetryWorkspaceTest::failedPersistLeavesFileAsItWas() {
    TempWorkspace t;
    LogStore logs;
    addLogs(logs, "first.log", {{1, "kept", {}}});
    auto ws = t.open();
    QVERIFY(ws->persistNewLogs(logs).ok());
    // Without the FTS table writing the records fails: strings, streams and the import record
    // written before them must be rolled back.
    QVERIFY(rawExec(t.path(), "DROP TABLE log_blocks_fts"));
    addLogs(logs, "second.log", {{2, "lost", {{"service", "new"}}}});
    const Status s = ws->persistNewLogs(logs);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Storage);
    QCOMPARE(rawInt(t.path(), kStoredRows), 1);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_imports"), 1);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_streams"), 1);
    QCOMPARE(ws->storedLogs(), uint64_t(1));
}

void TelemetryWorkspaceTest::batchIsAllOrNothing() {
    // The GUI writes a session's spans and logs in one batch: when the logs fail after the
    // spans were written, the spans must not stay (the session writes them again later).
    TempWorkspace t;
    Dataset spans;
    buildTwoTraces(spans); // 3 spans
    LogStore logs;
    addLogs(logs, "first.log", {{1, "kept", {}}});
    {
        auto ws = t.open();
        QVERIFY(ws->persistNewLogs(logs).ok());
        LogStore unrelated; // does not extend the file: refused
        addLogs(unrelated, "x.log", {{1, "a", {}}, {2, "b", {}}});
        const Status s = ws->runBatch([&] {
            if (Status w = ws->persistNew(spans); !w) return w;
            return ws->persistNewLogs(unrelated);
        });
        QVERIFY(!s.ok());
        QVERIFY(s.error().detail.find("does not extend") != std::string::npos);
        QCOMPARE(ws->storedSpans(), uint64_t(0)); // counts read again after the rollback
        QCOMPARE(ws->storedLogs(), uint64_t(1));
        // A batch cannot nest, and a good batch writes everything.
        addLogs(logs, "second.log", {{2, "added", {}}});
        const Status good = ws->runBatch([&] {
            if (Status w = ws->runBatch([] { return okStatus(); }); w) return Status(okStatus());
            if (Status w = ws->persistNew(spans); !w) return w;
            return ws->persistNewLogs(logs);
        });
        QVERIFY2(good.ok(), good.ok() ? "" : good.error().toString().c_str());
    }
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM spans"), 3);
    QCOMPARE(rawInt(t.path(), kStoredRows), 2);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM imports"), 1);
}

void TelemetryWorkspaceTest::logsForTraceUseLinkedIds() {
    Dataset d;
    buildTwoTraces(d);
    LogStore logs;
    addSearchLogs(logs);
    const auto links = CorrelationIndex::build(d, &logs, nullptr, CorrelationConfig::defaults());
    TempWorkspace linked, plain;
    auto ws = linked.open();
    QVERIFY(ws->persistNewLogs(logs, &links).ok());
    // Trace A: rows 0 (10 ms) and 5 (25 ms); trace B: row 2, found in its text.
    QCOMPARE(forTrace(*ws, kTraceA), (Rows{0, 5}));
    QCOMPARE(forTrace(*ws, kTraceB), (Rows{2}));
    QVERIFY(forTrace(*ws, "def").empty());
    QCOMPARE(*ws->logsForTrace(parseTraceId(kTraceA).id, 1), (Rows{0}));
    // The stated IDs are kept apart: row 2 reloads without a trace.
    LogStore back;
    QVERIFY(ws->loadLogsInto(back).ok());
    QVERIFY(!back.hasTrace(2));
    // Without links only the stated IDs are indexed.
    auto ws2 = plain.open();
    QVERIFY(ws2->persistNewLogs(logs).ok());
    QCOMPARE(forTrace(*ws2, kTraceA), (Rows{0, 5}));
    QVERIFY(forTrace(*ws2, kTraceB).empty());
}

void TelemetryWorkspaceTest::fullTextSearch() {
    TempWorkspace t;
    LogStore logs;
    addSearchLogs(logs);
    auto ws = t.open();
    QVERIFY(ws->persistNewLogs(logs).ok());
    QCOMPARE(search(*ws, "connection"), (Rows{0, 2}));
    QCOMPARE(search(*ws, "CONNECTION refused"), (Rows{0})); // every word; any case
    QCOMPARE(search(*ws, "\"connection refused\""), (Rows{0}));
    QVERIFY(search(*ws, "\"refused connection\"").empty()); // a phrase keeps its order
    QCOMPARE(search(*ws, "refus*"), (Rows{0, 5}));
    QCOMPARE(search(*ws, "\"connection ref\"*"), (Rows{0})); // not row 2's "connection reset"
    QCOMPARE(search(*ws, "pay*"), (Rows{0, 5}));             // "payment-gateway", "payment"
    QCOMPARE(search(*ws, "abgelehnt"), (Rows{3}));
    QCOMPARE(search(*ws, "unicode"), (Rows{3})); // unicode61 folds the diacritic of "ünicode"
    QCOMPARE(search(*ws, "connection", 1), (Rows{0}));
    QCOMPARE(*ws->countLogMatches("connection"), uint64_t(2));
    QCOMPARE(*ws->countLogMatches("nothing-like-this"), uint64_t(0));
    // FTS5 syntax in user text is text: OR, column filters, NEAR, quotes, lone operators.
    QCOMPARE(search(*ws, "OR"), (Rows{4}));
    QCOMPARE(search(*ws, "body:secret"), (Rows{4}));
    QCOMPARE(search(*ws, "NEAR(x"), (Rows{4}));
    QCOMPARE(search(*ws, "hello\""), (Rows{4}));
    QVERIFY(search(*ws, "\"").empty());
    QVERIFY(search(*ws, "***").empty());
    QVERIFY(search(*ws, "- AND").empty()); // "AND" is a word no record has
    QVERIFY(search(*ws, "").empty());
}

void TelemetryWorkspaceTest::ftsQueryQuotesUserText() {
    QCOMPARE(Workspace::ftsQuery("a b"), std::string("\"a\" \"b\""));
    QCOMPARE(Workspace::ftsQuery("  \"two words\"  x* "), std::string("\"two words\" \"x\"*"));
    QCOMPARE(Workspace::ftsQuery("say\"hi"), std::string("\"say\"\"hi\""));
    QCOMPARE(Workspace::ftsQuery("col:val"), std::string("\"col:val\""));
    QCOMPARE(Workspace::ftsQuery("\"unclosed phrase"), std::string("\"unclosed phrase\""));
    QCOMPARE(Workspace::ftsQuery("\"two wor\"* x"), std::string("\"two wor\"* \"x\""));
    QCOMPARE(Workspace::ftsQuery("\"\"*"), std::string());
    QCOMPARE(Workspace::ftsQuery("* - ()"), std::string());
}

void TelemetryWorkspaceTest::upgradesVersion2File() {
    TempWorkspace t;
    // A file as Topograph wrote it before logs existed: migrations 0 -> 1 -> 2, one span and
    // one node position.
    std::string v2 = std::string(schema::kMigrations[0]) + schema::kMigrations[1] +
                     "INSERT INTO strings VALUES(0, ''), (1, 'svc'), (2, 'op');"
                     "INSERT INTO imports(id, path, format) VALUES(1, 't.json', 'jaeger-json');"
                     "INSERT INTO resources VALUES(0, 1, NULL);"
                     "INSERT INTO spans VALUES(0, 1, 0, 171, 1, 0, 1, 2, 2, 0, 0, 1000, 5, 0, "
                     "NULL, NULL, NULL);"
                     "INSERT INTO node_positions VALUES('svc', 1.5, 2.5);"
                     "PRAGMA user_version = 2;";
    QVERIFY(rawExec(t.path(), v2.c_str()));
    QCOMPARE(rawInt(t.path(), "PRAGMA user_version"), 2);
    auto opened = Workspace::open(t.path(), false);
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().toString().c_str());
    Workspace& ws = **opened;
    QCOMPARE(ws.schemaVersion(), Workspace::kSchemaVersion); // 2 -> ... -> 5 (log blocks)
    QCOMPARE(ws.storedLogs(), uint64_t(0));
    Dataset d;
    QVERIFY(ws.loadInto(d).ok());
    QCOMPARE(d.spanCount(), size_t(1));
    QCOMPARE(d.serviceName(0), std::string_view("svc"));
    QCOMPARE(ws.loadPositions()->size(), size_t(1));
    LogStore logs;
    addLogs(logs, "new.log", {{1, "after the upgrade", {}}});
    QVERIFY(ws.persistNewLogs(logs).ok());
    QCOMPARE(search(ws, "upgrade"), (Rows{0}));
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'log_blocks_fts'"),
             1);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'logs'"), 0);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'metric_samples'"),
             1);
}

void TelemetryWorkspaceTest::damagedLogRowIsAnError() {
    TempWorkspace t;
    LogStore logs;
    addSearchLogs(logs);
    t.open()->persistNewLogs(logs);
    // Streams: 0 checkout pod, 1 frontend, 2 payments, 3 none (rows 4 and 5). Without stream 3,
    // row 4 is the first record that refers to a missing one.
    QVERIFY(rawExec(t.path(), "DELETE FROM log_streams WHERE id = 3"));
    auto ws = t.open();
    LogStore back;
    Status s = ws->loadLogsInto(back);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Syntax);
    QVERIFY2(s.error().detail.find("log record 4 refers to a missing") != std::string::npos,
             s.error().detail.c_str());
    QCOMPARE(back.recordCount(), size_t(0));
    // A cut block: an error, never a crash or a partial store.
    QVERIFY(rawExec(t.path(), "UPDATE log_blocks SET records = substr(records, 1, 40)"));
    auto cut = t.open();
    LogStore again;
    s = cut->loadLogsInto(again);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().detail.find("bad log block") != std::string::npos, s.error().detail.c_str());
    QCOMPARE(again.recordCount(), size_t(0));
    QVERIFY(!cut->logsForTrace(parseTraceId(kTraceA).id).ok());
}

// 600 records written in two persists (300 + 300): blocks of 256, 44, 256 and 44 records, so
// rows cross block boundaries and a later persist starts a new block.
void TelemetryWorkspaceTest::manyRowsRoundTrip() {
    std::vector<std::string> bodies;
    for (int i = 0; i < 600; ++i)
        bodies.push_back("line " + std::to_string(i) + (i % 3 == 0 ? " third" : ""));
    std::vector<LogSpec> specs;
    for (int i = 0; i < 600; ++i)
        specs.push_back({i,
                         bodies[size_t(i)],
                         {{"service", i % 2 ? "odd" : "even"}},
                         i % 5 == 0 ? kTraceA : std::string_view()});
    TempWorkspace t;
    {
        LogStore logs;
        addLogs(logs, "first.log", std::vector<LogSpec>(specs.begin(), specs.begin() + 300));
        auto ws = t.open();
        QVERIFY(ws->persistNewLogs(logs).ok());
        addLogs(logs, "second.log", std::vector<LogSpec>(specs.begin() + 300, specs.end()));
        QVERIFY(ws->persistNewLogs(logs).ok());
    }
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_blocks"), 4);
    QCOMPARE(rawInt(t.path(), "SELECT row_count FROM log_blocks WHERE id = 0"), 256);
    QCOMPARE(rawInt(t.path(), "SELECT row_count FROM log_blocks WHERE id = 1"), 44);
    QCOMPARE(rawInt(t.path(), "SELECT first_row FROM log_blocks WHERE id = 2"), 300);
    QCOMPARE(rawInt(t.path(), "SELECT row_count FROM log_blocks WHERE id = 3"), 44);
    auto ws = t.open();
    QCOMPARE(ws->storedLogs(), uint64_t(600));
    LogStore back;
    QVERIFY(ws->loadLogsInto(back).ok());
    QCOMPARE(back.recordCount(), size_t(600));
    for (size_t row = 0; row < 600; ++row) {
        QCOMPARE(back.body(row), std::string_view(bodies[row]));
        QCOMPARE(back.timeNs[row], kT0 + int64_t(row) * kMs);
        QCOMPARE(labelsText(back, row), std::string(row % 2 ? "service=odd;" : "service=even;"));
        QCOMPARE(back.source[row], uint16_t(row < 300 ? 0 : 1));
    }
    QCOMPARE(search(*ws, "137"), (Rows{137}));
    QCOMPARE(search(*ws, "599"), (Rows{599}));
    QCOMPARE(search(*ws, "\"line 256\""), (Rows{256}));     // first record of block 1
    QCOMPARE(*ws->countLogMatches("third"), uint64_t(200)); // 0, 3, ..., 597
    QCOMPARE(search(*ws, "third", 3), (Rows{0, 3, 6}));
    const Rows traced = forTrace(*ws, kTraceA); // 0, 5, ..., 595, by time
    QCOMPARE(traced.size(), size_t(120));
    QCOMPARE(traced.front(), uint32_t(0));
    QCOMPARE(traced[52], uint32_t(260)); // in block 1
    QCOMPARE(traced.back(), uint32_t(595));
    QVERIFY(std::is_sorted(traced.begin(), traced.end()));
}

// 12 305 records (three batches of 16 blocks and a bit; the second and third batches are
// prepared on the other thread while the first ones are written), persisted as 5000 + 7305:
// every record reloads in place, and search and trace lookups find exactly the generated rows.
void TelemetryWorkspaceTest::batchesPreparedWhileWriting() {
    constexpr int kRows = 3 * 4096 + 17;
    std::vector<std::string> bodies;
    for (int i = 0; i < kRows; ++i)
        bodies.push_back("event " + std::to_string(i) + (i % 1000 == 7 ? " rare marker" : ""));
    std::vector<LogSpec> specs;
    for (int i = 0; i < kRows; ++i)
        specs.push_back({i, bodies[size_t(i)], {}, i % 997 == 0 ? kTraceB : std::string_view()});
    TempWorkspace t;
    {
        LogStore logs;
        addLogs(logs, "one.log", std::vector<LogSpec>(specs.begin(), specs.begin() + 5000));
        auto ws = t.open();
        QVERIFY(ws->persistNewLogs(logs).ok());
        addLogs(logs, "two.log", std::vector<LogSpec>(specs.begin() + 5000, specs.end()));
        QVERIFY(ws->persistNewLogs(logs).ok());
    }
    // 5000 = 19 blocks of 256 + 136; 7305 = 28 blocks of 256 + 137.
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_blocks"), 49);
    auto ws = t.open();
    QCOMPARE(ws->storedLogs(), uint64_t(kRows));
    LogStore back;
    QVERIFY(ws->loadLogsInto(back).ok());
    QCOMPARE(back.recordCount(), size_t(kRows));
    for (size_t row = 0; row < size_t(kRows); ++row)
        QCOMPARE(back.body(row), std::string_view(bodies[row]));
    Rows rare;
    for (uint32_t i = 7; i < uint32_t(kRows); i += 1000)
        rare.push_back(i);
    QCOMPARE(search(*ws, "\"rare marker\""), rare); // 13 rows: 7, 1007, ..., 12007
    QCOMPARE(search(*ws, "12304"), (Rows{12304}));
    Rows traced;
    for (uint32_t i = 0; i < uint32_t(kRows); i += 997)
        traced.push_back(i);
    QCOMPARE(forTrace(*ws, kTraceB), traced); // 13 rows: 0, 997, ..., 11964
}

// A log write of ~9 MiB, more than the 4 MiB page cache persistNewLogs writes with
// (workspace.h: kBulkWriteCache), so dirty pages spill to the file before the commit: every
// record reloads as written, the index finds the first and the last record, and a later
// append still works.
void TelemetryWorkspaceTest::writeLargerThanThePageCache() {
    constexpr int kRows = 20000;
    const std::string padding(440, 'x');
    std::vector<std::string> bodies;
    for (int i = 0; i < kRows; ++i)
        bodies.push_back("record r" + std::to_string(i) + " " + padding);
    std::vector<LogSpec> specs;
    for (int i = 0; i < kRows; ++i)
        specs.push_back({i, bodies[size_t(i)], {}});
    TempWorkspace t;
    LogStore logs;
    addLogs(logs, "big.log", specs);
    {
        auto ws = t.open();
        QVERIFY(ws->persistNewLogs(logs).ok());
    }
    QVERIFY(rawInt(t.path(), "SELECT sum(length(records)) FROM log_blocks") > 9 * 1000 * 1000);
    auto ws = t.open();
    LogStore back;
    QVERIFY(ws->loadLogsInto(back).ok());
    QCOMPARE(back.recordCount(), size_t(kRows));
    for (size_t row = 0; row < size_t(kRows); ++row)
        QCOMPARE(back.body(row), std::string_view(bodies[row]));
    QCOMPARE(search(*ws, "r0"), (Rows{0}));
    QCOMPARE(search(*ws, "r19999"), (Rows{19999}));
    addLogs(back, "more.log", {{kRows, "one more line", {}}});
    QVERIFY(ws->persistNewLogs(back).ok());
    QCOMPARE(search(*ws, "\"one more\""), (Rows{uint32_t(kRows)}));
}

// Records 0 "alpha beta" and 1 "gamma delta" share a block, whose FTS5 document is
// "alpha beta\ngamma delta": matches must lie inside one record.
void TelemetryWorkspaceTest::matchesStayInsideOneRecord() {
    LogStore logs;
    addLogs(logs, "x.log",
            {{1, "alpha beta", {}},
             {2, "gamma delta", {}},
             {3, "", {}},
             {4, "beta gamma alpha", {}},
             {5, "Ünïcode wörds — beta", {}}});
    TempWorkspace t;
    auto ws = t.open();
    QVERIFY(ws->persistNewLogs(logs).ok());
    QVERIFY(search(*ws, "\"beta gamma\"") == (Rows{3})); // not 0-1 across the newline
    QVERIFY(search(*ws, "alpha delta").empty());         // every word, in the same record
    QCOMPARE(search(*ws, "alpha beta"), (Rows{0, 3}));
    QCOMPARE(search(*ws, "gamma"), (Rows{1, 3}));
    QCOMPARE(search(*ws, "\"gamma alpha\""), (Rows{3}));
    QCOMPARE(search(*ws, "beta"), (Rows{0, 3, 4})); // token positions after an empty body
    QCOMPARE(search(*ws, "WORDS beta"), (Rows{4}));
    QCOMPARE(search(*ws, "unicode"), (Rows{4}));
    QCOMPARE(search(*ws, "del*"), (Rows{1}));
    // More words than a search takes: an error naming the limit, not a wrong answer.
    std::string many;
    for (int i = 0; i < 65; ++i)
        many += "w" + std::to_string(i) + " ";
    const auto r = ws->searchLogs(many);
    QVERIFY(!r.ok());
    QVERIFY(r.error().detail.find("at most 64 words") != std::string::npos);
}

// A v4 file (one row per record in `logs`, as sessions before schema 5 wrote it) opens as v5:
// its records move into blocks with their stated and linked IDs, search and trace lookups
// work, and the v3 tables are gone. The rows are written with raw SQL as the v3 writer did.
void TelemetryWorkspaceTest::movesVersion4LogRowsIntoBlocks() {
    TempWorkspace t;
    std::string v4;
    for (int i = 0; i < 4; ++i)
        v4 += schema::kMigrations[i];
    // Strings: 0 '', 1 'ERROR', 2 'service', 3 'checkout', 4 'user', 5 'u-1'. Stream 0 is
    // service=checkout. Row 1 states no trace but is linked to trace 0xabc (a derived field).
    v4 += "INSERT INTO log_imports(id, path, format) VALUES(1, 'old.log', 'logfmt');"
          "INSERT INTO log_strings VALUES(0, ''), (1, 'ERROR'), (2, 'service'), "
          "(3, 'checkout'), (4, 'user'), (5, 'u-1');"
          "INSERT INTO log_streams VALUES(0, X'0200000003000000');"
          "INSERT INTO logs VALUES(0, 1, 2000, 2000, 5, 1, 0, 0, 0, 3054, 4386, 0, 3054, 4386, "
          "'payment refused by bank', X'04000000000500000000000000');"
          "INSERT INTO logs VALUES(1, 1, 1000, 1500, 3, 0, 0, 0, NULL, NULL, NULL, 0, 2748, "
          "NULL, 'retry after refused payment', NULL);"
          // Row 7 after a gap (a damaged v3 file): kept, as row 2.
          "INSERT INTO logs VALUES(7, 1, 3000, 3000, 3, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, "
          "NULL, 'after the gap', X'0102');"
          "INSERT INTO logs_fts(rowid, body) SELECT row, body FROM logs;"
          "PRAGMA user_version = 4;";
    QVERIFY(rawExec(t.path(), v4.c_str()));
    auto opened = Workspace::open(t.path(), false);
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().toString().c_str());
    Workspace& ws = **opened;
    QCOMPARE(ws.schemaVersion(), 5);
    QCOMPARE(ws.storedLogs(), uint64_t(3));
    for (const char* gone : {"logs", "logs_fts", "logs_readable"})
        QCOMPARE(rawInt(t.path(), ("SELECT count(*) FROM sqlite_master WHERE name = '" +
                                   std::string(gone) + "'")
                                      .c_str()),
                 0);
    LogStore back;
    QVERIFY(ws.loadLogsInto(back).ok());
    QCOMPARE(back.recordCount(), size_t(3));
    QCOMPARE(back.body(0), std::string_view("payment refused by bank"));
    QCOMPARE(back.body(2), std::string_view("after the gap"));
    QVERIFY(back.attributesOf(2).empty()); // its attribute blob (2 bytes) did not decode
    QCOMPARE(back.timeNs[1], int64_t(1000));
    QCOMPARE(back.observedNs[1], int64_t(1500));
    QCOMPARE(back.severity[0], LogSeverity::Error);
    QCOMPARE(back.strings.view(back.severityText[0]), std::string_view("ERROR"));
    QVERIFY(back.traceId[0] == (TraceId{0, 3054}));
    QCOMPARE(back.spanId[0], SpanId(4386));
    QVERIFY(!back.hasTrace(1)); // the derived link is not a stated ID
    QCOMPARE(back.attributeText(back.attributesOf(0)[0]), std::string("u-1"));
    QCOMPARE(labelsText(back, 0), std::string("service=checkout;"));
    QCOMPARE(search(ws, "refused"), (Rows{0, 1}));
    QCOMPARE(search(ws, "\"refused payment\""), (Rows{1}));
    QCOMPARE(*ws.logsForTrace(TraceId{0, 3054}), (Rows{0}));
    QCOMPARE(*ws.logsForTrace(TraceId{0, 2748}), (Rows{1})); // the linked ID was kept
    // And it takes new records after the old ones.
    addLogs(back, "new.log", {{9, "fresh line", {}}});
    QVERIFY(ws.persistNewLogs(back).ok());
    QCOMPARE(search(ws, "fresh"), (Rows{3}));
    QCOMPARE(search(ws, "gap"), (Rows{2}));
}

QTEST_APPLESS_MAIN(TelemetryWorkspaceTest)
#include "telemetry_workspace_test.moc"
