#include "app/gui/thresholds_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace tg::app {
namespace {

QDoubleSpinBox* percentBox(double fraction, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, 100.0);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" %"));
    box->setValue(fraction * 100.0);
    return box;
}

} // namespace

ThresholdsDialog::ThresholdsDialog(double warn, double critical, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Error thresholds"));
    auto* form = new QFormLayout(this);
    m_warn = percentBox(warn, this);
    m_critical = percentBox(critical, this);
    form->addRow(tr("Warning above"), m_warn);
    form->addRow(tr("Critical above"), m_critical);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

double ThresholdsDialog::warn() const {
    return m_warn->value() / 100.0;
}

double ThresholdsDialog::critical() const {
    return std::max(m_critical->value(), m_warn->value()) / 100.0;
}

} // namespace tg::app
