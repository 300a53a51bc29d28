// The workspace's log tables (schema v3): a persisted LogStore reloads identically (rows,
// string ids, streams, attributes, IDs, flags), later imports append only their rows, a store
// that does not extend the file is refused, a failure inside the transaction leaves the file as
// it was, logs for a trace use the linked IDs (derived ones included), full-text search is
// FTS5 with user text quoted safely, and a v2 file is upgraded on open. Expected rows are
// worked out by hand from the records listed in addSearchLogs().
#include <QTemporaryDir>
#include <QTest>

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
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM logs"), 7);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM log_imports"), 3);
    // Nothing new: a second persist writes nothing and succeeds.
    QVERIFY(ws->persistNewLogs(loaded).ok());
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM logs"), 7);
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
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM logs"), 6);
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
    // Without the FTS table the last step of the transaction fails: rows, strings, streams and
    // the import record written before it must be rolled back.
    QVERIFY(rawExec(t.path(), "DROP TABLE logs_fts"));
    addLogs(logs, "second.log", {{2, "lost", {{"service", "new"}}}});
    const Status s = ws->persistNewLogs(logs);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Storage);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM logs"), 1);
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
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM logs"), 2);
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
    QCOMPARE(search(*ws, "pay*"), (Rows{0, 5})); // "payment-gateway", "payment"
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
    QCOMPARE(ws.schemaVersion(), Workspace::kSchemaVersion); // 2 -> 3 (logs) -> 4 (metrics)
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
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'logs_fts'"), 1);
    QCOMPARE(rawInt(t.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'metric_samples'"),
             1);
}

void TelemetryWorkspaceTest::damagedLogRowIsAnError() {
    TempWorkspace t;
    LogStore logs;
    addSearchLogs(logs);
    t.open()->persistNewLogs(logs);
    QVERIFY(rawExec(t.path(), "UPDATE logs SET stream = 99 WHERE row = 1"));
    auto ws = t.open();
    LogStore back;
    const Status s = ws->loadLogsInto(back);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Syntax);
    QVERIFY(s.error().detail.find("log record 1 refers to a missing") != std::string::npos);
    QCOMPARE(back.recordCount(), size_t(0));
}

// 150 records: two full 64-row INSERTs and 22 written one by one.
void TelemetryWorkspaceTest::manyRowsRoundTrip() {
    std::vector<std::string> bodies;
    for (int i = 0; i < 150; ++i)
        bodies.push_back("line " + std::to_string(i) + (i % 3 == 0 ? " third" : ""));
    std::vector<LogSpec> specs;
    for (int i = 0; i < 150; ++i)
        specs.push_back({i,
                         bodies[size_t(i)],
                         {{"service", i % 2 ? "odd" : "even"}},
                         i % 5 == 0 ? kTraceA : std::string_view()});
    LogStore logs;
    addLogs(logs, "many.log", specs);
    TempWorkspace t;
    QVERIFY(t.open()->persistNewLogs(logs).ok());
    auto ws = t.open();
    LogStore back;
    QVERIFY(ws->loadLogsInto(back).ok());
    QCOMPARE(back.recordCount(), size_t(150));
    for (size_t row = 0; row < 150; ++row) {
        QCOMPARE(back.body(row), std::string_view(bodies[row]));
        QCOMPARE(labelsText(back, row), std::string(row % 2 ? "service=odd;" : "service=even;"));
    }
    QCOMPARE(search(*ws, "137"), (Rows{137}));
    QCOMPARE(*ws->countLogMatches("third"), uint64_t(50)); // 0, 3, ..., 147
    QCOMPARE(forTrace(*ws, kTraceA).size(), size_t(30));   // 0, 5, ..., 145
    QCOMPARE(forTrace(*ws, kTraceA).back(), uint32_t(145));
}

QTEST_APPLESS_MAIN(TelemetryWorkspaceTest)
#include "telemetry_workspace_test.moc"
