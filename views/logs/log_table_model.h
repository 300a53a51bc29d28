#pragma once
// The Logs panel's table model: a list of LogStore rows (the query's result, by time) shown as
// time (UTC, µs), severity, service, trace and message. Cell text is made lazily in data(), so
// a million rows cost four bytes each and only the visible cells are ever formatted (as
// Wireshark's packet list does). The service is the one correlation mapped the record to
// (through its span or its stream labels), else the stream's own service label; the trace is
// the one stated or found by correlation's derived fields.
//
// Invariants: every row of m_rows is < m_sources.logs->recordCount().
// Thread affinity: GUI thread (a Qt model); the sources it reads are immutable.
#include <QAbstractTableModel>
#include <utility>
#include <vector>

#include "views/logs/log_query.h"

namespace tg::view {

class LogTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { kTime, kSeverity, kService, kTrace, kMessage, kColumnCount };
    enum Role {
        StoreRowRole = Qt::UserRole + 1, // the LogStore row (uint)
        TraceIdRole,                     // the trace ID as text ("" when none)
        SpanIdRole,                      // the span ID as 16 hex digits ("" when none)
        TraceLoadedRole,                 // bool: the trace is in the dataset
    };

    explicit LogTableModel(QObject* parent = nullptr);

    void setSources(LogsSources sources); // clears the rows
    void setRows(std::vector<uint32_t> rows);
    const std::vector<uint32_t>& rows() const { return m_rows; }
    uint32_t storeRow(int row) const { return m_rows[size_t(row)]; }
    // The trace and span a table row is linked to (zero / 0 when none).
    std::pair<model::TraceId, model::SpanId> traceOf(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(uint32_t row, int column) const;
    QString serviceText(uint32_t row) const;
    QVariant foreground(uint32_t row, int column) const;
    bool traceLoaded(uint32_t row) const;

    LogsSources m_sources;
    std::vector<uint32_t> m_rows;
};

} // namespace tg::view
