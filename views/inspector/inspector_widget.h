#pragma once
// The Inspector: numbers of the selected service or edge (calls, rate, error %, latency
// quantiles, grouping attributes) and its top operations by calls. Shows a hint when nothing is
// selected. Colours come from the palette (light and dark themes).
//
// Thread affinity: GUI thread (a widget). It only shows the InspectorContent it is given.
#include <QWidget>

#include "views/inspector/inspector_content.h"

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace tg::view {

class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(QWidget* parent = nullptr);

    void setContent(const InspectorContent& content);
    void clear();
    // The value shown for a fact id ("" when absent); for tests and accessibility.
    QString factText(const QString& id) const;
    QTreeWidget* operationsTree() const { return m_operations; }

private:
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_hint = nullptr;
    QWidget* m_factsBox = nullptr;
    QFormLayout* m_facts = nullptr;
    QLabel* m_operationsTitle = nullptr;
    QTreeWidget* m_operations = nullptr;
};

} // namespace tg::view
