// MainWindow's menus and their shortcuts (File, Edit, View, Help).
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>

#include "app/gui/export_actions.h"
#include "app/gui/main_window.h"
#include "app/gui/recent_files.h"
#include "app/gui/session_controller.h"
#include "views/sources/sources_dock.h"
#include "views/topology/topology_view.h"

namespace tg::app {

void MainWindow::createMenus() {
    createFileMenu();
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QMenu* exportMenu = findChild<QMenu*>(QStringLiteral("exportMenu"));
    m_exports->populate(exportMenu, edit);
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Find…"), this, [this] {
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    createViewMenu(menuBar()->addMenu(tr("&View")));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Topograph"), this, [this] {
        QMessageBox::about(
            this, tr("About Topograph"),
            tr("<b>Topograph %1</b><p>Service dependency graphs from traces, for incidents, "
               "architecture reviews and reports.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFilesToOpen)
        ->setToolTip(tr("Open trace files or a workspace as a new session"));
    QAction* add = file->addAction(tr("&Add Files…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                                   &MainWindow::chooseFilesToAdd);
    m_sessionActions << add;
    QMenu* recent = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(recent, this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFiles);
    file->addAction(tr("Open &Demo Incident"), this, &MainWindow::openDemo);
    file->addSeparator();
    m_sessionActions << file->addAction(tr("&Save Workspace As…"), QKeySequence(tr("Ctrl+S")), this,
                                        &MainWindow::chooseWorkspacePath);
    QMenu* exportMenu = file->addMenu(tr("&Export Graph"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::createViewMenu(QMenu* view) {
    QAction* relayout = view->addAction(tr("&Re-layout"), QKeySequence(Qt::Key_F5), m_controller,
                                        &SessionController::relayout);
    m_sessionActions << relayout;
    view->addAction(tr("&Fit to Window"), QKeySequence(tr("Ctrl+0")), m_view,
                    &view::TopologyView::fitToView);
    QAction* zoomIn = view->addAction(tr("Zoom &In"), m_view, &view::TopologyView::zoomIn);
    zoomIn->setShortcuts({QKeySequence(tr("Ctrl+=")), QKeySequence::ZoomIn});
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), m_view, &view::TopologyView::zoomOut);
    zoomOut->setShortcuts({QKeySequence(tr("Ctrl+-")), QKeySequence::ZoomOut});
    view->addAction(tr("&Actual Size"), QKeySequence(tr("Ctrl+1")), m_view,
                    &view::TopologyView::resetZoom);
    view->addSeparator();

    QMenu* labels = view->addMenu(tr("Edge &Labels"));
    auto* group = new QActionGroup(this);
    const QStringList names{tr("Requests/s"), tr("Error %"), tr("p95 Latency"), tr("None")};
    for (int i = 0; i < names.size(); ++i) {
        QAction* a =
            labels->addAction(names[i], this, [this, i] { m_edgeLabels->setCurrentIndex(i); });
        a->setCheckable(true);
        group->addAction(a);
    }
    connect(labels, &QMenu::aboutToShow, this, [group, this] {
        group->actions().value(m_edgeLabels->currentIndex())->setChecked(true);
    });

    // Automatic: dot's ranked drawing or the force-directed one, whichever crosses fewer edges,
    // up to 100 services; force-directed beyond. Architects reviewing a system may want the
    // ranked one (calls flow left to right) whatever it crosses; ranked above a few hundred
    // services takes seconds to minutes (cancel in the status bar).
    QMenu* style = view->addMenu(tr("Layout &Style"));
    auto* styles = new QActionGroup(this);
    struct Style {
        QString label;
        std::string engine;
        const char* objectName;
    };
    const Style choices[] = {{tr("&Automatic"), "", "layoutAutomatic"},
                             {tr("&Ranked (calls left to right)"), "dot", "layoutRanked"},
                             {tr("&Force-directed"), "sfdp", "layoutForceDirected"}};
    for (const Style& choice : choices) {
        const std::string engine = choice.engine;
        QAction* a = style->addAction(choice.label, this, [this, engine] {
            m_settings.layoutEngine = engine;
            m_controller->setLayoutEngine(engine);
        });
        a->setObjectName(QString::fromLatin1(choice.objectName));
        a->setCheckable(true);
        a->setData(QString::fromStdString(engine));
        styles->addAction(a);
    }
    connect(style, &QMenu::aboutToShow, this, [styles, this] {
        for (QAction* a : styles->actions())
            a->setChecked(a->data().toString().toStdString() == m_controller->layoutEngine());
    });

    m_hideHealthy = view->addAction(tr("Hide &Healthy"));
    m_hideHealthy->setCheckable(true);
    m_hideHealthy->setToolTip(
        tr("Show only services and calls above the warning error rate (and their neighbours)"));
    connect(m_hideHealthy, &QAction::toggled, this, [this](bool hide) {
        m_settings.hideHealthy = hide;
        m_view->setHideHealthy(hide);
    });
    m_focus = view->addAction(tr("&Focus on Selection"), this, &MainWindow::focusOnSelection);
    m_focus->setToolTip(
        tr("Show only the selected service and its neighbours within the hop count"));
    m_clearFocus = view->addAction(tr("&Clear Focus"), this, &MainWindow::clearFocus);
    m_focus->setEnabled(false);
    m_clearFocus->setEnabled(false);
    view->addAction(tr("Error &Thresholds…"), this, &MainWindow::editThresholds);
    QAction* resetPins = view->addAction(tr("Reset Node &Positions"), this, [this] {
        m_controller->clearNodePositions();
        m_view->setPinnedPositions({}); // back to the layout's positions
    });
    m_sessionActions << resetPins;
    view->addSeparator();
    view->addAction(m_sources->toggleViewAction());
    view->addAction(m_inspectorDock->toggleViewAction());
}

} // namespace tg::app
