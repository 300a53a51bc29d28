#include "app/gui/main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/explorer/explorer_controller.h"
#include "app/gui/export_actions.h"
#include "app/gui/job_status.h"
#include "app/gui/recent_files.h"
#include "app/gui/session_controller.h"
#include "app/gui/view_models.h"
#include "app/panels/panels_controller.h"
#include "app/panels/panels_explorer_link.h"
#include "views/inspector/inspector_widget.h"
#include "views/sources/sources_dock.h"
#include "views/topology/topology_view.h"

namespace tg::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("topographMainWindow"));
    setAcceptDrops(true);
    m_settings = ViewSettings::load();
    m_controller = new SessionController(this);
    m_view = new view::TopologyView(this);
    m_view->setObjectName(QStringLiteral("topologyView"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Service Map"));
    setCentralWidget(m_tabs);
    // The right column keeps the full height; the Traces dock sits under the tabs only.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_explorer = new ExplorerController(this, m_tabs);
    m_status = new JobStatus(this);
    statusBar()->addPermanentWidget(m_status);
    m_exports = new ExportActions(
        this, m_status,
        [this] { return m_controller->snapshot() ? m_controller->snapshot()->graph : nullptr; },
        [this] { return m_view->renderVisible(2.0); });
    connect(m_exports, &ExportActions::message, this, [this](const QString& t) { showMessage(t); });
    createDocks();
    // The Metrics and Logs docks (app/panels), linked both ways with the trace explorer.
    auto* panels = new PanelsController(this, m_controller, m_view);
    new PanelsExplorerLink(panels, m_explorer);
    connect(panels, &PanelsController::message, this, [this](const QString& t) { showMessage(t); });
    createMenus();
    auto* traces = new QMenu(tr("&Traces"), this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), traces); // before Help
    m_explorer->populateMenu(traces);
    createToolBar();
    connectController();
    connectView();
    applyViewSettings();
    restoreWindowState();
    updateTitle();
    for (QAction* a : m_sessionActions)
        a->setEnabled(false);
    m_exports->setEnabled(false);
}

MainWindow::~MainWindow() {
    // Children go in creation order, and docks may be gone before the tabs: the topology
    // view's selection signals (its scene clears its items) must not reach this window then.
    m_view->disconnect(this);
}

void MainWindow::createDocks() {
    // One column on the right, Inspector above Sources, so the topology keeps the width.
    m_inspector = new view::InspectorWidget(this);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    auto* inspectorBox = new QWidget(this); // the Inspector, then "Traces Through …"
    auto* inspectorLayout = new QVBoxLayout(inspectorBox);
    inspectorLayout->setContentsMargins(0, 0, 0, 4);
    inspectorLayout->addWidget(m_inspector, 1);
    inspectorLayout->addWidget(m_explorer->createSelectionButton(inspectorBox), 0, Qt::AlignLeft);
    m_inspectorDock->setWidget(inspectorBox);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    m_sources = new view::SourcesDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_sources);
    splitDockWidget(m_inspectorDock, m_sources, Qt::Vertical);
}

void MainWindow::connectController() {
    auto* c = m_controller;
    connect(c, &SessionController::busyChanged, this, &MainWindow::setSessionJob);
    connect(c, &SessionController::progressChanged, this,
            [this](const QString& stage, quint64 done, quint64 total) {
                if (m_sessionJob) m_status->update(m_sessionJob, stage, done, total);
            });
    connect(c, &SessionController::sessionChanged, this, &MainWindow::showSession);
    connect(c, &SessionController::layoutChanged, this, &MainWindow::showLayout);
    connect(c, &SessionController::sourcesChanged, this, &MainWindow::updateSources);
    connect(c, &SessionController::importCancelled, this,
            [this] { showMessage(tr("Cancelled; what was loaded before stays")); });
    connect(c, &SessionController::importFailed, this, [this](const QString& message) {
        m_sources->raise();
        showMessage(
            tr("Import failed (see Sources): %1").arg(message.section(QLatin1Char('\n'), 0, 0)),
            15000);
    });
    connect(c, &SessionController::layoutFailed, this,
            [this](const QString& m) { showMessage(tr("Layout failed: %1").arg(m), 15000); });
    connect(c, &SessionController::workspaceSaved, this, [this](const QString& path) {
        endSaveJob();
        updateTitle();
        showMessage(tr("Saved to %1").arg(QFileInfo(path).fileName()));
    });
    connect(c, &SessionController::workspaceFailed, this, [this](const QString& m) {
        endSaveJob();
        showMessage(tr("Workspace not saved: %1").arg(m), 15000);
    });
}

void MainWindow::connectView() {
    connect(m_view, &view::TopologyView::nodeSelected, this, &MainWindow::showNode);
    connect(m_view, &view::TopologyView::edgeSelected, this, &MainWindow::showEdge);
    connect(m_view, &view::TopologyView::selectionCleared, this, &MainWindow::clearInspector);
    // Right-click: "Traces Through …" the selected service or call.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_explorer->tracesThroughSelectionAction());
    connect(m_view, &view::TopologyView::nodeMoved, m_controller,
            &SessionController::setNodePosition);
    connect(m_view, &view::TopologyView::nodeActivated, this, [this](uint32_t node) {
        m_selectedNode = node;
        focusOnSelection();
    });
}

void MainWindow::setSessionJob(bool busy) {
    if (busy && !m_sessionJob) {
        m_sessionJob = m_status->begin(tr("Working"), [this] { m_controller->cancel(); });
    } else if (!busy && m_sessionJob) {
        m_status->end(m_sessionJob);
        m_sessionJob = 0;
    }
}

void MainWindow::endSaveJob() {
    if (!m_saveJob) return;
    m_status->end(m_saveJob);
    m_saveJob = 0;
}

void MainWindow::showSession() {
    const auto snapshot = m_controller->snapshot();
    if (!snapshot || !snapshot->graph) return;
    m_selectedNode.reset();
    m_selectedEdge.reset();
    m_focused = false;
    // Pins first, so the new graph's items are created where the user put them. The view fits
    // a different system and keeps the zoom of a refreshed one.
    m_view->setPinnedPositions(m_controller->nodePositions());
    m_view->setSceneData(snapshot->sceneData);
    clearInspector();
    m_explorer->setSnapshot(snapshot);
    for (QAction* a : m_sessionActions)
        a->setEnabled(true);
    m_exports->setEnabled(true);
    m_status->setSummary(summaryText(*snapshot));
    updateTitle();
}

void MainWindow::showLayout() {
    const auto snapshot = m_controller->snapshot();
    if (!snapshot || !snapshot->graph) return;
    m_view->setPinnedPositions(m_controller->nodePositions());
    m_view->setSceneData(snapshot->sceneData); // the view keeps the selection by name
    showMessage(tr("Laid out again"));
}

void MainWindow::updateSources() {
    const auto snapshot = m_controller->snapshot();
    m_sources->setSources(sourceItems(snapshot.get(), m_controller->failedAttempts()));
}

void MainWindow::updateTitle() {
    const auto snapshot = m_controller->snapshot();
    QString what;
    if (!m_controller->workspacePath().isEmpty())
        what = QFileInfo(m_controller->workspacePath()).fileName();
    else if (snapshot && snapshot->paths.isEmpty())
        what = tr("demo incident");
    else if (snapshot && !snapshot->paths.isEmpty()) {
        what = QFileInfo(snapshot->paths.first()).fileName();
        if (snapshot->paths.size() > 1)
            what += tr(" and %n more", nullptr, int(snapshot->paths.size() - 1));
    }
    setWindowTitle(what.isEmpty() ? tr("Topograph") : tr("%1 — Topograph").arg(what));
}

void MainWindow::showNode(uint32_t node) {
    m_selectedNode = node;
    m_selectedEdge.reset();
    if (const auto s = m_controller->snapshot()) {
        m_inspector->setContent(nodeInspector(*s, node));
        if (s->graph && node < s->graph->nodes.size())
            m_explorer->setSelectedNode(QString::fromStdString(s->graph->nodes[node].name),
                                        s->graph->nodes[node].inferred());
    }
    m_focus->setEnabled(true);
}

void MainWindow::showEdge(uint32_t edge) {
    m_selectedEdge = edge;
    m_selectedNode.reset();
    if (const auto s = m_controller->snapshot()) {
        m_inspector->setContent(edgeInspector(*s, edge));
        if (s->graph && edge < s->graph->edges.size()) {
            const auto& e = s->graph->edges[edge];
            m_explorer->setSelectedEdge(QString::fromStdString(s->graph->nodes[e.source].name),
                                        QString::fromStdString(s->graph->nodes[e.target].name),
                                        e.inferred);
        }
    }
    m_focus->setEnabled(false);
}

void MainWindow::clearInspector() {
    m_selectedNode.reset();
    m_selectedEdge.reset();
    m_inspector->clear();
    m_explorer->clearSelection();
    m_focus->setEnabled(false);
}

void MainWindow::openFiles(const QStringList& paths) {
    if (paths.isEmpty()) return;
    QStringList absolute;
    for (const QString& p : paths)
        absolute << QFileInfo(p).absoluteFilePath();
    m_controller->openFiles(absolute);
    if (m_recent) m_recent->add(absolute);
}

void MainWindow::addFiles(const QStringList& paths) {
    m_controller->addFiles(paths);
}

bool MainWindow::openDemo() {
    // The embedded default: the demo incident generator's e-commerce system (30 services, two
    // namespaces and regions) during its cascading fault, generated off the GUI thread.
    m_controller->openDemo({}, QStringLiteral("demo:checkout incident (generated, seed 1)"));
    return true;
}

void MainWindow::showMessage(const QString& text, int timeoutMs) {
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveWindowState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    // Dropped files join the open session (a new one when only the demo is shown).
    if (m_controller->snapshot() && !m_controller->isShowingDemo())
        addFiles(paths);
    else
        openFiles(paths);
}

} // namespace tg::app
