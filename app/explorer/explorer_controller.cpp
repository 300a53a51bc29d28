// ExplorerController: widgets, actions, the topology selection and the per-session index.
// The search, open and compare jobs are in explorer_jobs.cpp.
#include "app/explorer/explorer_controller.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include "app/explorer/trace_page.h"
#include "app/gui/session_snapshot.h"
#include "views/explorer/trace_compare_view.h"
#include "views/explorer/trace_query_form.h"
#include "views/explorer/trace_search_panel.h"

namespace tg::app {

ExplorerController::ExplorerController(QMainWindow* window, QTabWidget* tabs)
    : QObject(window), m_window(window), m_tabs(tabs) {
    m_pool.setMaxThreadCount(2); // a search may run while a trace opens
    m_panel = new view::TraceSearchPanel;
    m_dock = new QDockWidget(tr("Traces"), window);
    m_dock->setObjectName(QStringLiteral("tracesDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // Stacked in a side dock, side by side in a wide bottom or top dock.
    connect(m_dock, &QDockWidget::dockLocationChanged, this, [this](Qt::DockWidgetArea area) {
        const bool side = area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea;
        m_panel->setOrientation(side ? Qt::Vertical : Qt::Horizontal);
    });
    m_page = new TracePage;
    m_tabs->addTab(m_page, tr("Trace"));
    m_compare = new view::TraceCompareView;
    m_tabs->addTab(m_compare, tr("Compare"));

    connect(m_panel, &view::TraceSearchPanel::searchRequested, this, &ExplorerController::search);
    connect(m_panel, &view::TraceSearchPanel::traceActivated, this, &ExplorerController::openTrace);
    connect(m_panel, &view::TraceSearchPanel::compareRequested, this,
            &ExplorerController::compareTraces);
    connect(m_panel, &view::TraceSearchPanel::scopeCleared, this, [this] {
        m_scope = {};
        m_panel->requestSearch();
    });
    connect(m_page, &TracePage::compareWithRequested, this, [this] {
        showSearchDock();
        m_panel->setStatus(tr("Select the trace to compare with, then press Compare "
                              "(Ctrl+Shift+C)."));
    });
    createActions();
}

ExplorerController::~ExplorerController() {
    ++m_dataGeneration; // nothing still running is shown any more
    ++m_searchGeneration;
    ++m_openGeneration;
    ++m_compareGeneration;
    m_pool.waitForDone(); // jobs only read shared data, and each ends on its own
}

void ExplorerController::createActions() {
    m_focusSearch = new QAction(tr("Find &Traces…"), this);
    m_focusSearch->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(m_focusSearch, &QAction::triggered, this, &ExplorerController::focusSearch);
    m_compareAction = new QAction(tr("&Compare Selected Traces"), this);
    m_compareAction->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    connect(m_compareAction, &QAction::triggered, this, [this] {
        if (m_panel->compareButton()->isEnabled()) m_panel->compareButton()->click();
    });
    m_throughSelection = new QAction(tr("Traces Through Selection"), this);
    m_throughSelection->setObjectName(QStringLiteral("tracesThroughSelection"));
    m_throughSelection->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    m_throughSelection->setToolTip(
        tr("Search the traces through the selected service or call (pre-fills the search)"));
    connect(m_throughSelection, &QAction::triggered, this, [this] {
        if (m_selCallee.isEmpty()) return;
        if (!m_selCaller.isEmpty())
            searchEdge(m_selCaller, m_selCallee, m_selInferred);
        else if (m_selInferred)
            searchPeer(m_selCallee);
        else
            searchService(m_selCallee);
    });
    for (QAction* a : {m_focusSearch, m_compareAction, m_throughSelection})
        m_window->addAction(a); // shortcuts work even where the menu is not installed
    updateSelectionAction();
}

void ExplorerController::populateMenu(QMenu* menu) {
    menu->addAction(m_focusSearch);
    menu->addAction(m_throughSelection);
    menu->addAction(m_compareAction);
    menu->addSeparator();
    const QString names[] = {tr("Service &Map"), tr("T&race"), tr("C&ompare")};
    for (int i = 0; i < 3; ++i) {
        QAction* show = menu->addAction(names[i], this, [this, i] {
            if (i < m_tabs->count()) m_tabs->setCurrentIndex(i);
        });
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }
    menu->addSeparator();
    menu->addAction(m_dock->toggleViewAction());
}

QToolButton* ExplorerController::createSelectionButton(QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("tracesThroughSelectionButton"));
    button->setDefaultAction(m_throughSelection);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

void ExplorerController::setSelectedNode(const QString& name, bool inferred) {
    m_selCaller.clear();
    m_selCallee = name;
    m_selInferred = inferred;
    updateSelectionAction();
}

void ExplorerController::setSelectedEdge(const QString& caller, const QString& callee,
                                         bool inferredCallee) {
    m_selCaller = caller;
    m_selCallee = callee;
    m_selInferred = inferredCallee;
    updateSelectionAction();
}

void ExplorerController::clearSelection() {
    m_selCaller.clear();
    m_selCallee.clear();
    updateSelectionAction();
}

void ExplorerController::updateSelectionAction() {
    QString text = tr("Traces Through Selection");
    if (!m_selCaller.isEmpty())
        text = tr("Traces Through “%1 → %2”").arg(m_selCaller, m_selCallee);
    else if (!m_selCallee.isEmpty())
        text = tr("Traces Through “%1”").arg(m_selCallee);
    m_throughSelection->setText(text);
    m_throughSelection->setEnabled(!m_selCallee.isEmpty());
}

void ExplorerController::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot) {
    const auto inputs = snapshot ? snapshot->inputs : nullptr;
    if (inputs == m_inputs) return; // the same dataset, laid out again
    m_inputs = inputs;
    const quint64 generation = ++m_dataGeneration;
    ++m_searchGeneration; // whatever runs on the old dataset is dropped
    ++m_openGeneration;
    ++m_compareGeneration;
    m_data.reset();
    m_openTrace.reset();
    m_scope = {};
    m_panel->setIndex(nullptr, nullptr);
    m_panel->setScope({});
    m_page->clear();
    m_compare->clear();
    if (!inputs) return;
    m_panel->setBusy(tr("Indexing traces…"));
    QtConcurrent::run(&m_pool, [inputs] {
        return buildExplorerData(inputs);
    }).then(this, [this, generation](std::shared_ptr<const ExplorerData> data) {
        if (generation == m_dataGeneration) acceptData(std::move(data));
    });
}

void ExplorerController::acceptData(std::shared_ptr<const ExplorerData> data) {
    m_data = std::move(data);
    m_panel->setIndex(m_data->dataset, m_data->index);
    m_panel->setCatalog(m_data->catalog);
    emit indexReady();
    if (m_pendingPrefill) {
        const Prefill prefill = *m_pendingPrefill;
        m_pendingPrefill.reset();
        startScopedSearch(prefill);
    } else {
        m_panel->requestSearch(); // every trace: the plot shows the whole incident at once
    }
}

void ExplorerController::showSearchDock() {
    m_dock->show();
    m_dock->raise();
}

void ExplorerController::focusSearch() {
    showSearchDock();
    m_panel->focusSearch();
}

} // namespace tg::app
