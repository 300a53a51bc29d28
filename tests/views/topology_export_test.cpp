// Topology exports: SVG keeps names as <text>, PNG really renders text, PDF is produced and
// renders. Set TOPOGRAPH_EXAMPLE_DIR to keep example SVG/PNG/PDF files for a person to look at.
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "models/layout/graph_layout.h"
#include "views/topology/topology_export.h"

using namespace tg::model;
using namespace tg::view;

namespace {

struct Spec {
    const char* name;
    NodeKind kind;
    const char* ns;
    uint64_t calls, errors;
};

// A shop of 12 services plus their databases, cache, queue and an external API.
ServiceGraph shopGraph() {
    static const Spec kNodes[] = {
        {"web-frontend", NodeKind::Service, "edge", 36000, 20},
        {"api-gateway", NodeKind::Service, "edge", 42000, 150},
        {"auth", NodeKind::Service, "identity", 18000, 12},
        {"user-profile", NodeKind::Service, "identity", 6000, 3},
        {"catalog", NodeKind::Service, "shop", 21000, 40},
        {"search", NodeKind::Service, "shop", 9000, 410},
        {"recommendations", NodeKind::Service, "shop", 7000, 5},
        {"cart", NodeKind::Service, "shop", 12000, 30},
        {"checkout", NodeKind::Service, "orders", 3000, 95},
        {"payments", NodeKind::Service, "orders", 2800, 260},
        {"shipping", NodeKind::Service, "orders", 2500, 4},
        {"notifications", NodeKind::Service, "orders", 2600, 0},
        {"postgres-orders", NodeKind::Database, "", 0, 0},
        {"redis-cache", NodeKind::Database, "", 0, 0},
        {"kafka-events", NodeKind::Queue, "", 0, 0},
        {"stripe-api", NodeKind::External, "", 0, 0},
    };
    static const std::pair<int, int> kEdges[] = {
        {0, 1},  {1, 2},   {1, 4},  {1, 7},  {1, 8},   {2, 3},  {4, 5},
        {4, 6},  {6, 4},   {7, 13}, {8, 9},  {8, 10},  {8, 12}, {8, 14},
        {9, 15}, {14, 11}, {3, 12}, {4, 13}, {10, 12}, {7, 4},  {5, 13},
    };
    ServiceGraph g;
    g.buckets.count = 60; // one minute of one-second buckets
    for (const Spec& s : kNodes) {
        const uint32_t i = g.addNode(s.name, s.kind);
        g.nodes[i].namespaceName = s.ns;
        g.nodes[i].stats.calls = s.calls;
        g.nodes[i].stats.errors = s.errors;
    }
    for (auto [a, b] : kEdges) {
        const bool inferred = g.nodes[b].inferred();
        GraphEdge& e = g.edges[g.edgeIndex(a, b, inferred)];
        const GraphNode& target = g.nodes[b];
        e.stats.calls = target.stats.calls ? target.stats.calls / 2 + 100 * (a + 1) : 900 * (a + 1);
        e.stats.errors = target.stats.errors / 2;
    }
    g.edges[g.findEdge(9, 15, true).value()].stats.errors = 280; // the failing payment provider
    return g;
}

LayoutGeometry layout(const ServiceGraph& g) {
    auto result = layoutGraph(g, {});
    if (!result.ok()) qFatal("layout failed: %s", result.error().toString().c_str());
    return result.value();
}

QString outputDir(QTemporaryDir& tmp) {
    const QByteArray keep = qgetenv("TOPOGRAPH_EXAMPLE_DIR");
    return keep.isEmpty() ? tmp.path() : QString::fromLocal8Bit(keep);
}

bool isDark(QRgb c) {
    return qRed(c) < 90 && qGreen(c) < 90 && qBlue(c) < 90;
}

int darkPixels(const QImage& image, const QRect& area) {
    int count = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            count += isDark(image.pixel(x, y));
    return count;
}

} // namespace

class TopologyExportTest : public QObject {
    Q_OBJECT
private slots:
    void fontsRenderText() {
        // Without fonts, text renders as boxes of equal width (TOOLCHAIN pitfall 6).
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(20);
        const QFontMetricsF metrics(font);
        QVERIFY(metrics.horizontalAdvance(QLatin1Char('W')) >
                1.8 * metrics.horizontalAdvance(QLatin1Char('i')));
    }

    void svgKeepsNamesAsText() {
        const ServiceGraph g = shopGraph();
        const LayoutGeometry geo = layout(g);
        QTemporaryDir tmp;
        const QString path = outputDir(tmp) + "/topology.svg";
        QString error;
        QVERIFY2(exportTopologySvg(g, geo, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QSet<QString> texts;
        int depth = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                texts.insert(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
            if (xml.isStartElement()) ++depth;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(depth > 10);
        for (const GraphNode& n : g.nodes)
            QVERIFY2(texts.contains(QString::fromStdString(n.name)), n.name.c_str());
        for (const ClusterBox& c : geo.clusters)
            QVERIFY2(texts.contains(QString::fromStdString(c.label)), c.label.c_str());
        QVERIFY(texts.contains(QString::fromUtf8("20 rps \xC2\xB7 4.1% err")) || texts.size() > 30);
    }

    void pngRendersText() {
        const ServiceGraph g = shopGraph();
        const LayoutGeometry geo = layout(g);
        QTemporaryDir tmp;
        const QString path = outputDir(tmp) + "/topology.png";
        QString error;
        const double scale = 2.0;
        QVERIFY2(exportTopologyPng(g, geo, path, scale, &error), qPrintable(error));
        QImage image(path);
        QVERIFY(!image.isNull());
        const QSizeF page = topologyPageSize(geo);
        QCOMPARE(image.width(), int(std::ceil(page.width() * scale)));
        // Not blank: plenty of non-white pixels.
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                coloured += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(coloured > image.width() * image.height() / 4 / 20);
        // Every node's name line holds dark text pixels, more for longer names.
        const TopologyStyle style;
        for (size_t i = 0; i < g.nodes.size(); ++i) {
            const RectF r = geo.nodes[i].rect();
            const double cy = g.nodes[i].kind == NodeKind::Database ? r.y + 14 + (r.height - 14) / 2
                                                                    : r.y + r.height / 2;
            const QRect nameArea(int((r.x + style.margin) * scale),
                                 int((cy - geo.fontSize * 1.4 + style.margin) * scale),
                                 int(r.width * scale), int(geo.fontSize * 1.6 * scale));
            const int dark = darkPixels(image, nameArea);
            QVERIFY2(dark > int(g.nodes[i].name.size()) * 8, g.nodes[i].name.c_str());
        }
        // Too large a scale is refused with a message, not a crash.
        QVERIFY(!exportTopologyPng(g, geo, path + ".big.png", 1000, &error));
        QVERIFY(!error.isEmpty());
    }

    void pdfIsProducedAndRenders() {
        const ServiceGraph g = shopGraph();
        const LayoutGeometry geo = layout(g);
        QTemporaryDir tmp;
        const QString path = outputDir(tmp) + "/topology.pdf";
        QString error;
        QVERIFY2(exportTopologyPdf(g, geo, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(file.size() > 2000);
        file.close();
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, {path, "-"});
            QVERIFY(p.waitForFinished(30000));
            const QString text = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(text.contains("checkout") && text.contains("recommendations"),
                     qPrintable(text.left(500)));
        }
        const QString pdftoppm = QStandardPaths::findExecutable("pdftoppm");
        if (pdftoppm.isEmpty()) QSKIP("pdftoppm not installed: PDF rendering not checked");
        const QString prefix = tmp.path() + "/pdfpage";
        QProcess p;
        p.start(pdftoppm, {"-png", "-r", "72", "-singlefile", path, prefix});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QImage page(prefix + ".png");
        QVERIFY(!page.isNull());
        QVERIFY(std::abs(page.width() - topologyPageSize(geo).width()) <= 2);
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += isDark(page.pixel(x, y));
        QVERIFY(dark > 200);
    }

    void unwritablePathReportsError() {
        const ServiceGraph g = shopGraph();
        const LayoutGeometry geo = layout(g);
        QString error;
        QVERIFY(!exportTopologySvg(g, geo, "/nonexistent-dir/x.svg", &error));
        QVERIFY(error.contains("nonexistent-dir"));
        QVERIFY(!exportTopologyPdf(g, geo, "/nonexistent-dir/x.pdf", &error));
        QVERIFY(!exportTopologyPng(g, geo, "/nonexistent-dir/x.png", 1, &error));
    }
};

QTEST_MAIN(TopologyExportTest)
#include "topology_export_test.moc"
