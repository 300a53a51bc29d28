#pragma once
// The "Traces" search panel: the filter form, an optional scope chip (e.g. "called by
// frontend", set when the search came from the service map; the app applies it), a status line,
// the duration-over-time scatter plot and the sortable results table. The three parts sit in
// one splitter that is vertical in a side dock and horizontal in a wide bottom dock.
//
// Opening a trace: double-click or Return on a row, or a click on its point (traceActivated).
// Comparing: two selected rows, or one row while another trace is open (setOpenTrace); the
// faster trace goes left, so the comparison reads as "where the extra time went".
// The panel never searches itself: it emits searchRequested and shows what setResults gives.
//
// Thread affinity: GUI thread (a widget).
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "models/trace/trace_index.h"
#include "views/explorer/search_catalog.h"

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;

namespace tg::view {

class TraceQueryForm;
class TraceResultsModel;
class TraceScatterView;

class TraceSearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit TraceSearchPanel(QWidget* parent = nullptr);

    void setCatalog(const SearchCatalog& catalog);
    void setIndex(std::shared_ptr<const model::Dataset> dataset,
                  std::shared_ptr<const model::TraceIndex> index); // clears the results
    void setResults(std::vector<size_t> traces);
    void setBusy(const QString& text); // "Searching…"; cleared by setResults
    void setStatus(const QString& text);
    void setScope(const QString& text); // a chip with a clear button; empty hides it
    bool hasScope() const;
    void setOpenTrace(std::optional<size_t> traceIndex);
    void setOrientation(Qt::Orientation orientation);
    void requestSearch(); // validates the form, then emits searchRequested (or shows why not)
    void focusSearch();   // keyboard focus to the service field
    void selectTrace(size_t traceIndex);
    std::vector<size_t> selectedTraces() const; // in row order

    TraceQueryForm* form() const { return m_form; }
    TraceResultsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    TraceScatterView* scatter() const { return m_scatter; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* openButton() const { return m_open; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void searchRequested(const model::TraceQuery& query);
    void traceActivated(size_t traceIndex);
    void compareRequested(size_t left, size_t right);
    void scopeCleared();

private:
    QWidget* buildFormColumn();
    QWidget* buildResultsColumn();
    void onSelectionChanged();
    void requestCompare();
    void activateRow(int row);

    TraceQueryForm* m_form = nullptr;
    QWidget* m_scopeChip = nullptr;
    QLabel* m_scopeText = nullptr;
    QLabel* m_status = nullptr;
    TraceScatterView* m_scatter = nullptr;
    TraceResultsModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_compare = nullptr;
    QSplitter* m_split = nullptr;
    std::optional<size_t> m_openTrace;
};

} // namespace tg::view
