#pragma once
// The filter form of the trace search: service and operation (editable combos filled from the
// dataset, with completion by substring; the operation list follows the chosen service),
// attribute filters `key=value` (several, separated by spaces; quote values that contain
// spaces), minimum and maximum trace duration with units ("250ms", "1.5s"; a bare number is
// milliseconds), errors only, a time range (UTC) and a result limit. query() turns it into a
// model::TraceQuery, or names the field that cannot be read.
//
// Thread affinity: GUI thread (a widget).
#include <QWidget>
#include <optional>

#include "models/trace/trace_index.h"
#include "views/explorer/search_catalog.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tg::view {

// Parses "k=v k2=\"a b\"" into pairs; returns false and a message on a malformed entry.
bool parseTagFilters(const QString& text, std::vector<std::pair<std::string, std::string>>& out,
                     QString* problem);
// "250ms", "1.5s", "2m", "300us"; a bare number is milliseconds. Empty text is no bound.
std::optional<int64_t> parseDurationFilter(const QString& text);

class TraceQueryForm : public QWidget {
    Q_OBJECT
public:
    explicit TraceQueryForm(QWidget* parent = nullptr);

    void setCatalog(const SearchCatalog& catalog); // also resets the filters
    void reset();                                  // every filter off (the catalog stays)
    // The query of the current fields, or nullopt with *problem naming the bad field.
    std::optional<model::TraceQuery> query(QString* problem = nullptr) const;

    void setService(const QString& service);
    void setOperation(const QString& operation);

    QComboBox* serviceBox() const { return m_service; }
    QComboBox* operationBox() const { return m_operation; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QLineEdit* minDurationEdit() const { return m_minDuration; }
    QLineEdit* maxDurationEdit() const { return m_maxDuration; }
    QCheckBox* errorsOnlyBox() const { return m_errorsOnly; }
    QCheckBox* fromBox() const { return m_useFrom; }
    QCheckBox* toBox() const { return m_useTo; }
    QDateTimeEdit* fromEdit() const { return m_from; }
    QDateTimeEdit* toEdit() const { return m_to; }
    QSpinBox* limitBox() const { return m_limit; }
    QPushButton* findButton() const { return m_find; }

signals:
    void submitted(); // Find pressed, or Return in a field

private:
    QWidget* buildTimeRow(QCheckBox*& use, QDateTimeEdit*& edit, const QString& objectName);
    void fillOperations();
    void markInvalid(QLineEdit* edit, bool invalid) const;

    SearchCatalog m_catalog;
    QComboBox* m_service = nullptr;
    QComboBox* m_operation = nullptr;
    QLineEdit* m_tags = nullptr;
    QLineEdit* m_minDuration = nullptr;
    QLineEdit* m_maxDuration = nullptr;
    QCheckBox* m_errorsOnly = nullptr;
    QCheckBox* m_useFrom = nullptr;
    QCheckBox* m_useTo = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QSpinBox* m_limit = nullptr;
    QPushButton* m_find = nullptr;
    QPushButton* m_reset = nullptr;
};

} // namespace tg::view
