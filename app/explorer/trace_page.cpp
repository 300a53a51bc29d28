#include "app/explorer/trace_page.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "views/explorer/explorer_text.h"
#include "views/trace/span_details_widget.h"
#include "views/trace/waterfall_view.h"

namespace tg::app {

TracePage::TracePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("tracePage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("traceTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("traceFind"));
    m_find->setPlaceholderText(tr("Find in trace (service, operation, key=value)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMinimumWidth(220);
    m_find->setMaximumWidth(320);
    m_findCount = new QLabel(this);
    m_rawTimes = new QCheckBox(tr("Raw times"), this);
    m_rawTimes->setObjectName(QStringLiteral("traceRawTimes"));
    m_rawTimes->setToolTip(tr("Show the times as recorded, without the clock-skew adjustment"));
    m_compareWith = new QPushButton(tr("Compare with…"), this);
    m_compareWith->setToolTip(tr("Pick a second trace in the Traces search to compare with"));
    header->addWidget(m_title, 1); // the waterfall's own header shows the span counts
    header->addWidget(m_find);
    header->addWidget(m_findCount);
    header->addWidget(m_rawTimes);
    header->addWidget(m_compareWith);
    layout->addLayout(header);

    m_stack = new QStackedWidget(this);
    m_hint = new QLabel(m_stack);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_split = new QSplitter(Qt::Horizontal, m_stack);
    m_waterfall = new view::WaterfallView(m_split);
    m_waterfall->setObjectName(QStringLiteral("waterfall"));
    m_details = new view::SpanDetailsWidget(m_split);
    m_split->addWidget(m_waterfall);
    m_split->addWidget(m_details);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setSizes({600, 400}); // scaled to the width: the details keep room for values
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_split);
    layout->addWidget(m_stack, 1);

    connect(m_waterfall, &view::WaterfallView::spanSelected, this, &TracePage::showSelectedSpan);
    connect(m_waterfall, &view::WaterfallView::selectionCleared, m_details,
            &view::SpanDetailsWidget::clear);
    connect(m_rawTimes, &QCheckBox::toggled, m_waterfall, &view::WaterfallView::setShowRawTimes);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_waterfall->setFindText(text);
        const int n = m_waterfall->findMatchCount();
        m_findCount->setText(
            text.isEmpty() ? QString() : view::countText(quint64(n), tr("match"), tr("matches")));
    });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findInTrace(true); });
    connect(m_compareWith, &QPushButton::clicked, this, &TracePage::compareWithRequested);
    clear();
}

void TracePage::showHint(const QString& text) {
    m_hint->setText(text);
    m_stack->setCurrentWidget(m_hint);
}

void TracePage::clear() {
    m_data.reset();
    m_waterfall->clear();
    m_details->clear();
    m_title->setText(tr("No trace open"));
    m_compareWith->setEnabled(false);
    showHint(tr("Open a trace from the Traces search (Ctrl+T): double-click a row or click a "
                "point of the plot."));
}

void TracePage::showOpening(const QString& title) {
    m_title->setText(title);
    showHint(tr("Opening the trace…"));
}

void TracePage::showFailure(const QString& text) {
    m_data.reset();
    m_waterfall->clear();
    m_details->clear();
    showHint(text);
}

void TracePage::showTrace(std::shared_ptr<const view::WaterfallData> data, const QString& title) {
    if (!data) return showFailure(tr("This trace has no spans."));
    m_data = data;
    m_title->setText(title);
    m_compareWith->setEnabled(true);
    m_details->clear();
    m_waterfall->setShowRawTimes(m_rawTimes->isChecked());
    m_waterfall->setTrace(std::move(data));
    m_waterfall->setFindText(m_find->text());
    m_stack->setCurrentWidget(m_split);
}

void TracePage::showSelectedSpan(uint32_t datasetRow) {
    if (!m_data) return;
    m_details->showSpan(*m_data, datasetRow);
    // Without a source the session has no logs, and the details pane says so.
    const auto lines = m_logsForSpan ? m_logsForSpan(datasetRow) : std::nullopt;
    m_details->setCorrelatedLogs(lines.value_or(QStringList()), lines.has_value());
}

void TracePage::setLogsForSpan(LogsForSpan source) {
    m_logsForSpan = std::move(source);
    if (const auto row = m_waterfall->selectedSpanRow()) showSelectedSpan(*row);
}

void TracePage::findInTrace(bool forward) {
    if (forward ? !m_waterfall->findNext() : !m_waterfall->findPrevious())
        m_findCount->setText(tr("no match"));
}

} // namespace tg::app
