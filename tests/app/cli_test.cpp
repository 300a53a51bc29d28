// The `topograph` command line as a user scripts it: outputs, exit codes and error messages.
// Runs the real binary (path given by CMake) in a subprocess.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "tests/test_support.h"

class CliTest : public QObject {
    Q_OBJECT
private slots:
    void graphJsonMatchesHandCount();
    void workspaceGivesSameGraphAsFiles();
    void failedImportLeavesWorkspaceAsItWas();
    void badInputNamesFileAndPosition_data();
    void badInputNamesFileAndPosition();
    void usageErrors();
    void graphFormats();
    void traceSearchAndCriticalPath();
    void noArgumentsShowsDemo();
    void demoIsDeterministicAndShapedLikeAnIncident();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };
    static Run run(const QStringList& args) {
        QProcess p;
        // Headless as in CI: with a display, `topograph` alone would open the workbench window.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOPOGRAPH_BINARY), args);
        if (!p.waitForFinished(120000)) return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }
    static QString edgeKey(const QJsonObject& e) {
        return QStringLiteral("%1>%2=%3/%4")
            .arg(e["source"].toString(), e["target"].toString())
            .arg(e["calls"].toInt())
            .arg(e["errors"].toInt());
    }
    QTemporaryDir m_tmp;
};

void CliTest::graphJsonMatchesHandCount() {
    const QString file = QStringLiteral("otlp/tempo_servicegraphs_base64-ids_enum-kinds.json");
    TG_REQUIRE_FIXTURE(file);
    const Run r = run({QStringLiteral("graph"), tg::test::fixturePath(file),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject graph = QJsonDocument::fromJson(r.out).object();
    QStringList edges;
    for (const auto& e : graph["edges"].toArray())
        edges << edgeKey(e.toObject());
    edges.sort();
    // Hand count (tests/data/fixture_expectations.tsv): one real edge with 2 calls, one inferred.
    QCOMPARE(edges, (QStringList{QStringLiteral("mythical-requester>mysql=1/0"),
                                 QStringLiteral("mythical-server>mythical-requester=2/0")}));
    QStringList kinds;
    for (const auto& n : graph["nodes"].toArray())
        kinds << n.toObject()["id"].toString() + QLatin1Char(':') + n.toObject()["kind"].toString();
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("mysql:inferred"),
                                 QStringLiteral("mythical-requester:service"),
                                 QStringLiteral("mythical-server:service")}));
    const QJsonObject first = graph["edges"].toArray().first().toObject();
    QVERIFY(first.contains(QStringLiteral("p50_ms")) && first.contains(QStringLiteral("p95_ms")) &&
            first.contains(QStringLiteral("p99_ms")));
}

void CliTest::workspaceGivesSameGraphAsFiles() {
    const QStringList files{
        QStringLiteral("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json"),
        QStringLiteral("zipkin/yelp.json"), QStringLiteral("otlp/jaeger-ui_otlp-multi-in.jsonl")};
    QStringList paths;
    for (const QString& f : files) {
        TG_REQUIRE_FIXTURE(f);
        paths << tg::test::fixturePath(f);
    }
    const QString ws = m_tmp.filePath(QStringLiteral("same.tgw"));
    const Run imported =
        run(QStringList{QStringLiteral("import")} + paths + QStringList{QStringLiteral("-o"), ws});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY(imported.out.contains("workspace:"));
    const Run fromFiles = run(QStringList{QStringLiteral("graph")} + paths);
    const Run fromWorkspace = run({QStringLiteral("graph"), ws});
    QCOMPARE(fromFiles.exitCode, 0);
    QCOMPARE(fromWorkspace.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(fromWorkspace.out), QJsonDocument::fromJson(fromFiles.out));
    const Run stats = run({QStringLiteral("stats"), ws, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(stats.out).object()["spans"].toInt(), 17 + 16 + 4);
}

void CliTest::failedImportLeavesWorkspaceAsItWas() {
    const QString good = QStringLiteral("zipkin/skew.json");
    TG_REQUIRE_FIXTURE(good);
    const QString ws = m_tmp.filePath(QStringLiteral("keep.tgw"));
    QCOMPARE(run({QStringLiteral("import"), tg::test::fixturePath(good), QStringLiteral("-o"), ws})
                 .exitCode,
             0);
    const QString bad = m_tmp.filePath(QStringLiteral("truncated.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"data":[{"traceID":"a1","spans":[{"traceID":"a1","spanID":"b2","operationName":"x")");
    f.close();
    const Run r = run({QStringLiteral("import"), bad, QStringLiteral("-o"), ws});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(bad.toUtf8()), r.err.constData());
    const Run stats = run({QStringLiteral("stats"), ws, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(stats.out).object()["spans"].toInt(), 4);
}

void CliTest::badInputNamesFileAndPosition_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // a fragment the message must contain
    QTest::newRow("truncated jaeger")
        << QByteArray(R"({"data":[{"traceID":"1","spans":[{"operationName":"a","spanID":)")
        << QStringLiteral("truncated");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("csv text") << QByteArray("a,b,c\n1,2,3\n")
                              << QStringLiteral("unrecognised format");
    QTest::newRow("garbage after json")
        << QByteArray("{\"resourceSpans\":[]}\n@@@\n") << QStringLiteral("line 2");
}

void CliTest::badInputNamesFileAndPosition() {
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_tmp.filePath(QStringLiteral("bad-%1.json")
                                            .arg(QTest::currentDataTag())
                                            .replace(QLatin1Char(' '), QLatin1Char('_')));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const Run r = run({QStringLiteral("stats"), path});
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(path), qPrintable(err));
    QVERIFY2(err.contains(expected, Qt::CaseInsensitive), qPrintable(err));
}

void CliTest::usageErrors() {
    QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 1);
    QCOMPARE(run({QStringLiteral("graph")}).exitCode, 1);
    QCOMPARE(run({QStringLiteral("graph"), QStringLiteral("x.json"), QStringLiteral("--format"),
                  QStringLiteral("bmp")})
                 .exitCode,
             1);
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("x.json")}).exitCode, 1); // no -o
    const Run missing =
        run({QStringLiteral("stats"), m_tmp.filePath(QStringLiteral("does-not-exist.json"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("cannot open"));
}

void CliTest::noArgumentsShowsDemo() {
    const Run r = run({});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("checkout") && r.out.contains("payments"), r.out.constData());
}

// `topograph demo`: the same seed writes the same bytes, another seed other bytes; the graph is
// the e-commerce system in two namespaces and two regions, with a database, a queue and an
// external API inferred, failing calls into risk and payments; --services sizes it (services
// no sampled trace reached are not in the graph: 281 of 300 with 20 000 spans).
void CliTest::demoIsDeterministicAndShapedLikeAnIncident() {
    auto demo = [this](const QString& name, const QStringList& extra) {
        const QString path = m_tmp.filePath(name);
        const Run r = run(QStringList{QStringLiteral("demo"), QStringLiteral("-o"), path,
                                      QStringLiteral("--spans"), QStringLiteral("3000")} +
                          extra);
        QFile f(path);
        return r.exitCode == 0 && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QStringList seed7{QStringLiteral("--seed"), QStringLiteral("7")};
    const QByteArray first = demo(QStringLiteral("d1.jsonl"), seed7);
    QVERIFY(first.size() > 100000);
    QCOMPARE(demo(QStringLiteral("d2.jsonl"), seed7), first);
    QVERIFY(demo(QStringLiteral("d3.jsonl"), {QStringLiteral("--seed"), QStringLiteral("8")}) !=
            first);

    // The shape at the demo's own size (20 000 spans): the fault shows in a later third.
    const QString full = m_tmp.filePath(QStringLiteral("full.jsonl"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("-o"), full, QStringLiteral("--seed"),
                  QStringLiteral("7")})
                 .exitCode,
             0);
    const Run graph = run({QStringLiteral("graph"), full});
    QCOMPARE(graph.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(graph.out).object();
    QSet<QString> names, namespaces, regions, inferredTypes;
    QHash<QString, int> errorsInto;
    for (const auto& value : root[QStringLiteral("nodes")].toArray()) {
        const QJsonObject n = value.toObject();
        names << n[QStringLiteral("id")].toString();
        if (n[QStringLiteral("kind")].toString() == QLatin1String("inferred"))
            inferredTypes << n[QStringLiteral("type")].toString();
        if (!n[QStringLiteral("namespace")].toString().isEmpty())
            namespaces << n[QStringLiteral("namespace")].toString();
        if (!n[QStringLiteral("region")].toString().isEmpty())
            regions << n[QStringLiteral("region")].toString();
    }
    for (const auto& value : root[QStringLiteral("edges")].toArray()) {
        const QJsonObject e = value.toObject();
        errorsInto[e[QStringLiteral("target")].toString()] += e[QStringLiteral("errors")].toInt();
    }
    for (const char* service :
         {"frontend-gateway", "checkout", "payments", "risk", "inventory", "coupons", "kafka"})
        QVERIFY2(names.contains(QString::fromLatin1(service)), service);
    QCOMPARE(namespaces.size(), 2);
    QCOMPARE(regions.size(), 2);
    for (const char* type : {"database", "queue", "external"})
        QVERIFY2(inferredTypes.contains(QString::fromLatin1(type)), type);
    QVERIFY(errorsInto.value(QStringLiteral("risk")) > 0);
    QVERIFY(errorsInto.value(QStringLiteral("payments")) > 0);

    const QString big = m_tmp.filePath(QStringLiteral("big.jsonl"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("-o"), big, QStringLiteral("--services"),
                  QStringLiteral("300"), QStringLiteral("--spans"), QStringLiteral("20000")})
                 .exitCode,
             0);
    const Run stats = run({QStringLiteral("graph"), big});
    int services = 0;
    for (const auto& value :
         QJsonDocument::fromJson(stats.out).object()[QStringLiteral("nodes")].toArray())
        services += value.toObject()[QStringLiteral("kind")].toString() == QLatin1String("service");
    QVERIFY2(services >= 250 && services <= 300, QByteArray::number(services).constData());
}

void CliTest::graphFormats() {
    const QString file = QStringLiteral("zipkin/yelp.json");
    TG_REQUIRE_FIXTURE(file);
    const QString in = tg::test::fixturePath(file);
    const QStringList services{QStringLiteral("routing"), QStringLiteral("mobile_api"),
                               QStringLiteral("spectre"), QStringLiteral("yelp-main"),
                               QStringLiteral("memcache")};
    const Run svg =
        run({QStringLiteral("graph"), in, QStringLiteral("--format"), QStringLiteral("svg")});
    QCOMPARE(svg.exitCode, 0);
    QVERIFY(svg.out.startsWith("<?xml") || svg.out.contains("<svg"));
    for (const QString& name : services)
        QVERIFY2(svg.out.contains(name.toUtf8()), qPrintable(name));
    const Run dot =
        run({QStringLiteral("graph"), in, QStringLiteral("--format"), QStringLiteral("dot")});
    QCOMPARE(dot.exitCode, 0);
    QVERIFY(dot.out.contains("digraph"));
    if (QFile::exists(QStringLiteral("/usr/bin/dot"))) {
        QProcess graphviz;
        graphviz.start(QStringLiteral("/usr/bin/dot"), {QStringLiteral("-Tplain")});
        graphviz.write(dot.out);
        graphviz.closeWriteChannel();
        QVERIFY(graphviz.waitForFinished(60000));
        QCOMPARE(graphviz.exitCode(), 0);
    }
    const Run mermaid =
        run({QStringLiteral("graph"), in, QStringLiteral("--format"), QStringLiteral("mermaid")});
    QVERIFY(mermaid.out.startsWith("flowchart LR"));
    const Run laid = run({QStringLiteral("graph"), in, QStringLiteral("--layout")});
    for (const auto& n : QJsonDocument::fromJson(laid.out).object()["nodes"].toArray())
        QVERIFY(n.toObject().contains(QStringLiteral("x")) && n.toObject()["width"].toDouble() > 0);
    // --layout-style picks the engine the JSON names; an unknown style is a usage error.
    for (const auto& [style, engine] : {std::pair{"ranked", "dot"}, std::pair{"force", "sfdp"}}) {
        const Run styled = run({QStringLiteral("graph"), in, QStringLiteral("--layout"),
                                QStringLiteral("--layout-style"), QString::fromLatin1(style)});
        QCOMPARE(styled.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(styled.out).object()["layout"].toObject()["engine"].toString(),
            QString::fromLatin1(engine));
    }
    const Run badStyle = run({QStringLiteral("graph"), in, QStringLiteral("--layout"),
                              QStringLiteral("--layout-style"), QStringLiteral("circular")});
    QVERIFY(badStyle.exitCode != 0);
    QVERIFY(badStyle.err.contains("--layout-style"));
    const QString png = m_tmp.filePath(QStringLiteral("g.png"));
    QCOMPARE(run({QStringLiteral("graph"), in, QStringLiteral("--format"), QStringLiteral("png"),
                  QStringLiteral("-o"), png})
                 .exitCode,
             0);
    QFile pngFile(png);
    QVERIFY(pngFile.open(QIODevice::ReadOnly));
    QVERIFY(pngFile.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
}

void CliTest::traceSearchAndCriticalPath() {
    const QString file = QStringLiteral("zipkin/skew.json");
    TG_REQUIRE_FIXTURE(file);
    const QString in = tg::test::fixturePath(file);
    const Run found = run(
        {QStringLiteral("traces"), in, QStringLiteral("--service"), QStringLiteral("serviceb")});
    QCOMPARE(found.exitCode, 0);
    const QJsonArray traces = QJsonDocument::fromJson(found.out).object()["traces"].toArray();
    QCOMPARE(traces.size(), 1);
    QCOMPARE(traces[0].toObject()["spans"].toInt(), 4);
    const Run none =
        run({QStringLiteral("traces"), in, QStringLiteral("--service"), QStringLiteral("nope")});
    QCOMPARE(QJsonDocument::fromJson(none.out).object()["total"].toInt(), 0);
    const Run csv = run({QStringLiteral("traces"), in, QStringLiteral("--format"),
                         QStringLiteral("csv"), QStringLiteral("--errors")});
    QCOMPARE(csv.out.count('\n'), 1); // header only: skew.json has no error spans
    const Run one = run({QStringLiteral("trace"), in, QStringLiteral("--id"),
                         traces[0].toObject()["trace_id"].toString()});
    QCOMPARE(one.exitCode, 0);
    const QJsonObject trace = QJsonDocument::fromJson(one.out).object();
    QCOMPARE(trace["spans"].toArray().size(), 4);
    const QJsonArray path = trace["critical_path"].toArray();
    QVERIFY(!path.isEmpty());
    qint64 previousEnd = 0;
    for (const auto& seg : path) { // in time order, non-overlapping
        const QJsonObject o = seg.toObject();
        QVERIFY(o["start_ns"].toInteger() < o["end_ns"].toInteger());
        QVERIFY(o["start_ns"].toInteger() >= previousEnd);
        previousEnd = o["end_ns"].toInteger();
    }
    QCOMPARE(
        run({QStringLiteral("trace"), in, QStringLiteral("--id"), QStringLiteral("ffff")}).exitCode,
        2);
}

QTEST_GUILESS_MAIN(CliTest)
#include "cli_test.moc"
