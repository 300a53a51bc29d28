#include "views/explorer/trace_compare_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "views/explorer/explorer_text.h"
#include "views/explorer/trace_compare_model.h"

namespace tg::view {
namespace {

const QColor kSlower(0xd6, 0x27, 0x28);
const QColor kFaster(0x2c, 0xa0, 0x2c);
constexpr size_t kExpandAllUpTo = 2000; // bigger comparisons open two levels only

QLabel* boldLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

TraceCompareView::TraceCompareView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("traceCompareView"));
    auto* layout = new QVBoxLayout(this);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("compareHeadline"));
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint = new QLabel(tr("Select two traces in the Traces search and press Compare "
                           "(Ctrl+Shift+C), or select one while another trace is open."),
                        this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(split);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(boldLabel(tr("Where the extra time went (self time, B − A)"), top));
    m_summary = new QTreeWidget(top);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setHeaderLabels({tr("Service"), tr("Δ self time"), tr("Share of change")});
    m_summary->setRootIsDecorated(false);
    m_summary->setUniformRowHeights(true);
    m_summary->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_summary->header()->setStretchLastSection(false);
    topLayout->addWidget(m_summary);

    m_model = new TraceCompareModel(this);
    m_tree = new QTreeView(split);
    m_tree->setObjectName(QStringLiteral("compareTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(TraceCompareModel::kName, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    for (int c = TraceCompareModel::kLeft; c < TraceCompareModel::kColumnCount; ++c)
        m_tree->header()->resizeSection(c, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 11);
    split->addWidget(top);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(m_headline);
    layout->addWidget(m_hint);
    layout->addWidget(split, 1);
    clear();
}

void TraceCompareView::clear() {
    m_model->setComparison(nullptr);
    m_summary->clear();
    m_headline->clear();
    m_headline->hide();
    m_hint->show();
}

void TraceCompareView::setComparison(std::shared_ptr<const model::TraceComparison> comparison,
                                     const QString& leftTitle, const QString& rightTitle) {
    if (!comparison) return clear();
    const int64_t delta = comparison->rightDurationNs - comparison->leftDurationNs;
    QString change;
    if (delta == 0) {
        change = tr("B takes as long as A");
    } else {
        const QColor colour = delta > 0 ? kSlower : kFaster;
        QString relative;
        if (comparison->leftDurationNs > 0)
            relative =
                QStringLiteral(" (%1%2%)")
                    .arg(delta > 0 ? QStringLiteral("+") : QStringLiteral("\u2212"))
                    .arg(100.0 * double(std::llabs(delta)) / double(comparison->leftDurationNs), 0,
                         'f', 0);
        change = tr("B is <span style='color:%1'><b>%2 %3</b>%4</span> than A")
                     .arg(colour.name(), durationText(std::llabs(delta)),
                          delta > 0 ? tr("slower") : tr("faster"), relative);
    }
    m_headline->setText(
        tr("<b>A</b> %1 · %2<br><b>B</b> %3 · %4<br>%5")
            .arg(leftTitle.toHtmlEscaped(), durationText(comparison->leftDurationNs),
                 rightTitle.toHtmlEscaped(), durationText(comparison->rightDurationNs), change));
    m_headline->show();
    m_hint->hide();
    fillSummary(*comparison);
    m_model->setComparison(comparison);
    if (comparison->nodes.size() <= kExpandAllUpTo)
        m_tree->expandAll();
    else
        m_tree->expandToDepth(1);
}

void TraceCompareView::fillSummary(const model::TraceComparison& cmp) {
    m_summary->clear();
    int64_t total = 0;
    for (const auto& s : cmp.byService)
        total += s.selfDeltaNs;
    for (const auto& s : cmp.byService) {
        auto* item = new QTreeWidgetItem(m_summary);
        item->setText(0, QString::fromStdString(s.service));
        item->setText(1, signedDurationText(s.selfDeltaNs));
        item->setForeground(1, s.selfDeltaNs > 0 ? kSlower : kFaster);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        // The share of the net change; with mixed signs shares can exceed 100%.
        if (total != 0)
            item->setText(2, QStringLiteral("%1%").arg(
                                 100.0 * double(s.selfDeltaNs) / double(total), 0, 'f', 0));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (cmp.byService.empty()) {
        auto* item = new QTreeWidgetItem(m_summary);
        item->setText(0, tr("No service spent more or less time"));
        item->setDisabled(true);
    }
}

} // namespace tg::view
