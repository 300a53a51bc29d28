#pragma once
// The trace explorer in the workbench (issue 5): the "Traces" search dock, the "Trace" tab
// (waterfall and span details) and the "Compare" tab, and the jobs behind them.
//
// Every heavy step runs on a worker of the explorer's pool (DESIGN §4) and comes back through a
// QFuture continuation on this object (at once, when the job was done before the continuation
// was attached); each kind of job has its own generation counter, so a result that a newer
// request (or a new session) superseded is dropped: building the trace index and the search
// catalog when a session snapshot with a new dataset arrives, each search (the model search,
// then the scope filter of a search started from the service map), building the waterfall
// data of an opened trace, and comparing two traces.
//
// From the service map, "Traces Through Selection" (context menu, Inspector button,
// Ctrl+Shift+T) pre-fills the search with the selected service, or with the callee of the
// selected edge plus an edge scope (trace_scope.h), and runs it.
//
// Thread affinity: GUI thread (a QObject). Jobs only touch the immutable ExplorerData and
// values they were given.
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <optional>

#include "app/explorer/explorer_data.h"
#include "app/explorer/trace_scope.h"

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QTabWidget;
class QToolButton;
class QWidget;

namespace tg::view {
class TraceCompareView;
class TraceSearchPanel;
} // namespace tg::view

namespace tg::app {

struct SessionSnapshot;
class TracePage;

class ExplorerController : public QObject {
    Q_OBJECT
public:
    // Adds the Traces dock to the window and the Trace and Compare tabs to `tabs`.
    ExplorerController(QMainWindow* window, QTabWidget* tabs);
    ~ExplorerController() override;

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    void populateMenu(QMenu* menu);
    // A small button running "Traces Through Selection", for the Inspector.
    QToolButton* createSelectionButton(QWidget* parent);

    // The topology selection "Traces Through Selection" works on.
    void setSelectedNode(const QString& name, bool inferred);
    void setSelectedEdge(const QString& caller, const QString& callee, bool inferredCallee);
    void clearSelection();

    void search(const model::TraceQuery& query); // with the current scope
    void searchService(const QString& service);
    void searchEdge(const QString& caller, const QString& callee, bool inferredCallee);
    void searchPeer(const QString& name); // an inferred node (database, queue, external API)
    void openTrace(size_t traceIndex);
    void compareTraces(size_t left, size_t right);
    void focusSearch();

    view::TraceSearchPanel* searchPanel() const { return m_panel; }
    QDockWidget* searchDock() const { return m_dock; }
    TracePage* tracePage() const { return m_page; }
    view::TraceCompareView* compareView() const { return m_compare; }
    QAction* tracesThroughSelectionAction() const { return m_throughSelection; }
    QAction* compareAction() const { return m_compareAction; }
    std::shared_ptr<const ExplorerData> data() const { return m_data; }
    std::optional<size_t> openTraceIndex() const { return m_openTrace; }
    const TraceScope& scope() const { return m_scope; }
    // The explorer's own workers (index, search, open, compare), so its jobs never queue
    // behind imports or layouts; tests block it to make the order of deliveries certain.
    QThreadPool* jobPool() { return &m_pool; }

signals:
    void indexReady();
    void resultsShown(int count);
    void traceShown(size_t traceIndex);
    void comparisonShown();

private:
    struct Prefill { // a search from the service map: the form's service, the scope, its chip
        QString service;
        TraceScope scope;
        QString chip;
    };
    void createActions();
    void startScopedSearch(const Prefill& prefill);
    void runSearch(const model::TraceQuery& query);
    void acceptData(std::shared_ptr<const ExplorerData> data);
    void showSearchDock();
    void updateSelectionAction();

    QMainWindow* m_window = nullptr;
    QTabWidget* m_tabs = nullptr;
    QDockWidget* m_dock = nullptr;
    view::TraceSearchPanel* m_panel = nullptr;
    TracePage* m_page = nullptr;
    view::TraceCompareView* m_compare = nullptr;
    QAction* m_focusSearch = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_throughSelection = nullptr;

    std::shared_ptr<const LoadedInputs> m_inputs; // of the snapshot being indexed or shown
    std::shared_ptr<const ExplorerData> m_data;
    std::optional<Prefill> m_pendingPrefill; // a search from the map asked for while indexing
    TraceScope m_scope;
    std::optional<size_t> m_openTrace;
    // The topology selection: a node (callee only) or an edge (caller and callee).
    QString m_selCaller, m_selCallee;
    bool m_selInferred = false;
    QThreadPool m_pool;
    quint64 m_dataGeneration = 0, m_searchGeneration = 0, m_openGeneration = 0,
            m_compareGeneration = 0;
};

} // namespace tg::app
