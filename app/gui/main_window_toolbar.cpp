// MainWindow's toolbar: find box, edge label mode, hide healthy, focus on selection with a hop
// count, fit; and applying the persisted view settings to the topology view.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolBar>

#include "app/gui/main_window.h"
#include "app/gui/session_controller.h"
#include "views/topology/topology_view.h"

namespace tg::app {

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Topology"));
    bar->setObjectName(QStringLiteral("topologyToolBar"));
    bar->setMovable(false);

    m_find = new QLineEdit(bar);
    m_find->setObjectName(QStringLiteral("findBox"));
    m_find->setPlaceholderText(tr("Find a service…  (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(260);
    connect(m_find, &QLineEdit::returnPressed, this, &MainWindow::findNext);
    bar->addWidget(m_find);
    bar->addSeparator();

    bar->addWidget(new QLabel(tr("Edge labels "), bar));
    m_edgeLabels = new QComboBox(bar);
    m_edgeLabels->setObjectName(QStringLiteral("edgeLabels"));
    m_edgeLabels->addItem(tr("Requests/s"), int(view::TopologyView::EdgeLabel::Rps));
    m_edgeLabels->addItem(tr("Error %"), int(view::TopologyView::EdgeLabel::ErrorRate));
    m_edgeLabels->addItem(tr("p95 latency"), int(view::TopologyView::EdgeLabel::P95));
    m_edgeLabels->addItem(tr("None"), int(view::TopologyView::EdgeLabel::None));
    connect(m_edgeLabels, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_settings.edgeLabel =
            static_cast<view::TopologyView::EdgeLabel>(m_edgeLabels->itemData(index).toInt());
        m_view->setEdgeLabel(m_settings.edgeLabel);
    });
    bar->addWidget(m_edgeLabels);

    bar->addAction(m_hideHealthy);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Hops "), bar));
    m_hops = new QSpinBox(bar);
    m_hops->setObjectName(QStringLiteral("focusHops"));
    m_hops->setRange(1, 9);
    m_hops->setToolTip(
        tr("How many calls away from the selected service stay visible in focus mode"));
    connect(m_hops, &QSpinBox::valueChanged, this, [this](int hops) {
        m_settings.focusHops = hops;
        if (m_focused) focusOnSelection();
    });
    bar->addWidget(m_hops);
    bar->addAction(m_focus);
    bar->addAction(m_clearFocus);
    bar->addSeparator();
    QAction* fit = bar->addAction(tr("Fit"));
    fit->setToolTip(tr("Fit the graph to the window (Ctrl+0)"));
    connect(fit, &QAction::triggered, m_view, &view::TopologyView::fitToView);
}

void MainWindow::applyViewSettings() {
    const int labelIndex = m_edgeLabels->findData(int(m_settings.edgeLabel));
    m_edgeLabels->setCurrentIndex(std::max(0, labelIndex));
    m_view->setEdgeLabel(m_settings.edgeLabel);
    m_hideHealthy->setChecked(m_settings.hideHealthy);
    m_view->setHideHealthy(m_settings.hideHealthy);
    m_view->setErrorThresholds(m_settings.warnErrorRate, m_settings.criticalErrorRate);
    m_hops->setValue(m_settings.focusHops);
    m_controller->setLayoutEngine(m_settings.layoutEngine);
}

void MainWindow::findNext() {
    const QString text = m_find->text().trimmed();
    if (text.isEmpty()) return;
    if (!m_view->findAndSelect(text)) showMessage(tr("No service matches “%1”").arg(text));
}

void MainWindow::focusOnSelection() {
    if (!m_selectedNode) return showMessage(tr("Select a service first"));
    m_focused = true;
    m_view->setFocus(*m_selectedNode, m_settings.focusHops);
    m_clearFocus->setEnabled(true);
}

void MainWindow::clearFocus() {
    m_focused = false;
    m_view->setFocus(std::nullopt, m_settings.focusHops);
    m_clearFocus->setEnabled(false);
}

} // namespace tg::app
