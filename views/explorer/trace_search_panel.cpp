#include "views/explorer/trace_search_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "views/explorer/explorer_text.h"
#include "views/explorer/trace_query_form.h"
#include "views/explorer/trace_results_model.h"
#include "views/explorer/trace_scatter_view.h"

namespace tg::view {

TraceSearchPanel::TraceSearchPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("traceSearchPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setChildrenCollapsible(false);
    m_scatter = new TraceScatterView(m_split);
    m_scatter->setMinimumSize(300, 180);
    m_split->addWidget(buildFormColumn());
    m_split->addWidget(m_scatter);
    m_split->addWidget(buildResultsColumn());
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 2);
    m_split->setStretchFactor(2, 3);
    setOrientation(Qt::Horizontal);
    layout->addWidget(m_split);

    connect(m_form, &TraceQueryForm::submitted, this, &TraceSearchPanel::requestSearch);
    connect(m_scatter, &TraceScatterView::traceActivated, this, [this](size_t trace) {
        selectTrace(trace);
        emit traceActivated(trace);
    });
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TraceSearchPanel::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TraceSearchPanel::onSelectionChanged);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty()) activateRow(rows.first().row());
    });
    connect(m_compare, &QPushButton::clicked, this, &TraceSearchPanel::requestCompare);
    onSelectionChanged();
}

QWidget* TraceSearchPanel::buildFormColumn() {
    auto* column = new QWidget(m_split);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 4, 0);
    m_scopeChip = new QWidget(column);
    m_scopeChip->setObjectName(QStringLiteral("searchScope"));
    auto* chipLayout = new QHBoxLayout(m_scopeChip);
    chipLayout->setContentsMargins(6, 2, 2, 2);
    m_scopeText = new QLabel(m_scopeChip);
    m_scopeText->setWordWrap(true);
    auto* clear = new QToolButton(m_scopeChip);
    clear->setObjectName(QStringLiteral("searchScopeClear"));
    clear->setAutoRaise(true);
    clear->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    clear->setToolTip(tr("Search all traces again"));
    chipLayout->addWidget(m_scopeText, 1);
    chipLayout->addWidget(clear);
    m_scopeChip->setAutoFillBackground(true);
    m_scopeChip->setBackgroundRole(QPalette::AlternateBase);
    m_scopeChip->hide();
    connect(clear, &QToolButton::clicked, this, [this] {
        setScope({});
        emit scopeCleared();
    });
    m_form = new TraceQueryForm(column);
    m_status = new QLabel(column);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_scopeChip);
    layout->addWidget(m_form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    return column;
}

QWidget* TraceSearchPanel::buildResultsColumn() {
    auto* column = new QWidget(m_split);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_model = new TraceResultsModel(this);
    m_table = new QTableView(column);
    m_table->setObjectName(QStringLiteral("traceResults"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TraceResultsModel::kStart, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so 100,000 results scroll smoothly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    const QFontMetrics fm = fontMetrics();
    // Wide enough for "frontend-gateway: GET /products/{slug}".
    header->resizeSection(TraceResultsModel::kTrace, fm.horizontalAdvance(QLatin1Char('x')) * 36);
    header->resizeSection(TraceResultsModel::kStart,
                          fm.horizontalAdvance(QStringLiteral("2019-11-07 12:57:12.955")) + 16);
    // Numbers are short: as wide as their titles plus the sort arrow.
    for (int c :
         {TraceResultsModel::kDuration, TraceResultsModel::kSpans, TraceResultsModel::kErrors})
        header->resizeSection(
            c, fm.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 28);
    m_open = new QPushButton(tr("Open"), column);
    m_open->setToolTip(tr("Open the selected trace (double-click, Return)"));
    m_compare = new QPushButton(tr("Compare"), column);
    m_compare->setObjectName(QStringLiteral("searchCompare"));
    m_compare->setToolTip(tr("Compare two selected traces, or the selected one with the open "
                             "trace (Ctrl+Shift+C)"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_compare);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    return column;
}

void TraceSearchPanel::setOrientation(Qt::Orientation orientation) {
    m_split->setOrientation(orientation);
    // Starting proportions (the splitter scales them to its size): the form as wide as its
    // fields, the table a little larger than the plot.
    const int form = m_split->widget(0)->sizeHint().width();
    if (orientation == Qt::Horizontal)
        m_split->setSizes({form, 2 * form, 3 * form});
    else
        m_split->setSizes({m_split->widget(0)->sizeHint().height(), form, 2 * form});
}

void TraceSearchPanel::setCatalog(const SearchCatalog& catalog) {
    m_form->setCatalog(catalog);
}

void TraceSearchPanel::setIndex(std::shared_ptr<const model::Dataset> dataset,
                                std::shared_ptr<const model::TraceIndex> index) {
    m_openTrace.reset();
    m_scatter->setIndex(index);
    m_model->setIndex(std::move(dataset), std::move(index));
    m_status->clear();
}

void TraceSearchPanel::setResults(std::vector<size_t> traces) {
    m_scatter->setResults(traces);
    m_model->setResults(std::move(traces));
    size_t withErrors = 0;
    for (size_t t : m_model->results())
        withErrors += m_model->searchIndex()->traces[t].errorCount > 0;
    const QLocale locale;
    QString text = countText(quint64(m_model->rowCount()), tr("trace"), tr("traces"));
    if (withErrors) text += tr(", %1 with errors").arg(locale.toString(qulonglong(withErrors)));
    if (m_model->searchIndex() && m_model->rowCount() < int(m_model->searchIndex()->traces.size()))
        text +=
            tr(" (of %1)").arg(locale.toString(qulonglong(m_model->searchIndex()->traces.size())));
    m_status->setText(text);
}

void TraceSearchPanel::setBusy(const QString& text) {
    m_status->setText(text);
}

void TraceSearchPanel::setStatus(const QString& text) {
    m_status->setText(text);
}

void TraceSearchPanel::setScope(const QString& text) {
    m_scopeText->setText(text);
    m_scopeChip->setVisible(!text.isEmpty());
}

bool TraceSearchPanel::hasScope() const {
    return !m_scopeText->text().isEmpty();
}

void TraceSearchPanel::setOpenTrace(std::optional<size_t> traceIndex) {
    m_openTrace = traceIndex;
    onSelectionChanged();
}

void TraceSearchPanel::requestSearch() {
    QString problem;
    const auto query = m_form->query(&problem);
    if (!query) {
        m_status->setText(tr("Cannot search: %1").arg(problem));
        return;
    }
    emit searchRequested(*query);
}

void TraceSearchPanel::focusSearch() {
    m_form->serviceBox()->setFocus(Qt::ShortcutFocusReason);
    m_form->serviceBox()->lineEdit()->selectAll();
}

void TraceSearchPanel::selectTrace(size_t traceIndex) {
    const int row = m_model->rowOfTrace(traceIndex);
    if (row < 0) return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

std::vector<size_t> TraceSearchPanel::selectedTraces() const {
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<size_t> out;
    for (const QModelIndex& i : rows)
        out.push_back(m_model->traceAt(i.row()));
    return out;
}

void TraceSearchPanel::activateRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) return;
    emit traceActivated(m_model->traceAt(row));
}

void TraceSearchPanel::onSelectionChanged() {
    const auto selected = selectedTraces();
    m_scatter->setHighlighted(selected.size() == 1 ? std::optional(selected[0]) : std::nullopt);
    m_open->setEnabled(selected.size() == 1);
    const bool withOpen = selected.size() == 1 && m_openTrace && *m_openTrace != selected[0];
    m_compare->setEnabled(selected.size() == 2 || withOpen);
}

void TraceSearchPanel::requestCompare() {
    auto traces = selectedTraces();
    if (traces.size() == 1 && m_openTrace && *m_openTrace != traces[0])
        traces.insert(traces.begin(), *m_openTrace);
    if (traces.size() != 2) return;
    const auto& all = m_model->searchIndex()->traces;
    if (all[traces[0]].durationNs() > all[traces[1]].durationNs())
        std::swap(traces[0], traces[1]); // the faster one is the baseline
    emit compareRequested(traces[0], traces[1]);
}

} // namespace tg::view
