#pragma once
// The trace search results as a table: one row per matching trace (an index into
// TraceIndex::traces), with its root span ("service: operation"), start, duration, span count,
// error count and services. Cell texts are made when asked for (lazy), so a result set of
// 100,000 traces costs one integer per row until rows are shown. Sorting permutes the rows in
// place on numeric keys (no proxy model re-reading texts) and keeps persistent indexes valid.
//
// Invariants: every row's trace index is < index->traces.size(); the dataset and the index
// are the frozen ones the results were computed from (shared, never modified).
// Thread affinity: GUI thread (an item model).
#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "models/trace/trace_index.h"

namespace tg::view {

class TraceResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { kTrace, kStart, kDuration, kSpans, kErrors, kServices, kColumnCount };
    // The trace's position in TraceIndex::traces (qulonglong), for every column.
    static constexpr int kTraceIndexRole = Qt::UserRole + 1;

    explicit TraceResultsModel(QObject* parent = nullptr);

    // The dataset and index the results refer to; clears the results.
    void setIndex(std::shared_ptr<const model::Dataset> dataset,
                  std::shared_ptr<const model::TraceIndex> index);
    // Indices into index->traces (invalid ones are dropped); shown in the current sort order.
    void setResults(std::vector<size_t> traces);
    void clear();

    size_t traceAt(int row) const { return m_rows[size_t(row)]; }
    int rowOfTrace(size_t traceIndex) const; // -1 when not among the results
    const std::vector<size_t>& results() const { return m_rows; }
    const model::TraceIndex* searchIndex() const { return m_index.get(); }
    const model::Dataset* dataset() const { return m_dataset.get(); }
    // "frontend: GET /checkout" (the root span; "" for an out-of-range index).
    QString rootText(size_t traceIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString servicesText(const model::TraceSummary& t) const;
    void sortRows(std::vector<size_t>& rows) const;

    std::shared_ptr<const model::Dataset> m_dataset;
    std::shared_ptr<const model::TraceIndex> m_index;
    std::vector<size_t> m_rows;
    int m_sortColumn = kStart;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace tg::view
