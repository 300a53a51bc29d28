// The workbench window as a user drives it (offscreen): opening a fixture through the session
// controller shows the hand-counted graph; selecting and finding fill the inspector; a dragged
// node position survives a workspace round trip; cancelling a long import and importing a bad
// file both keep what was shown before; exports write files; settings persist.
#include <QComboBox>
#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "app/gui/export_actions.h"
#include "app/gui/job_status.h"
#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "models/workspace/workspace.h"
#include "tests/test_support.h"
#include "views/inspector/inspector_widget.h"
#include "views/sources/sources_dock.h"
#include "views/topology/topology_items.h"
#include "views/topology/topology_view.h"

using tg::app::MainWindow;
using tg::app::SessionController;

namespace {

const QString kYelp = QStringLiteral("zipkin/yelp.json");
constexpr int kTimeout = 60000;

struct Expected {
    int nodes = 0;
    int edges = 0;
};

// Nodes and edges of a fixture from tests/data/fixture_expectations.tsv: services plus the
// distinct targets of inferred edges; real plus inferred edges.
Expected expectationsFor(const QString& fixture) {
    QFile tsv(tg::test::testDataPath(QStringLiteral("fixture_expectations.tsv")));
    if (!tsv.open(QIODevice::ReadOnly)) return {};
    while (!tsv.atEnd()) {
        const QStringList cols = QString::fromUtf8(tsv.readLine()).split(QLatin1Char('\t'));
        if (cols.size() < 6 || cols[0] != fixture) continue;
        auto list = [](const QString& s) { return s.split(QLatin1Char(';'), Qt::SkipEmptyParts); };
        QSet<QString> inferredTargets;
        for (const QString& e : list(cols[5]))
            inferredTargets << e.section(QLatin1Char('>'), 1).section(QLatin1Char('='), 0, 0);
        return {int(cols[3].split(QLatin1Char(','), Qt::SkipEmptyParts).size() +
                    inferredTargets.size()),
                int(list(cols[4]).size() + list(cols[5]).size())};
    }
    return {};
}

int itemsOfType(const QGraphicsScene* scene, int type) {
    int n = 0;
    for (const QGraphicsItem* item : scene->items())
        n += item->type() == type ? 1 : 0;
    return n;
}

// Writes `spans` spans as OTLP JSON Lines (one export request per line), 20 services.
void writeBigOtlp(const QString& path, int spans) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    constexpr int kPerLine = 1000;
    for (int line = 0; line * kPerLine < spans; ++line) {
        QByteArray out = R"({"resourceSpans":[)";
        for (int svc = 0; svc < 20; ++svc) {
            if (svc) out += ',';
            out +=
                R"({"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc-)" +
                QByteArray::number(svc) + R"("}}]},"scopeSpans":[{"spans":[)";
            for (int i = 0; i < kPerLine / 20; ++i) {
                const int n = line * kPerLine + svc * (kPerLine / 20) + i;
                if (i) out += ',';
                const QByteArray trace =
                    QByteArray::number(line * 50 + i + 1, 16).rightJustified(32, '0');
                const QByteArray id = QByteArray::number(n + 1, 16).rightJustified(16, '0');
                const QByteArray start =
                    QByteArray::number(1700000000000000000LL + qint64(n) * 1000);
                out +=
                    R"({"traceId":")" + trace + R"(","spanId":")" + id +
                    R"(","name":"GET /api/item/)" + QByteArray::number(i % 7) +
                    R"(","kind":2,"startTimeUnixNano":")" + start + R"(","endTimeUnixNano":")" +
                    start +
                    R"(5000","attributes":[{"key":"http.method","value":{"stringValue":"GET"}}]})";
            }
            out += "]}]}";
        }
        out += "]}\n";
        QVERIFY(f.write(out) == out.size());
    }
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensFixtureAndShowsGraph();
    void selectingNodeShowsItsNumbers();
    void findSelects();
    void draggedPositionSurvivesWorkspaceRoundTrip();
    void cancelKeepsPreviousState();
    void badFileShowsErrorAndKeepsGraph();
    void exportsWholeGraph();
    void relayoutKeepsGraphAndPins();
    void settingsPersist();
    void layoutStyleRelaysOutAndPersists();

private:
    static void openAndWait(MainWindow& window, const QStringList& paths);
    QTemporaryDir m_tmp;
};

void MainWindowTest::initTestCase() {
    QVERIFY(m_tmp.isValid());
    // Keep the user's settings out of it.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test"));
    QCoreApplication::setApplicationName(QStringLiteral("main_window_test"));
}

void MainWindowTest::openAndWait(MainWindow& window, const QStringList& paths) {
    QSignalSpy changed(window.controller(), &SessionController::sessionChanged);
    window.controller()->openFiles(paths);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeout);
    QVERIFY(!window.controller()->isBusy());
}

void MainWindowTest::opensFixtureAndShowsGraph() {
    TG_REQUIRE_FIXTURE(kYelp);
    const Expected expected = expectationsFor(kYelp);
    QCOMPARE(expected.nodes, 9); // 6 services + blt, memcache, mysql
    QCOMPARE(expected.edges, 10);
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    const auto snapshot = window.controller()->snapshot();
    QCOMPARE(int(snapshot->graph->nodes.size()), expected.nodes);
    QCOMPARE(int(snapshot->graph->edges.size()), expected.edges);
    QGraphicsScene* scene = window.topologyView()->scene();
    QCOMPARE(itemsOfType(scene, tg::view::NodeItem::Type), expected.nodes);
    QCOMPARE(itemsOfType(scene, tg::view::EdgeItem::Type), expected.edges);
    QCOMPARE(window.topologyView()->visibleNodeCount(), expected.nodes);
    QVERIFY2(window.windowTitle().contains(QStringLiteral("yelp.json")),
             qPrintable(window.windowTitle()));
    // The sources dock lists the file with its format and span count.
    QTreeWidget* tree = window.sourcesDock()->tree();
    QVERIFY(tree->topLevelItemCount() >= 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("yelp.json"));
    QVERIFY2(tree->topLevelItem(0)->text(2).contains(QStringLiteral("16 spans")),
             qPrintable(tree->topLevelItem(0)->text(2)));
}

void MainWindowTest::selectingNodeShowsItsNumbers() {
    TG_REQUIRE_FIXTURE(kYelp);
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    const auto& graph = *window.controller()->snapshot()->graph;
    const auto node = graph.findNode("yelp-main");
    QVERIFY(node);
    window.topologyView()->selectNode(*node);
    const QLocale locale;
    QCOMPARE(window.inspector()->factText(QStringLiteral("calls")),
             locale.toString(graph.nodes[*node].stats.calls));
    QCOMPARE(window.inspector()->factText(QStringLiteral("errors")),
             locale.toString(graph.nodes[*node].stats.errors));
    QVERIFY(graph.nodes[*node].stats.calls > 0);
    QVERIFY(!window.inspector()->factText(QStringLiteral("p95")).isEmpty());
    QVERIFY(window.inspector()->operationsTree()->topLevelItemCount() > 0);
    // An edge shows the same numbers for the call.
    const auto edge = graph.findEdge(*graph.findNode("yelp_main/api_proxy"), *node);
    QVERIFY(edge);
    window.topologyView()->selectEdge(*edge);
    QCOMPARE(window.inspector()->factText(QStringLiteral("calls")), QStringLiteral("2"));
    window.topologyView()->clearSelection();
    QVERIFY(window.inspector()->factText(QStringLiteral("calls")).isEmpty());
}

void MainWindowTest::findSelects() {
    TG_REQUIRE_FIXTURE(kYelp);
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    QSignalSpy selected(window.topologyView(), &tg::view::TopologyView::nodeSelected);
    window.findBox()->setText(QStringLiteral("spectr"));
    QTest::keyClick(window.findBox(), Qt::Key_Return);
    QCOMPARE(selected.count(), 1);
    const auto& graph = *window.controller()->snapshot()->graph;
    QCOMPARE(graph.nodes[selected.at(0).at(0).value<uint32_t>()].name, std::string("spectre"));
    QCOMPARE(window.inspector()->factText(QStringLiteral("calls")), QStringLiteral("1"));
}

void MainWindowTest::draggedPositionSurvivesWorkspaceRoundTrip() {
    TG_REQUIRE_FIXTURE(kYelp);
    const QString ws = m_tmp.filePath(QStringLiteral("incident.topograph"));
    {
        MainWindow window;
        window.show();
        openAndWait(window, {tg::test::fixturePath(kYelp)});
        // What the view reports after a user drag.
        emit window.topologyView()->nodeMoved(QStringLiteral("routing"), QPointF(-321.5, 123.25));
        QSignalSpy saved(window.controller(), &SessionController::workspaceSaved);
        window.controller()->saveWorkspaceAs(ws);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QCOMPARE(window.controller()->workspacePath(), ws);
        // A drag after saving goes to the workspace on its own.
        QSignalSpy positions(window.controller(), &SessionController::positionsSaved);
        emit window.topologyView()->nodeMoved(QStringLiteral("spectre"), QPointF(40, 60));
        QTRY_COMPARE_WITH_TIMEOUT(positions.count(), 1, kTimeout);
    }
    {
        auto file = tg::model::Workspace::open(ws.toStdString(), false);
        QVERIFY(file.ok());
        QCOMPARE((*file)->schemaVersion(), tg::model::Workspace::kSchemaVersion);
        auto stored = (*file)->loadPositions();
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), size_t(2));
    }
    MainWindow reopened;
    reopened.show();
    openAndWait(reopened, {ws});
    QCOMPARE(reopened.controller()->snapshot()->spans(), uint64_t(16));
    QCOMPARE(int(reopened.controller()->snapshot()->graph->nodes.size()), 9);
    const QHash<QString, QPointF> pinned = reopened.topologyView()->pinnedPositions();
    QCOMPARE(pinned.value(QStringLiteral("routing")), QPointF(-321.5, 123.25));
    QCOMPARE(pinned.value(QStringLiteral("spectre")), QPointF(40, 60));
}

void MainWindowTest::cancelKeepsPreviousState() {
    TG_REQUIRE_FIXTURE(kYelp);
    const QString big = m_tmp.filePath(QStringLiteral("big.jsonl"));
    writeBigOtlp(big, 200000);
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    SessionController* controller = window.controller();
    const auto before = controller->snapshot();
    QSignalSpy changed(controller, &SessionController::sessionChanged);
    QSignalSpy progress(controller, &SessionController::progressChanged);
    controller->openFiles({big});
    QVERIFY(controller->isBusy());
    QVERIFY(window.jobStatus()->hasJobs());
    // Wait until it is really reading, then press Cancel in the status bar.
    auto reading = [&] {
        for (const auto& args : progress)
            if (args.at(1).toULongLong() > 0) return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(reading(), kTimeout);
    QVERIFY2(changed.isEmpty(), "the import finished before it could be cancelled");
    QTest::mouseClick(window.jobStatus()->cancelButton(), Qt::LeftButton);
    QVERIFY(!controller->isBusy());
    QVERIFY(!window.jobStatus()->hasJobs());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->hasBackgroundWork(), kTimeout);
    QTest::qWait(200); // a late result would be delivered by now
    QCOMPARE(changed.count(), 0);
    QCOMPARE(controller->snapshot(), before);
    QCOMPARE(window.topologyView()->visibleNodeCount(), 9);
}

void MainWindowTest::badFileShowsErrorAndKeepsGraph() {
    TG_REQUIRE_FIXTURE(kYelp);
    const QString bad = m_tmp.filePath(QStringLiteral("broken.json"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a trace file\n");
    }
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    const auto before = window.controller()->snapshot();
    for (const bool add : {false, true}) {
        QSignalSpy failed(window.controller(), &SessionController::importFailed);
        if (add)
            window.addFiles({bad});
        else
            window.openFiles({bad});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeout);
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("broken.json")),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(window.controller()->snapshot(), before);
        QCOMPARE(window.topologyView()->visibleNodeCount(), 9);
        QTreeWidget* tree = window.sourcesDock()->tree();
        QTreeWidgetItem* item = tree->topLevelItem(tree->topLevelItemCount() - 1);
        QCOMPARE(item->text(0), QStringLiteral("broken.json"));
        QVERIFY2(item->text(2).startsWith(QStringLiteral("failed:")), qPrintable(item->text(2)));
        QVERIFY(item->isExpanded());
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("yelp.json")); // still listed
    }
}

void MainWindowTest::exportsWholeGraph() {
    TG_REQUIRE_FIXTURE(kYelp);
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    for (const QString& format :
         {QStringLiteral("svg"), QStringLiteral("dot"), QStringLiteral("png")}) {
        const QString path = m_tmp.filePath(QStringLiteral("graph.") + format);
        QSignalSpy exported(window.exportActions(), &tg::app::ExportActions::exported);
        window.exportActions()->exportTo(format, 1.0, path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kTimeout);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.contains("spectre") || format == QLatin1String("png"), qPrintable(path));
        QVERIFY(bytes.size() > 100);
    }
    // A directory that does not exist fails with a message naming the file.
    QSignalSpy failed(window.exportActions(), &tg::app::ExportActions::exportFailed);
    const QString nowhere = m_tmp.filePath(QStringLiteral("missing/dir/graph.svg"));
    window.exportActions()->exportTo(QStringLiteral("svg"), 1.0, nowhere);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeout);
    QCOMPARE(failed.at(0).at(0).toString(), nowhere);
}

void MainWindowTest::relayoutKeepsGraphAndPins() {
    TG_REQUIRE_FIXTURE(kYelp);
    MainWindow window;
    window.show();
    openAndWait(window, {tg::test::fixturePath(kYelp)});
    const auto graph = window.controller()->snapshot()->graph;
    emit window.topologyView()->nodeMoved(QStringLiteral("routing"), QPointF(-50, -50));
    QSignalSpy laidOut(window.controller(), &SessionController::layoutChanged);
    QSignalSpy busy(window.controller(), &SessionController::busyChanged);
    window.controller()->relayout();
    QTRY_COMPARE_WITH_TIMEOUT(laidOut.count(), 1, kTimeout);
    // A small layout can finish before relayout() returns (QFuture::then runs the continuation
    // at once when the future is already done), so look at the busy transitions, not the state.
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QVERIFY(!window.controller()->isBusy());
    QCOMPARE(window.controller()->snapshot()->graph, graph); // same graph, new geometry
    QCOMPARE(window.topologyView()->visibleNodeCount(), 9);
    QCOMPARE(window.topologyView()->pinnedPositions().value(QStringLiteral("routing")),
             QPointF(-50, -50));
}

void MainWindowTest::settingsPersist() {
    {
        MainWindow window;
        window.show();
        window.findChild<QComboBox*>(QStringLiteral("edgeLabels"))->setCurrentIndex(2);
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("edgeLabels"))->currentIndex(), 2);
}

QTEST_MAIN(MainWindowTest)
// View > Layout Style lays the graph out again with the chosen engine, later imports use it,
// and the choice is there next time.
void MainWindowTest::layoutStyleRelaysOutAndPersists() {
    TG_REQUIRE_FIXTURE(kYelp);
    {
        MainWindow window;
        window.show();
        openAndWait(window, {tg::test::fixturePath(kYelp)});
        const auto graph = window.controller()->snapshot()->graph;
        for (const auto& [action, engine] :
             {std::pair{"layoutRanked", "dot"}, std::pair{"layoutForceDirected", "sfdp"}}) {
            auto* style = window.findChild<QAction*>(QString::fromLatin1(action));
            QVERIFY(style);
            QSignalSpy laidOut(window.controller(), &SessionController::layoutChanged);
            style->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(laidOut.count(), 1, kTimeout);
            QCOMPARE(window.controller()->snapshot()->geometry.engine, std::string(engine));
            QCOMPARE(window.controller()->snapshot()->graph, graph);
            QCOMPARE(window.topologyView()->visibleNodeCount(), 9);
        }
        // A new import is laid out force-directed too (the automatic choice would be dot's or
        // sfdp's by crossings; forced, it is sfdp's).
        openAndWait(window, {tg::test::fixturePath(kYelp)});
        QCOMPARE(window.controller()->snapshot()->geometry.engine, std::string("sfdp"));
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.controller()->layoutEngine(), std::string("sfdp"));
    again.findChild<QAction*>(QStringLiteral("layoutAutomatic"))->trigger();
    QCOMPARE(again.controller()->layoutEngine(), std::string());
    again.close();
}

#include "main_window_test.moc"
