#pragma once
// The details pane of the waterfall: the selected span's header (service, operation, IDs,
// start, duration, self time, status, critical path share, clock-skew note), then its
// attributes, resource, events and links in a tree, and the log lines correlated to it.
// Logs come from the caller (setCorrelatedLogs); until logs are loaded the section says
// "No logs loaded", and with logs but none for this span, "No log lines for this span".
// Thread affinity: GUI thread.
#include <QStringList>
#include <QWidget>

#include <cstdint>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace tg::view {

struct WaterfallData;

class SpanDetailsWidget : public QWidget {
    Q_OBJECT
public:
    explicit SpanDetailsWidget(QWidget* parent = nullptr);

    void showSpan(const WaterfallData& data, uint32_t datasetRow);
    void clear();
    // The log lines correlated to the shown span; logsLoaded false: no logs in the session.
    void setCorrelatedLogs(QStringList lines, bool logsLoaded);

    // For tests: the header text, the section tree and the logs text as shown.
    QString headerText() const;
    QTreeWidget* sections() const { return m_tree; }
    QString logsText() const;

private:
    QLabel* m_header;
    QTreeWidget* m_tree;
    QPlainTextEdit* m_logs;
    QLabel* m_logsNote;
};

} // namespace tg::view
