// Hostile and broken input through the registry (DESIGN §5, §7: "bad inputs are test data rows
// with the expected error"). Each row is a bad input, built here (big ones at run time, written
// to a temporary file when the row says so), and the outcome it must have: either a fatal error
// with a code, the row's label as path and a position the message names, after which the dataset
// is exactly as before (rollback); or success with the diagnostics it must count and the spans
// it must keep. Every row imports into a dataset that already holds valid imports.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include "importers/registry/trace_import.h"
#include "models/graph/service_graph_builder.h"
#include "tests/test_support.h"

using namespace tg;

namespace {

// ---- input builders ------------------------------------------------------------------------

QByteArray hex(quint64 value, int width) {
    return QByteArray::number(value, 16).rightJustified(width, '0');
}

// A Jaeger UI-model span (µs times, processID resolved through the trace's processes).
QByteArray jaegerSpan(quint64 span, const QByteArray& extra = {}, quint64 trace = 0xabc) {
    return "{\"traceID\":\"" + hex(trace, 16) + "\",\"spanID\":\"" + hex(span, 16) +
           "\",\"operationName\":\"op" + QByteArray::number(span) +
           "\",\"references\":[],\"startTime\":1700000000000000,\"duration\":1000,"
           "\"tags\":[{\"key\":\"span.kind\",\"type\":\"string\",\"value\":\"server\"}],"
           "\"logs\":[],\"processID\":\"p1\"" +
           extra + "}";
}

// The same span with an inline process (jaeger-anonymizer's span arrays): parsed once, never
// deferred until the trace's processes arrive.
QByteArray jaegerInline(quint64 span, const QByteArray& extra = {}) {
    return jaegerSpan(span, extra)
        .replace("\"processID\":\"p1\"", "\"process\":{\"serviceName\":\"svc\",\"tags\":[]}");
}

QByteArray jaegerArray(const QList<QByteArray>& spans) {
    return "[" + spans.join(',') + "]";
}

// A bare Jaeger trace (the UI's "Trace JSON" download): every span is one record.
QByteArray jaegerTrace(const QList<QByteArray>& spans, quint64 trace = 0xabc) {
    return "{\"traceID\":\"" + hex(trace, 16) + "\",\"spans\":[" + spans.join(',') +
           "],\"processes\":{\"p1\":{\"serviceName\":\"svc\",\"tags\":[]}}}";
}

QByteArray otlpSpan(quint64 span, const QByteArray& extra = {}) {
    return "{\"traceId\":\"" + hex(0xdef, 32) + "\",\"spanId\":\"" + hex(span, 16) +
           "\",\"name\":\"op" + QByteArray::number(span) +
           "\",\"kind\":2,\"startTimeUnixNano\":\"1700000000000000000\","
           "\"endTimeUnixNano\":\"1700000000001000000\"" +
           extra + "}";
}

QByteArray otlpRequest(const QList<QByteArray>& spans) {
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
           "\"value\":{\"stringValue\":\"svc\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},"
           "\"spans\":[" +
           spans.join(',') + "]}]}]}";
}

QByteArray zipkinSpan(quint64 span) {
    return "{\"traceId\":\"" + hex(0x123, 16) + "\",\"id\":\"" + hex(span, 16) +
           "\",\"name\":\"op\",\"timestamp\":1700000000000000,\"duration\":1000,"
           "\"localEndpoint\":{\"serviceName\":\"svc\"}}";
}

// The valid import every row starts from: spans with tags, a log, a link and a process.
QByteArray baseImport() {
    const QByteArray child =
        jaegerSpan(2,
                   ",\"references\":[{\"refType\":\"CHILD_OF\",\"traceID\":\"0000000000000001\","
                   "\"spanID\":\"0000000000000001\"},{\"refType\":\"FOLLOWS_FROM\","
                   "\"traceID\":\"0000000000000009\",\"spanID\":\"0000000000000009\"}],"
                   "\"logs\":[{\"timestamp\":1700000000000500,\"fields\":[{\"key\":\"event\","
                   "\"type\":\"string\",\"value\":\"retry\"}]}]",
                   1);
    return jaegerTrace({jaegerSpan(1, {}, 1), child}, 1);
}

QByteArray repeated(char c, int n) {
    return QByteArray(n, c);
}

// ---- expectations ----------------------------------------------------------------------------

// "code=N;code=N" -> pairs.
QList<QPair<QByteArray, quint64>> parseDiagnostics(const QString& spec) {
    QList<QPair<QByteArray, quint64>> out;
    for (const QString& part : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList kv = part.split(QLatin1Char('='));
        out.append({kv.value(0).toUtf8(), kv.value(1).toULongLong()});
    }
    return out;
}

bool sameCheckpoint(const model::Dataset::Checkpoint& a, const model::Dataset::Checkpoint& b) {
    return a.spans == b.spans && a.attributes == b.attributes &&
           a.eventAttributes == b.eventAttributes && a.resourceAttributes == b.resourceAttributes &&
           a.events == b.events && a.links == b.links && a.resources == b.resources &&
           a.sources == b.sources;
}

QString describe(const model::Dataset::Checkpoint& c) {
    return QStringLiteral("spans=%1 attrs=%2 eventAttrs=%3 resAttrs=%4 events=%5 links=%6 "
                          "resources=%7 sources=%8")
        .arg(c.spans)
        .arg(c.attributes)
        .arg(c.eventAttributes)
        .arg(c.resourceAttributes)
        .arg(c.events)
        .arg(c.links)
        .arg(c.resources)
        .arg(c.sources);
}

QString describe(const model::Diagnostics& diagnostics) {
    QStringList parts;
    for (const auto& e : diagnostics.entries())
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(e.code)).arg(e.count);
    return parts.join(QLatin1Char(';'));
}

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

enum class Via { Bytes, File };

} // namespace

class BadInputTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void badInput_data();
    void badInput();
    void graphSurvivesWhatWasImported_data() { badInput_data(); }
    void graphSurvivesWhatWasImported();
    void hugeIntegersKeepTheirDigits();

private:
    // A dataset holding the inline base import and, when present, a shared fixture.
    void loadBaseline(model::Dataset& dataset);
    import::ImportReport importRow(model::Dataset& dataset, std::string& label);

    QTemporaryDir m_tmp;
};

void BadInputTest::initTestCase() {
    QVERIFY(m_tmp.isValid());
}

void BadInputTest::loadBaseline(model::Dataset& dataset) {
    const import::ImportReport base =
        import::importTraceBytes(baseImport().toStdString(), "base.json", dataset);
    QVERIFY2(!base.failed, base.error.toString().c_str());
    QCOMPARE(base.spans, 2u);
    const QString fixture =
        test::fixturePath(QStringLiteral("jaeger/ui-model_bare-trace_ui_01.json"));
    if (QFileInfo::exists(fixture)) {
        const import::ImportReport r = import::importTraceFile(fixture.toStdString(), dataset);
        QVERIFY2(!r.failed, r.error.toString().c_str());
    }
    QVERIFY(dataset.attributes.size() > 0);
    QVERIFY(dataset.events.size() > 0);
    QVERIFY(dataset.links.size() > 0);
}

// Columns: the input, how it is fed (bytes with a label, or a temporary file), limits, and the
// expected outcome.
void BadInputTest::badInput_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("via");               // Via
    QTest::addColumn<qint64>("maxRecordBytes"); // 0 = default
    QTest::addColumn<bool>("fatal");
    QTest::addColumn<int>("code");            // model::ErrorCode when fatal
    QTest::addColumn<bool>("positioned");     // the error must carry a byte offset
    QTest::addColumn<QString>("message");     // substring of Error::toString() when fatal
    QTest::addColumn<QString>("diagnostics"); // "code=N;..." counted exactly when not fatal
    QTest::addColumn<int>("spans");           // spans kept when not fatal
    QTest::addColumn<QString>("knownBug");    // "diagnostic|why": that count is a known bug

    const int bytes = int(Via::Bytes), file = int(Via::File);
    auto fatalRow = [&](const char* name, const QByteArray& input, model::ErrorCode code,
                        bool positioned, const char* message, int via = int(Via::Bytes),
                        qint64 maxRecord = 0) {
        QTest::newRow(name) << input << via << maxRecord << true << int(code) << positioned
                            << QString::fromUtf8(message) << QString() << 0 << QString();
    };
    auto okRow = [&](const char* name, const QByteArray& input, const char* diagnostics, int spans,
                     int via = int(Via::Bytes), const char* knownBug = "") {
        QTest::newRow(name) << input << via << qint64(0) << false << 0 << false << QString()
                            << QString::fromUtf8(diagnostics) << spans
                            << QString::fromUtf8(knownBug);
    };
    using model::ErrorCode;

    // -- truncated files: fatal Syntax at the start of the incomplete value, rolled back (the
    //    complete spans before the cut were already added and must go again).
    const QByteArray jaeger3 = jaegerTrace({jaegerSpan(1), jaegerSpan(2), jaegerSpan(3)});
    const int secondSpan = jaeger3.indexOf("{\"traceID\"", jaeger3.indexOf("\"spans\":[") + 10);
    const int cutInString = jaeger3.indexOf("\"op2\"") + 3;
    fatalRow("jaeger truncated mid-string", jaeger3.left(cutInString), ErrorCode::Syntax, true,
             "truncated");
    fatalRow("jaeger truncated mid-object",
             jaeger3.left(jaeger3.indexOf("\"startTime\"", secondSpan)), ErrorCode::Syntax, true,
             "truncated");
    fatalRow("jaeger truncated mid-array (after a comma)",
             jaeger3.left(jaeger3.indexOf("{\"traceID\"", secondSpan + 1)), ErrorCode::Syntax, true,
             "truncated");
    fatalRow("jaeger truncated before processes",
             jaeger3.left(jaeger3.indexOf("\"processes\"") + 13), ErrorCode::Syntax, true,
             "truncated");
    fatalRow("jaeger truncated (file)", jaeger3.left(cutInString), ErrorCode::Syntax, true,
             "truncated", file);
    const QByteArray otlp3 = otlpRequest({otlpSpan(1), otlpSpan(2), otlpSpan(3)});
    fatalRow("otlp truncated mid-string", otlp3.left(otlp3.indexOf("\"op2\"") + 2),
             ErrorCode::Syntax, true, "truncated");
    fatalRow("otlp truncated after scopeSpans", otlp3.left(otlp3.indexOf("\"spans\":[") + 9),
             ErrorCode::Syntax, true, "truncated");
    fatalRow("otlp truncated closing brace", otlp3.chopped(1), ErrorCode::Syntax, true,
             "truncated");

    // -- not a trace file at all: UnknownFormat at byte 0, nothing touched.
    fatalRow("empty file", QByteArray(), ErrorCode::UnknownFormat, true, "empty");
    fatalRow("empty file (file)", QByteArray(), ErrorCode::UnknownFormat, true, "empty", file);
    fatalRow("white space only", " \n\t\r\n   \n", ErrorCode::UnknownFormat, true, "white space");
    fatalRow("BOM only", "\xEF\xBB\xBF", ErrorCode::UnknownFormat, true, "white space");
    fatalRow("prometheus API response",
             "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
             "{\"__name__\":\"up\"},\"value\":[1435781451.781,\"1\"]}]}}",
             ErrorCode::UnknownFormat, true, "Prometheus");
    fatalRow("otlp metrics request",
             "{\"resourceMetrics\":[{\"resource\":{},\"scopeMetrics\":[{\"metrics\":[{\"name\":"
             "\"m\",\"gauge\":{\"dataPoints\":[{\"asDouble\":1}]}}]}]}]}",
             ErrorCode::UnknownFormat, true, "metrics");
    fatalRow("csv text", "traceID,spanID,operationName\n1,2,GET /\n", ErrorCode::UnknownFormat,
             true, "neither JSON nor");
    fatalRow("png header",
             QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 33),
             ErrorCode::UnknownFormat, true, "neither JSON nor");
    fatalRow("text starting with a brace", "{ this is not JSON at all }\n",
             ErrorCode::UnknownFormat, true, "no trace format's keys");
    fatalRow("brace text that sniffs as jaeger",
             "{\"operationName\":\"x\",\"traceID\":\"1\" and then prose, not JSON}",
             ErrorCode::Syntax, true, "expected ',' or '}'");
    fatalRow("top-level scalar after a valid document", jaeger3 + "\n42\n", ErrorCode::Syntax, true,
             "expected '{' or '['");

    // -- huge numbers: never a crash; the span is kept with a diagnostic, or its record skipped.
    okRow("jaeger startTime 1e400",
          jaegerArray({jaegerInline(1), jaegerInline(2).replace("1700000000000000", "1e400"),
                       jaegerInline(3)}),
          "bad_start_time=1;missing_start_time=1", 3);
    okRow("jaeger startTime 99999999999999999999999",
          jaegerArray({jaegerInline(1),
                       jaegerInline(2).replace("1700000000000000", "99999999999999999999999"),
                       jaegerInline(3)}),
          "bad_start_time=1;missing_start_time=1", 3);
    okRow("jaeger startTime -99999999999999999999999",
          jaegerArray({jaegerInline(1),
                       jaegerInline(2).replace("1700000000000000", "-99999999999999999999999"),
                       jaegerInline(3)}),
          "bad_start_time=1;missing_start_time=1", 3);
    okRow("jaeger startTime as huge string",
          jaegerArray({jaegerInline(1),
                       jaegerInline(2).replace("1700000000000000", "\"99999999999999999999999\""),
                       jaegerInline(3)}),
          "bad_start_time=1;missing_start_time=1", 3);
    okRow("jaeger duration -1e308",
          jaegerArray({jaegerInline(1),
                       jaegerInline(2).replace("\"duration\":1000", "\"duration\":-1e308"),
                       jaegerInline(3)}),
          "bad_duration=1", 3);
    okRow("jaeger duration 1e400 in a bare trace (deferred span)",
          jaegerTrace({jaegerSpan(1),
                       jaegerSpan(2).replace("\"duration\":1000", "\"duration\":1e400"),
                       jaegerSpan(3)}),
          "bad_duration=1", 3); // parsed twice (deferred until "processes"), counted once
    okRow("jaeger int64 tag 1e400",
          jaegerArray({jaegerInline(1, ",\"tags\":[{\"key\":\"big\",\"type\":\"int64\","
                                       "\"value\":1e400},{\"key\":\"f\",\"type\":\"float64\","
                                       "\"value\":-1e400}]")}),
          "", 1);
    okRow("otlp intValue 999999999999999999999999",
          otlpRequest({otlpSpan(1),
                       otlpSpan(2, ",\"attributes\":[{\"key\":\"big\",\"value\":"
                                   "{\"intValue\":\"999999999999999999999999\"}}]"),
                       otlpSpan(3)}),
          "", 3);
    okRow("otlp intValue as huge number",
          otlpRequest({otlpSpan(1),
                       otlpSpan(2, ",\"attributes\":[{\"key\":\"big\",\"value\":"
                                   "{\"intValue\":999999999999999999999999}}]"),
                       otlpSpan(3)}),
          "", 3);
    okRow(
        "otlp startTimeUnixNano huge",
        otlpRequest({otlpSpan(1),
                     otlpSpan(2).replace("\"1700000000000000000\"", "\"99999999999999999999999\""),
                     otlpSpan(3)}),
        "missing_start_time=1", 3);

    // -- deep nesting: TooLarge from the record splitter, iteratively (no recursion, so no stack
    //    overflow), before anything reaches simdjson; memory bounded by the input.
    const int deep = 100000;
    fatalRow("100000 nested arrays in a jaeger span list",
             jaegerTrace({jaegerSpan(1), repeated('[', deep) + repeated(']', deep)}),
             ErrorCode::TooLarge, true, "nested deeper than 512", file);
    fatalRow("100000 nested arrays, unterminated",
             "{\"resourceSpans\":[" + otlpRequest({otlpSpan(1)}) + "]}\n" + repeated('[', deep),
             ErrorCode::TooLarge, true, "nested deeper than 512");
    QByteArray deepObjects;
    for (int i = 0; i < deep; ++i)
        deepObjects += "{\"a\":";
    deepObjects += "1" + repeated('}', deep);
    fatalRow("100000 nested objects in an otlp request",
             "{\"resourceSpans\":[" + deepObjects + "]}", ErrorCode::TooLarge, true,
             "nested deeper than 512");
    okRow("500 nested arrays inside a span value (within one record, under the limit)",
          jaegerTrace({jaegerSpan(1),
                       jaegerSpan(2, ",\"x\":" + repeated('[', 500) + repeated(']', 500)),
                       jaegerSpan(3)}),
          "", 3);

    // -- invalid UTF-8 inside a string: simdjson validates each record and rejects it, so that
    //    record is one bad_record and the import goes on.
    okRow("invalid UTF-8 in an operation name",
          jaegerTrace(
              {jaegerSpan(1), jaegerSpan(2).replace("op2", "op\xC3\x28\xFF\xFE"), jaegerSpan(3)}),
          "bad_record=1", 2);
    okRow("invalid UTF-8 in an OTLP attribute (whole ResourceSpans record skipped)",
          otlpRequest({otlpSpan(1), otlpSpan(2).replace("op2", "\xED\xA0\x80 surrogate")}) + "\n" +
              otlpRequest({otlpSpan(3)}),
          "bad_record=1", 1);
    okRow("NUL bytes inside a string",
          jaegerTrace({jaegerSpan(1), jaegerSpan(2).replace("op2", QByteArray("a\0b", 3))}),
          "bad_record=1", 1);

    // -- missing IDs: counted by the dataset builder, span skipped, others kept.
    okRow("jaeger span without spanID",
          jaegerTrace({jaegerSpan(1), jaegerSpan(2).replace("\"spanID\":\"0000000000000002\",", ""),
                       jaegerSpan(3)}),
          "span_without_span_id=1", 2);
    okRow(
        "jaeger span without traceID",
        jaegerTrace({jaegerSpan(1), jaegerSpan(2).replace("\"traceID\":\"0000000000000abc\",", ""),
                     jaegerSpan(3)}),
        "span_without_trace_id=1", 2);
    okRow("otlp spans without spanId and traceId",
          otlpRequest({otlpSpan(1).replace("\"spanId\":\"0000000000000001\",", ""),
                       otlpSpan(2).replace("\"traceId\":\"00000000000000000000000000000def\",", ""),
                       otlpSpan(3)}),
          "span_without_span_id=1;span_without_trace_id=1", 1);
    okRow("zipkin span without id",
          "[" + zipkinSpan(1) + "," + zipkinSpan(2).replace("\"id\":\"0000000000000002\",", "") +
              "," + zipkinSpan(3) + "]",
          "span_without_span_id=1", 2);

    // -- a syntax error inside one record: bad_record, the records around it kept.
    okRow("jaeger record with a missing comma",
          jaegerTrace({jaegerSpan(1), jaegerSpan(2),
                       jaegerSpan(3).replace("\",\"operationName\"", "\" \"operationName\""),
                       jaegerSpan(4), jaegerSpan(5)}),
          "bad_record=1", 4);
    okRow("jaeger query API with one broken trace",
          "{\"data\":[" + jaegerTrace({jaegerSpan(1, {}, 1), jaegerSpan(2, {}, 1)}, 1) + "," +
              jaegerTrace(
                  {jaegerSpan(3, {}, 2).replace("\"references\":[]", "\"references\":[}{]")}, 2) +
              "," + jaegerTrace({jaegerSpan(4, {}, 3), jaegerSpan(5, {}, 3)}, 3) +
              "],\"total\":3,\"limit\":0,\"offset\":0,\"errors\":null}",
          "bad_record=1", 4);
    okRow("jaeger record with mismatched brackets",
          jaegerTrace(
              {jaegerSpan(1), jaegerSpan(2).replace("\"logs\":[]", "\"logs\":[}"), jaegerSpan(3)}),
          "bad_record=1", 2);
    okRow("jaeger span with a lenient bad literal (duration nul)",
          jaegerArray({jaegerInline(1),
                       jaegerInline(2).replace("\"duration\":1000", "\"duration\":nul"),
                       jaegerInline(3)}),
          "bad_duration=1", 3);

    // -- a record above the limit set in ImportOptions: TooLarge, bounded memory.
    const QByteArray gigantic =
        jaegerTrace({jaegerSpan(1), jaegerSpan(2).replace("op2", repeated('x', 3 << 20))});
    fatalRow("record above maxRecordBytes (2 MiB limit)", gigantic, ErrorCode::TooLarge, true,
             "larger than", bytes, qint64(2) << 20);
    fatalRow(
        "one 24 MiB line above maxRecordBytes (file)",
        otlpRequest({otlpSpan(1, ",\"attributes\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"" +
                                     repeated('y', 24 << 20) + "\"}}]")}),
        ErrorCode::TooLarge, true, "larger than", file, qint64(4) << 20);
    fatalRow("member key above maxRecordBytes",
             "{\"resourceSpans\":[],\"" + repeated('k', 1 << 20) + "\":1}", ErrorCode::TooLarge,
             true, "larger than", bytes, qint64(64) << 10);

    // -- odd but valid.
    okRow("BOM-prefixed jaeger trace", "\xEF\xBB\xBF" + jaeger3, "", 3);
    okRow("BOM-prefixed otlp request (file)", "\xEF\xBB\xBF" + otlp3, "", 3, file);
    okRow("otlp JSON Lines with a broken line in the middle",
          otlpRequest({otlpSpan(1), otlpSpan(2)}) + "\n" +
              otlpRequest({otlpSpan(3).replace("\"kind\":2", "\"kind\":2,,")}) + "\n" +
              otlpRequest({otlpSpan(4)}) + "\n",
          "bad_record=1", 3);
    // A line cut short is not resynchronised at the next newline: the reader does not split on
    // lines, so the rest of the file is read as the unfinished value and the import fails.
    fatalRow("otlp JSON Lines with a truncated line in the middle",
             otlpRequest({otlpSpan(1)}) + "\n" + otlpRequest({otlpSpan(2)}).left(120) + "\n" +
                 otlpRequest({otlpSpan(3)}) + "\n",
             ErrorCode::Syntax, true, "truncated");
    fatalRow("otlp JSON Lines with a prose line in the middle",
             otlpRequest({otlpSpan(1)}) + "\nnot json\n" + otlpRequest({otlpSpan(3)}) + "\n",
             ErrorCode::Syntax, true, "expected '{' or '['");
    okRow("zipkin array with non-object elements",
          "[" + zipkinSpan(1) + ",42,\"text\",null,true," + zipkinSpan(2) + "]", "bad_record=4", 2);
    okRow("zipkin array with an empty object", "[" + zipkinSpan(1) + ",{}]",
          "span_without_trace_id=1", 1);

    // Found by fuzz_trace_import (tests/fuzz/corpus/crash_jaeger_rewind_*.json): a malformed
    // record in a span array is one bad_record (it used to crash).
    okRow("jaeger span array, record with a stray colon", "[{\"traceID\":\"operationName\":1}]",
          "bad_record=1", 0);
}

import::ImportReport BadInputTest::importRow(model::Dataset& dataset,
                                             std::string& label){QFETCH(QByteArray, input);
QFETCH(int, via);
QFETCH(qint64, maxRecordBytes);
import::ImportOptions options;
if (maxRecordBytes > 0) options.maxRecordBytes = static_cast<size_t>(maxRecordBytes);
if (via == int(Via::File)) {
    const QString path = m_tmp.filePath(
        QString::fromLatin1(QTest::currentDataTag())
            .replace(QRegularExpression(QStringLiteral("\\W+")), QStringLiteral("_")) +
        QStringLiteral(".json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(input) != input.size()) {
        qWarning("cannot write %s", qPrintable(path));
        return {};
    }
    out.close();
    label = path.toStdString();
    return import::importTraceFile(label, dataset, options);
}
label = std::string("bad/") + QTest::currentDataTag() + ".json";
return import::importTraceBytes(std::string_view(input.constData(), size_t(input.size())), label,
                                dataset, options);
}

void BadInputTest::badInput() {
    QFETCH(bool, fatal);
    QFETCH(int, code);
    QFETCH(bool, positioned);
    QFETCH(QString, message);
    QFETCH(QString, diagnostics);
    QFETCH(int, spans);
    QFETCH(QString, knownBug);
    if (knownBug.startsWith(QLatin1String("crash|"))) QSKIP(qPrintable(knownBug.mid(6)));

    model::Dataset dataset;
    loadBaseline(dataset);
    const model::Dataset::Checkpoint before = dataset.checkpoint();
    const size_t spansBefore = dataset.spanCount();
    const long rssBefore = peakRssKiB();

    std::string label;
    const import::ImportReport report = importRow(dataset, label);
    const std::string shown = report.error.toString();
    qInfo("%s | %s | diagnostics: %s", report.failed ? "fatal" : "ok",
          report.failed ? shown.c_str() : qPrintable(QStringLiteral("%1 spans").arg(report.spans)),
          qPrintable(describe(report.diagnostics)));

    // Memory stays bounded: no row may grow the peak resident set by more than 256 MiB.
    QVERIFY2(peakRssKiB() - rssBefore < 256 * 1024,
             qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - rssBefore)));

    if (fatal) {
        QVERIFY2(report.failed,
                 qPrintable(QStringLiteral("expected a fatal error, got %1 spans; %2")
                                .arg(report.spans)
                                .arg(describe(report.diagnostics))));
        QCOMPARE(model::errorCodeName(report.error.code),
                 model::errorCodeName(static_cast<model::ErrorCode>(code)));
        QCOMPARE(report.error.path, label);
        QVERIFY2(QString::fromStdString(shown).contains(message),
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"")
                                .arg(QString::fromStdString(shown), message)));
        QVERIFY2(shown.starts_with(label), shown.c_str());
        if (positioned) {
            QVERIFY2(report.error.offset >= 0, shown.c_str());
            QVERIFY2(report.error.offset <= qMax<qint64>(report.bytes, 0) || report.bytes == 0,
                     shown.c_str());
            QVERIFY2(shown.find("byte " + std::to_string(report.error.offset)) != std::string::npos,
                     shown.c_str());
        }
        QCOMPARE(report.spans, 0u);
        // Rollback: every column and arena exactly as before the import.
        const model::Dataset::Checkpoint after = dataset.checkpoint();
        QVERIFY2(sameCheckpoint(before, after),
                 qPrintable(describe(before) + QStringLiteral(" became ") + describe(after)));
        QCOMPARE(dataset.spanCount(), spansBefore);
        QCOMPARE(dataset.attrBegin.size(), spansBefore + 1);
        QCOMPARE(size_t(dataset.attrBegin.back()), dataset.attributes.size());
        QCOMPARE(size_t(dataset.eventBegin.back()), dataset.events.size());
        QCOMPARE(size_t(dataset.linkBegin.back()), dataset.links.size());
        return;
    }

    QVERIFY2(!report.failed, shown.c_str());
    QCOMPARE(int(report.spans), spans);
    QCOMPARE(dataset.spanCount(), spansBefore + size_t(spans));
    QCOMPARE(dataset.sources.size(), before.sources + 1);
    const auto expected = parseDiagnostics(diagnostics);
    for (const auto& [diagnostic, count] : expected) {
        if (!knownBug.isEmpty() && knownBug.section(QLatin1Char('|'), 0, 0) == diagnostic)
            QEXPECT_FAIL("", qPrintable(knownBug.section(QLatin1Char('|'), 1)), Continue);
        QVERIFY2(report.diagnostics.count(diagnostic.toStdString()) == count,
                 qPrintable(QStringLiteral("%1: expected %2, diagnostics are %3")
                                .arg(QString::fromLatin1(diagnostic))
                                .arg(count)
                                .arg(describe(report.diagnostics))));
    }
    // Record-level problems are errors with a sample naming the input and the position.
    for (const auto& e : report.diagnostics.entries()) {
        if (e.code != "bad_record") continue;
        QVERIFY2(e.firstSample.starts_with(label + ": line "), e.firstSample.c_str());
        QVERIFY2(e.firstSample.find(", byte ") != std::string::npos, e.firstSample.c_str());
    }
    // No record-level diagnostic that the row does not expect.
    for (const char* unexpected : {"bad_record", "span_without_span_id", "span_without_trace_id"}) {
        bool listed = false;
        for (const auto& [diagnostic, count] : expected)
            listed |= diagnostic == unexpected;
        if (!listed)
            QVERIFY2(report.diagnostics.count(unexpected) == 0,
                     qPrintable(
                         QStringLiteral("unexpected %1; diagnostics are %2")
                             .arg(QString::fromLatin1(unexpected), describe(report.diagnostics))));
    }
}

// Whatever a bad input left in the dataset, the analyses after import run over it.
void BadInputTest::graphSurvivesWhatWasImported() {
    QFETCH(QString, knownBug);
    if (knownBug.startsWith(QLatin1String("crash|"))) QSKIP(qPrintable(knownBug.mid(6)));
    model::Dataset dataset;
    loadBaseline(dataset);
    std::string label;
    importRow(dataset, label);
    model::Diagnostics diagnostics;
    const model::TraceStructure structure = model::analyzeTraceStructure(dataset, diagnostics);
    const model::ServiceGraph graph = model::buildServiceGraph(dataset, structure);
    QCOMPARE(structure.parentRow.size(), dataset.spanCount());
    QVERIFY(!graph.nodes.empty());
}

// An integer attribute too large for int64 is kept, as the text the file wrote.
void BadInputTest::hugeIntegersKeepTheirDigits() {
    model::Dataset dataset;
    const QByteArray input = otlpRequest({otlpSpan(
        1, ",\"attributes\":[{\"key\":\"quoted\",\"value\":{\"intValue\":"
           "\"999999999999999999999999\"}},{\"key\":\"bare\",\"value\":{\"intValue\":"
           "999999999999999999999999}},{\"key\":\"fine\",\"value\":{\"intValue\":\"42\"}}]")});
    const import::ImportReport report =
        import::importTraceBytes(input.toStdString(), "huge.json", dataset);
    QVERIFY2(!report.failed, report.error.toString().c_str());
    QCOMPARE(dataset.spanCount(), size_t(1));
    for (const char* key : {"quoted", "bare"}) {
        const model::Attribute* a = dataset.findAttribute(0, key);
        QVERIFY2(a, key);
        QCOMPARE(QString::fromStdString(dataset.attributeText(*a)),
                 QStringLiteral("999999999999999999999999"));
    }
    const model::Attribute* fine = dataset.findAttribute(0, "fine");
    QVERIFY(fine);
    QCOMPARE(QString::fromStdString(dataset.attributeText(*fine)), QStringLiteral("42"));
}

QTEST_GUILESS_MAIN(BadInputTest)
#include "bad_input_test.moc"
