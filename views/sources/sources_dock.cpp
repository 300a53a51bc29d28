#include "views/sources/sources_dock.h"

#include <QHeaderView>
#include <QLocale>
#include <QStyle>
#include <QTreeWidget>

namespace tg::view {
namespace {

enum Column { kName, kCount, kDetail };

QIcon severityIcon(const QStyle* style, model::Severity severity) {
    switch (severity) {
    case model::Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case model::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    default:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
}

QIcon sourceIcon(const QStyle* style, const SourceItem& source) {
    if (source.failed) return style->standardIcon(QStyle::SP_MessageBoxCritical);
    switch (source.kind) {
    case SourceItem::Kind::Workspace:
        return style->standardIcon(QStyle::SP_DriveHDIcon);
    case SourceItem::Kind::Structure:
        return style->standardIcon(QStyle::SP_FileDialogDetailedView);
    case SourceItem::Kind::Correlation:
        return style->standardIcon(QStyle::SP_FileDialogContentsView);
    default:
        return style->standardIcon(QStyle::SP_FileIcon);
    }
}

bool worthExpanding(const SourceItem& source) {
    if (source.failed) return true;
    for (const DiagnosticItem& d : source.diagnostics)
        if (d.severity != model::Severity::Info) return true;
    return false;
}

} // namespace

SourcesDock::SourcesDock(QWidget* parent) : QDockWidget(tr("Sources"), parent) {
    setObjectName(QStringLiteral("sourcesDock"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("sourcesTree"));
    m_tree->setHeaderLabels({tr("Source / diagnostic"), tr("Count"), tr("Details")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(kName, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(kCount, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    setWidget(m_tree);
}

void SourcesDock::setSources(const QList<SourceItem>& sources) {
    m_tree->clear();
    for (const SourceItem& source : sources) {
        QTreeWidgetItem* item = addSource(source);
        if (worthExpanding(source)) item->setExpanded(true);
    }
}

QTreeWidgetItem* SourcesDock::addSource(const SourceItem& source) {
    auto* item = new QTreeWidgetItem(m_tree);
    item->setText(kName, source.title);
    item->setIcon(kName, sourceIcon(style(), source));
    item->setText(kDetail, source.failed ? tr("failed: %1").arg(source.error) : source.detail);
    item->setToolTip(kName, source.path);
    item->setToolTip(kDetail, source.failed ? source.error : source.detail);
    if (source.failed) {
        auto* error = new QTreeWidgetItem(item);
        error->setIcon(kName, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        error->setText(kName, tr("import failed"));
        error->setText(kDetail, source.error);
        error->setToolTip(kDetail, source.error);
    }
    for (const DiagnosticItem& d : source.diagnostics)
        addDiagnostic(item, d);
    if (!source.failed && source.diagnostics.isEmpty() &&
        source.kind == SourceItem::Kind::Structure)
        item->setText(kDetail, tr("no problems found"));
    return item;
}

void SourcesDock::addDiagnostic(QTreeWidgetItem* parent, const DiagnosticItem& d) {
    auto* item = new QTreeWidgetItem(parent);
    item->setIcon(kName, severityIcon(style(), d.severity));
    item->setText(kName, d.code);
    item->setText(kCount, QLocale().toString(d.count));
    item->setTextAlignment(kCount, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(kDetail, d.firstSample);
    item->setToolTip(kDetail, d.firstSample);
}

} // namespace tg::view
