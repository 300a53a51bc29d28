#include "views/explorer/trace_compare_model.h"

#include <QBrush>
#include <QFont>

#include "views/explorer/explorer_text.h"

namespace tg::view {
namespace {

const QColor kSlower(0xd6, 0x27, 0x28);
const QColor kFaster(0x2c, 0xa0, 0x2c);
const QString kAbsent = QStringLiteral("\u2014");

} // namespace

int64_t durationDelta(const model::CompareNode& n) {
    return n.rightDurationNs - n.leftDurationNs; // an absent side holds 0
}

int64_t selfDelta(const model::CompareNode& n) {
    return n.rightSelfNs - n.leftSelfNs;
}

TraceCompareModel::TraceCompareModel(QObject* parent) : QAbstractItemModel(parent) {}

void TraceCompareModel::setComparison(std::shared_ptr<const model::TraceComparison> comparison) {
    beginResetModel();
    m_cmp = std::move(comparison);
    const size_t n = m_cmp ? m_cmp->nodes.size() : 0;
    m_parent.assign(n, -1);
    m_row.assign(n, 0);
    if (m_cmp) {
        for (size_t r = 0; r < m_cmp->roots.size(); ++r)
            m_row[m_cmp->roots[r]] = uint32_t(r);
        for (size_t p = 0; p < n; ++p) {
            const auto& children = m_cmp->nodes[p].children;
            for (size_t r = 0; r < children.size(); ++r) {
                m_parent[children[r]] = int32_t(p);
                m_row[children[r]] = uint32_t(r);
            }
        }
    }
    endResetModel();
}

const model::CompareNode* TraceCompareModel::nodeAt(const QModelIndex& index) const {
    if (!m_cmp || !index.isValid() || index.internalId() >= m_cmp->nodes.size()) return nullptr;
    return &m_cmp->nodes[index.internalId()];
}

const std::vector<uint32_t>& TraceCompareModel::childrenOf(const QModelIndex& parent) const {
    static const std::vector<uint32_t> kNone;
    if (!m_cmp) return kNone;
    if (!parent.isValid()) return m_cmp->roots;
    return m_cmp->nodes[parent.internalId()].children;
}

QModelIndex TraceCompareModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= kColumnCount || row < 0) return {};
    if (parent.isValid() && parent.column() != 0) return {};
    const auto& children = childrenOf(parent);
    if (size_t(row) >= children.size()) return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex TraceCompareModel::parent(const QModelIndex& child) const {
    if (!m_cmp || !child.isValid()) return {};
    const int32_t p = m_parent[child.internalId()];
    if (p < 0) return {};
    return createIndex(int(m_row[size_t(p)]), 0, quintptr(p));
}

int TraceCompareModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    return int(childrenOf(parent).size());
}

int TraceCompareModel::columnCount(const QModelIndex&) const {
    return kColumnCount;
}

QVariant TraceCompareModel::displayText(const model::CompareNode& n, int column) const {
    const bool hasLeft = !n.onlyRight(), hasRight = !n.onlyLeft();
    switch (column) {
    case kName:
        return QString::fromStdString(n.service) + QStringLiteral(": ") +
               QString::fromStdString(n.operation) +
               (hasLeft && hasRight ? QString()
                : hasLeft           ? tr("  (only in A)")
                                    : tr("  (only in B)"));
    case kLeft:
        return hasLeft ? durationText(n.leftDurationNs) : kAbsent;
    case kRight:
        return hasRight ? durationText(n.rightDurationNs) : kAbsent;
    case kDelta:
        return signedDurationText(durationDelta(n));
    case kLeftSelf:
        return hasLeft ? durationText(n.leftSelfNs) : kAbsent;
    case kRightSelf:
        return hasRight ? durationText(n.rightSelfNs) : kAbsent;
    case kSelfDelta:
        return signedDurationText(selfDelta(n));
    }
    return {};
}

QVariant TraceCompareModel::foreground(const model::CompareNode& n, int column) const {
    int64_t delta = 0;
    if (column == kDelta) delta = durationDelta(n);
    if (column == kSelfDelta) delta = selfDelta(n);
    if (delta > 0) return QBrush(kSlower);
    if (delta < 0) return QBrush(kFaster);
    return {};
}

QVariant TraceCompareModel::data(const QModelIndex& index, int role) const {
    const model::CompareNode* n = nodeAt(index);
    if (!n) return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*n, index.column());
    case Qt::ForegroundRole:
        return foreground(*n, index.column());
    case Qt::FontRole:
        if (n->onlyLeft() || n->onlyRight()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == kName ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (n->onlyLeft()) return tr("Only in trace A: this subtree is absent from B");
        if (n->onlyRight()) return tr("Only in trace B: this subtree is absent from A");
        return {};
    case kPresenceRole:
        return n->onlyLeft()    ? QStringLiteral("left")
               : n->onlyRight() ? QStringLiteral("right")
                                : QStringLiteral("both");
    case kDeltaNsRole:
        return qint64(durationDelta(*n));
    case kSelfDeltaNsRole:
        return qint64(selfDelta(*n));
    }
    return {};
}

QVariant TraceCompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole)
        return section == kName ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case kName:
        return tr("Service: operation");
    case kLeft:
        return tr("A");
    case kRight:
        return tr("B");
    case kDelta:
        return tr("Δ");
    case kLeftSelf:
        return tr("A self");
    case kRightSelf:
        return tr("B self");
    case kSelfDelta:
        return tr("Δ self");
    }
    return {};
}

} // namespace tg::view
