#include "views/explorer/trace_results_model.h"

#include <QBrush>
#include <QLocale>
#include <algorithm>
#include <unordered_map>

#include "views/explorer/explorer_text.h"

namespace tg::view {
namespace {

const QColor kErrorColour(0xd6, 0x27, 0x28);

} // namespace

TraceResultsModel::TraceResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void TraceResultsModel::setIndex(std::shared_ptr<const model::Dataset> dataset,
                                 std::shared_ptr<const model::TraceIndex> index) {
    beginResetModel();
    m_dataset = std::move(dataset);
    m_index = std::move(index);
    m_rows.clear();
    endResetModel();
}

void TraceResultsModel::setResults(std::vector<size_t> traces) {
    const size_t count = m_index ? m_index->traces.size() : 0;
    std::erase_if(traces, [count](size_t t) { return t >= count; });
    sortRows(traces);
    beginResetModel();
    m_rows = std::move(traces);
    endResetModel();
}

void TraceResultsModel::clear() {
    setResults({});
}

int TraceResultsModel::rowOfTrace(size_t traceIndex) const {
    const auto it = std::find(m_rows.begin(), m_rows.end(), traceIndex);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

int TraceResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

QString TraceResultsModel::rootText(size_t traceIndex) const {
    if (!m_index || traceIndex >= m_index->traces.size()) return {};
    const auto& t = m_index->traces[traceIndex];
    if (t.rootRow < 0) return {};
    const auto row = size_t(t.rootRow);
    return QString::fromUtf8(m_dataset->serviceName(row)) + QStringLiteral(": ") +
           QString::fromUtf8(m_dataset->operationName(row));
}

QString TraceResultsModel::servicesText(const model::TraceSummary& t) const {
    QStringList names;
    names.reserve(qsizetype(t.services.size()));
    for (model::StringId s : t.services)
        names << QString::fromUtf8(m_dataset->strings.view(s));
    names.sort(Qt::CaseInsensitive);
    return names.join(QStringLiteral(", "));
}

QVariant TraceResultsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const size_t traceIndex = m_rows[size_t(index.row())];
    const model::TraceSummary& t = m_index->traces[traceIndex];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case kTrace:
            return rootText(traceIndex);
        case kStart:
            return timestampText(t.startNs);
        case kDuration:
            return durationText(t.durationNs());
        case kSpans:
            return locale.toString(t.spanCount());
        case kErrors:
            return t.errorCount ? locale.toString(t.errorCount) : QString();
        case kServices:
            return servicesText(t);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Trace %1\n%2 services: %3")
            .arg(QString::fromStdString(t.id.toHex()))
            .arg(t.services.size())
            .arg(servicesText(t));
    case Qt::TextAlignmentRole:
        if (index.column() == kDuration || index.column() == kSpans || index.column() == kErrors)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (t.errorCount && (index.column() == kErrors || index.column() == kTrace))
            return QBrush(kErrorColour);
        return {};
    case kTraceIndexRole:
        return QVariant::fromValue(qulonglong(traceIndex));
    }
    return {};
}

QVariant TraceResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case kTrace:
        return tr("Root span");
    case kStart:
        return tr("Start (UTC)");
    case kDuration:
        return tr("Duration");
    case kSpans:
        return tr("Spans");
    case kErrors:
        return tr("Errors");
    case kServices:
        return tr("Services");
    }
    return {};
}

// Orders rows by the sort column's numeric key (names for the root column), ties by start and
// trace position, so the order is total and repeatable.
void TraceResultsModel::sortRows(std::vector<size_t>& rows) const {
    if (!m_index) return;
    const auto& traces = m_index->traces;
    auto key = [&](size_t i) -> int64_t {
        const auto& t = traces[i];
        switch (m_sortColumn) {
        case kDuration:
            return t.durationNs();
        case kSpans:
            return t.spanCount();
        case kErrors:
            return t.errorCount;
        case kServices:
            return int64_t(t.services.size());
        default:
            return t.startNs;
        }
    };
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    if (m_sortColumn == kTrace) {
        // Root names repeat (a few endpoints, many traces): the distinct (service, operation)
        // pairs are ranked by text once, then rows sort on integer ranks.
        auto pairOf = [&](size_t i) -> uint64_t {
            const int32_t root = traces[i].rootRow;
            if (root < 0) return UINT64_MAX;
            return uint64_t(m_dataset->service[size_t(root)]) << 32 |
                   m_dataset->operation[size_t(root)];
        };
        std::unordered_map<uint64_t, uint32_t> rankOf;
        std::vector<std::pair<QString, uint64_t>> names;
        for (size_t r : rows)
            if (rankOf.emplace(pairOf(r), 0).second) names.emplace_back(rootText(r), pairOf(r));
        std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
            return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0;
        });
        for (size_t i = 0; i < names.size(); ++i)
            rankOf[names[i].second] = uint32_t(i);
        std::vector<std::pair<uint32_t, size_t>> keyed; // (rank, trace)
        keyed.reserve(rows.size());
        for (size_t r : rows)
            keyed.emplace_back(rankOf[pairOf(r)], r);
        std::sort(keyed.begin(), keyed.end(), [descending](const auto& a, const auto& b) {
            if (a.first != b.first) return descending ? a.first > b.first : a.first < b.first;
            return a.second < b.second;
        });
        for (size_t i = 0; i < rows.size(); ++i)
            rows[i] = keyed[i].second;
        return;
    }
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
        const int64_t ka = key(a), kb = key(b);
        if (ka != kb) return descending ? ka > kb : ka < kb;
        return a < b; // traces are by start time, so ties stay in time order
    });
}

void TraceResultsModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= kColumnCount) return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<size_t> traceOfPersistent;
    traceOfPersistent.reserve(size_t(before.size()));
    for (const QModelIndex& i : before)
        traceOfPersistent.push_back(m_rows[size_t(i.row())]);
    sortRows(m_rows);
    QModelIndexList after;
    after.reserve(before.size());
    if (!before.isEmpty()) {
        // Row of each trace after sorting, found once for all persistent indexes.
        std::vector<int> rowOf(m_index->traces.size(), -1);
        for (size_t r = 0; r < m_rows.size(); ++r)
            rowOf[m_rows[r]] = int(r);
        for (qsizetype i = 0; i < before.size(); ++i)
            after << index(rowOf[traceOfPersistent[size_t(i)]], before[i].column());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace tg::view
