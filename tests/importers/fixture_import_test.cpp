// Every trace fixture in ../shared/fixtures/{jaeger,otlp,zipkin} imports through format sniffing
// and the registry with the counts established by hand in tests/data/fixture_expectations.tsv.
#include <QTest>

#include "importers/registry/trace_import.h"
#include "models/graph/service_graph_builder.h"
#include "tests/importers/graph_summary.h"
#include "tests/test_support.h"

using namespace tg;

class FixtureImportTest : public QObject {
    Q_OBJECT
private slots:
    void importsWithHandCountedExpectations_data();
    void importsWithHandCountedExpectations();
    void sniffsEachFixtureFormat_data();
    void sniffsEachFixtureFormat();
};

void FixtureImportTest::importsWithHandCountedExpectations_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("spans");
    QTest::addColumn<int>("traces");
    QTest::addColumn<QString>("services");
    QTest::addColumn<QString>("edges");
    QTest::addColumn<QString>("inferred");
    QTest::addColumn<int>("orphans");
    QTest::addColumn<int>("roots");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("shared");
    QTest::addColumn<int>("errors");
    const auto rows =
        test::readExpectations(test::testDataPath(QStringLiteral("fixture_expectations.tsv")));
    QVERIFY2(rows.size() >= 17, "expectation table missing or short");
    for (const auto& r : rows)
        QTest::newRow(qPrintable(r["file"]))
            << r["file"] << r["spans"].toInt() << r["traces"].toInt() << r["services"] << r["edges"]
            << r["inferred_edges"] << r["orphans"].toInt() << r["roots"].toInt()
            << r["duplicate_span_ids"].toInt() << r["shared_pairs"].toInt()
            << r["error_spans"].toInt();
}

void FixtureImportTest::importsWithHandCountedExpectations() {
    QFETCH(QString, file);
    TG_REQUIRE_FIXTURE(file);
    model::Dataset dataset;
    const import::ImportReport report =
        import::importTraceFile(test::fixturePath(file).toStdString(), dataset);
    QVERIFY2(!report.failed, report.error.toString().c_str());
    model::Diagnostics diag;
    const model::TraceStructure ts = model::analyzeTraceStructure(dataset, diag);
    const model::ServiceGraph graph = model::buildServiceGraph(dataset, ts);

    QTEST(static_cast<int>(dataset.spanCount()), "spans");
    QTEST(static_cast<int>(ts.traceCount), "traces");
    QTEST(test::serviceSummary(graph), "services");
    QTEST(test::edgeSummary(graph, false), "edges");
    QTEST(test::edgeSummary(graph, true), "inferred");
    QTEST(static_cast<int>(ts.orphanCount), "orphans");
    QTEST(static_cast<int>(ts.rootCount), "roots");
    QTEST(static_cast<int>(ts.duplicateSpanIds), "duplicates");
    QTEST(static_cast<int>(ts.sharedPairs), "shared");
    QTEST(test::errorSpanCount(dataset), "errors");
    // Broken data is counted, never silent: each kind found shows up in the diagnostics.
    QCOMPARE(diag.count("orphan_span"), ts.orphanCount);
    QCOMPARE(diag.count("duplicate_span_id"), ts.duplicateSpanIds);
}

void FixtureImportTest::sniffsEachFixtureFormat_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    const auto rows =
        test::readExpectations(test::testDataPath(QStringLiteral("fixture_expectations.tsv")));
    for (const auto& r : rows) {
        // jaeger/… is "jaeger-json", otlp/… "otlp-json", zipkin/… "zipkin-json"; span tables
        // in CSV (the Nezha incident sample) are "csv-spans".
        const QString folder = r["file"].section(QLatin1Char('/'), 0, 0);
        const QString format = r["file"].endsWith(QLatin1String(".csv"))
                                   ? QStringLiteral("csv-spans")
                                   : folder + QStringLiteral("-json");
        QTest::newRow(qPrintable(r["file"])) << r["file"] << format;
    }
}

void FixtureImportTest::sniffsEachFixtureFormat() {
    QFETCH(QString, file);
    TG_REQUIRE_FIXTURE(file);
    model::Dataset dataset;
    const import::ImportReport report =
        import::importTraceFile(test::fixturePath(file).toStdString(), dataset);
    QTEST(QString::fromLatin1(import::formatName(report.format)), "format");
}

QTEST_GUILESS_MAIN(FixtureImportTest)
#include "fixture_import_test.moc"
