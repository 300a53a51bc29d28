#pragma once
// Two traces side by side (issue 5, compare): a headline with both traces and the total
// difference, the summary "where the extra time went" (self-time difference per service,
// largest first, with its share of the total change) on top, and below it the aligned
// service/operation tree with both durations, self times and differences (TraceCompareModel).
// A is the baseline, B the trace being explained; positive differences mean B spent more.
//
// Thread affinity: GUI thread (a widget). The comparison is computed elsewhere (a worker).
#include <QWidget>
#include <memory>

#include "models/trace/trace_compare.h"

class QLabel;
class QTreeView;
class QTreeWidget;

namespace tg::view {

class TraceCompareModel;

class TraceCompareView : public QWidget {
    Q_OBJECT
public:
    explicit TraceCompareView(QWidget* parent = nullptr);

    // Titles name each trace ("frontend: GET /checkout · 12:57:12.955").
    void setComparison(std::shared_ptr<const model::TraceComparison> comparison,
                       const QString& leftTitle, const QString& rightTitle);
    void clear();

    TraceCompareModel* model() const { return m_model; }
    QTreeView* tree() const { return m_tree; }
    QTreeWidget* summary() const { return m_summary; }
    QLabel* headline() const { return m_headline; }

private:
    void fillSummary(const model::TraceComparison& cmp);

    QLabel* m_headline = nullptr;
    QLabel* m_hint = nullptr;
    QTreeWidget* m_summary = nullptr;
    QTreeView* m_tree = nullptr;
    TraceCompareModel* m_model = nullptr;
};

} // namespace tg::view
