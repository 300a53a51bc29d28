#include "views/logs/logs_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStackedWidget>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

#include "views/logs/log_table_model.h"

namespace tg::view {
namespace {

constexpr int kTypingDelayMs = 250;

} // namespace

LogsPanel::LogsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("logsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto* bar = new QWidget(this);
    createToolbar(bar);
    layout->addWidget(bar);
    m_stack = new QStackedWidget(this);
    m_model = new LogTableModel(this);
    createTable();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("logsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingDelayMs);
    connect(&m_typing, &QTimer::timeout, this, &LogsPanel::runQuery);
    setSources({});
}

LogsPanel::~LogsPanel() {
    if (m_cancel) m_cancel->store(true);
}

void LogsPanel::createToolbar(QWidget* bar) {
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_scopeLabel = new QLabel(bar);
    m_scopeLabel->setObjectName(QStringLiteral("logsScope"));
    QFont bold = m_scopeLabel->font();
    bold.setBold(true);
    m_scopeLabel->setFont(bold);
    m_severity = new QComboBox(bar);
    m_severity->setObjectName(QStringLiteral("logsSeverity"));
    m_severity->setToolTip(tr("Show records of this level and above"));
    const std::pair<QString, model::LogSeverity> levels[] = {
        {tr("All levels"), model::LogSeverity::Unspecified},
        {tr("Debug and above"), model::LogSeverity::Debug},
        {tr("Info and above"), model::LogSeverity::Info},
        {tr("Warn and above"), model::LogSeverity::Warn},
        {tr("Error and above"), model::LogSeverity::Error}};
    for (const auto& [text, level] : levels)
        m_severity->addItem(text, int(level));
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("logsSearch"));
    m_search->setPlaceholderText(tr("Search messages (all words)…"));
    m_search->setClearButtonEnabled(true);
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("logsStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(m_scopeLabel);
    row->addWidget(m_severity);
    row->addWidget(m_search, 1);
    row->addWidget(m_status);
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] { runQuery(); });
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        runQuery();
    });
    // The clear button changes the text without textEdited.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) {
            m_typing.stop();
            runQuery();
        }
    });
}

void LogsPanel::createTable() {
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("logsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: a million rows need no per-row measuring.
    QHeaderView* rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 4);
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(LogTableModel::kTime, digit * 28);
    m_table->setColumnWidth(LogTableModel::kSeverity, digit * 7);
    m_table->setColumnWidth(LogTableModel::kService, digit * 16);
    m_table->setColumnWidth(LogTableModel::kTrace, digit * 11);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { requestTraceOfRow(index.row()); });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == LogTableModel::kTrace) requestTraceOfRow(index.row());
    });
}

void LogsPanel::setSources(LogsSources sources) {
    m_sources = std::move(sources);
    m_model->setSources(m_sources);
    m_textSearch = {};
    m_textSearchLabel.clear();
    setScope({});
}

void LogsPanel::setTextSearch(LogTextSearch search, const QString& label) {
    m_textSearch = std::move(search);
    m_textSearchLabel = label;
    if (!m_search->text().trimmed().isEmpty()) runQuery();
}

void LogsPanel::setScope(LogScope scope) {
    m_scope = std::move(scope);
    m_scopeLabel->setText(m_scope.label.isEmpty() ? tr("All logs") : m_scope.label);
    runQuery();
}

void LogsPanel::setMinSeverity(model::LogSeverity severity) {
    const int i = m_severity->findData(int(severity));
    if (i >= 0 && i != m_severity->currentIndex()) m_severity->setCurrentIndex(i); // runs the query
}

void LogsPanel::setSearchText(const QString& text) {
    m_search->setText(text);
    m_typing.stop();
    runQuery();
}

LogFilter LogsPanel::currentFilter() const {
    LogFilter filter;
    filter.minSeverity = model::LogSeverity(m_severity->currentData().toInt());
    filter.text = m_search->text().trimmed().toStdString();
    return filter;
}

bool LogsPanel::isMessageShown() const {
    return m_stack->currentWidget() == m_message;
}

void LogsPanel::runQuery() {
    if (m_cancel) m_cancel->store(true); // the previous query's rows are not wanted any more
    const quint64 generation = ++m_generation;
    if (!m_sources.logs || m_sources.logs->recordCount() == 0) {
        m_querying = false;
        showResult({});
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_querying = true;
    m_status->setText(tr("Searching…"));
    QtConcurrent::run([sources = m_sources, scope = m_scope, filter = currentFilter(),
                       search = m_textSearch, cancel = m_cancel] {
        return runLogQuery(sources, scope, filter, search, cancel.get());
    }).then(this, [this, generation](const LogQueryResult& result) {
        if (generation != m_generation) return; // superseded by a newer scope or filter
        m_querying = false;
        showResult(result);
    });
}

void LogsPanel::showResult(const LogQueryResult& result) {
    m_model->setRows(result.rows);
    const QLocale locale;
    const size_t total = m_sources.logs ? m_sources.logs->recordCount() : 0;
    if (total == 0) {
        m_status->clear();
    } else if (result.rows.size() == result.scopeRows) {
        m_status->setText(tr("%1 lines").arg(locale.toString(qulonglong(result.rows.size()))));
    } else {
        m_status->setText(tr("%1 of %2 lines")
                              .arg(locale.toString(qulonglong(result.rows.size())),
                                   locale.toString(qulonglong(result.scopeRows))));
    }
    if (result.fullText && !m_textSearchLabel.isEmpty())
        m_status->setText(m_status->text() + QStringLiteral(" · ") + m_textSearchLabel);
    const QString message = emptyMessage(result);
    m_message->setText(message);
    m_stack->setCurrentWidget(message.isEmpty() ? static_cast<QWidget*>(m_table) : m_message);
    emit rowsShown();
}

QString LogsPanel::emptyMessage(const LogQueryResult& result) const {
    if (!m_sources.logs || m_sources.logs->recordCount() == 0)
        return tr("No logs are loaded. Open or drop log files (Loki query results, OTLP logs, "
                  "JSON lines, logfmt or timestamped text), alone or with the traces, to see "
                  "the log lines of the selection here.");
    if (!result.rows.empty()) return {};
    const QString scope = m_scope.label.isEmpty() ? tr("the loaded logs") : m_scope.label;
    if (result.scopeRows == 0) return tr("No log lines for %1.").arg(scope);
    QStringList what;
    const LogFilter filter = currentFilter();
    if (!filter.text.empty()) what << tr("contain “%1”").arg(QString::fromStdString(filter.text));
    if (filter.minSeverity != model::LogSeverity::Unspecified)
        what << tr("are at %1 or above")
                    .arg(QString::fromLatin1(model::logSeverityName(filter.minSeverity)).toUpper());
    return tr("None of the %1 log lines of %2 %3.")
        .arg(QLocale().toString(qulonglong(result.scopeRows)), scope, what.join(tr(" and ")));
}

void LogsPanel::requestTraceOfRow(int row) {
    const auto [trace, span] = m_model->traceOf(row);
    if (!trace.isZero()) emit traceRequested(trace, span);
}

} // namespace tg::view
