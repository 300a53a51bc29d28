#pragma once
// The workbench window: the topology view in the middle (a tab beside the trace explorer's
// Trace and Compare tabs, with its Traces search dock below), the Sources and Inspector docks, a
// toolbar (find, edge labels, hide healthy, focus, fit) and a status bar with the running job
// (progress, Cancel) and a summary of what is loaded. Files open from the menu, by drag and
// drop, from the command line and from Open Recent. Settings and window state persist in
// QSettings. Colours come from the palette, so light and dark system themes both work.
//
// Thread affinity: GUI thread. All loading, layout and export work runs in background jobs
// owned by SessionController and ExportActions; this class only shows their results.
#include <QMainWindow>
#include <optional>

#include "app/gui/view_settings.h"

class QAction;
class QComboBox;
class QDockWidget;
class QLineEdit;
class QMenu;
class QSpinBox;
class QTabWidget;

namespace tg::view {
class InspectorWidget;
class SourcesDock;
class TopologyView;
} // namespace tg::view

namespace tg::app {

class ExplorerController;
class ExportActions;
class JobStatus;
class RecentFiles;
class SessionController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFiles(const QStringList& paths); // a new session (and Open Recent entry)
    void addFiles(const QStringList& paths);  // into the current session
    bool openDemo();                          // the bundled demo incident

    SessionController* controller() const { return m_controller; }
    view::TopologyView* topologyView() const { return m_view; }
    view::InspectorWidget* inspector() const { return m_inspector; }
    view::SourcesDock* sourcesDock() const { return m_sources; }
    JobStatus* jobStatus() const { return m_status; }
    ExportActions* exportActions() const { return m_exports; }
    QLineEdit* findBox() const { return m_find; }
    ExplorerController* explorer() const { return m_explorer; }
    QTabWidget* centralTabs() const { return m_tabs; } // Service map | Trace | Compare

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // main_window_menus.cpp
    void createMenus();
    void createFileMenu();
    void createViewMenu(QMenu* view);
    // main_window_toolbar.cpp
    void createToolBar();
    void applyViewSettings();
    // main_window_settings.cpp
    void restoreWindowState();
    void saveWindowState() const;
    void chooseFilesToOpen();
    void chooseFilesToAdd();
    void chooseWorkspacePath();
    void editThresholds();
    // main_window.cpp
    void createDocks();
    void connectController();
    void connectView();
    void showSession();
    void showLayout();
    void updateSources();
    void updateTitle();
    void showNode(uint32_t node);
    void showEdge(uint32_t edge);
    void clearInspector();
    void findNext();
    void focusOnSelection();
    void clearFocus();
    void setSessionJob(bool busy);
    void endSaveJob();
    void showMessage(const QString& text, int timeoutMs = 6000);

    SessionController* m_controller = nullptr;
    QTabWidget* m_tabs = nullptr;
    view::TopologyView* m_view = nullptr;
    ExplorerController* m_explorer = nullptr; // the trace explorer (app/explorer)
    view::SourcesDock* m_sources = nullptr;
    view::InspectorWidget* m_inspector = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    JobStatus* m_status = nullptr;
    ExportActions* m_exports = nullptr;
    RecentFiles* m_recent = nullptr;

    QLineEdit* m_find = nullptr;
    QComboBox* m_edgeLabels = nullptr;
    QSpinBox* m_hops = nullptr;
    QAction* m_hideHealthy = nullptr;
    QAction* m_focus = nullptr;
    QAction* m_clearFocus = nullptr;
    QList<QAction*> m_sessionActions; // enabled once something is loaded

    ViewSettings m_settings;
    std::optional<uint32_t> m_selectedNode;
    std::optional<uint32_t> m_selectedEdge;
    bool m_focused = false;
    int m_sessionJob = 0; // JobStatus id of the running import/layout, 0 when idle
    int m_saveJob = 0;    // JobStatus id of a running "Save workspace as…"
};

} // namespace tg::app
