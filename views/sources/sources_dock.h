#pragma once
// The Sources dock: the loaded inputs as a tree (file → error and diagnostics with a severity
// icon, code, count and first sample), so an SRE sees at once what was imported and what was
// wrong with it. Failed imports and inputs with warnings are expanded.
//
// Thread affinity: GUI thread (a widget). It only shows the SourceItem values it is given.
#include <QDockWidget>

#include "views/sources/source_items.h"

class QTreeWidget;
class QTreeWidgetItem;

namespace tg::view {

class SourcesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit SourcesDock(QWidget* parent = nullptr);

    void setSources(const QList<SourceItem>& sources);
    QTreeWidget* tree() const { return m_tree; }

private:
    QTreeWidgetItem* addSource(const SourceItem& source);
    void addDiagnostic(QTreeWidgetItem* parent, const DiagnosticItem& diagnostic);

    QTreeWidget* m_tree = nullptr;
};

} // namespace tg::view
