#include "views/inspector/inspector_widget.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tg::view {
namespace {

QLabel* selectableLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString errorPercent(quint64 errors, quint64 calls) {
    if (calls == 0) return QStringLiteral("–");
    return QStringLiteral("%1%").arg(100.0 * double(errors) / double(calls), 0, 'f', 1);
}

} // namespace

InspectorWidget::InspectorWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("inspector"));
    auto* layout = new QVBoxLayout(this);
    m_title = selectableLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_subtitle = selectableLabel(this);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_hint =
        new QLabel(tr("Select a service or an edge in the topology to see its numbers."), this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_factsBox = new QWidget(this);
    m_facts = new QFormLayout(m_factsBox);
    m_facts->setContentsMargins(0, 0, 0, 0);
    m_operationsTitle = new QLabel(tr("Top operations by calls"), this);
    QFont bold = m_operationsTitle->font();
    bold.setBold(true);
    m_operationsTitle->setFont(bold);
    m_operations = new QTreeWidget(this);
    m_operations->setObjectName(QStringLiteral("inspectorOperations"));
    m_operations->setHeaderLabels({tr("Operation"), tr("Calls"), tr("Error %")});
    // As tall as its rows (at most ten), so the dock has no empty table area.
    m_operations->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_operations->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_operations->setRootIsDecorated(false);
    m_operations->setUniformRowHeights(true);
    m_operations->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_operations->header()->setStretchLastSection(false);
    for (QWidget* w :
         {static_cast<QWidget*>(m_title), static_cast<QWidget*>(m_subtitle),
          static_cast<QWidget*>(m_hint), m_factsBox, static_cast<QWidget*>(m_operationsTitle),
          static_cast<QWidget*>(m_operations)})
        layout->addWidget(w);
    layout->addStretch(1);
    clear();
}

void InspectorWidget::clear() {
    setContent({});
}

void InspectorWidget::setContent(const InspectorContent& content) {
    const bool empty = content.empty();
    m_hint->setVisible(empty);
    m_title->setText(content.title);
    m_subtitle->setText(content.subtitle);
    m_title->setVisible(!empty);
    m_subtitle->setVisible(!empty && !content.subtitle.isEmpty());
    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    for (const InspectorFact& fact : content.facts) {
        QLabel* value = selectableLabel(m_factsBox);
        value->setObjectName(QStringLiteral("fact_") + fact.id);
        value->setText(fact.value);
        m_facts->addRow(fact.label + QLatin1Char(':'), value);
    }
    m_factsBox->setVisible(!empty);
    m_operations->clear();
    for (const InspectorOperation& op : content.operations) {
        auto* item = new QTreeWidgetItem(m_operations);
        item->setText(0, op.name);
        item->setToolTip(0, op.name);
        item->setText(1, QLocale().toString(op.calls));
        item->setText(2, errorPercent(op.errors, op.calls));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    const bool showOperations = !empty && !content.operations.isEmpty();
    m_operationsTitle->setVisible(showOperations);
    m_operations->setVisible(showOperations);
}

QString InspectorWidget::factText(const QString& id) const {
    const auto* label = m_factsBox->findChild<QLabel*>(QStringLiteral("fact_") + id);
    return label ? label->text() : QString();
}

} // namespace tg::view
