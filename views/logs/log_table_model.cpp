#include "views/logs/log_table_model.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "views/charts/telemetry_text.h"

namespace tg::view {
namespace {

constexpr qsizetype kCellChars = 400;     // of a message in its cell (one line)
constexpr qsizetype kTooltipChars = 4000; // of a message in its tooltip

QString fromUtf8(std::string_view s, qsizetype limit = -1) {
    if (limit >= 0 && qsizetype(s.size()) > limit * 4) s = s.substr(0, size_t(limit) * 4);
    QString text = QString::fromUtf8(s.data(), qsizetype(s.size()));
    if (limit >= 0 && text.size() > limit) text = text.left(limit) + QChar(0x2026);
    return text;
}

// One line: line breaks and tabs become spaces (the tooltip keeps them).
QString oneLine(QString text) {
    for (QChar& c : text)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    return text;
}

} // namespace

LogTableModel::LogTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LogTableModel::setSources(LogsSources sources) {
    beginResetModel();
    m_sources = std::move(sources);
    m_rows.clear();
    endResetModel();
}

void LogTableModel::setRows(std::vector<uint32_t> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    const size_t n = m_sources.logs ? m_sources.logs->recordCount() : 0;
    std::erase_if(m_rows, [n](uint32_t r) { return r >= n; });
    endResetModel();
}

std::pair<model::TraceId, model::SpanId> LogTableModel::traceOf(int row) const {
    if (row < 0 || size_t(row) >= m_rows.size()) return {};
    const uint32_t r = m_rows[size_t(row)];
    if (m_sources.correlation) {
        const model::LogLink link = m_sources.correlation->logLink(r);
        if (!link.trace.isZero()) return {link.trace, link.span};
    }
    return {m_sources.logs->traceId[r], m_sources.logs->spanId[r]};
}

bool LogTableModel::traceLoaded(uint32_t row) const {
    if (!m_sources.correlation) return false;
    const model::LinkStatus s = m_sources.correlation->logLink(row).status;
    return s == model::LinkStatus::Span || s == model::LinkStatus::Trace;
}

int LogTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

QString LogTableModel::serviceText(uint32_t row) const {
    if (m_sources.correlation && m_sources.dataset) {
        const model::StringId s = m_sources.correlation->logLink(row).service;
        if (s != 0) return fromUtf8(m_sources.dataset->strings.view(s));
    }
    return fromUtf8(m_sources.logs->serviceOf(row));
}

QString LogTableModel::text(uint32_t row, int column) const {
    const model::LogStore& logs = *m_sources.logs;
    switch (column) {
    case kTime:
        return logs.flags[row] & model::kLogNoTime ? QString()
                                                   : utcTimeText(logs.timeNs[row], true);
    case kSeverity:
        return logs.severity[row] == model::LogSeverity::Unspecified
                   ? fromUtf8(logs.strings.view(logs.severityText[row]), 12)
                   : QString::fromLatin1(model::logSeverityName(logs.severity[row])).toUpper();
    case kService:
        return serviceText(row);
    case kMessage:
        return oneLine(fromUtf8(logs.body(row), kCellChars));
    }
    return {};
}

QVariant LogTableModel::foreground(uint32_t row, int column) const {
    if (column == kSeverity || column == kMessage) {
        switch (m_sources.logs->severity[row]) {
        case model::LogSeverity::Error:
        case model::LogSeverity::Fatal:
            return QColor(0xe0, 0x44, 0x3e); // readable on light and dark bases
        case model::LogSeverity::Warn:
            return column == kSeverity ? QVariant(QColor(0xd0, 0x8a, 0x00)) : QVariant();
        default:
            return {};
        }
    }
    if (column == kTrace)
        return traceLoaded(row) ? QGuiApplication::palette().color(QPalette::Link)
                                : QGuiApplication::palette().color(QPalette::PlaceholderText);
    return {};
}

QVariant LogTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= kColumnCount ||
        !m_sources.logs)
        return {};
    const uint32_t row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == kTrace) {
            const auto [trace, span] = traceOf(index.row());
            return trace.isZero() ? QString() : shortTraceIdText(trace);
        }
        return text(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == kMessage) return fromUtf8(m_sources.logs->body(row), kTooltipChars);
        if (index.column() == kTrace) {
            const auto [trace, span] = traceOf(index.row());
            if (trace.isZero()) return {};
            QString tip = tr("Trace %1").arg(traceIdText(trace));
            if (span) tip += tr("\nSpan %1").arg(QString::fromStdString(model::spanIdToHex(span)));
            tip += traceLoaded(row) ? tr("\nDouble-click to open the trace")
                                    : tr("\nThis trace is not loaded");
            return tip;
        }
        if (index.column() == kSeverity)
            return fromUtf8(m_sources.logs->strings.view(m_sources.logs->severityText[row]), 40);
        return {};
    case Qt::ForegroundRole:
        return foreground(row, index.column());
    case Qt::FontRole:
        if (index.column() == kTrace && traceLoaded(row)) {
            QFont f;
            f.setUnderline(true);
            return f;
        }
        return {};
    case StoreRowRole:
        return uint(row);
    case TraceIdRole: {
        const auto [trace, span] = traceOf(index.row());
        return trace.isZero() ? QString() : traceIdText(trace);
    }
    case SpanIdRole: {
        const auto [trace, span] = traceOf(index.row());
        return span ? QString::fromStdString(model::spanIdToHex(span)) : QString();
    }
    case TraceLoadedRole:
        return traceLoaded(row);
    }
    return {};
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case kTime:
        return tr("Time (UTC)");
    case kSeverity:
        return tr("Level");
    case kService:
        return tr("Service");
    case kTrace:
        return tr("Trace");
    case kMessage:
        return tr("Message");
    }
    return {};
}

} // namespace tg::view
