#pragma once
// The "Trace" tab of the workbench: the opened trace's title (root span, start, duration), find in
// trace, the raw-times toggle (clock skew), "Compare with…", and below them the waterfall with the
// selected span's details beside it. Shows a hint until a trace is opened and "Opening…" while
// the waterfall data is built on a worker.
//
// Thread affinity: GUI thread (a widget). It only shows the WaterfallData it is given.
#include <QStringList>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace tg::view {
class SpanDetailsWidget;
class WaterfallView;
struct WaterfallData;
} // namespace tg::view

namespace tg::app {

class TracePage : public QWidget {
    Q_OBJECT
public:
    explicit TracePage(QWidget* parent = nullptr);

    void showOpening(const QString& title);
    void showTrace(std::shared_ptr<const view::WaterfallData> data, const QString& title);
    void showFailure(const QString& text);
    void clear();
    bool hasTrace() const { return m_data != nullptr; }
    // The log lines correlated to a span (dataset row) for the details pane; nullopt when the
    // session has no logs. Called on the GUI thread for the selected span only, so it must be
    // a lookup (e.g. the correlation index), never a scan.
    using LogsForSpan = std::function<std::optional<QStringList>(uint32_t datasetRow)>;
    void setLogsForSpan(LogsForSpan source);

    view::WaterfallView* waterfall() const { return m_waterfall; }
    view::SpanDetailsWidget* details() const { return m_details; }
    QCheckBox* rawTimesBox() const { return m_rawTimes; }
    QLineEdit* findBox() const { return m_find; }
    QLabel* titleLabel() const { return m_title; }

signals:
    void compareWithRequested();

private:
    void showHint(const QString& text);
    void showSelectedSpan(uint32_t datasetRow);
    void findInTrace(bool forward);

    std::shared_ptr<const view::WaterfallData> m_data;
    LogsForSpan m_logsForSpan;
    QLabel* m_title = nullptr;
    QLineEdit* m_find = nullptr;
    QLabel* m_findCount = nullptr;
    QCheckBox* m_rawTimes = nullptr;
    QPushButton* m_compareWith = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_hint = nullptr;
    QSplitter* m_split = nullptr;
    view::WaterfallView* m_waterfall = nullptr;
    view::SpanDetailsWidget* m_details = nullptr;
};

} // namespace tg::app
