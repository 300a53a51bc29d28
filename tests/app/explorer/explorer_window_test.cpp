// The trace explorer in the workbench window, offscreen, driven as an SRE would: open the six
// Jaeger fixtures (one trace each, see explorer_search_test.cpp for the hand count) and the
// Yelp Zipkin trace, search, open a trace into the waterfall, start a search from the service
// map ("Traces Through" a service, an edge, an inferred database), compare two results, and
// check that only the newest of two quick searches is shown.
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>

#include "app/explorer/explorer_controller.h"
#include "app/explorer/trace_page.h"
#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "tests/test_support.h"
#include "views/explorer/trace_compare_model.h"
#include "views/explorer/trace_compare_view.h"
#include "views/explorer/trace_query_form.h"
#include "views/explorer/trace_results_model.h"
#include "views/explorer/trace_scatter_view.h"
#include "views/explorer/trace_search_panel.h"
#include "views/topology/topology_view.h"
#include "views/trace/span_details_widget.h"
#include "views/trace/waterfall_view.h"

using tg::app::ExplorerController;
using tg::app::MainWindow;

namespace {

constexpr int kTimeout = 60000;
const QStringList kFixtures = {
    QStringLiteral("jaeger/anonymizer_span-array_inline-process.json"),
    QStringLiteral("jaeger/api_v2-model_base64-ids_example_trace.json"),
    QStringLiteral("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json"),
    QStringLiteral("jaeger/query-api_otlp2jaeger-out.json"),
    QStringLiteral("jaeger/traceGraph_testTrace_nonhex-ids_follows-from.json"),
    QStringLiteral("jaeger/ui-model_bare-trace_ui_01.json"),
    QStringLiteral("zipkin/yelp.json"),
};

// The row of the trace whose root span has this service.
int rowOfRoot(const tg::view::TraceSearchPanel* panel, const QString& service) {
    const auto* model = panel->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, tg::view::TraceResultsModel::kTrace)
                .data()
                .toString()
                .startsWith(service + QStringLiteral(": ")))
            return r;
    return -1;
}

} // namespace

class ExplorerWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void searchOpenTraceShowsWaterfall();
    void tracesThroughServiceEdgeAndDatabase();
    void compareTwoResults();
    void onlyNewestSearchIsShown();
    void shortcutFocusesSearch();
    void demoIncidentSlowestErrorTrace();

private:
    QTemporaryDir m_tmp;
    MainWindow* m_window = nullptr;
    ExplorerController* m_explorer = nullptr;
    tg::view::TraceSearchPanel* m_panel = nullptr;
};

void ExplorerWindowTest::initTestCase() {
    QVERIFY(m_tmp.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test"));
    QCoreApplication::setApplicationName(QStringLiteral("explorer_window_test"));
}

void ExplorerWindowTest::init() {
    for (const QString& f : kFixtures)
        TG_REQUIRE_FIXTURE(f);
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_explorer = m_window->explorer();
    m_panel = m_explorer->searchPanel();
    QSignalSpy results(m_explorer, &ExplorerController::resultsShown);
    QStringList paths;
    for (const QString& f : kFixtures)
        paths << tg::test::fixturePath(f);
    m_window->openFiles(paths);
    // The index is built and every trace listed, without anyone asking.
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, kTimeout);
    QCOMPARE(results.at(0).at(0).toInt(), 7);
    QCOMPARE(m_panel->model()->rowCount(), 7);
    QCOMPARE(m_panel->scatter()->shownPointCount(), 7);
}

void ExplorerWindowTest::cleanup() {
    delete m_window;
    m_window = nullptr;
}

void ExplorerWindowTest::searchOpenTraceShowsWaterfall() {
    QSignalSpy results(m_explorer, &ExplorerController::resultsShown);
    m_panel->form()->setService(QStringLiteral("customers-service"));
    QTest::mouseClick(m_panel->form()->findButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, kTimeout);
    QCOMPARE(m_panel->model()->rowCount(), 1); // only the PetClinic trace

    QSignalSpy shown(m_explorer, &ExplorerController::traceShown);
    QTableView* table = m_panel->table();
    const QPoint cell = table->visualRect(m_panel->model()->index(0, 0)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
    tg::app::TracePage* page = m_explorer->tracePage();
    QCOMPARE(m_window->centralTabs()->currentWidget(), page);
    tg::view::WaterfallView* waterfall = page->waterfall();
    QVERIFY(waterfall->traceData());
    QCOMPARE(waterfall->traceData()->nodeCount(), size_t(17)); // PetClinic: 17 spans
    QCOMPARE(waterfall->visibleRowCount(), size_t(17));        // opened fully expanded
    QVERIFY2(page->titleLabel()->text().startsWith(
                 QStringLiteral("api-gateway: GET /api/customer/owners")),
             qPrintable(page->titleLabel()->text()));
    // Selecting the root span fills the details pane.
    const auto root = waterfall->spanRowAtVisibleRow(0);
    QVERIFY(root);
    waterfall->selectSpanRow(*root);
    QVERIFY2(page->details()->headerText().contains(QStringLiteral("GET /api/customer/owners")),
             qPrintable(page->details()->headerText()));
    QCOMPARE(m_explorer->openTraceIndex(), std::optional<size_t>(m_panel->model()->traceAt(0)));
}

void ExplorerWindowTest::tracesThroughServiceEdgeAndDatabase() {
    const auto snapshot = m_window->controller()->snapshot();
    const auto& graph = *snapshot->graph;
    QAction* through = m_explorer->tracesThroughSelectionAction();
    QVERIFY(!through->isEnabled()); // nothing selected yet
    // Offered on the map's context menu and under the Inspector.
    QCOMPARE(m_window->topologyView()->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(m_window->topologyView()->actions().contains(through));
    auto* button =
        m_window->findChild<QToolButton*>(QStringLiteral("tracesThroughSelectionButton"));
    QVERIFY(button && button->defaultAction() == through);

    // A service: the search is pre-filled with it; one trace (traceGraph) has service2 spans.
    QSignalSpy results(m_explorer, &ExplorerController::resultsShown);
    m_window->topologyView()->selectNode(*graph.findNode("service2"));
    QVERIFY(through->isEnabled());
    QVERIFY(through->text().contains(QStringLiteral("service2")));
    through->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, kTimeout);
    QCOMPARE(m_panel->form()->serviceBox()->currentText(), QStringLiteral("service2"));
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(rowOfRoot(m_panel, QStringLiteral("service1")), 0);
    QVERIFY(!m_panel->hasScope());

    // An edge: the callee in the form plus a scope chip; PetClinic is the only trace with an
    // api-gateway span calling a customers-service span.
    const auto edge =
        graph.findEdge(*graph.findNode("api-gateway"), *graph.findNode("customers-service"));
    QVERIFY(edge);
    m_window->topologyView()->selectEdge(*edge);
    through->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 2, kTimeout);
    QCOMPARE(m_panel->form()->serviceBox()->currentText(), QStringLiteral("customers-service"));
    QVERIFY(m_panel->hasScope());
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(rowOfRoot(m_panel, QStringLiteral("api-gateway")), 0);

    // An inferred database: Yelp's yelp-main client spans name mysql; no service to pre-fill.
    const auto mysql = graph.findNode("mysql");
    QVERIFY(mysql && graph.nodes[*mysql].inferred());
    m_window->topologyView()->selectNode(*mysql);
    through->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 3, kTimeout);
    QCOMPARE(m_panel->form()->serviceBox()->currentText(), QString());
    QVERIFY(m_panel->hasScope());
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(rowOfRoot(m_panel, QStringLiteral("routing")), 0); // Yelp's root service

    // Clearing the chip searches everything again.
    QTest::mouseClick(m_panel->findChild<QToolButton*>(QStringLiteral("searchScopeClear")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 4, kTimeout);
    QCOMPARE(m_panel->model()->rowCount(), 7);
}

void ExplorerWindowTest::compareTwoResults() {
    // PetClinic (3.72 ms) and traceGraph (1 s): no root in common, so the comparison has two
    // top-level rows, PetClinic's only in A (the faster one) and traceGraph's only in B.
    const int pet = rowOfRoot(m_panel, QStringLiteral("api-gateway"));
    const int graph = rowOfRoot(m_panel, QStringLiteral("service1"));
    QVERIFY(pet >= 0 && graph >= 0);
    auto* selection = m_panel->table()->selectionModel();
    for (int r : {graph, pet})
        selection->select(m_panel->model()->index(r, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QSignalSpy compared(m_explorer, &ExplorerController::comparisonShown);
    m_explorer->compareAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, kTimeout);
    tg::view::TraceCompareView* view = m_explorer->compareView();
    QCOMPARE(m_window->centralTabs()->currentWidget(), view);
    const auto* model = view->model();
    QCOMPARE(model->rowCount(), 2);
    const QModelIndex a = model->index(0, 0), b = model->index(1, 0);
    QCOMPARE(a.data(tg::view::TraceCompareModel::kPresenceRole).toString(), QStringLiteral("left"));
    QVERIFY(a.data().toString().startsWith(QStringLiteral("api-gateway: GET /api/customer")));
    QCOMPARE(b.data(tg::view::TraceCompareModel::kPresenceRole).toString(),
             QStringLiteral("right"));
    QVERIFY(b.data().toString().startsWith(QStringLiteral("service1: op1")));
    QVERIFY(view->headline()->text().contains(QStringLiteral("slower")));
}

void ExplorerWindowTest::onlyNewestSearchIsShown() {
    // Both searches are queued behind blocked workers, so the first one's result arrives after
    // the second search was asked for: it must be dropped, whatever order the workers finish.
    QThreadPool* pool = m_explorer->jobPool();
    QSemaphore gate;
    for (int i = 0; i < pool->maxThreadCount(); ++i)
        pool->start([&gate] { gate.acquire(); });
    QSignalSpy results(m_explorer, &ExplorerController::resultsShown);
    tg::model::TraceQuery narrow;
    narrow.service = "service2";
    m_explorer->search(narrow);
    m_explorer->search({});
    gate.release(pool->maxThreadCount());
    QVERIFY(pool->waitForDone(kTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, kTimeout);
    QCOMPARE(results.at(0).at(0).toInt(), 7);
    QTest::qWait(100); // both continuations have been delivered by now (the pool is idle)
    QCOMPARE(results.count(), 1);
    QCOMPARE(m_panel->model()->rowCount(), 7);
}

void ExplorerWindowTest::shortcutFocusesSearch() {
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_explorer->searchDock()->hide();
    QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier);
    QVERIFY(m_explorer->searchDock()->isVisible());
    QTRY_VERIFY(m_panel->form()->serviceBox()->hasFocus() ||
                m_panel->form()->serviceBox()->lineEdit()->hasFocus());
}

// The demo incident (generated; 963 traces) as the docs show it: sorted by duration, the
// slowest trace with errors opened and its first error span selected. With
// TOPOGRAPH_EXAMPLE_DIR set, the window is saved there as trace-explorer.png.
void ExplorerWindowTest::demoIncidentSlowestErrorTrace() {
    m_window->resize(1600, 1000);
    QSignalSpy results(m_explorer, &ExplorerController::resultsShown);
    m_window->openDemo();
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, kTimeout);
    const int traces = results.at(0).at(0).toInt();
    QVERIFY2(traces > 100, "the demo incident has hundreds of traces");
    QCOMPARE(m_panel->model()->rowCount(), traces);
    QVERIFY(m_panel->scatter()->errorSeries()->count() > 0);
    m_panel->table()->sortByColumn(tg::view::TraceResultsModel::kDuration, Qt::DescendingOrder);
    int row = 0;
    const auto* index = m_panel->model()->searchIndex();
    while (row < traces && index->traces[m_panel->model()->traceAt(row)].errorCount == 0)
        ++row;
    QVERIFY(row < traces);
    m_panel->selectTrace(m_panel->model()->traceAt(row));
    QSignalSpy shown(m_explorer, &ExplorerController::traceShown);
    m_explorer->openTrace(m_panel->model()->traceAt(row));
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
    tg::view::WaterfallView* waterfall = m_explorer->tracePage()->waterfall();
    const auto* data = waterfall->traceData();
    QVERIFY(data && data->errorCount > 0);
    for (size_t v = 0; v < waterfall->visibleRowCount(); ++v) {
        const uint32_t spanRow = *waterfall->spanRowAtVisibleRow(v);
        if (!data->dataset->isError(spanRow)) continue;
        waterfall->selectSpanRow(spanRow);
        break;
    }
    QVERIFY(waterfall->selectedSpanRow());
    QVERIFY(m_explorer->tracePage()->details()->headerText().contains(QStringLiteral("error")));
    if (const QString dir = QString::fromLocal8Bit(qgetenv("TOPOGRAPH_EXAMPLE_DIR"));
        !dir.isEmpty()) {
        // The picture is about the explorer: the service map's docks are closed for it.
        for (const char* name : {"inspectorDock", "sourcesDock"})
            if (auto* dock = m_window->findChild<QDockWidget*>(QLatin1String(name))) dock->hide();
        QTest::qWait(100); // the scatter's coalesced rebuild after the resize
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/trace-explorer.png")));
    }
}

QTEST_MAIN(ExplorerWindowTest)
#include "explorer_window_test.moc"
