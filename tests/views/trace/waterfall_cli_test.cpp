// `topograph trace --format svg|png` as a user runs it (the real binary, a subprocess): pictures
// of the petclinic fixture trace, to a file and to stdout, and the usage errors.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/test_support.h"

class WaterfallCliTest : public QObject {
    Q_OBJECT
private slots:
    void svgToFile();
    void svgToStdout();
    void pngToFile();
    void usageErrors();

private:
    struct Run {
        int code = -1;
        QByteArray out, err;
    };
    static Run run(const QStringList& args);
    static QString fixture() {
        return tg::test::fixturePath(
            QStringLiteral("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json"));
    }
    static inline const QString kId = QStringLiteral("df84e36b9e2ee3815d07f0867a5be1f");
};

WaterfallCliTest::Run WaterfallCliTest::run(const QStringList& args) {
    QProcess p;
    // Headless as in CI (the pictures are drawn offscreen).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOGRAPH_BINARY), args);
    Run r;
    if (!p.waitForFinished(60000)) return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void WaterfallCliTest::svgToFile() {
    TG_REQUIRE_FIXTURE("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json");
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("trace.svg"));
    const Run r =
        run({QStringLiteral("trace"), fixture(), QStringLiteral("--id"), kId,
             QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), out});
    QCOMPARE(r.code, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("<svg"));
    // Names from the file, as text: the root operation and the 14 JDBC spans.
    QVERIFY(svg.contains(">GET /api/customer/owners</text>"));
    QCOMPARE(svg.count(">HikariProxyPreparedStatement.executeQuery</text>"), 14);
}

void WaterfallCliTest::svgToStdout() {
    TG_REQUIRE_FIXTURE("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json");
    const Run r = run({QStringLiteral("trace"), fixture(), QStringLiteral("--id"), kId,
                       QStringLiteral("--format=svg")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith("<?xml"));
    QVERIFY(r.out.contains(">customers-service</text>"));
}

void WaterfallCliTest::pngToFile() {
    TG_REQUIRE_FIXTURE("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json");
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("trace.png"));
    const Run r = run({QStringLiteral("trace"), fixture(), QStringLiteral("--id"), kId,
                       QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--width"),
                       QStringLiteral("1000"), QStringLiteral("--scale"), QStringLiteral("1"),
                       QStringLiteral("-o"), out});
    QCOMPARE(r.code, 0);
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1000);
    // 17 rows of 22 px under the 44 px minimap and 26 px ruler, plus 4 px at the bottom.
    QCOMPARE(image.height(), 44 + 26 + 17 * 22 + 4);
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 100) ++dark;
    QVERIFY2(dark > 2000, qPrintable(QString::number(dark))); // text and critical path drawn
}

void WaterfallCliTest::usageErrors() {
    TG_REQUIRE_FIXTURE("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json");
    Run r = run({QStringLiteral("trace"), fixture(), QStringLiteral("--id"), kId,
                 QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("unknown --format 'pdf' (use json, svg, png)"));
    r = run({QStringLiteral("trace"), fixture(), QStringLiteral("--id"), kId,
             QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--width"),
             QStringLiteral("10")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("--width must be between 400 and 8000"));
    r = run({QStringLiteral("trace"), fixture(), QStringLiteral("--id"), QStringLiteral("abc"),
             QStringLiteral("--format"), QStringLiteral("svg")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("no trace 00000000000000000000000000000abc in the inputs"));
}

QTEST_GUILESS_MAIN(WaterfallCliTest)
#include "waterfall_cli_test.moc"
