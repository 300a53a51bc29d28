#include "views/explorer/trace_query_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "models/core/time_parse.h"

namespace tg::view {
namespace {

const QString kTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");

QComboBox* namesBox(QWidget* parent, const QString& objectName, const QString& placeholder) {
    auto* box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(14);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->lineEdit()->setClearButtonEnabled(true);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    return box;
}

QLineEdit* lineEdit(QWidget* parent, const QString& objectName, const QString& placeholder) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

void setItems(QComboBox* box, const QStringList& items) {
    const QString text = box->currentText();
    box->clear();
    box->addItem(QString()); // "any"
    box->addItems(items);
    box->setEditText(text);
}

int64_t msToNs(const QDateTime& t) {
    return t.toMSecsSinceEpoch() * 1'000'000;
}

} // namespace

bool parseTagFilters(const QString& text, std::vector<std::pair<std::string, std::string>>& out,
                     QString* problem) {
    out.clear();
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n) break;
        const qsizetype keyStart = i;
        while (i < n && text[i] != QLatin1Char('=') && !text[i].isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        if (i >= n || text[i] != QLatin1Char('=') || key.isEmpty()) {
            if (problem) *problem = QObject::tr("attribute filter “%1” needs key=value").arg(key);
            return false;
        }
        ++i; // '='
        QString value;
        if (i < n && text[i] == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            if (close < 0) {
                if (problem)
                    *problem = QObject::tr("attribute “%1”: missing closing quote").arg(key);
                return false;
            }
            value = text.mid(i + 1, close - i - 1);
            i = close + 1;
        } else {
            const qsizetype valueStart = i;
            while (i < n && !text[i].isSpace())
                ++i;
            value = text.mid(valueStart, i - valueStart);
        }
        out.emplace_back(key.toStdString(), value.toStdString());
    }
    return true;
}

std::optional<int64_t> parseDurationFilter(const QString& text) {
    const QString t = text.trimmed();
    bool isNumber = false;
    const double ms = t.toDouble(&isNumber);
    if (isNumber) return ms >= 0 ? std::optional<int64_t>(int64_t(ms * 1e6 + 0.5)) : std::nullopt;
    const auto ns = model::parseGoDurationNs(t.toStdString());
    return ns && *ns >= 0 ? ns : std::nullopt;
}

TraceQueryForm::TraceQueryForm(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("traceQueryForm"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_service = namesBox(this, QStringLiteral("searchService"), tr("Any service"));
    m_operation = namesBox(this, QStringLiteral("searchOperation"), tr("Any operation"));
    m_tags = lineEdit(this, QStringLiteral("searchTags"), tr("http.status_code=500 error=true"));
    m_tags->setToolTip(tr("Span attributes key=value, separated by spaces; one same span must "
                          "match all of them (and the service and operation). Quote values "
                          "with spaces: http.route=\"/a b\""));
    m_minDuration = lineEdit(this, QStringLiteral("searchMinDuration"), tr("min, e.g. 250ms"));
    m_maxDuration = lineEdit(this, QStringLiteral("searchMaxDuration"), tr("max, e.g. 1.5s"));
    auto* durations = new QHBoxLayout;
    durations->addWidget(m_minDuration);
    durations->addWidget(new QLabel(QStringLiteral("–"), this));
    durations->addWidget(m_maxDuration);
    form->addRow(tr("&Service"), m_service);
    form->addRow(tr("&Operation"), m_operation);
    form->addRow(tr("&Attributes"), m_tags);
    form->addRow(tr("Duration"), durations); // a layout: no buddy for a mnemonic
    form->addRow(tr("From"), buildTimeRow(m_useFrom, m_from, QStringLiteral("searchFrom")));
    form->addRow(tr("To"), buildTimeRow(m_useTo, m_to, QStringLiteral("searchTo")));

    m_errorsOnly = new QCheckBox(tr("&Errors only"), this);
    m_errorsOnly->setObjectName(QStringLiteral("searchErrorsOnly"));
    m_limit = new QSpinBox(this);
    m_limit->setObjectName(QStringLiteral("searchLimit"));
    m_limit->setRange(0, 10'000'000);
    m_limit->setSingleStep(100);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setPrefix(tr("limit "));
    auto* options = new QHBoxLayout;
    options->addWidget(m_errorsOnly);
    options->addStretch(1);
    options->addWidget(m_limit);
    form->addRow(QString(), options);

    m_reset = new QPushButton(tr("Reset"), this);
    m_find = new QPushButton(tr("Find Traces"), this);
    m_find->setObjectName(QStringLiteral("searchFind"));
    m_find->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_find);
    form->addRow(buttons);

    connect(m_find, &QPushButton::clicked, this, &TraceQueryForm::submitted);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        reset();
        emit submitted();
    });
    connect(m_service, &QComboBox::currentTextChanged, this, &TraceQueryForm::fillOperations);
    for (QLineEdit* e :
         {m_service->lineEdit(), m_operation->lineEdit(), m_tags, m_minDuration, m_maxDuration})
        connect(e, &QLineEdit::returnPressed, this, &TraceQueryForm::submitted);
    for (QLineEdit* e : {m_tags, m_minDuration, m_maxDuration})
        connect(e, &QLineEdit::textEdited, this, [this, e] { markInvalid(e, false); });
}

QWidget* TraceQueryForm::buildTimeRow(QCheckBox*& use, QDateTimeEdit*& edit,
                                      const QString& objectName) {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    use = new QCheckBox(row);
    use->setObjectName(objectName + QStringLiteral("Enabled"));
    use->setToolTip(tr("Only traces overlapping this time (UTC)"));
    edit = new QDateTimeEdit(row);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(kTimeFormat);
    edit->setEnabled(false);
    QDateTimeEdit* e = edit;
    connect(use, &QCheckBox::toggled, e, &QWidget::setEnabled);
    layout->addWidget(use);
    layout->addWidget(edit, 1);
    return row;
}

void TraceQueryForm::setCatalog(const SearchCatalog& catalog) {
    m_catalog = catalog;
    setItems(m_service, m_catalog.services);
    for (QDateTimeEdit* e : {m_from, m_to}) {
        const auto first = QDateTime::fromMSecsSinceEpoch(catalog.startNs / 1'000'000, Qt::UTC);
        const auto last =
            QDateTime::fromMSecsSinceEpoch((catalog.endNs + 999'999) / 1'000'000, Qt::UTC);
        e->setDateTimeRange(first, last);
    }
    reset();
}

void TraceQueryForm::reset() {
    m_service->setEditText(QString());
    fillOperations();
    m_operation->setEditText(QString());
    for (QLineEdit* e : {m_tags, m_minDuration, m_maxDuration}) {
        e->clear();
        markInvalid(e, false);
    }
    m_errorsOnly->setChecked(false);
    m_useFrom->setChecked(false);
    m_useTo->setChecked(false);
    m_from->setDateTime(m_from->minimumDateTime());
    m_to->setDateTime(m_to->maximumDateTime());
    m_limit->setValue(0);
}

void TraceQueryForm::setService(const QString& service) {
    m_service->setEditText(service);
    fillOperations();
}

void TraceQueryForm::setOperation(const QString& operation) {
    m_operation->setEditText(operation);
}

void TraceQueryForm::fillOperations() {
    const QString service = m_service->currentText().trimmed();
    const auto it = m_catalog.operationsByService.constFind(service);
    setItems(m_operation, it != m_catalog.operationsByService.cend() ? *it : m_catalog.operations);
}

void TraceQueryForm::markInvalid(QLineEdit* edit, bool invalid) const {
    edit->setStyleSheet(invalid ? QStringLiteral("QLineEdit { border: 2px solid #d62728; }")
                                : QString());
}

std::optional<model::TraceQuery> TraceQueryForm::query(QString* problem) const {
    model::TraceQuery q;
    q.service = m_service->currentText().trimmed().toStdString();
    q.operation = m_operation->currentText().trimmed().toStdString();
    QString message;
    if (!parseTagFilters(m_tags->text(), q.tags, &message)) {
        markInvalid(m_tags, true);
        if (problem) *problem = message;
        return std::nullopt;
    }
    for (const auto& [edit, target] :
         {std::pair{m_minDuration, &q.minDurationNs}, std::pair{m_maxDuration, &q.maxDurationNs}}) {
        if (edit->text().trimmed().isEmpty()) continue;
        *target = parseDurationFilter(edit->text());
        if (!*target) {
            markInvalid(edit, true);
            if (problem)
                *problem = tr("“%1” is not a duration (e.g. 250ms, 1.5s, 2m)").arg(edit->text());
            return std::nullopt;
        }
    }
    if (q.minDurationNs && q.maxDurationNs && *q.minDurationNs > *q.maxDurationNs) {
        markInvalid(m_maxDuration, true);
        if (problem) *problem = tr("the maximum duration is below the minimum");
        return std::nullopt;
    }
    q.errorsOnly = m_errorsOnly->isChecked();
    if (m_useFrom->isChecked()) q.fromNs = msToNs(m_from->dateTime());
    if (m_useTo->isChecked()) q.toNs = msToNs(m_to->dateTime()) + 999'999; // the whole ms
    q.limit = size_t(m_limit->value());
    return q;
}

} // namespace tg::view
