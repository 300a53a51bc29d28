#pragma once
// Tree model of a trace comparison (model::TraceComparison): one row per aligned
// service/operation node, with both durations and self times and their differences (B minus
// A). A node present on one side only shows "—" on the other and counts its whole time as the
// difference (a subtree that appeared costs its duration; one that vanished saves it).
// Differences are coloured: red where B is slower, green where it is faster.
//
// Invariants: internalId() of an index is the node's position in comparison->nodes;
// m_parent / m_row give each node's parent (-1 for roots) and its row under that parent.
// Thread affinity: GUI thread (an item model); the comparison itself is immutable and shared.
#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "models/trace/trace_compare.h"

namespace tg::view {

class TraceCompareModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { kName, kLeft, kRight, kDelta, kLeftSelf, kRightSelf, kSelfDelta, kColumnCount };
    enum Role {
        kPresenceRole = Qt::UserRole + 1, // "both", "left" (A only) or "right" (B only)
        kDeltaNsRole,                     // qint64: duration difference (B − A)
        kSelfDeltaNsRole,                 // qint64: self-time difference (B − A)
    };

    explicit TraceCompareModel(QObject* parent = nullptr);

    void setComparison(std::shared_ptr<const model::TraceComparison> comparison);
    const model::TraceComparison* comparison() const { return m_cmp.get(); }
    const model::CompareNode* nodeAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const std::vector<uint32_t>& childrenOf(const QModelIndex& parent) const;
    QVariant displayText(const model::CompareNode& n, int column) const;
    QVariant foreground(const model::CompareNode& n, int column) const;

    std::shared_ptr<const model::TraceComparison> m_cmp;
    std::vector<int32_t> m_parent;
    std::vector<uint32_t> m_row;
};

// B − A of a node's duration (a one-sided node counts its whole duration).
int64_t durationDelta(const model::CompareNode& node);
int64_t selfDelta(const model::CompareNode& node);

} // namespace tg::view
