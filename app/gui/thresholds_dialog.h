#pragma once
// View ▸ Error Thresholds…: the error rates above which a service turns amber (warning) and red
// (critical), entered in percent.
//
// Thread affinity: GUI thread (a dialog).
#include <QDialog>

class QDoubleSpinBox;

namespace tg::app {

class ThresholdsDialog : public QDialog {
    Q_OBJECT
public:
    ThresholdsDialog(double warn, double critical, QWidget* parent = nullptr); // fractions
    double warn() const;                                                       // fraction
    double critical() const; // fraction, >= warn()

private:
    QDoubleSpinBox* m_warn = nullptr;
    QDoubleSpinBox* m_critical = nullptr;
};

} // namespace tg::app
