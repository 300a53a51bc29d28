#pragma once
// The Logs panel (issue 4): a virtualized table of the log records of the selection (all of
// them when nothing is selected; a service's, a call's two services', a trace's or a span's
// through the correlation index), a minimum-severity filter and a text search. Each change
// runs the query (log_query.h) on a worker (QtConcurrent) and shows its rows through a
// continuation; a generation counter drops superseded results, and the previous rows stay
// visible meanwhile (DESIGN §4). The search scans the records in memory unless a
// LogTextSearch (the workspace's FTS5 index) is set and answers.
//
// Double-clicking (or Enter on) a record that carries a trace ID, or clicking its trace cell,
// emits traceRequested with the record's trace and span. When nothing is loaded, nothing is in
// scope or nothing matches, the panel says which, in words.
//
// Thread affinity: GUI thread (a widget).
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <memory>

#include "views/logs/log_query.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace tg::view {

class LogTableModel;

class LogsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogsPanel(QWidget* parent = nullptr);
    ~LogsPanel() override;

    void setSources(LogsSources sources); // a new session: scope back to all
    // Full-text search to use instead of scanning (empty: scan). `label` names it in the status.
    void setTextSearch(LogTextSearch search, const QString& label = {});
    void setScope(LogScope scope);
    void setMinSeverity(model::LogSeverity severity); // also sets the combo box
    void setSearchText(const QString& text);          // runs at once (no typing delay)

    const LogScope& scope() const { return m_scope; }
    LogTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QComboBox* severityBox() const { return m_severity; }
    QLineEdit* searchBox() const { return m_search; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* messageLabel() const { return m_message; }
    bool isMessageShown() const; // instead of the table
    bool isQuerying() const { return m_querying; }

signals:
    void traceRequested(const model::TraceId& trace, model::SpanId span);
    void rowsShown(); // a query's rows (or its message) are on screen

private:
    void createToolbar(QWidget* bar);
    void createTable();
    void runQuery();
    void showResult(const LogQueryResult& result);
    void requestTraceOfRow(int row);
    QString emptyMessage(const LogQueryResult& result) const;
    LogFilter currentFilter() const;

    LogsSources m_sources;
    LogScope m_scope;
    LogTextSearch m_textSearch;
    QString m_textSearchLabel;
    LogTableModel* m_model = nullptr;
    QLabel* m_scopeLabel = nullptr;
    QComboBox* m_severity = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_status = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_message = nullptr;
    QTimer m_typing; // runs the search a moment after the last keystroke
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel; // of the running query
    bool m_querying = false;
};

} // namespace tg::view
