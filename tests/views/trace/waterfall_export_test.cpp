// Waterfall exports: SVG keeps span names as text, PNG really renders text (a 'W' name is
// wider than an 'i' one), huge traces are capped with a note, and a real Jaeger fixture trace
// opens with the structure read from the file.
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "importers/registry/trace_import.h"
#include "tests/test_support.h"
#include "tests/views/trace/waterfall_test_trace.h"
#include "views/trace/waterfall_export.h"

using namespace tg;

class WaterfallExportTest : public QObject {
    Q_OBJECT
private slots:
    void svgHasNamesAsText();
    void pngIsNotBlankAndRendersText();
    void hugeTraceIsCappedWithNote();
    void realFixtureTrace();
};

// The text of every <text> element of an SVG.
static QStringList svgTexts(const QByteArray& svg) {
    QStringList out;
    static const QRegularExpression text(QStringLiteral("<text[^>]*>([^<]*)</text>"));
    for (auto it = text.globalMatch(QString::fromUtf8(svg)); it.hasNext();)
        out << it.next().captured(1).trimmed();
    return out;
}

void WaterfallExportTest::svgHasNamesAsText() {
    const auto t = test::checkoutTrace();
    const QByteArray svg = view::waterfallSvg(*t->data);
    QVERIFY(svg.startsWith("<?xml"));
    const QStringList texts = svgTexts(svg);
    for (const char* name : {"GET /checkout", "reserve stock", "SELECT stock", "cache lookup",
                             "charge card", "POST /payments", "a", "b", "c"})
        QVERIFY2(texts.contains(QString::fromUtf8(name)), name);
    // Ruler labels and the duration of the root (100 ms, self 27 ms: 100 - 30 - 3 - 40).
    QVERIFY(texts.contains(QStringLiteral("0 ns")));
    QVERIFY(svgTexts(svg).filter(QStringLiteral("self 27.0 ms")).size() == 1);
}

// Dark pixels in a rectangle of the image (text in the name column).
static int darkPixels(const QImage& image, const QRect& area) {
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (qGray(image.pixel(x, y)) < 128) ++n;
    return n;
}

void WaterfallExportTest::pngIsNotBlankAndRendersText() {
    const auto wide = test::makeWfTrace({{1, 0, 0, 10, "s", "WWWWWWWWWW"}});
    const auto thin = test::makeWfTrace({{1, 0, 0, 10, "s", "iiiiiiiiii"}});
    view::WaterfallExportOptions o;
    o.pngScale = 1;
    const QImage a = view::renderWaterfallImage(*wide->data, o);
    const QImage b = view::renderWaterfallImage(*thin->data, o);
    QVERIFY(!a.isNull());
    QCOMPARE(a.width(), 1400);
    QSet<QRgb> colours;
    for (int y = 0; y < a.height(); y += 2)
        for (int x = 0; x < a.width(); x += 2)
            colours.insert(a.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    // The only row (y 70..92 at scale 1): the name column's text.
    const QRect names(0, 44 + 26, 250, 22);
    const int w = darkPixels(a, names), i = darkPixels(b, names);
    // Without fonts both would be rows of equal boxes; "W" is about twice as wide as "i".
    QVERIFY2(w > 3 * i / 2 && i > 0, qPrintable(QStringLiteral("W %1, i %2").arg(w).arg(i)));
    const QByteArray png = view::waterfallPng(*wide->data, o);
    QVERIFY(png.startsWith("\x89PNG"));
}

void WaterfallExportTest::hugeTraceIsCappedWithNote() {
    std::vector<test::WfSpan> specs{{1, 0, 0, 10000, "a", "root"}};
    for (uint64_t i = 0; i < 3000; ++i)
        specs.push_back({10 + i, 1, int64_t(i * 3), int64_t(i * 3 + 2), "b", "leaf"});
    const auto t = test::makeWfTrace(specs);
    view::WaterfallExportOptions o;
    o.maxRows = 100;
    const QStringList texts = svgTexts(view::waterfallSvg(*t->data, o));
    // 100 rows: the root and 99 leaves, each with its operation as text.
    QCOMPARE(texts.count(QStringLiteral("leaf")), 99);
    QVERIFY(texts.contains(QStringLiteral("Showing the first 100 of 3001 spans (depth-first "
                                          "order); the rest are left out of this picture.")));
    // PNG: capped by the 16384-pixel side at 22 px a row too (about 740 rows), scale lowered.
    o.maxRows = 5000;
    const QImage image = view::renderWaterfallImage(*t->data, o);
    QVERIFY(!image.isNull());
    QVERIFY(image.height() <= 16384);
}

void WaterfallExportTest::realFixtureTrace() {
    // petclinic (read from the file): 17 spans; root api-gateway "GET /api/customer/owners"
    // → api-gateway "GET /owners" → customers-service "GET /owners" → 14 JDBC spans
    // "HikariProxyPreparedStatement.executeQuery". Trace ID has 31 hex digits.
    TG_REQUIRE_FIXTURE("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json");
    auto dataset = std::make_shared<model::Dataset>();
    const auto report = import::importTraceFile(
        test::fixturePath("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json").toStdString(),
        *dataset);
    QVERIFY(!report.failed);
    model::Diagnostics diag;
    const model::TraceStructure structure = model::analyzeTraceStructure(*dataset, diag);
    const auto data = view::WaterfallData::build(
        dataset, structure, model::parseTraceId("df84e36b9e2ee3815d07f0867a5be1f").id);
    QVERIFY(data);
    QCOMPARE(data->nodeCount(), size_t(17));
    QCOMPARE(data->tree.roots.size(), size_t(1));
    QCOMPARE(data->maxDepth, 3u);
    auto op = [&](uint32_t pos) {
        return QString::fromUtf8(dataset->operationName(data->rowOf(data->preorder[pos])));
    };
    QCOMPARE(op(0), QStringLiteral("GET /api/customer/owners"));
    QCOMPARE(op(1), QStringLiteral("GET /owners"));
    QCOMPARE(op(2), QStringLiteral("GET /owners"));
    QCOMPARE(op(3), QStringLiteral("HikariProxyPreparedStatement.executeQuery"));
    // Root 3720 µs; its one child starts 376 µs in and lasts 2977 µs: self 3720 - 2977 = 743.
    QCOMPARE(data->selfNs[data->preorder[0]], int64_t(743'000));
    QVERIFY(data->onCriticalPath(data->preorder[0]));
    const QStringList texts = svgTexts(view::waterfallSvg(*data));
    QCOMPARE(texts.count(QStringLiteral("HikariProxyPreparedStatement.executeQuery")), 14);
    QCOMPARE(texts.count(QStringLiteral("customers-service")), 15);
}

QTEST_MAIN(WaterfallExportTest)
#include "waterfall_export_test.moc"
