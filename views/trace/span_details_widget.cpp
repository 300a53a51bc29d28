#include "views/trace/span_details_widget.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "views/trace/waterfall_data.h"
#include "views/trace/waterfall_style.h"

namespace tg::view {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

const char* statusName(model::StatusCode s) {
    switch (s) {
    case model::StatusCode::Ok:
        return "ok";
    case model::StatusCode::Error:
        return "error";
    default:
        return "unset";
    }
}

const char* refName(model::RefType t) {
    switch (t) {
    case model::RefType::ChildOf:
        return "child of";
    case model::RefType::FollowsFrom:
        return "follows from";
    default:
        return "link";
    }
}

QTreeWidgetItem* section(QTreeWidget* tree, const QString& title, size_t count) {
    auto* item = new QTreeWidgetItem(tree, {QStringLiteral("%1 (%2)").arg(title).arg(count)});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    return item;
}

void addAttributes(const model::Dataset& d, QTreeWidgetItem* parent,
                   std::span<const model::Attribute> attrs) {
    for (const model::Attribute& a : attrs)
        new QTreeWidgetItem(
            parent, {qs(d.strings.view(a.key)), QString::fromStdString(d.attributeText(a))});
}

} // namespace

SpanDetailsWidget::SpanDetailsWidget(QWidget* parent)
    : QWidget(parent), m_header(new QLabel(this)), m_tree(new QTreeWidget(this)),
      m_logs(new QPlainTextEdit(this)), m_logsNote(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Key"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_logsNote->setObjectName(QStringLiteral("logsNote"));
    m_logs->setReadOnly(true);
    m_logs->setLineWrapMode(QPlainTextEdit::WidgetWidth); // the message matters more than columns
    m_logs->setMaximumBlockCount(5000);                   // a span's logs, not a log viewer
    auto* logsTitle = new QLabel(tr("<b>Logs</b>"), this);
    layout->addWidget(m_header);
    layout->addWidget(m_tree, 3);
    layout->addWidget(logsTitle);
    layout->addWidget(m_logsNote);
    layout->addWidget(m_logs, 1);
    clear();
}

void SpanDetailsWidget::showSpan(const WaterfallData& w, uint32_t datasetRow) {
    const int64_t nodeOrNone = w.nodeOfRow(datasetRow);
    if (nodeOrNone < 0) return clear();
    const auto node = uint32_t(nodeOrNone);
    const model::Dataset& d = *w.dataset;
    const uint32_t r = datasetRow;
    QString html =
        QStringLiteral("<b>%1</b> %2<br>")
            .arg(qs(d.serviceName(r)).toHtmlEscaped(), qs(d.operationName(r)).toHtmlEscaped());
    html += tr("duration %1 · self %2 · starts at +%3")
                .arg(formatDuration(d.durationNs[r]), formatDuration(w.selfNs[node]),
                     formatDuration(w.startNs(node, false) - w.traceStartNs(false)));
    if (d.isError(r)) html += tr("<br><span style='color:#d13438'><b>error</b></span>");
    if (w.onCriticalPath(node)) {
        int64_t onPath = 0;
        for (uint32_t i = w.criticalBegin[node]; i < w.criticalBegin[node + 1]; ++i)
            onPath += w.criticalEndNs[i] - w.criticalStartNs[i];
        html += tr("<br>critical path: %1 of this span").arg(formatDuration(onPath));
    }
    if (w.skew.adjusted[node])
        html += tr("<br><span style='color:#b56a00'>clock skew: shifted by %1 to fit its parent "
                   "(raw start shown below)</span>")
                    .arg(formatDuration(w.skew.offsetNs[node]));
    m_header->setText(html);

    m_tree->clear();
    auto* span = section(m_tree, tr("Span"), 0);
    span->setText(0, tr("Span"));
    auto add = [&](const QString& k, const QString& v) { new QTreeWidgetItem(span, {k, v}); };
    add(QStringLiteral("trace_id"), QString::fromStdString(d.traceId[r].toHex()));
    add(QStringLiteral("span_id"), QString::fromStdString(model::spanIdToHex(d.spanId[r])));
    if (d.hasParent(r))
        add(QStringLiteral("parent_span_id"),
            QString::fromStdString(model::spanIdToHex(d.parentId[r])));
    add(QStringLiteral("kind"), QString::fromLatin1(model::spanKindName(d.kind[r])));
    add(QStringLiteral("status"), QString::fromLatin1(statusName(d.status[r])));
    add(QStringLiteral("start_ns (raw)"), QString::number(d.startNs[r]));
    add(QStringLiteral("duration_ns"), QString::number(d.durationNs[r]));
    addAttributes(d, section(m_tree, tr("Attributes"), d.spanAttributes(r).size()),
                  d.spanAttributes(r));
    const auto resource = d.attributesOfResource(d.resource[r]);
    addAttributes(d, section(m_tree, tr("Resource"), resource.size()), resource);
    const auto events = d.spanEvents(r);
    auto* eventsItem = section(m_tree, tr("Events"), events.size());
    for (const model::SpanEvent& e : events) {
        auto* item = new QTreeWidgetItem(
            eventsItem, {QStringLiteral("+") + formatDuration(e.timeNs - d.startNs[r]),
                         qs(d.strings.view(e.name))});
        addAttributes(d, item, d.eventAttributesOf(e));
    }
    const auto links = d.spanLinks(r);
    auto* linksItem = section(m_tree, tr("Links"), links.size());
    for (const model::SpanLink& l : links)
        new QTreeWidgetItem(linksItem, {QString::fromLatin1(refName(l.type)),
                                        QString::fromStdString(l.trace.toHex() + " / " +
                                                               model::spanIdToHex(l.span))});
    m_tree->expandAll();
}

void SpanDetailsWidget::clear() {
    m_header->setText(tr("No span selected"));
    m_tree->clear();
    m_logs->clear();
    m_logsNote->setText(tr("No logs loaded"));
}

void SpanDetailsWidget::setCorrelatedLogs(QStringList lines, bool logsLoaded) {
    m_logs->setPlainText(lines.join(QLatin1Char('\n')));
    if (!logsLoaded)
        m_logsNote->setText(tr("No logs loaded"));
    else if (lines.isEmpty())
        m_logsNote->setText(tr("No log lines for this span"));
    else
        m_logsNote->setText(tr("%n log line(s) for this span", nullptr, int(lines.size())));
    m_logs->setVisible(!lines.isEmpty());
}

QString SpanDetailsWidget::headerText() const {
    return m_header->text();
}
QString SpanDetailsWidget::logsText() const {
    return m_logs->toPlainText();
}

} // namespace tg::view
