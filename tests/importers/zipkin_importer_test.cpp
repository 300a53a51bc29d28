// Tests of the Zipkin v2 JSON importer: every zipkin/* fixture against the hand-counted
// expectations in tests/data/fixture_expectations.tsv (imported into a real Dataset, then trace
// structure and service graph), inline edge cases, and the field mapping of one full span.
#include <QFile>
#include <QObject>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <memory>

#include "importers/zipkin/zipkin_json_importer.h"
#include "models/dataset/dataset_builder.h"
#include "models/graph/service_graph_builder.h"
#include "models/graph/trace_structure.h"
#include "tests/test_support.h"

using namespace tg;

namespace {

struct Imported {
    model::Dataset dataset;
    model::Diagnostics diagnostics;
    model::Status status = model::okStatus();
};

std::unique_ptr<Imported> runImport(const import::JsonInput& input) {
    auto out = std::make_unique<Imported>();
    out->dataset.sources.push_back({input.path, "zipkin-json"});
    model::DatasetBuilder builder(out->dataset, out->diagnostics, 0);
    builder.setSourceLabel(input.path);
    out->status = import::importZipkinJson(input, builder);
    return out;
}

std::unique_ptr<Imported> importBytes(const QByteArray& json) {
    import::JsonInput input;
    input.path = "inline.json";
    input.bytes = std::string_view(json.constData(), static_cast<size_t>(json.size()));
    return runImport(input);
}

// "a,b" / "x>y=1/0;..." lists compare as sets: sort the parts.
QString sortedList(const QString& list, QChar separator) {
    QStringList parts = list.split(separator, Qt::SkipEmptyParts);
    parts.sort();
    return parts.join(separator);
}

QString edgeList(const model::ServiceGraph& g, bool inferred) {
    QStringList parts;
    for (const model::GraphEdge& e : g.edges) {
        if (e.inferred != inferred) continue;
        parts << QStringLiteral("%1>%2=%3/%4")
                     .arg(QString::fromStdString(g.nodes[e.source].name),
                          QString::fromStdString(g.nodes[e.target].name))
                     .arg(e.stats.calls)
                     .arg(e.stats.errors);
    }
    parts.sort();
    return parts.join(QLatin1Char(';'));
}

QString serviceList(const model::ServiceGraph& g) {
    QStringList names;
    for (const model::GraphNode& n : g.nodes)
        if (!n.inferred()) names << QString::fromStdString(n.name);
    names.sort();
    return names.join(QLatin1Char(','));
}

int errorSpans(const model::Dataset& d) {
    int n = 0;
    for (size_t row = 0; row < d.spanCount(); ++row)
        n += d.isError(row) ? 1 : 0;
    return n;
}

const model::Attribute* attribute(const model::Dataset& d, size_t row, std::string_view key) {
    return d.findAttribute(row, key);
}

QString attributeText(const model::Dataset& d, size_t row, std::string_view key) {
    const model::Attribute* a = attribute(d, row, key);
    return a ? QString::fromStdString(d.attributeText(*a)) : QStringLiteral("<absent>");
}

} // namespace

class ZipkinImporterTest : public QObject {
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void edgeCases_data();
    void edgeCases();
    void fatalErrors_data();
    void fatalErrors();
    void fieldMapping();
};

// One row per zipkin/* line of the TSV; columns are found by header name.
void ZipkinImporterTest::fixtures_data() {
    // QTest keeps the column name pointers: they must outlive the test (string literals).
    static const char* const kColumns[] = {"file",         "spans",      "traces",
                                           "services",     "edges",      "inferred_edges",
                                           "orphans",      "roots",      "duplicate_span_ids",
                                           "shared_pairs", "error_spans"};
    for (const char* c : kColumns)
        QTest::addColumn<QString>(c);

    QFile tsv(tg::test::testDataPath("fixture_expectations.tsv"));
    QVERIFY2(tsv.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(tsv.fileName()));
    const QStringList header = QString::fromUtf8(tsv.readLine()).trimmed().split('\t');
    QList<int> index;
    for (const char* c : kColumns) {
        index << header.indexOf(QLatin1String(c));
        QVERIFY2(index.back() >= 0, qPrintable(QStringLiteral("TSV column missing: %1").arg(c)));
    }
    int rows = 0;
    while (!tsv.atEnd()) {
        QString line = QString::fromUtf8(tsv.readLine());
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QStringList cells = line.split(QLatin1Char('\t'));
        if (cells.isEmpty() || !cells[0].startsWith(QLatin1String("zipkin/"))) continue;
        QTestData& row = QTest::newRow(qPrintable(cells[0]));
        for (int i : index)
            row << (i < cells.size() ? cells[i] : QString());
        ++rows;
    }
    QVERIFY2(rows > 0, "no zipkin/ rows in fixture_expectations.tsv");
}

void ZipkinImporterTest::fixtures() {
    QFETCH(QString, file);
    TG_REQUIRE_FIXTURE(file);
    import::JsonInput input;
    input.path = tg::test::fixturePath(file).toStdString();
    const auto imported = runImport(input);
    QVERIFY2(imported->status.ok(),
             imported->status.ok() ? "" : imported->status.error().toString().c_str());
    const model::Dataset& d = imported->dataset;
    model::Diagnostics diag;
    const model::TraceStructure ts = model::analyzeTraceStructure(d, diag);
    const model::ServiceGraph g = model::buildServiceGraph(d, ts);

    QFETCH(QString, spans);
    QFETCH(QString, traces);
    QFETCH(QString, services);
    QFETCH(QString, edges);
    QFETCH(QString, inferred_edges);
    QFETCH(QString, orphans);
    QFETCH(QString, roots);
    QFETCH(QString, duplicate_span_ids);
    QFETCH(QString, shared_pairs);
    QFETCH(QString, error_spans);
    QCOMPARE(QString::number(d.spanCount()), spans);
    QCOMPARE(QString::number(ts.traceCount), traces);
    QCOMPARE(serviceList(g), sortedList(services, QLatin1Char(',')));
    QCOMPARE(edgeList(g, false), sortedList(edges, QLatin1Char(';')));
    QCOMPARE(edgeList(g, true), sortedList(inferred_edges, QLatin1Char(';')));
    QCOMPARE(QString::number(ts.orphanCount), orphans);
    QCOMPARE(QString::number(ts.rootCount), roots);
    QCOMPARE(QString::number(ts.duplicateSpanIds), duplicate_span_ids);
    QCOMPARE(QString::number(ts.sharedPairs), shared_pairs);
    QCOMPARE(QString::number(errorSpans(d)), error_spans);
    // The fixtures are well-formed: nothing skipped.
    QCOMPARE(imported->diagnostics.count("bad_record"), uint64_t(0));
}

void ZipkinImporterTest::edgeCases_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("spans");
    QTest::addColumn<QString>("diagnostic"); // expected code ("" = none of the skip codes)
    QTest::addColumn<int>("count");

    const QByteArray a = R"({"traceId":"a1","id":"1","timestamp":10,"duration":5})";
    const QByteArray b = R"({"traceId":"a1","id":"2","parentId":"1","timestamp":11,"duration":2})";
    const QByteArray c = R"({"traceId":"b2","id":"3","timestamp":12,"duration":1})";
    QTest::newRow("empty array") << QByteArray("[]") << 0 << QString() << 0;
    QTest::newRow("empty array, whitespace") << QByteArray(" [ ]\n") << 0 << QString() << 0;
    QTest::newRow("single span object") << a << 1 << QString() << 0;
    QTest::newRow("single object with annotations")
        << QByteArray(R"({"traceId":"a1","id":"1","annotations":[{"timestamp":10,"value":"cs"}],)"
                      R"("timestamp":10,"duration":5,"tags":{"k":"v"}})")
        << 1 << QString() << 0;
    QTest::newRow("objects as JSON Lines") << a + "\n" + c + "\n" << 2 << QString() << 0;
    QTest::newRow("span array") << "[" + a + "," + b + "," + c + "]" << 3 << QString() << 0;
    QTest::newRow("array of traces")
        << "[[" + a + "," + b + "],[" + c + "]]" << 3 << QString() << 0;
    QTest::newRow("missing id") << QByteArray(R"([{"traceId":"a1","timestamp":1,"duration":1},)") +
                                       a + "]"
                                << 1 << QString("span_without_span_id") << 1;
    QTest::newRow("missing traceId")
        << QByteArray(R"([{"id":"9","timestamp":1,"duration":1},)") + a + "]" << 1
        << QString("span_without_trace_id") << 1;
    QTest::newRow("no timestamp") << QByteArray(R"([{"traceId":"a1","id":"1","duration":1}])") << 1
                                  << QString("missing_timestamp") << 1;
    QTest::newRow("no duration") << QByteArray(R"([{"traceId":"a1","id":"1","timestamp":1}])") << 1
                                 << QString("missing_duration") << 1;
    QTest::newRow("span is not an object")
        << "[42,\"x\"," + a + "]" << 1 << QString("bad_record") << 2;
    QTest::newRow("non-string ids")
        << QByteArray(R"([{"traceId":123,"id":"1","timestamp":1,"duration":1}])") << 0
        << QString("span_without_trace_id") << 1;
    QTest::newRow("bad timestamp type")
        << QByteArray(R"([{"traceId":"a1","id":"1","timestamp":"soon","duration":1}])") << 1
        << QString("bad_start_time") << 1;
}

void ZipkinImporterTest::edgeCases() {
    QFETCH(QByteArray, json);
    QFETCH(int, spans);
    QFETCH(QString, diagnostic);
    QFETCH(int, count);
    const auto imported = importBytes(json);
    QVERIFY2(imported->status.ok(),
             imported->status.ok() ? "" : imported->status.error().toString().c_str());
    QCOMPARE(int(imported->dataset.spanCount()), spans);
    if (!diagnostic.isEmpty())
        QCOMPARE(int(imported->diagnostics.count(diagnostic.toStdString())), count);
    for (const char* code : {"bad_record", "span_without_span_id", "span_without_trace_id"})
        if (diagnostic != QLatin1String(code)) QCOMPARE(int(imported->diagnostics.count(code)), 0);
}

void ZipkinImporterTest::fatalErrors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    QTest::newRow("truncated") << QByteArray(R"([{"traceId":)") << int(model::ErrorCode::Syntax);
    QTest::newRow("truncated single object")
        << QByteArray(R"({"traceId":"a1","id":)") << int(model::ErrorCode::Syntax);
    QTest::newRow("not JSON") << QByteArray("hello, world\n") << int(model::ErrorCode::Syntax);
    QTest::newRow("bare scalar") << QByteArray("42") << int(model::ErrorCode::Syntax);
}

void ZipkinImporterTest::fatalErrors() {
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    const auto imported = importBytes(json);
    QVERIFY(!imported->status.ok());
    const model::Error& e = imported->status.error();
    QCOMPARE(int(e.code), code);
    QVERIFY2(e.offset >= 0, e.toString().c_str());
    QVERIFY2(e.offset <= json.size(), e.toString().c_str());
    QCOMPARE(e.path, std::string("inline.json"));
}

// One span with every field: check where each one lands.
void ZipkinImporterTest::fieldMapping() {
    const QByteArray json = R"([{
        "traceId": "5AAB74DBB904746BB33447BAAE403ED6", "id": "05e3ac9a4f6e3b90",
        "parentId": "b33447baae403ed6", "name": "get /api", "kind": "CLIENT",
        "timestamp": 1521186011927475, "duration": 13, "debug": true, "shared": false,
        "localEndpoint": {"serviceName": "frontend", "ipv4": "192.168.0.10", "port": 8080},
        "remoteEndpoint": {"serviceName": "backend", "ipv4": "10.0.0.2", "port": 9000},
        "annotations": [{"timestamp": 1521186011927480, "value": "ws"}],
        "tags": {"http.path": "/api", "error": ""}
    }, {
        "traceId": "5aab74dbb904746bb33447baae403ed6", "id": "05e3ac9a4f6e3b90",
        "kind": "SERVER", "shared": true, "timestamp": 1521186011927476, "duration": 10,
        "localEndpoint": {"ipv6": "::1"}
    }])";
    const auto imported = importBytes(json);
    QVERIFY(imported->status.ok());
    const model::Dataset& d = imported->dataset;
    QCOMPARE(d.spanCount(), size_t(2));
    QCOMPARE(d.traceId[0].toHex(), std::string("5aab74dbb904746bb33447baae403ed6"));
    QCOMPARE(d.spanId[0], model::SpanId(0x05e3ac9a4f6e3b90ull));
    QCOMPARE(d.parentId[0], model::SpanId(0xb33447baae403ed6ull));
    QCOMPARE(d.operationName(0), std::string_view("get /api"));
    QCOMPARE(d.serviceName(0), std::string_view("frontend"));
    QCOMPARE(d.kind[0], model::SpanKind::Client);
    QCOMPARE(d.startNs[0], int64_t(1521186011927475000));
    QCOMPARE(d.durationNs[0], int64_t(13000));
    QVERIFY(d.isError(0)); // an "error" tag with an empty value still marks the span
    QCOMPARE(d.status[0], model::StatusCode::Error);
    QCOMPARE(attributeText(d, 0, "peer.service"), QString("backend"));
    QCOMPARE(attributeText(d, 0, "server.address"), QString("10.0.0.2"));
    QCOMPARE(attributeText(d, 0, "server.port"), QString("9000"));
    QCOMPARE(attributeText(d, 0, "network.peer.address"), QString("10.0.0.2"));
    QCOMPARE(attributeText(d, 0, "http.path"), QString("/api"));
    QCOMPARE(attributeText(d, 0, "zipkin.debug"), QString("true"));
    QCOMPARE(d.spanEvents(0).size(), size_t(1));
    QCOMPARE(d.spanEvents(0)[0].timeNs, int64_t(1521186011927480000));
    QCOMPARE(d.strings.view(d.spanEvents(0)[0].name), std::string_view("ws"));
    QVERIFY(!(d.flags[0] & model::kSpanShared));
    const auto resource = d.attributesOfResource(d.resource[0]);
    QCOMPARE(resource.size(), size_t(2));
    QCOMPARE(d.strings.view(resource[0].key), std::string_view("service.name"));
    QCOMPARE(d.strings.view(resource[1].key), std::string_view("host.ip"));
    QCOMPARE(d.strings.view(resource[1].s), std::string_view("192.168.0.10"));

    // The shared SERVER half: no serviceName -> "unknown", flagged shared, not an error.
    QCOMPARE(d.serviceName(1), std::string_view("unknown"));
    QVERIFY(d.flags[1] & model::kSpanShared);
    QVERIFY(!d.isError(1));
    model::Diagnostics diag;
    const model::TraceStructure ts = model::analyzeTraceStructure(d, diag);
    QCOMPARE(ts.sharedPairs, uint64_t(1));
    QCOMPARE(ts.parentRow[1], 0);
}

QTEST_GUILESS_MAIN(ZipkinImporterTest)
#include "zipkin_importer_test.moc"
