// Span tables in CSV (importers/csv_spans): small tables written here, each value worked out by
// hand from the rows: column names in other spellings, quoted cells, the service taken from
// ServiceName before PodName, status and kind columns, root sentinels, and bad rows counted and
// skipped while the rest is kept; tables without a required column are not span tables.
#include <QTest>

#include "importers/common/format_sniffer.h"
#include "importers/registry/trace_import.h"

using namespace tg;

namespace {

struct Imported {
    model::Dataset dataset;
    import::ImportReport report;
};

std::unique_ptr<Imported> importCsv(std::string_view text) {
    auto out = std::make_unique<Imported>();
    out->report = import::importTraceBytes(text, "table.csv", out->dataset);
    return out;
}

// The row of span `hex` (16 hex digits), or -1.
int rowOf(const model::Dataset& d, const char* hex) {
    const model::SpanId id = model::parseSpanId(hex).id;
    for (size_t i = 0; i < d.spanCount(); ++i)
        if (d.spanId[i] == id) return static_cast<int>(i);
    return -1;
}

} // namespace

class SpanCsvImporterTest : public QObject {
    Q_OBJECT
private slots:
    void readsColumnsByName();
    void badRowsAreCountedAndSkipped();
    void notASpanTable_data();
    void notASpanTable();
    void headerOnlyIsAnError();
};

void SpanCsvImporterTest::readsColumnsByName() {
    // Other column order and spellings; a quoted operation holding a comma; ServiceName wins
    // over the pod; DurationNano instead of an end time; "0" parent = root.
    const auto r = importCsv(
        "span_id,trace_id,parent_span_id,service_name,pod_name,span_name,start_time_unix_nano,"
        "duration_nano,status_code,span_kind\n"
        "00000000000000a1,0af7651916cd43dd8448eb211c80319c,0,checkout,checkout-6d4f7b9c8d-x2x9q,"
        "\"POST /cart, v2\",1700000000000000000,5000000,ok,SPAN_KIND_SERVER\n"
        "00000000000000a2,0af7651916cd43dd8448eb211c80319c,00000000000000a1,,payment-7c9d8f6b5-"
        "zq4kp,"
        "charge,1700000000001000000,2000000,error,client\n");
    QVERIFY2(!r->report.failed, r->report.error.toString().c_str());
    QCOMPARE(import::formatName(r->report.format), "csv-spans");
    const model::Dataset& d = r->dataset;
    QCOMPARE(d.spanCount(), size_t(2));
    const int root = rowOf(d, "00000000000000a1"), child = rowOf(d, "00000000000000a2");
    QVERIFY(root >= 0 && child >= 0);
    QCOMPARE(d.serviceName(root), std::string_view("checkout"));
    QCOMPARE(d.operationName(root), std::string_view("POST /cart, v2"));
    QCOMPARE(d.durationNs[root], int64_t(5000000));
    QCOMPARE(d.kind[root], model::SpanKind::Server);
    QVERIFY(!d.isError(root));
    QVERIFY(!d.hasParent(root));
    // No service: the Deployment behind the pod.
    QCOMPARE(d.serviceName(child), std::string_view("payment"));
    QCOMPARE(d.parentId[child], model::parseSpanId("00000000000000a1").id);
    QCOMPARE(d.startNs[child], int64_t(1700000000001000000));
    QCOMPARE(d.kind[child], model::SpanKind::Client);
    QVERIFY(d.isError(child));
    QCOMPARE(d.traceId[child].toHex(), std::string("0af7651916cd43dd8448eb211c80319c"));
}

void SpanCsvImporterTest::badRowsAreCountedAndSkipped() {
    // Rows 2 and 6 are good; 3: start is not a number; 4: too few cells; 5: no span ID;
    // 6: ends before it starts (kept, duration 0).
    const auto r = importCsv(
        "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano\n"
        "aa,01,root,web-1,GET,100,300\n"
        "aa,02,01,web-1,GET,soon,300\n"
        "aa,03,01\n"
        "aa,,01,web-1,GET,100,300\n"
        "aa,04,01,db-0,SELECT,500,400\n");
    QVERIFY2(!r->report.failed, r->report.error.toString().c_str());
    QCOMPARE(r->dataset.spanCount(), size_t(2));
    const model::Diagnostics& diag = r->report.diagnostics;
    QCOMPARE(diag.count("bad_time"), uint64_t(1));
    QCOMPARE(diag.count("ragged_row"), uint64_t(1));
    QCOMPARE(diag.count("missing_id"), uint64_t(1));
    QCOMPARE(diag.count("negative_duration"), uint64_t(1));
    const int late = rowOf(r->dataset, "04");
    QVERIFY(late >= 0);
    QCOMPARE(r->dataset.durationNs[late], int64_t(0));
    // "web-1" and "db-0" end in a StatefulSet ordinal: services "web" and "db".
    QCOMPARE(r->dataset.serviceName(rowOf(r->dataset, "01")), std::string_view("web"));
    QCOMPARE(r->dataset.serviceName(late), std::string_view("db"));
}

void SpanCsvImporterTest::notASpanTable_data() {
    QTest::addColumn<QByteArray>("text");
    // A log table with trace IDs (Nezha's log CSV), a span table without an end or duration
    // column, and a dependency list.
    QTest::newRow("log table") << QByteArray(
        "Timestamp,TimeUnixNano,PodName,TraceID,SpanID,Log\n1,2,p,aa,01,hello\n");
    QTest::newRow("no end") << QByteArray(
        "TraceID,SpanID,StartTimeUnixNano,Duration\naa,01,100,5\n");
    QTest::newRow("dependencies") << QByteArray("Source,Target,Weight\na,b,1\n");
}

void SpanCsvImporterTest::notASpanTable() {
    QFETCH(QByteArray, text);
    const auto r = importCsv(text.toStdString());
    QVERIFY(r->report.failed);
    QCOMPARE(r->report.error.code, model::ErrorCode::UnknownFormat);
    QCOMPARE(r->dataset.spanCount(), size_t(0));
}

void SpanCsvImporterTest::headerOnlyIsAnError() {
    const auto r = importCsv("TraceID,SpanID,StartTimeUnixNano,EndTimeUnixNano\n");
    QVERIFY(r->report.failed);
    QCOMPARE(r->report.error.code, model::ErrorCode::Syntax);
    QVERIFY(r->report.error.detail.find("no readable rows") != std::string::npos);
}

QTEST_GUILESS_MAIN(SpanCsvImporterTest)
#include "span_csv_importer_test.moc"
