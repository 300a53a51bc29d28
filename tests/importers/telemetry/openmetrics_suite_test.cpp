// The OpenMetrics parser conformance cases in ../shared/fixtures/prometheus/openmetrics-suite:
// each case directory holds `metrics` and `test.json` ({"type": "text", "shouldParse": ...}).
// Every case is read as OpenMetrics (forced, and again through content sniffing, which must
// also say openmetrics-text), and the accept/reject decision must match shouldParse; rejects
// must name a line and a reason. The decision table is printed. Accepted cases are then checked
// value by value (read by hand from the case files).
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/importers/telemetry/telemetry_test_support.h"
#include "tests/test_support.h"

using namespace tg;

namespace {

const char* kSuite = "prometheus/openmetrics-suite";

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

test::Imported importCase(const QString& name) {
    return test::importBytes(readAll(test::fixturePath(QString(kSuite) + "/" + name + "/metrics")),
                             name.toStdString() + "/metrics", {},
                             import::TelemetryFormat::OpenMetricsText);
}

} // namespace

class OpenMetricsSuiteTest : public QObject {
    Q_OBJECT
private slots:
    void decisionTable();
    void rejectionsSayWhereAndWhy();
    void escaping();
    void histogramExemplars();
    void timestamps();
};

void OpenMetricsSuiteTest::decisionTable() {
    TG_REQUIRE_FIXTURE(kSuite);
    const QDir dir(test::fixturePath(kSuite));
    const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(cases.size(),
             5); // bad_blank_line, escaping, histogram_exemplars, simple_histogram, timestamps
    int wrong = 0;
    qInfo("%-22s %-8s %-8s %-8s %s", "case", "expected", "forced", "sniffed", "error");
    for (const QString& name : cases) {
        const QJsonObject spec =
            QJsonDocument::fromJson(readAll(dir.filePath(name + "/test.json"))).object();
        QCOMPARE(spec.value("type").toString(), QStringLiteral("text"));
        const bool shouldParse = spec.value("shouldParse").toBool();
        const test::Imported forced = importCase(name);
        const test::Imported sniffed = test::importFile(dir.filePath(name + "/metrics"));
        const bool forcedOk = !forced.report.failed;
        const bool sniffedOk = !sniffed.report.failed &&
                               sniffed.report.format == import::TelemetryFormat::OpenMetricsText;
        if (forcedOk != shouldParse || sniffedOk != shouldParse) ++wrong;
        qInfo("%-22s %-8s %-8s %-8s %s", qPrintable(name), shouldParse ? "accept" : "reject",
              forcedOk ? "accept" : "reject", sniffedOk ? "accept" : "reject",
              forced.report.failed
                  ? qPrintable(QString::fromStdString(forced.report.error.toString()))
                  : "");
    }
    QCOMPARE(wrong, 0);
}

void OpenMetricsSuiteTest::rejectionsSayWhereAndWhy() {
    TG_REQUIRE_FIXTURE(kSuite);
    // bad_blank_line/metrics is "a 1\n\n# EOF\n": the blank line is line 2.
    const test::Imported r = importCase("bad_blank_line");
    QVERIFY(r.report.failed);
    QCOMPARE(r.report.error.code, model::ErrorCode::Syntax);
    QCOMPARE(r.report.error.line, int64_t(2));
    QCOMPARE(r.report.error.path, std::string("bad_blank_line/metrics"));
    QVERIFY2(r.report.error.detail.find("blank line") != std::string::npos,
             r.report.error.detail.c_str());
    QCOMPARE(r.metrics->sampleCount(), size_t(0)); // rolled back: "a 1" on line 1 is not kept
}

void OpenMetricsSuiteTest::escaping() {
    TG_REQUIRE_FIXTURE(kSuite);
    const test::Imported r = importCase("escaping");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::MetricStore& s = *r.metrics;
    QCOMPARE(s.seriesCount(), size_t(4));
    // # HELP a he\n\\l\tp : \n and \\ are escapes, \t is not and stays as written.
    QCOMPARE(s.strings.view(s.familyHelp[s.findFamily("a")]), std::string_view("he\n\\l\\tp"));
    // a_total{foo="b\"a\nr"} 1 ; a_total{foo="b\\a\z"} 2 ; the same with " # " inside: 3, 4.
    const std::pair<std::string, double> expected[] = {
        {"b\"a\nr", 1}, {"b\\a\\z", 2}, {"b\"a\nr # ", 3}, {"b\\a\\z # ", 4}};
    for (const auto& [value, number] : expected) {
        const model::LabelInput l[] = {{"foo", value}};
        const model::SeriesId id = s.findSeries("a_total", l);
        QVERIFY2(id != model::kNoRow, value.c_str());
        QCOMPARE(test::firstValue(s, id), number);
    }
    QCOMPARE(s.exemplarCount(), size_t(0)); // " # " inside a label value is not an exemplar
}

void OpenMetricsSuiteTest::histogramExemplars() {
    TG_REQUIRE_FIXTURE(kSuite);
    const test::Imported r = importCase("histogram_exemplars");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::MetricStore& s = *r.metrics;
    QCOMPARE(s.exemplarCount(), size_t(3));
    // a_bucket{le="+Inf"} 3 # {a="2345...678"} 4 123 : the label set is exactly 128
    // characters (name "a" + 127-digit value), the limit; timestamp 123 s.
    const auto inf = test::seriesOf(s, "a_bucket", "le=+Inf");
    const uint32_t e = s.exemplarsOf(inf)[0];
    QCOMPARE(s.exemplarValue[e], 4.0);
    QCOMPARE(s.exemplarTimeNs[e], int64_t(123000000000));
    QCOMPARE(s.strings.view(s.exemplarLabelsOf(e)[0].value).size(), size_t(127));
    const auto two = test::seriesOf(s, "a_bucket", "le=2.0");
    QCOMPARE(s.exemplarFlags[s.exemplarsOf(two)[0]] & model::kExemplarHasTime, 0);
}

void OpenMetricsSuiteTest::timestamps() {
    TG_REQUIRE_FIXTURE(kSuite);
    const test::Imported r = importCase("timestamps");
    QVERIFY2(!r.report.failed, qPrintable(test::describe(r.report)));
    const model::MetricStore& s = *r.metrics;
    // Seconds, possibly fractional: 000, 0.0, 1.1, 12345678901234567890.1234567890 (beyond
    // int64 ns: clamped and flagged), 1.5e3; b_total 2 1234567890.
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "a_total", "foo=1")), int64_t(0));
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "a_total", "foo=2")), int64_t(0));
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "a_total", "foo=3")), int64_t(1100000000));
    const auto huge = test::seriesOf(s, "a_total", "foo=4");
    QCOMPARE(test::firstTime(s, huge), std::numeric_limits<int64_t>::max());
    QCOMPARE(s.sampleFlags[s.samplesOf(huge)[0]], uint8_t(model::kSampleTimeClamped));
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "a_total", "foo=5")), int64_t(1500000000000));
    QCOMPARE(test::firstTime(s, test::seriesOf(s, "b_total")), int64_t(1234567890000000000));
    QCOMPARE(r.report.diagnostics.count("timestamp_out_of_range"), uint64_t(1));
}

QTEST_GUILESS_MAIN(OpenMetricsSuiteTest)
#include "openmetrics_suite_test.moc"
