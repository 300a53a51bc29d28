// The SQLite workspace (DESIGN §3 "Storage"): a persisted dataset reloads identically, later
// imports append only their rows, the schema version is checked, and neither a failed nor a
// killed import changes what the file held before. Fixture-based cases skip when
// ../shared/fixtures is absent; the kill test generates its own input.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "importers/registry/trace_import.h"
#include "models/dataset/dataset_builder.h"
#include "models/workspace/workspace.h"
#include "tests/test_support.h"

using namespace tg;
using model::Dataset;
using model::Workspace;

namespace {

// A plain sqlite3 connection for looking at the file from outside the Workspace class.
class RawDb {
public:
    explicit RawDb(const QString& path, bool readOnly = true) {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, nullptr);
    }
    ~RawDb() { sqlite3_close(m_db); }

    bool exec(const char* sql) {
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    qint64 integer(const char* sql) {
        qint64 v = -1;
        forEachRow(sql, [&](sqlite3_stmt* st) { v = sqlite3_column_int64(st, 0); });
        return v;
    }
    QString text(const char* sql) {
        QString v;
        forEachRow(sql, [&](sqlite3_stmt* st) {
            if (v.isEmpty())
                v = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        });
        return v;
    }
    // Every row as the bytes of all its columns (type-tagged), for before/after comparisons.
    QList<QByteArray> rows(const char* sql) {
        QList<QByteArray> out;
        forEachRow(sql, [&](sqlite3_stmt* st) {
            QByteArray row;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                row += char('0' + sqlite3_column_type(st, c));
                const void* p = sqlite3_column_blob(st, c);
                row += QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(st, c));
                row += '\x1f';
            }
            out.append(row);
        });
        return out;
    }

private:
    template <typename F> void forEachRow(const char* sql, F&& f) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK) return;
        while (sqlite3_step(st) == SQLITE_ROW)
            f(st);
        sqlite3_finalize(st);
    }
    sqlite3* m_db = nullptr;
};

struct TableCounts {
    qint64 spans = -1, strings = -1, resources = -1, imports = -1;
    bool operator==(const TableCounts&) const = default;
};

TableCounts countRows(const QString& path) {
    RawDb db(path);
    return {db.integer("SELECT count(*) FROM spans"), db.integer("SELECT count(*) FROM strings"),
            db.integer("SELECT count(*) FROM resources"),
            db.integer("SELECT count(*) FROM imports")};
}

// Lets QCOMPARE print both sides (found by argument-dependent lookup).
char* toString(const TableCounts& c) {
    return qstrdup(qPrintable(QStringLiteral("spans %1, strings %2, resources %3, imports %4")
                                  .arg(c.spans)
                                  .arg(c.strings)
                                  .arg(c.resources)
                                  .arg(c.imports)));
}

QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Trace fixtures: the files listed in tests/data/fixture_expectations.tsv (first column).
QStringList traceFixtures() {
    QStringList files;
    QFile tsv(test::testDataPath(QStringLiteral("fixture_expectations.tsv")));
    if (!tsv.open(QIODevice::ReadOnly | QIODevice::Text)) return files;
    tsv.readLine(); // header
    while (!tsv.atEnd()) {
        const QString line = QString::fromUtf8(tsv.readLine()).trimmed();
        if (!line.isEmpty()) files << line.section(QLatin1Char('\t'), 0, 0);
    }
    return files;
}

// Imports files in order; returns an empty string or the first failure.
QString importFiles(const QStringList& files, Dataset& d) {
    for (const QString& f : files) {
        const import::ImportReport r =
            import::importTraceFile(test::fixturePath(f).toStdString(), d);
        if (r.failed) return QString::fromStdString(r.error.toString());
    }
    return {};
}

// --- dataset comparison -----------------------------------------------------------------------

QString attrText(const Dataset& d, const model::Attribute& a) {
    return QStringLiteral("%1:%2=%3")
        .arg(QString::fromUtf8(d.strings.view(a.key)))
        .arg(int(a.type))
        .arg(QString::fromStdString(d.attributeText(a)));
}

bool sameAttribute(const Dataset& a, const model::Attribute& x, const Dataset& b,
                   const model::Attribute& y) {
    if (a.strings.view(x.key) != b.strings.view(y.key) || x.type != y.type) return false;
    switch (x.type) {
    case model::AttrType::String:
    case model::AttrType::Bytes:
    case model::AttrType::Json:
        return a.strings.view(x.s) == b.strings.view(y.s);
    case model::AttrType::Int:
        return x.i == y.i;
    case model::AttrType::Double:
        return std::memcmp(&x.d, &y.d, sizeof(double)) == 0; // NaN, -0.0 too
    case model::AttrType::Bool:
        return x.b == y.b;
    }
    return false;
}

QString compareAttributes(const char* what, const Dataset& a, std::span<const model::Attribute> xs,
                          const Dataset& b, std::span<const model::Attribute> ys) {
    if (xs.size() != ys.size())
        return QStringLiteral("%1: %2 vs %3 attributes").arg(what).arg(xs.size()).arg(ys.size());
    for (size_t i = 0; i < xs.size(); ++i)
        if (!sameAttribute(a, xs[i], b, ys[i]))
            return QStringLiteral("%1: attribute %2: %3 vs %4")
                .arg(what)
                .arg(i)
                .arg(attrText(a, xs[i]), attrText(b, ys[i]));
    return {};
}

template <typename T, typename A>
QString firstDiff(const char* column, const std::vector<T, A>& a, const std::vector<T, A>& b) {
    for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i])) return QStringLiteral("row %1: %2 differs").arg(i).arg(column);
    return {};
}

// Empty when the datasets hold the same data; otherwise the first difference found.
QString compareDatasets(const Dataset& a, const Dataset& b) {
    if (a.strings.size() != b.strings.size())
        return QStringLiteral("strings: %1 vs %2").arg(a.strings.size()).arg(b.strings.size());
    for (model::StringId i = 0; i < a.strings.size(); ++i)
        if (a.strings.view(i) != b.strings.view(i))
            return QStringLiteral("string %1 differs").arg(i);
    if (a.sources.size() != b.sources.size())
        return QStringLiteral("sources: %1 vs %2").arg(a.sources.size()).arg(b.sources.size());
    for (size_t i = 0; i < a.sources.size(); ++i)
        if (a.sources[i].path != b.sources[i].path || a.sources[i].format != b.sources[i].format)
            return QStringLiteral("source %1: %2 (%3) vs %4 (%5)")
                .arg(i)
                .arg(QString::fromStdString(a.sources[i].path),
                     QString::fromStdString(a.sources[i].format),
                     QString::fromStdString(b.sources[i].path),
                     QString::fromStdString(b.sources[i].format));
    if (a.resources.size() != b.resources.size())
        return QStringLiteral("resources: %1 vs %2")
            .arg(a.resources.size())
            .arg(b.resources.size());
    for (uint32_t i = 0; i < a.resources.size(); ++i) {
        if (a.strings.view(a.resources[i].service) != b.strings.view(b.resources[i].service))
            return QStringLiteral("resource %1: service differs").arg(i);
        const QString r = compareAttributes("resource", a, a.attributesOfResource(i), b,
                                            b.attributesOfResource(i));
        if (!r.isEmpty()) return QStringLiteral("resource %1: %2").arg(i).arg(r);
    }
    if (a.spanCount() != b.spanCount())
        return QStringLiteral("spans: %1 vs %2").arg(a.spanCount()).arg(b.spanCount());
    if (a.attrBegin != b.attrBegin || a.eventBegin != b.eventBegin || a.linkBegin != b.linkBegin)
        return QStringLiteral("prefix offset columns differ");
    if (a.attributes.size() != b.attributes.size() ||
        a.eventAttributes.size() != b.eventAttributes.size() ||
        a.events.size() != b.events.size() || a.links.size() != b.links.size() ||
        a.resourceAttributes.size() != b.resourceAttributes.size())
        return QStringLiteral("arena sizes differ");
    // Whole columns first (ids, kinds, flags, times, ...), then each row's arena contents.
    for (const QString& r :
         {firstDiff("trace ID", a.traceId, b.traceId), firstDiff("span ID", a.spanId, b.spanId),
          firstDiff("parent ID", a.parentId, b.parentId),
          firstDiff("service", a.service, b.service),
          firstDiff("operation", a.operation, b.operation), firstDiff("kind", a.kind, b.kind),
          firstDiff("status", a.status, b.status), firstDiff("flags", a.flags, b.flags),
          firstDiff("start", a.startNs, b.startNs),
          firstDiff("duration", a.durationNs, b.durationNs),
          firstDiff("resource", a.resource, b.resource), firstDiff("source", a.source, b.source)})
        if (!r.isEmpty()) return r;
    for (size_t row = 0; row < a.spanCount(); ++row) {
        const QString at = QStringLiteral("row %1: ").arg(row);
        if (a.serviceName(row) != b.serviceName(row) ||
            a.operationName(row) != b.operationName(row))
            return at + QStringLiteral("service or operation name");
        QString r = compareAttributes("span", a, a.spanAttributes(row), b, b.spanAttributes(row));
        if (!r.isEmpty()) return at + r;
        const auto ea = a.spanEvents(row), eb = b.spanEvents(row);
        if (ea.size() != eb.size()) return at + QStringLiteral("event count");
        for (size_t i = 0; i < ea.size(); ++i) {
            if (ea[i].timeNs != eb[i].timeNs) return at + QStringLiteral("event %1 time").arg(i);
            if (a.strings.view(ea[i].name) != b.strings.view(eb[i].name))
                return at + QStringLiteral("event %1 name").arg(i);
            r = compareAttributes("event", a, a.eventAttributesOf(ea[i]), b,
                                  b.eventAttributesOf(eb[i]));
            if (!r.isEmpty()) return at + r;
        }
        const auto la = a.spanLinks(row), lb = b.spanLinks(row);
        if (la.size() != lb.size()) return at + QStringLiteral("link count");
        for (size_t i = 0; i < la.size(); ++i)
            if (!(la[i].trace == lb[i].trace) || la[i].span != lb[i].span ||
                la[i].type != lb[i].type)
                return at + QStringLiteral("link %1").arg(i);
    }
    return {};
}

// Persists `d` into a new workspace file; empty or the error.
QString persistToNew(const QString& path, const Dataset& d,
                     const std::vector<std::string>& reports = {}) {
    auto ws = Workspace::open(path.toStdString(), true);
    if (!ws) return QString::fromStdString(ws.error().toString());
    const model::Status s = (*ws)->persistNew(d, reports);
    return s ? QString() : QString::fromStdString(s.error().toString());
}

QString loadFrom(const QString& path, Dataset& d) {
    auto ws = Workspace::open(path.toStdString(), false);
    if (!ws) return QString::fromStdString(ws.error().toString());
    const model::Status s = (*ws)->loadInto(d);
    return s ? QString() : QString::fromStdString(s.error().toString());
}

// OTLP JSON Lines with `lines` requests of `perLine` spans each (one chain per line, one trace
// per line, 20 services); every span carries a unique request.id string.
bool writeGeneratedOtlp(const QString& path, int lines, int perLine, const char* servicePrefix) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    std::string out;
    char buf[512];
    auto spanHex = [](uint64_t v) { return model::spanIdToHex(v); };
    const uint64_t t0 = 1'700'000'000'000'000'000ull;
    for (int line = 0; line < lines; ++line) {
        out.clear();
        out +=
            R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":")";
        out += servicePrefix + std::to_string(line % 20);
        out +=
            R"("}},{"key":"k8s.namespace.name","value":{"stringValue":"gen"}}]},"scopeSpans":[{"scope":{"name":"gen"},"spans":[)";
        for (int j = 0; j < perLine; ++j) {
            const uint64_t n = uint64_t(line) * uint64_t(perLine) + uint64_t(j) + 1;
            if (j) out += ',';
            const unsigned long long start = t0 + line * 1'000'000'000ull + j * 1000ull;
            // The root (j == 0) gets an empty parentSpanId, as OTLP JSON writers do.
            std::snprintf(
                buf, sizeof buf,
                R"({"traceId":"%032llx","spanId":"%016llx","parentSpanId":"%s",)"
                R"("name":"op-%d","kind":%d,"startTimeUnixNano":"%llu",)"
                R"("endTimeUnixNano":"%llu","attributes":[{"key":"request.id",)"
                R"("value":{"stringValue":"req-%llu"}},{"key":"http.response.status_code",)"
                R"("value":{"intValue":"200"}}],"status":{}})",
                (unsigned long long)(line + 1), (unsigned long long)n,
                j ? spanHex(n - 1).c_str() : "", j % 10, j % 2 ? 3 : 2, start,
                start + 500000 - j * 1000ull, (unsigned long long)n);
            out += buf;
        }
        out += "]}]}]}\n";
        if (f.write(out.data(), qint64(out.size())) != qint64(out.size())) return false;
    }
    return true;
}

} // namespace

class WorkspaceTest : public QObject {
    Q_OBJECT
private slots:
    void roundTripsAllFixtures();
    void roundTripsEveryAttributeTypeAndEdgeValue();
    void secondPersistAppendsOnlyNewRows();
    void schemaVersionIsCurrent();
    void refusesNewerSchema();
    void rejectsFilesThatAreNotWorkspaces_data();
    void rejectsFilesThatAreNotWorkspaces();
    void refusesForeignSqliteDatabase();
    void damagedWorkspaceIsAnError_data();
    void damagedWorkspaceIsAnError();
    void failedImportLeavesWorkspaceAsItWas();
    void killedPersistLeavesWorkspaceAsItWas();
    void refusesDatasetThatDoesNotExtendWorkspace();
};

// (a) Everything imported from every trace fixture survives persist + reload unchanged.
void WorkspaceTest::roundTripsAllFixtures() {
    const QStringList files = traceFixtures();
    QVERIFY2(files.size() >= 17,
             "fixture list (tests/data/fixture_expectations.tsv) missing or short");
    for (const QString& f : files)
        TG_REQUIRE_FIXTURE(f);
    Dataset original;
    const QString failure = importFiles(files, original);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(original.sources.size(), size_t(files.size()));

    // The comparison below is only meaningful if the fixtures exercise every part of the model.
    QVERIFY(original.spanCount() > 100);
    QVERIFY(!original.events.empty());
    QVERIFY(!original.eventAttributes.empty());
    QVERIFY(!original.links.empty());
    QVERIFY(!original.resourceAttributes.empty());
    bool seen[6] = {};
    for (const model::Attribute& a : original.attributes)
        seen[int(a.type)] = true;
    QVERIFY(seen[int(model::AttrType::String)] && seen[int(model::AttrType::Int)] &&
            seen[int(model::AttrType::Double)] && seen[int(model::AttrType::Bool)] &&
            seen[int(model::AttrType::Bytes)]);
    uint8_t allFlags = 0;
    for (uint8_t f : original.flags)
        allFlags |= f;
    QVERIFY(allFlags & model::kSpanNonHexId);
    QVERIFY(allFlags & model::kSpanParentFollowsFrom);
    QVERIFY(allFlags & model::kSpanShared);
    QVERIFY(allFlags & model::kSpanError);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("incident.topograph"));
    std::vector<std::string> reports;
    for (int i = 0; i < files.size(); ++i)
        reports.push_back("{\"file\":" + std::to_string(i) + "}");
    const QString persisted = persistToNew(path, original, reports);
    QVERIFY2(persisted.isEmpty(), qPrintable(persisted));

    Dataset reloaded;
    const QString loaded = loadFrom(path, reloaded);
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    const QString diff = compareDatasets(original, reloaded);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    QCOMPARE(countRows(path),
             (TableCounts{qint64(original.spanCount()), qint64(original.strings.size()),
                          qint64(original.resources.size()), qint64(files.size())}));
    RawDb db(path);
    QCOMPARE(db.text("SELECT report FROM imports WHERE id = 3"), QStringLiteral("{\"file\":2}"));
    QCOMPARE(db.text("SELECT path FROM imports WHERE id = 1"),
             QString::fromStdString(original.sources[0].path));
}

// (a) Values the fixtures do not contain: every attribute type, extreme numbers, NaN, -0.0,
// strings with NUL bytes, every link type, all flags, pre-epoch times.
void WorkspaceTest::roundTripsEveryAttributeTypeAndEdgeValue() {
    Dataset original;
    original.sources.push_back({"hand-made.json", "otlp-json"});
    model::Diagnostics diag;
    model::DatasetBuilder builder(original, diag, 0);
    using model::AttributeInput;
    using model::AttrType;
    const std::string nul("a\0b", 3), big(100000, 'x');
    auto typed = [](const char* key, AttrType type, std::string_view text) {
        AttributeInput a = AttributeInput::string(key, text);
        a.type = type;
        return a;
    };
    const std::vector<AttributeInput> resAttrs = {
        AttributeInput::string("k8s.namespace.name", "shop"),
        AttributeInput::integer("pid", -1),
        AttributeInput::boolean("debug", true),
        AttributeInput::real("load", 0.75),
        typed("blob", AttrType::Bytes, "AAEC"),
        typed("tags", AttrType::Json, "[\"a\",1]")};
    const model::ResourceId r = builder.addResource("svc-ü", resAttrs);
    const model::ResourceId empty = builder.addResource("", {});

    model::SpanInput in;
    in.trace = model::parseTraceId("ffffffffffffffffffffffffffffffff");
    in.span = model::parseSpanId("ffffffffffffffff");
    in.parent = model::parseSpanId("8000000000000000");
    in.parentRef = model::RefType::FollowsFrom;
    in.operation = "GET /ü";
    in.kind = model::SpanKind::Consumer;
    in.status = model::StatusCode::Error;
    in.startNs = 1'000'000'123; // just after the epoch (earlier starts are rejected by the builder)
    in.durationNs =
        std::numeric_limits<int64_t>::max() - 1'000'000'123; // the largest the builder keeps
    in.resource = r;
    in.shared = true;
    in.attributes = {AttributeInput::integer("min", std::numeric_limits<int64_t>::min()),
                     AttributeInput::integer("max", std::numeric_limits<int64_t>::max()),
                     AttributeInput::real("nan", std::nan("")),
                     AttributeInput::real("negzero", -0.0),
                     AttributeInput::real("inf", -std::numeric_limits<double>::infinity()),
                     AttributeInput::real("tiny", 4.9e-324),
                     AttributeInput::boolean("f", false),
                     AttributeInput::string("empty", ""),
                     AttributeInput::string("nul", nul),
                     AttributeInput::string("big", big),
                     typed("bytes", AttrType::Bytes, "3q2+7w=="),
                     typed("json", AttrType::Json, "{\"k\":[1,2]}"),
                     AttributeInput::string("dup", "1"),
                     AttributeInput::string("dup", "2")};
    in.eventAttributes = {AttributeInput::string("exception.type", "E"),
                          AttributeInput::integer("n", 7), AttributeInput::boolean("b", true)};
    in.events = {{.timeNs = -5, .name = "first", .attrBegin = 0, .attrCount = 2},
                 {.timeNs = 0, .name = "", .attrBegin = 2, .attrCount = 0},
                 {.timeNs = 42, .name = "third", .attrBegin = 2, .attrCount = 1}};
    in.links = {{model::parseTraceId("0000000000000000000000000000000a"), model::parseSpanId("b"),
                 model::RefType::Link},
                {model::parseTraceId("trace-odd"), model::parseSpanId("span-odd"),
                 model::RefType::FollowsFrom},
                {model::parseTraceId("1"), model::parseSpanId("2"), model::RefType::ChildOf}};
    builder.addSpan(in);
    in.clear(); // a bare span: nothing but IDs
    in.trace = model::parseTraceId("non-hex trace");
    in.span = model::parseSpanId("1");
    in.resource = empty;
    builder.addSpan(in);
    QCOMPARE(original.spanCount(), size_t(2));
    QCOMPARE(original.events.size(), size_t(3));
    QCOMPARE(original.links.size(), size_t(3));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edge.topograph"));
    const QString persisted = persistToNew(path, original);
    QVERIFY2(persisted.isEmpty(), qPrintable(persisted));
    Dataset reloaded;
    const QString loaded = loadFrom(path, reloaded);
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    const QString diff = compareDatasets(original, reloaded);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // Spot checks by value, independent of the comparison helper.
    QCOMPARE(reloaded.traceId[0].hi, ~uint64_t(0));
    QCOMPARE(reloaded.spanId[0], ~uint64_t(0));
    QCOMPARE(reloaded.startNs[0], int64_t(1'000'000'123));
    QCOMPARE(reloaded.durationNs[0], std::numeric_limits<int64_t>::max() - 1'000'000'123);
    QCOMPARE(reloaded.flags[0], uint8_t(model::kSpanHasParent | model::kSpanParentFollowsFrom |
                                        model::kSpanShared | model::kSpanError));
    QVERIFY(reloaded.flags[1] & model::kSpanNonHexId);
    const model::Attribute* nan = reloaded.findAttribute(0, "nan");
    QVERIFY(nan && std::isnan(nan->d));
    const model::Attribute* negzero = reloaded.findAttribute(0, "negzero");
    QVERIFY(negzero && negzero->d == 0.0 && std::signbit(negzero->d));
    const model::Attribute* nulAttr = reloaded.findAttribute(0, "nul");
    QVERIFY(nulAttr && reloaded.strings.view(nulAttr->s) == std::string_view(nul));
    QCOMPARE(reloaded.strings.view(reloaded.findAttribute(0, "big")->s).size(), big.size());
    QCOMPARE(reloaded.serviceName(1), std::string_view("unknown"));
}

// (b) Importing one more file and persisting again appends only the new rows.
void WorkspaceTest::secondPersistAppendsOnlyNewRows() {
    const QStringList files = traceFixtures();
    QVERIFY(files.size() >= 3);
    for (const QString& f : files)
        TG_REQUIRE_FIXTURE(f);
    const QStringList first = files.mid(0, files.size() - 1);
    const QString last = files.last();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("incident.topograph"));
    Dataset d1;
    QString failure = importFiles(first, d1);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = persistToNew(path, d1);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const TableCounts before = countRows(path);
    QCOMPARE(before.spans, qint64(d1.spanCount()));
    QList<QByteArray> spansBefore, stringsBefore, resourcesBefore, importsBefore;
    {
        RawDb db(path);
        spansBefore = db.rows("SELECT * FROM spans ORDER BY row");
        stringsBefore = db.rows("SELECT * FROM strings ORDER BY id");
        resourcesBefore = db.rows("SELECT * FROM resources ORDER BY id");
        importsBefore = db.rows("SELECT * FROM imports ORDER BY id");
    }

    // The app's flow: open the workspace, load it, import one more file, persist the new rows.
    auto ws = Workspace::open(path.toStdString(), false);
    QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().toString().c_str());
    QCOMPARE((*ws)->storedSpans(), uint64_t(before.spans));
    Dataset d2;
    QVERIFY((*ws)->loadInto(d2).ok());
    failure = importFiles({last}, d2);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const size_t added = d2.spanCount() - d1.spanCount();
    QVERIFY(added > 0);
    model::Status s = (*ws)->persistNew(d2);
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().toString().c_str());
    QCOMPARE((*ws)->storedSpans(), uint64_t(d2.spanCount()));

    const TableCounts after = countRows(path);
    QCOMPARE(after.spans, before.spans + qint64(added));
    QCOMPARE(after.imports, before.imports + 1);
    QCOMPARE(after.strings, qint64(d2.strings.size()));
    QCOMPARE(after.resources, qint64(d2.resources.size()));
    QVERIFY(after.strings >= before.strings && after.resources > before.resources);
    {
        RawDb db(path);
        const QList<QByteArray> spansAfter = db.rows("SELECT * FROM spans ORDER BY row");
        QCOMPARE(spansAfter.mid(0, spansBefore.size()), spansBefore); // old rows untouched
        QCOMPARE(db.rows("SELECT * FROM strings ORDER BY id").mid(0, stringsBefore.size()),
                 stringsBefore);
        QCOMPARE(db.rows("SELECT * FROM resources ORDER BY id").mid(0, resourcesBefore.size()),
                 resourcesBefore);
        QCOMPARE(db.rows("SELECT * FROM imports ORDER BY id").mid(0, importsBefore.size()),
                 importsBefore);
        QCOMPARE(db.integer(
                     "SELECT min(row) FROM spans WHERE import_id = (SELECT max(id) FROM imports)"),
                 before.spans);
    }

    // Persisting again with nothing new writes nothing.
    const QByteArray hashBefore = fileHash(path);
    s = (*ws)->persistNew(d2);
    QVERIFY(s.ok());
    QCOMPARE(countRows(path), after);
    QCOMPARE(fileHash(path), hashBefore);
    ws->reset();

    // The file now holds exactly what importing all files in one go gives.
    Dataset all;
    failure = importFiles(files, all);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    Dataset reloaded;
    failure = loadFrom(path, reloaded);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QString diff = compareDatasets(all, reloaded);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// (c) The schema version lives in PRAGMA user_version (1 when this test was written; later
// migrations raise Workspace::kSchemaVersion).
void WorkspaceTest::schemaVersionIsCurrent() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v.topograph"));
    auto ws = Workspace::open(path.toStdString(), true);
    QVERIFY(ws.ok());
    QCOMPARE((*ws)->schemaVersion(), Workspace::kSchemaVersion);
    ws->reset();
    RawDb db(path);
    QCOMPARE(db.integer("PRAGMA user_version"), qint64(Workspace::kSchemaVersion));
    // Reopening does not migrate again.
    auto again = Workspace::open(path.toStdString(), false);
    QVERIFY(again.ok());
    QCOMPARE((*again)->schemaVersion(), Workspace::kSchemaVersion);
    // A missing file is not created unless asked.
    auto missing =
        Workspace::open(dir.filePath(QStringLiteral("absent.topograph")).toStdString(), false);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, model::ErrorCode::CannotOpen);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("absent.topograph"))));
}

void WorkspaceTest::refusesNewerSchema() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.topograph"));
    QVERIFY(Workspace::open(path.toStdString(), true).ok());
    {
        RawDb db(path, false);
        QVERIFY(db.exec("PRAGMA user_version = 99"));
    }
    const QByteArray hash = fileHash(path);
    auto ws = Workspace::open(path.toStdString(), false);
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, model::ErrorCode::Unsupported);
    QVERIFY2(ws.error().detail.find("99") != std::string::npos, ws.error().detail.c_str());
    QCOMPARE(ws.error().path, path.toStdString());
    QCOMPARE(fileHash(path), hash); // refused without touching it
}

// (c) Files that are not workspaces give an error (never a crash) and stay as they were.
void WorkspaceTest::rejectsFilesThatAreNotWorkspaces_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("json text") << QByteArray("{\"resourceSpans\": []}\n").repeated(50);
    QByteArray noise(8192, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) & 0xff);
    QTest::newRow("binary noise") << noise;
    QTest::newRow("sqlite header + noise") << QByteArray("SQLite format 3", 16) + noise;
    QTest::newRow("tiny") << QByteArray("x");
}

void WorkspaceTest::rejectsFilesThatAreNotWorkspaces() {
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-workspace"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    auto ws = Workspace::open(path.toStdString(), false);
    QVERIFY(!ws.ok());
    QVERIFY(!ws.error().detail.empty());
    QCOMPARE(ws.error().path, path.toStdString());
    auto created =
        Workspace::open(path.toStdString(), true); // create=true must not clobber it either
    QVERIFY(!created.ok());
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), content);
}

// Another program's SQLite database is not a workspace: refused, and not migrated into.
void WorkspaceTest::refusesForeignSqliteDatabase() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other-app.db"));
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); "
                              "INSERT INTO notes(body) VALUES('keep me');",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    const QByteArray hash = fileHash(path);
    auto ws = Workspace::open(path.toStdString(), false);
    QVERIFY2(!ws.ok(), "a foreign SQLite database was opened as a workspace");
    QCOMPARE(fileHash(path), hash);
    RawDb db(path);
    QCOMPARE(db.integer("SELECT count(*) FROM sqlite_master WHERE name = 'spans'"), qint64(0));
}

// A workspace cut short (a copy interrupted, a full disk) or with a damaged page gives an error
// when opened or loaded, never a silently shorter dataset.
void WorkspaceTest::damagedWorkspaceIsAnError_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<double>("where"); // fraction of the file
    QTest::newRow("cut at 1/4") << "truncate" << 0.25;
    QTest::newRow("cut at 1/2") << "truncate" << 0.5;
    QTest::newRow("cut at 9/10") << "truncate" << 0.9;
    QTest::newRow("page zeroed at 1/2") << "zero" << 0.5;
    QTest::newRow("page zeroed at 9/10") << "zero" << 0.9;
}

void WorkspaceTest::damagedWorkspaceIsAnError() {
    QFETCH(QString, damage);
    QFETCH(double, where);
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("gen.jsonl"));
    QVERIFY(writeGeneratedOtlp(source, 200, 100, "svc-"));
    Dataset d;
    const import::ImportReport r = import::importTraceFile(source.toStdString(), d);
    QVERIFY2(!r.failed, r.error.toString().c_str());
    const QString path = dir.filePath(QStringLiteral("damaged.topograph"));
    const QString failure = persistToNew(path, d);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 pageSize = 4096;
    const qint64 offset = qint64(double(f.size()) * where) / pageSize * pageSize;
    QVERIFY(offset > pageSize);
    if (damage == QLatin1String("truncate")) {
        QVERIFY(f.resize(offset));
    } else {
        QVERIFY(f.seek(offset));
        f.write(QByteArray(pageSize, '\0'));
    }
    f.close();

    auto ws = Workspace::open(path.toStdString(), false);
    if (!ws.ok()) return; // refused on open: fine
    Dataset reloaded;
    const model::Status s = (*ws)->loadInto(reloaded);
    QVERIFY2(!s.ok(),
             qPrintable(QStringLiteral("damaged workspace loaded without an error: %1 of %2 spans")
                            .arg(reloaded.spanCount())
                            .arg(d.spanCount())));
    QCOMPARE(reloaded.spanCount(), size_t(0)); // nothing half-loaded is left behind
}

// (d) A failed import is rolled back out of the dataset, so the next persist writes nothing.
void WorkspaceTest::failedImportLeavesWorkspaceAsItWas() {
    const QString good = QStringLiteral("otlp/jaeger-ui_otlp-multi-in.jsonl");
    const QString other =
        QStringLiteral("jaeger/traceGraph_testTrace_nonhex-ids_follows-from.json");
    TG_REQUIRE_FIXTURE(good);
    TG_REQUIRE_FIXTURE(other);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("incident.topograph"));
    Dataset d;
    QString failure = importFiles({good, other}, d);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    auto ws = Workspace::open(path.toStdString(), true);
    QVERIFY(ws.ok());
    QVERIFY((*ws)->persistNew(d).ok());
    const TableCounts before = countRows(path);
    const QByteArray hashBefore = fileHash(path);

    // The same JSON Lines, cut in the middle of the last line: 3 records import, then the
    // reader hits the truncated one, which is fatal.
    QFile in(test::fixturePath(good));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray all = in.readAll();
    const qsizetype lastLine = all.lastIndexOf('\n', all.size() - 2) + 1;
    QVERIFY(lastLine > 0);
    const QString truncatedPath = dir.filePath(QStringLiteral("truncated.jsonl"));
    QFile out(truncatedPath);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(all.left(lastLine + (all.size() - lastLine) / 2));
    out.close();

    const Dataset::Checkpoint cp = d.checkpoint();
    const size_t strings = d.strings.size();
    const import::ImportReport report = import::importTraceFile(truncatedPath.toStdString(), d);
    QVERIFY2(report.failed, "a truncated file should fail the import");
    QCOMPARE(report.error.code, model::ErrorCode::Syntax);
    auto sizes = [](const Dataset::Checkpoint& c) {
        return std::vector<size_t>{c.spans,  c.attributes, c.eventAttributes, c.resourceAttributes,
                                   c.events, c.links,      c.resources,       c.sources};
    };
    QCOMPARE(sizes(d.checkpoint()), sizes(cp)); // every column and arena rolled back
    QCOMPARE(d.strings.size(), strings);        // every string in it was already known
    QCOMPARE(d.attrBegin.size(), d.spanCount() + 1);

    model::Status s = (*ws)->persistNew(d);
    QVERIFY(s.ok());
    QCOMPARE(countRows(path), before);
    QCOMPARE(fileHash(path), hashBefore); // nothing written at all

    // A failing file with strings never seen before: no spans, resources or imports reach the
    // file. (Strings interned before the failure stay in the pool by design, see
    // Dataset::truncate, and are persisted as unused strings.)
    const QString novelPath = dir.filePath(QStringLiteral("novel.jsonl"));
    QFile novel(novelPath);
    QVERIFY(novel.open(QIODevice::WriteOnly));
    novel.write(
        R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"brand-new-service"}}]},"scopeSpans":[{"spans":[{"traceId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","spanId":"bbbbbbbbbbbbbbbb","name":"novel-op","kind":2,"startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})"
        "\n{\"resourceSpans\":[{\"resource\":{\"attr");
    novel.close();
    const import::ImportReport report2 = import::importTraceFile(novelPath.toStdString(), d);
    QVERIFY(report2.failed);
    QCOMPARE(d.spanCount(), cp.spans);
    QCOMPARE(d.resources.size(), cp.resources);
    QCOMPARE(d.sources.size(), cp.sources);
    s = (*ws)->persistNew(d);
    QVERIFY(s.ok());
    const TableCounts afterNovel = countRows(path);
    QCOMPARE(afterNovel.spans, before.spans);
    QCOMPARE(afterNovel.resources, before.resources);
    QCOMPARE(afterNovel.imports, before.imports);
    qInfo("strings left behind by the failed import: %lld", afterNovel.strings - before.strings);
    ws->reset();
    Dataset reloaded;
    failure = loadFrom(path, reloaded);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString diff = compareDatasets(d, reloaded);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // A file in no known format fails before touching the dataset.
    const QString textPath = dir.filePath(QStringLiteral("notes.txt"));
    QFile text(textPath);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("these are not traces\n");
    text.close();
    const Dataset::Checkpoint cp2 = d.checkpoint();
    const import::ImportReport report3 = import::importTraceFile(textPath.toStdString(), d);
    QVERIFY(report3.failed);
    QCOMPARE(report3.error.code, model::ErrorCode::UnknownFormat);
    QCOMPARE(d.spanCount(), cp2.spans);
    QCOMPARE(d.sources.size(), cp2.sources);
}

// (e) A persist killed with SIGKILL leaves the file as it was before that persist.
void WorkspaceTest::killedPersistLeavesWorkspaceAsItWas() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString smallFile = dir.filePath(QStringLiteral("small.jsonl"));
    const QString bigFile = dir.filePath(QStringLiteral("big.jsonl"));
    constexpr int kLines = 3000, kPerLine = 100; // 300,000 spans
    QVERIFY(writeGeneratedOtlp(smallFile, 2, 50, "early-"));
    QVERIFY(writeGeneratedOtlp(bigFile, kLines, kPerLine, "bulk-"));

    // `small` is what an earlier import left in the workspace; `full` extends it with the big file.
    Dataset small, full;
    for (Dataset* d : {&small, &full}) {
        const import::ImportReport r = import::importTraceFile(smallFile.toStdString(), *d);
        QVERIFY2(!r.failed, r.error.toString().c_str());
    }
    const import::ImportReport big = import::importTraceFile(bigFile.toStdString(), full);
    QVERIFY2(!big.failed, big.error.toString().c_str());
    QCOMPARE(small.spanCount(), size_t(100));
    QCOMPARE(full.spanCount(), size_t(100 + kLines * kPerLine));

    // How long an uninterrupted persist takes here, to spread the kills over it.
    const QString timed = dir.filePath(QStringLiteral("timed.topograph"));
    QElapsedTimer clock;
    clock.start();
    QString failure = persistToNew(timed, full);
    const qint64 persistMs = clock.elapsed();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(countRows(timed).spans, qint64(full.spanCount()));
    QFile::remove(timed);
    qInfo("uninterrupted persist of %zu spans: %lld ms", full.spanCount(), persistMs);

    struct Attempt {
        bool prepopulated;
        bool waitForJournal; // kill relative to the journal's appearance, else to the fork
        double delayFraction;
    };
    const Attempt attempts[] = {{false, true, 0.0}, {true, true, 0.0},   {false, true, 0.1},
                                {true, true, 0.25}, {false, true, 0.5},  {true, false, 0.0},
                                {true, true, 0.75}, {false, true, 0.95}, {false, true, 3.0}};
    int midTransaction = 0, completed = 0, beforeBegin = 0, n = 0;
    for (const Attempt& a : attempts) {
        const QString path = dir.filePath(QStringLiteral("killed-%1.topograph").arg(n++));
        const QString journal = path + QStringLiteral("-journal");
        failure = a.prepopulated ? persistToNew(path, small) : persistToNew(path, Dataset());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const qint64 spansBefore = a.prepopulated ? qint64(small.spanCount()) : 0;

        const qint64 sizeBefore = QFileInfo(path).size();
        const QByteArray pathBytes = path.toUtf8();
        const pid_t pid = fork();
        QVERIFY(pid >= 0);
        if (pid == 0) { // child: persist and leave without running any destructor or atexit
            auto ws = Workspace::open(pathBytes.toStdString(), false);
            if (!ws) _exit(2);
            const bool ok = (*ws)->persistNew(full).ok();
            ws->reset();
            _exit(ok ? 0 : 3);
        }
        const auto delay =
            std::chrono::microseconds(qint64(a.delayFraction * double(persistMs) * 1000.0));
        QElapsedTimer waited;
        waited.start();
        int status = 0;
        bool exited = false;
        bool journalSeen = false; // the transaction had begun writing before the kill
        if (a.waitForJournal) {
            while (!(journalSeen = QFileInfo::exists(journal)) && waited.elapsed() < 60000) {
                if (waitpid(pid, &status, WNOHANG) == pid) {
                    exited = true;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            }
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (!exited) {
            std::this_thread::sleep_for(delay);
            ::kill(pid, SIGKILL);
            QCOMPARE(waitpid(pid, &status, 0), pid);
        }
        const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        // A journal left with content is "hot": the kill interrupted the transaction. One seen
        // before the kill that is now empty or gone, with the old rows, means the same thing
        // (killed before the journal header was written) as long as nothing was committed.
        const qint64 journalBytes = QFileInfo(journal).size();
        const qint64 sizeAtKill = QFileInfo(path).size(); // > before: pages already spilled
        const bool hotJournal = journalBytes > 0;
        QVERIFY2(killed || (WIFEXITED(status) && WEXITSTATUS(status) == 0), "child persist failed");

        // Opening rolls a hot journal back; the file must be sound and hold the old rows only.
        auto ws = Workspace::open(path.toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().toString().c_str());
        ws->reset();
        RawDb db(path);
        QCOMPARE(db.text("PRAGMA integrity_check"), QStringLiteral("ok"));
        const qint64 spans = db.integer("SELECT count(*) FROM spans");
        const char* outcome;
        if (killed && (hotJournal || (journalSeen && spans == spansBefore))) {
            ++midTransaction;
            outcome = "killed mid-transaction";
            QCOMPARE(spans, spansBefore);
        } else if (!killed) {
            ++completed;
            outcome = "finished before the kill";
            QCOMPARE(spans, qint64(full.spanCount()));
        } else {
            // Killed before BEGIN or after COMMIT: either way the file holds a whole state.
            outcome = spans == spansBefore ? "killed before the transaction began"
                                           : "killed after commit";
            if (spans == spansBefore) ++beforeBegin;
            QVERIFY(spans == spansBefore || spans == qint64(full.spanCount()));
        }
        qInfo("attempt %d (%s workspace, kill %s + %lld ms): %s; journal %lld bytes, file %lld -> "
              "%lld "
              "bytes at the kill; %lld spans after reopening",
              n, a.prepopulated ? "pre-populated" : "empty",
              a.waitForJournal ? "at journal" : "at fork",
              qint64(std::chrono::duration_cast<std::chrono::milliseconds>(delay).count()), outcome,
              journalBytes, sizeBefore, sizeAtKill, spans);
        if (spans == spansBefore) {
            QCOMPARE(db.integer("SELECT count(*) FROM imports"), qint64(a.prepopulated ? 1 : 0));
            Dataset reloaded;
            failure = loadFrom(path, reloaded);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            const QString diff = a.prepopulated ? compareDatasets(small, reloaded)
                                                : compareDatasets(Dataset(), reloaded);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QFile::remove(path);
    }
    qInfo("kills that landed mid-transaction: %d of %d (finished first: %d, before the "
          "transaction: %d)",
          midTransaction, int(std::size(attempts)), completed, beforeBegin);
    QVERIFY2(midTransaction >= 1, "no kill landed inside the transaction; the test proved nothing");
}

// (f) persistNew only appends: a dataset that is not the workspace's content plus new rows is
// refused and the file is left alone.
void WorkspaceTest::refusesDatasetThatDoesNotExtendWorkspace() {
    const QStringList files = traceFixtures();
    QVERIFY(files.size() >= 3);
    for (const QString& f : files)
        TG_REQUIRE_FIXTURE(f);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("incident.topograph"));
    Dataset d;
    QString failure = importFiles(files.mid(0, 3), d);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    auto ws = Workspace::open(path.toStdString(), true);
    QVERIFY(ws.ok());
    QVERIFY((*ws)->persistNew(d).ok());
    const TableCounts before = countRows(path);
    const QByteArray hash = fileHash(path);

    // Smaller than what the file holds.
    Dataset smaller;
    failure = importFiles(files.mid(0, 1), smaller);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(smaller.spanCount() < d.spanCount());
    model::Status s = (*ws)->persistNew(smaller);
    QVERIFY(!s.ok());
    QCOMPARE(countRows(path), before);

    // Larger, but a different incident (other files, other string ids): not an extension either.
    Dataset unrelated;
    failure = importFiles(QStringList(files.mid(3)) << files.mid(3), unrelated);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(unrelated.spanCount() > d.spanCount());
    QVERIFY(unrelated.strings.size() > d.strings.size());
    s = (*ws)->persistNew(unrelated);
    QVERIFY2(!s.ok(), "a dataset unrelated to the workspace was appended to it");
    QCOMPARE(countRows(path), before);

    // The same files imported in another order: same sizes, different rows.
    Dataset reordered;
    failure = importFiles(QStringList{files[2], files[1], files[0]} << files.mid(3, 1), reordered);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    s = (*ws)->persistNew(reordered);
    QVERIFY2(!s.ok(), "a reordered dataset was appended to the workspace");
    QCOMPARE(countRows(path), before);
    QCOMPARE(fileHash(path), hash);

    // The workspace is still usable after the refusals.
    failure = importFiles(files.mid(3, 1), d);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    s = (*ws)->persistNew(d);
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().toString().c_str());
    QCOMPARE(countRows(path).spans, qint64(d.spanCount()));
}

QTEST_GUILESS_MAIN(WorkspaceTest)
#include "workspace_test.moc"
