#include "app/explorer/trace_page.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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
    m_facts = new QLabel(this);
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("traceFind"));
    m_find->setPlaceholderText(tr("Find in trace (service, operation, key=value)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(320);
    m_findCount = new QLabel(this);
    m_rawTimes = new QCheckBox(tr("Raw times"), this);
    m_rawTimes->setObjectName(QStringLiteral("traceRawTimes"));
    m_rawTimes->setToolTip(tr("Show the times as recorded, without the clock-skew adjustment"));
    m_compareWith = new QPushButton(tr("Compare with…"), this);
    m_compareWith->setToolTip(tr("Pick a second trace in the Traces search to compare with"));
    header->addWidget(m_title);
    header->addWidget(m_facts, 1);
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
    m_split->setStretchFactor(1, 1);
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
    m_facts->clear();
    m_compareWith->setEnabled(false);
    showHint(tr("Open a trace from the Traces search (Ctrl+T): double-click a row or click a "
                "point of the plot."));
}

void TracePage::showOpening(const QString& title) {
    m_title->setText(title);
    m_facts->clear();
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
    const QLocale locale;
    QString facts = tr("%1 spans · depth %2")
                        .arg(locale.toString(qulonglong(data->nodeCount())))
                        .arg(data->maxDepth + 1);
    if (data->errorCount)
        facts += QStringLiteral(" · ") +
                 view::countText(data->errorCount, tr("error span"), tr("error spans"));
    if (data->skew.adjustedCount)
        facts += QStringLiteral(" · ") + view::countText(data->skew.adjustedCount,
                                                         tr("span adjusted for clock skew"),
                                                         tr("spans adjusted for clock skew"));
    m_facts->setText(facts);
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
    // Sessions do not load logs yet: the details pane says so instead of showing nothing.
    m_details->setCorrelatedLogs({}, false);
}

void TracePage::findInTrace(bool forward) {
    if (forward ? !m_waterfall->findNext() : !m_waterfall->findPrevious())
        m_findCount->setText(tr("no match"));
}

} // namespace tg::app
