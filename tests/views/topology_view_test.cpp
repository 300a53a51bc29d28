// Interactive topology view: items per node/edge/cluster with the painter's texts, selection by
// click and by search, focus and hide-healthy filters that never move anything, dragging and
// pinning, captions, minimap, palettes and rendering. Set TOPOGRAPH_EXAMPLE_DIR to keep
// screenshots (light with a selection, dark) for a person to look at.
#include <QGraphicsView>
#include <QImage>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <future>

#include "models/layout/graph_layout.h"
#include "views/topology/topology_canvas.h"
#include "views/topology/topology_items.h"
#include "views/topology/topology_scene.h"
#include "views/topology/topology_view.h"

using namespace tg::model;
using namespace tg::view;

namespace {

struct Spec {
    const char* name;
    NodeKind kind;
    const char* ns;
    uint64_t calls, errors;
    int p50Ms;
};

// A small bank: 12 services in 4 namespaces plus a database, a cache, a queue and an external
// card network. "fraud-check" and "payments" fail often; "ledger-db" is reached with errors.
std::shared_ptr<ServiceGraph> bankGraph() {
    static const Spec kNodes[] = {
        {"mobile-bff", NodeKind::Service, "edge", 30000, 30, 40},
        {"web-bff", NodeKind::Service, "edge", 24000, 0, 35},
        {"gateway", NodeKind::Service, "edge", 54000, 60, 12},
        {"accounts", NodeKind::Service, "core", 20000, 0, 9},
        {"transfers", NodeKind::Service, "core", 8000, 40, 30},
        {"payments", NodeKind::Service, "core", 6000, 420, 55},
        {"fraud-check", NodeKind::Service, "risk", 7000, 90, 80},
        {"limits", NodeKind::Service, "risk", 7500, 0, 6},
        {"notifications", NodeKind::Service, "comms", 4000, 0, 15},
        {"statements", NodeKind::Service, "comms", 1500, 0, 300},
        {"fx-rates", NodeKind::Service, "core", 9000, 0, 4},
        {"audit", NodeKind::Service, "risk", 12000, 0, 3},
        {"ledger-db", NodeKind::Database, "", 0, 0, 0},
        {"session-cache", NodeKind::Database, "", 0, 0, 0},
        {"events-queue", NodeKind::Queue, "", 0, 0, 0},
        {"card-network", NodeKind::External, "", 0, 0, 0},
    };
    static const std::pair<int, int> kEdges[] = {
        {0, 2},  {1, 2},  {2, 3},  {2, 4},  {2, 5},  {4, 3},   {4, 6},  {5, 6},
        {5, 7},  {5, 15}, {4, 14}, {14, 8}, {3, 12}, {4, 12},  {5, 12}, {2, 13},
        {3, 10}, {5, 10}, {6, 11}, {9, 3},  {9, 12}, {14, 11}, {8, 9},
    };
    auto g = std::make_shared<ServiceGraph>();
    g->buckets.count = 60;
    for (const Spec& s : kNodes) {
        const uint32_t i = g->addNode(s.name, s.kind);
        GraphNode& n = g->nodes[i];
        n.namespaceName = s.ns;
        n.region = "eu-west-1";
        n.version = "1.4.2";
        n.stats.calls = s.calls;
        n.stats.errors = s.errors;
        if (s.p50Ms) {
            n.stats.latency.add(int64_t(s.p50Ms) * 1'000'000, 90);
            n.stats.latency.add(int64_t(s.p50Ms) * 4'000'000, 10);
        }
    }
    for (auto [a, b] : kEdges) {
        GraphEdge& e = g->edges[g->edgeIndex(a, b, g->nodes[b].inferred())];
        const GraphNode& target = g->nodes[b];
        e.stats.calls = target.stats.calls ? target.stats.calls / 3 + 50 * (a + 1) : 700 * (a + 1);
        e.stats.errors = target.stats.errors / 3;
        e.stats.latency.add(20'000'000 + 1'000'000 * b, 100);
    }
    g->edges[g->findEdge(5, 15, true).value()].stats.errors = 300; // card network failing
    g->edges[g->findEdge(5, 12, true).value()].stats.errors = 12;
    return g;
}

// A bigger random graph for the minimap.
std::shared_ptr<ServiceGraph> chainGraph(int n) {
    auto g = std::make_shared<ServiceGraph>();
    g->buckets.count = 60;
    for (int i = 0; i < n; ++i) {
        const uint32_t v = g->addNode("svc-" + std::to_string(i), NodeKind::Service);
        g->nodes[v].stats.calls = 1000;
        if (i > 0) g->edges[g->edgeIndex(uint32_t(i / 2), v, false)].stats.calls = 500;
    }
    return g;
}

LayoutGeometry layout(const ServiceGraph& g) {
    auto result = layoutGraph(g, {});
    if (!result.ok()) qFatal("layout failed: %s", result.error().toString().c_str());
    return result.value();
}

template <typename T> std::vector<T*> itemsOf(QGraphicsScene* scene) {
    std::vector<T*> out;
    for (QGraphicsItem* item : scene->items())
        if (auto* t = qgraphicsitem_cast<T*>(item)) out.push_back(t);
    std::sort(out.begin(), out.end(), [](T* a, T* b) { return a->index() < b->index(); });
    return out;
}

QString exampleDir() {
    return QString::fromLocal8Bit(qgetenv("TOPOGRAPH_EXAMPLE_DIR"));
}

// Fraction of pixels that differ clearly from the corner pixel (the background).
double inkFraction(const QImage& image) {
    const QRgb bg = image.pixel(0, 0);
    int ink = 0, total = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3, ++total) {
            const QRgb c = image.pixel(x, y);
            ink += std::abs(qRed(c) - qRed(bg)) + std::abs(qGreen(c) - qGreen(bg)) +
                       std::abs(qBlue(c) - qBlue(bg)) >
                   60;
        }
    return total ? double(ink) / total : 0;
}

// Share of pixels that differ clearly between two frames of the same size.
double differingFraction(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return 1;
    int differ = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            differ += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                          std::abs(qBlue(p) - qBlue(q)) >
                      60;
        }
    return double(differ) / (a.width() * a.height());
}

// The canvas's frame after everything pending was painted.
QImage settledFrame(TopologyCanvas* canvas) {
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return canvas->frame().copy();
}

// The same view rendered from scratch.
QImage fullFrame(TopologyCanvas* canvas) {
    canvas->invalidateFrame();
    return settledFrame(canvas);
}

} // namespace

class TopologyViewTest : public QObject {
    Q_OBJECT

    std::shared_ptr<ServiceGraph> m_graph;
    LayoutGeometry m_geo;

    // A shown view with the bank graph (fitted).
    std::unique_ptr<TopologyView> makeView() {
        auto view = std::make_unique<TopologyView>();
        view->resize(1100, 700);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get())) qWarning("window not exposed");
        view->setGraph(m_graph, m_geo);
        return view;
    }

    static QGraphicsView* canvas(TopologyView& view) { return view.findChild<QGraphicsView*>(); }

    static QPoint viewportPoint(TopologyView& view, QPointF scenePos) {
        return canvas(view)->mapFromScene(scenePos);
    }

    NodeItem* node(TopologyView& view, const char* name) {
        const uint32_t i = m_graph->findNode(name).value();
        return static_cast<TopologyScene*>(view.scene())->nodeItem(i);
    }

private slots:
    void initTestCase() {
        m_graph = bankGraph();
        m_geo = layout(*m_graph);
        QCOMPARE(m_geo.nodes.size(), m_graph->nodes.size());
    }

    void emptyGraphShowsHowToGetAMap() {
        TopologyView empty;
        empty.resize(800, 500);
        QVERIFY(empty.showsEmptyHint()); // nothing set yet
        auto view = makeView();
        QVERIFY(!view->showsEmptyHint());
        view->setGraph(std::make_shared<tg::model::ServiceGraph>(), {}); // logs opened alone
        QVERIFY(view->showsEmptyHint());
        view->setGraph(m_graph, m_geo);
        QVERIFY(!view->showsEmptyHint());
    }

    void sceneHasOneItemPerElementWithItsText() {
        auto view = makeView();
        const auto nodes = itemsOf<NodeItem>(view->scene());
        const auto edges = itemsOf<EdgeItem>(view->scene());
        int clusters = 0, captions = 0;
        for (QGraphicsItem* item : view->scene()->items()) {
            clusters += item->type() == ClusterItem::Type;
            captions += item->type() == EdgeCaptionItem::Type;
        }
        QCOMPARE(nodes.size(), m_graph->nodes.size());
        QCOMPARE(edges.size(), m_graph->edges.size());
        QCOMPARE(size_t(clusters), m_geo.clusters.size());
        QCOMPARE(size_t(captions), m_graph->edges.size());
        QVERIFY(view->findChildren<QWidget*>().size() < 20); // items, not widgets per node
        for (size_t i = 0; i < nodes.size(); ++i) {
            const GraphNode& n = m_graph->nodes[i];
            QCOMPARE(nodes[i]->index(), uint32_t(i));
            QCOMPARE(nodes[i]->name(), QString::fromStdString(n.name));
            QCOMPARE(nodes[i]->subtitle(),
                     QString::fromStdString(nodeSubtitle(n, m_graph->buckets)));
            // Placed at the layout's centre, sized as the layout says.
            QCOMPARE(nodes[i]->pos(), QPointF(m_geo.nodes[i].x, m_geo.nodes[i].y));
            QCOMPARE(nodes[i]->localRect().size(),
                     QSizeF(m_geo.nodes[i].width, m_geo.nodes[i].height));
        }
        for (size_t i = 0; i < edges.size(); ++i) {
            QCOMPARE(edges[i]->source()->index(), m_graph->edges[i].source);
            QCOMPARE(edges[i]->target()->index(), m_graph->edges[i].target);
            QVERIFY(!edges[i]->isRerouted());
            QCOMPARE(edges[i]->caption()->text(),
                     QString::fromStdString(edgeCaption(m_graph->edges[i], m_graph->buckets)));
        }
        QCOMPARE(view->visibleNodeCount(), int(m_graph->nodes.size()));
    }

    void clickSelectsNodeAndBackgroundClears() {
        auto view = makeView();
        QSignalSpy selected(view.get(), &TopologyView::nodeSelected);
        QSignalSpy cleared(view.get(), &TopologyView::selectionCleared);
        NodeItem* checkout = node(*view, "transfers");
        QWidget* port = canvas(*view)->viewport();
        QTest::mouseClick(port, Qt::LeftButton, {}, viewportPoint(*view, checkout->scenePos()));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.at(0).at(0).value<uint32_t>(), checkout->index());
        QVERIFY(checkout->isSelected());
        // The node's edges are highlighted, the others are not.
        for (EdgeItem* e : itemsOf<EdgeItem>(view->scene())) {
            const bool connected = e->source() == checkout || e->target() == checkout;
            QCOMPARE(e->isHighlighted(), connected);
        }
        // Another node: one signal, with its index.
        NodeItem* payments = node(*view, "payments");
        QTest::mouseClick(port, Qt::LeftButton, {}, viewportPoint(*view, payments->scenePos()));
        QCOMPARE(selected.size(), 2);
        QCOMPARE(selected.at(1).at(0).value<uint32_t>(), payments->index());
        QVERIFY(!checkout->isSelected());
        // A click on empty background clears the selection.
        QPointF empty = view->scene()->sceneRect().topLeft() + QPointF(5, 5);
        QTest::mouseClick(port, Qt::LeftButton, {}, viewportPoint(*view, empty));
        QCOMPARE(cleared.size(), 1);
        QVERIFY(view->scene()->selectedItems().isEmpty());
        for (EdgeItem* e : itemsOf<EdgeItem>(view->scene()))
            QVERIFY(!e->isHighlighted());
    }

    void doubleClickActivates() {
        auto view = makeView();
        QSignalSpy activated(view.get(), &TopologyView::nodeActivated);
        NodeItem* audit = node(*view, "audit");
        QTest::mouseDClick(canvas(*view)->viewport(), Qt::LeftButton, {},
                           viewportPoint(*view, audit->scenePos()));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<uint32_t>(), audit->index());
    }

    void programmaticSelection() {
        auto view = makeView();
        QSignalSpy nodes(view.get(), &TopologyView::nodeSelected);
        QSignalSpy edges(view.get(), &TopologyView::edgeSelected);
        QSignalSpy cleared(view.get(), &TopologyView::selectionCleared);
        view->selectNode(3);
        view->selectNode(3); // already selected: no second signal
        QCOMPARE(nodes.size(), 1);
        view->selectEdge(2);
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.at(0).at(0).value<uint32_t>(), 2u);
        QCOMPARE(cleared.size(), 0); // node → edge is one change, not a clear in between
        view->clearSelection();
        QCOMPARE(cleared.size(), 1);
    }

    void findSelectsAndCentres() {
        auto view = makeView();
        view->resetZoom();
        QSignalSpy selected(view.get(), &TopologyView::nodeSelected);
        QVERIFY(view->findAndSelect("pay"));
        const uint32_t payments = m_graph->findNode("payments").value();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.at(0).at(0).value<uint32_t>(), payments);
        // Centred: the node is at the middle of the viewport.
        const QPoint at = viewportPoint(*view, node(*view, "payments")->scenePos());
        const QPoint middle = canvas(*view)->viewport()->rect().center();
        QVERIFY2(
            (at - middle).manhattanLength() < 80,
            qPrintable(
                QString("%1,%2 vs %3,%4").arg(at.x()).arg(at.y()).arg(middle.x()).arg(middle.y())));
        // Case-insensitive; the next match cycles through the candidates.
        QVERIFY(view->findAndSelect("-B"));
        const uint32_t first = selected.last().at(0).value<uint32_t>();
        QVERIFY(view->findAndSelect("-B"));
        const uint32_t second = selected.last().at(0).value<uint32_t>();
        QVERIFY(first != second);
        QVERIFY(QString::fromStdString(m_graph->nodes[first].name).contains("-b"));
        QVERIFY(!view->findAndSelect("no-such-service"));
    }

    void focusShowsExactlyTheNeighbourhood() {
        auto view = makeView();
        const uint32_t transfers = m_graph->findNode("transfers").value();
        QSet<uint32_t> expected{transfers};
        for (const GraphEdge& e : m_graph->edges) {
            if (e.source == transfers) expected.insert(e.target);
            if (e.target == transfers) expected.insert(e.source);
        }
        view->setFocus(transfers, 1);
        QCOMPARE(view->visibleNodeCount(), int(expected.size()));
        for (NodeItem* n : itemsOf<NodeItem>(view->scene()))
            QCOMPARE(n->isVisible(), expected.contains(n->index()));
        for (EdgeItem* e : itemsOf<EdgeItem>(view->scene()))
            QCOMPARE(e->isVisible(), expected.contains(e->source()->index()) &&
                                         expected.contains(e->target()->index()));
        // Two hops reach the callees' callees and the callers' callers, not the callers' other
        // callees.
        view->setFocus(transfers, 2);
        QVERIFY(node(*view, "notifications")->isVisible()); // via events-queue
        QVERIFY(node(*view, "web-bff")->isVisible());       // via gateway
        QVERIFY(!node(*view, "payments")->isVisible());     // gateway's other callee
        view->setFocus(std::nullopt, 1);
        QCOMPARE(view->visibleNodeCount(), int(m_graph->nodes.size()));
    }

    void hideHealthyKeepsPositions() {
        auto view = makeView();
        const auto nodes = itemsOf<NodeItem>(view->scene());
        std::vector<QPointF> before;
        for (NodeItem* n : nodes)
            before.push_back(n->pos());
        const QTransform transform = canvas(*view)->transform();
        view->setHideHealthy(true);
        int expected = 0;
        for (NodeItem* n : nodes) {
            const GraphNode& g = n->node();
            bool errors = g.stats.errors > 0;
            for (const GraphEdge& e : m_graph->edges)
                errors |= g.inferred() && e.target == n->index() && e.stats.errors > 0;
            QCOMPARE(n->isVisible(), errors);
            expected += errors;
            QCOMPARE(n->pos(), before[n->index()]);
        }
        QCOMPARE(view->visibleNodeCount(), expected);
        QVERIFY(node(*view, "card-network")->isVisible()); // inferred, failing calls into it
        QVERIFY(!node(*view, "accounts")->isVisible());
        QCOMPARE(canvas(*view)->transform(), transform); // nothing moved, not even the view
        view->setHideHealthy(false);
        QCOMPARE(view->visibleNodeCount(), int(nodes.size()));
    }

    void dragMovesNodeAndPinsIt() {
        auto view = makeView();
        QSignalSpy moved(view.get(), &TopologyView::nodeMoved);
        NodeItem* limits = node(*view, "limits");
        const QPointF start = limits->scenePos();
        QWidget* port = canvas(*view)->viewport();
        const QPoint p0 = viewportPoint(*view, start);
        const QPoint p1 = p0 + QPoint(60, 45);
        QTest::mousePress(port, Qt::LeftButton, {}, p0);
        QTest::mouseMove(port, p0 + QPoint(20, 15));
        QTest::mouseMove(port, p1);
        QTest::mouseRelease(port, Qt::LeftButton, {}, p1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).toString(), QStringLiteral("limits"));
        const QPointF end = limits->scenePos();
        QVERIFY(end != start);
        QCOMPARE(moved.at(0).at(1).toPointF(), end);
        const QPoint shown = viewportPoint(*view, end);
        QVERIFY((shown - p1).manhattanLength() <= 3);
        QVERIFY(view->pinnedPositions().contains("limits"));
        QCOMPARE(view->pinnedPositions().value("limits"), end);
        // Its edges follow: straight to the node's border, not the old Bezier.
        const QRectF box = limits->localRect().translated(end);
        for (EdgeItem* e : limits->edges()) {
            QVERIFY(e->isRerouted());
            const QPointF tip = e->currentShape().arrowTip;
            QVERIFY2(box.adjusted(-1, -1, 1, 1).contains(tip) &&
                         !box.adjusted(1, 1, -1, -1).contains(tip),
                     "arrow tip on the moved node's border");
        }
        // Edges not touching it keep the layout's path.
        for (EdgeItem* e : itemsOf<EdgeItem>(view->scene()))
            if (e->source() != limits && e->target() != limits) QVERIFY(!e->isRerouted());

        // A new graph (a refresh) keeps the pinned node where the user put it.
        const QHash<QString, QPointF> pinned = view->pinnedPositions();
        auto again = std::make_unique<TopologyView>();
        again->setPinnedPositions(pinned);
        again->setGraph(bankGraph(), layout(*bankGraph()));
        QCOMPARE(node(*again, "limits")->pos(), end);
        QCOMPARE(node(*again, "audit")->pos(),
                 QPointF(m_geo.nodes[m_graph->findNode("audit").value()].x,
                         m_geo.nodes[m_graph->findNode("audit").value()].y));
        view->setGraph(bankGraph(), m_geo);
        QCOMPARE(node(*view, "limits")->pos(), end);
        // Unpinning returns it to the layout.
        view->setPinnedPositions({});
        QCOMPARE(node(*view, "limits")->pos(), start);
        for (EdgeItem* e : node(*view, "limits")->edges())
            QVERIFY(!e->isRerouted());
    }

    void refreshKeepsSelectionAndZoom() {
        auto view = makeView();
        view->findAndSelect("fraud");
        view->zoomIn();
        const QTransform transform = canvas(*view)->transform();
        QSignalSpy cleared(view.get(), &TopologyView::selectionCleared);
        view->setGraph(bankGraph(), m_geo);
        QCOMPARE(cleared.size(), 0);
        QVERIFY(node(*view, "fraud-check")->isSelected());
        QCOMPARE(canvas(*view)->transform(), transform);
    }

    void edgeLabelsFollowTheMode() {
        auto view = makeView();
        auto captions = [&] {
            QStringList texts;
            for (EdgeItem* e : itemsOf<EdgeItem>(view->scene()))
                texts << (e->caption()->isVisible() ? e->caption()->text() : QString());
            return texts;
        };
        view->setEdgeLabel(TopologyView::EdgeLabel::P95);
        for (const QString& t : captions())
            QVERIFY2(t.startsWith("p95 ") && t.endsWith(" ms"), qPrintable(t));
        view->setEdgeLabel(TopologyView::EdgeLabel::ErrorRate);
        for (const QString& t : captions())
            QVERIFY2(t.endsWith("% err"), qPrintable(t));
        view->setEdgeLabel(TopologyView::EdgeLabel::None);
        for (const QString& t : captions())
            QVERIFY(t.isEmpty());
    }

    void zoomKeysAndLimits() {
        auto view = makeView();
        QGraphicsView* c = canvas(*view);
        c->setFocus();
        view->resetZoom();
        QCOMPARE(c->transform().m11(), 1.0);
        QTest::keyClick(c, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(c->transform().m11() > 1.0);
        QTest::keyClick(c, Qt::Key_1, Qt::ControlModifier); // actual size (View menu: Ctrl+1)
        QCOMPARE(c->transform().m11(), 1.0);
        QTest::keyClick(c, Qt::Key_0, Qt::ControlModifier); // fit (View menu: Ctrl+0)
        const double fitted = c->transform().m11();
        view->resetZoom();
        view->fitToView();
        QCOMPARE(c->transform().m11(), fitted);
        QVERIFY(fitted != 1.0);
        QTest::keyClick(c, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(c->transform().m11(), 1.0);
        QTest::keyClick(c, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(c->transform().m11() < 1.0);
        for (int i = 0; i < 100; ++i)
            view->zoomIn();
        QVERIFY(c->transform().m11() <= 6.0 + 1e-9);
        view->fitToView();
        QVERIFY(c->transform().m11() <= 1.25 + 1e-9);
        // The whole drawing fits.
        const QRectF visible = c->mapToScene(c->viewport()->rect()).boundingRect();
        QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(QRectF(0, 0, m_geo.width, m_geo.height)));
    }

    void minimapOnlyForLargeGraphs() {
        auto view = makeView();
        auto* canvas = view->findChild<TopologyCanvas*>();
        QVERIFY(canvas);
        QVERIFY(!canvas->minimapShown()); // 16 services
        auto big = chainGraph(60);
        view->setGraph(big, layout(*big));
        QVERIFY(canvas->minimapShown());
        const QRect minimap = canvas->minimapRect();
        QVERIFY(canvas->viewport()->rect().contains(minimap));
        QVERIFY(minimap.right() > canvas->viewport()->width() / 2); // bottom-right corner
        QVERIFY(minimap.bottom() > canvas->viewport()->height() / 2);
        // A click on the minimap moves the view toward that point, and selects nothing.
        view->resetZoom();
        auto centre = [&] { return canvas->mapToScene(canvas->viewport()->rect().center()); };
        const QPoint click = minimap.topRight() + QPoint(-6, 6);
        const QPointF target = canvas->minimapToScene(click);
        const QPointF before = centre();
        QSignalSpy selected(view.get(), &TopologyView::nodeSelected);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, click);
        QVERIFY(QLineF(centre(), target).length() < QLineF(before, target).length());
        QCOMPARE(selected.size(), 0);
        // It is painted over the frame.
        QCoreApplication::processEvents();
        const QImage shown = canvas->viewport()->grab().toImage();
        QVERIFY(!shown.isNull());
        // Its pixels (border, miniature, viewport box) differ from the frame under it.
        const double overlay = differingFraction(
            shown.copy(minimap), canvas->frame().convertToFormat(shown.format()).copy(minimap));
        if (const QString dir = exampleDir(); !dir.isEmpty()) {
            shown.save(dir + "/minimap_shown.png");
            canvas->frame().save(dir + "/minimap_under.png");
        }
        QVERIFY2(overlay > 0.02, qPrintable(QString::number(overlay)));
        if (const QString dir = exampleDir(); !dir.isEmpty()) {
            view->fitToView();
            view->zoomIn();
            view->zoomIn();
            canvas->finishSettling();
            QCoreApplication::processEvents();
            canvas->viewport()->grab().save(dir + "/topology_view_minimap.png");
        }
    }

    void renderVisibleIsNotBlankAndShowsText() {
        auto view = makeView();
        view->findAndSelect("payments");
        view->fitToView();
        const QImage image = view->renderVisible(2.0);
        if (const QString dir = exampleDir(); !dir.isEmpty()) {
            image.save(dir + "/topology_view_light.png");
            // What the canvas shows (its own painting path), fitted and zoomed in.
            auto* canvas = view->findChild<TopologyCanvas*>();
            canvas->viewport()->grab().save(dir + "/topology_view_canvas_fit.png");
            view->zoomIn();
            view->zoomIn();
            view->zoomIn();
            canvas->finishSettling();
            canvas->viewport()->grab().save(dir + "/topology_view_zoomed.png");
        }
        QCOMPARE(image.size(), canvas(*view)->viewport()->size() * 2);
        QVERIFY2(inkFraction(image) > 0.03, qPrintable(QString::number(inkFraction(image))));
        // Text is there: many dark pixels inside the node boxes.
        int dark = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = image.pixel(x, y);
                dark += qRed(c) < 80 && qGreen(c) < 80 && qBlue(c) < 90;
            }
        QVERIFY2(dark > 3000, qPrintable(QString::number(dark)));
    }

    void darkPaletteGivesDarkCanvas() {
        auto view = makeView();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
        dark.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xfd));
        view->setPalette(dark);
        view->findAndSelect("transfers");
        const QImage image = view->renderVisible(1.0);
        if (const QString dir = exampleDir(); !dir.isEmpty())
            view->renderVisible(2.0).save(dir + "/topology_view_dark.png");
        QCOMPARE(QColor(image.pixel(0, 0)).lightness() < 60, true);
        QVERIFY2(inkFraction(image) > 0.03, qPrintable(QString::number(inkFraction(image))));
    }

    // The incremental paths (pan strips, repaint of a dragged node's area, a zoom gesture's
    // preview) end in the same frame as a full repaint.
    void incrementalFramesMatchFullRepaints() {
        auto view = std::make_unique<TopologyView>();
        view->resize(900, 600);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        auto big = chainGraph(60);
        view->setGraph(big, layout(*big));
        view->resetZoom();
        auto* canvas = view->findChild<TopologyCanvas*>();
        QVERIFY(canvas);
        QScrollBar* h = canvas->horizontalScrollBar();
        QScrollBar* v = canvas->verticalScrollBar();
        QVERIFY(h->maximum() > h->minimum() || v->maximum() > v->minimum());
        settledFrame(canvas);
        QVERIFY(canvas->minimapShown());
        const qint64 before = canvas->renderedArea();
        for (int i = 0; i < 6; ++i) {
            h->setValue(h->value() + 37);
            v->setValue(v->value() + 23);
            QCoreApplication::processEvents();
        }
        // Each pan rendered only the uncovered strips (and the minimap corner), not the view.
        const qint64 viewArea = qint64(canvas->viewport()->width()) * canvas->viewport()->height();
        QVERIFY2(canvas->renderedArea() - before < viewArea,
                 qPrintable(QString::number(double(canvas->renderedArea() - before) / viewArea)));
        const QImage panned = settledFrame(canvas);
        QVERIFY(!panned.isNull());
        const QImage full = fullFrame(canvas);
        if (const QString dir = exampleDir(); !dir.isEmpty()) {
            panned.save(dir + "/pan_incremental.png");
            full.save(dir + "/pan_full.png");
        }
        QVERIFY2(differingFraction(panned, full) < 0.002,
                 qPrintable(QString::number(differingFraction(panned, full))));

        // Drag a node in view: only its area is repainted.
        NodeItem* node = nullptr;
        const QRectF visible = canvas->visibleSceneRect();
        for (NodeItem* n : itemsOf<NodeItem>(view->scene()))
            if (visible.adjusted(80, 80, -80, -80).contains(n->scenePos())) node = n;
        QVERIFY(node);
        QWidget* port = canvas->viewport();
        const QPoint p0 = canvas->mapFromScene(node->scenePos());
        QTest::mousePress(port, Qt::LeftButton, {}, p0);
        QTest::mouseMove(port, p0 + QPoint(30, 20));
        QTest::mouseRelease(port, Qt::LeftButton, {}, p0 + QPoint(30, 20));
        const QImage dragged = settledFrame(canvas);
        QVERIFY2(differingFraction(dragged, fullFrame(canvas)) < 0.002, "drag area");

        // A zoom gesture shows the last frame scaled, then settles to a crisp frame.
        canvas->zoomBy(1.2);
        QVERIFY(canvas->zoomGestureActive());
        QTRY_VERIFY_WITH_TIMEOUT(!canvas->zoomGestureActive(), TopologyCanvas::kSettleMs * 10);
        const QImage settled = settledFrame(canvas);
        QVERIFY2(differingFraction(settled, fullFrame(canvas)) < 0.002, "zoom settle");
    }

    // DESIGN §4: the drawing data can be built on a worker (next to the layout); the GUI thread
    // only creates the items.
    void sceneDataBuiltOffTheGuiThread() {
        auto future = std::async(std::launch::async, [g = m_graph, geo = m_geo] {
            return buildTopologySceneData(g, geo);
        });
        std::shared_ptr<const TopologySceneData> data = future.get();
        QVERIFY(data);
        QCOMPARE(data->nodes.size(), m_graph->nodes.size());
        auto view = std::make_unique<TopologyView>();
        view->setSceneData(data);
        QCOMPARE(view->visibleNodeCount(), int(m_graph->nodes.size()));
        QCOMPARE(node(*view, "payments")->name(), QStringLiteral("payments"));
    }

    void thresholdsChangeHealth() {
        auto view = makeView();
        auto* scene = static_cast<TopologyScene*>(view->scene());
        const GraphNode& gateway = m_graph->nodes[m_graph->findNode("gateway").value()];
        QCOMPARE(healthOf(gateway.stats, scene->style()), Health::Healthy); // 0.1% errors
        view->setErrorThresholds(0.0005, 0.002);
        QCOMPARE(healthOf(gateway.stats, scene->style()), Health::Warning);
    }
};

QTEST_MAIN(TopologyViewTest)
#include "topology_view_test.moc"
