// The research incident sample (Nezha OnlineBoutique, shared fixtures) opened whole: the span
// table, the log table and the two pods' metric tables correlate as an SRE would expect.
// Expected numbers were counted with awk from the files: every one of the 1009 log rows names a
// (TraceID, SpanID) present in the 962-row span table; the two metric tables hold 19 series
// each, for pods of services (frontend, currencyservice) that the span table has.
#include <QTest>

#include "importers/registry/trace_import.h"
#include "importers/telemetry/telemetry_import.h"
#include "models/correlate/correlation_index.h"
#include "tests/test_support.h"

using namespace tg;

namespace {
const QString kDir = QStringLiteral("incident-format-sample_nezha-onlineboutique/");
}

class NezhaCorrelationTest : public QObject {
    Q_OBJECT
private slots:
    void logsAndMetricsJoinTheSpanTable();
};

void NezhaCorrelationTest::logsAndMetricsJoinTheSpanTable() {
    const QString spans = kDir + QStringLiteral("05_19_trace.excerpt.csv");
    const QString logs = kDir + QStringLiteral("05_19_log.excerpt.csv");
    const QString front = kDir + QStringLiteral("frontend-579b9bff58-t2dbm_metric.excerpt.csv");
    const QString currency =
        kDir + QStringLiteral("currencyservice-cf787dd48-vpjrd_metric.excerpt.csv");
    for (const QString& f : {spans, logs, front, currency})
        TG_REQUIRE_FIXTURE(f);
    model::Dataset dataset;
    model::MetricStore metrics;
    model::LogStore logStore;
    const auto tr = import::importTraceFile(test::fixturePath(spans).toStdString(), dataset);
    QVERIFY2(!tr.failed, tr.error.toString().c_str());
    QCOMPARE(tr.spans, uint64_t(962));
    for (const QString& f : {logs, front, currency}) {
        const auto r =
            import::importTelemetryFile(test::fixturePath(f).toStdString(), metrics, logStore);
        QVERIFY2(!r.failed, r.error.toString().c_str());
    }
    const auto index = model::CorrelationIndex::build(dataset, &logStore, &metrics,
                                                      model::CorrelationConfig::defaults());
    const model::CorrelationReport& report = index.report();
    QCOMPARE(report.logs, uint64_t(1009));
    QCOMPARE(report.logsLinkedToSpan, uint64_t(1009));
    QCOMPARE(report.series, uint64_t(38));
    QCOMPARE(report.seriesLinkedToService, uint64_t(38));
}

QTEST_GUILESS_MAIN(NezhaCorrelationTest)
#include "nezha_correlation_test.moc"
