#pragma once
// Sources dock items for the metrics and logs of a session: one per metrics/logs input (its
// format, what it added, its error and diagnostics) and one "Correlation" item saying how many
// log records, exemplars and series were linked to the traces and why the rest were not (the
// correlation report, as counted diagnostics with first samples).
//
// Thread affinity: pure functions of their arguments; called on the GUI thread.
#include <QList>

#include "app/panels/session_telemetry.h"
#include "views/sources/source_items.h"

namespace tg::app {

view::SourceItem telemetrySourceItem(const import::TelemetryImportReport& report);
// The correlation item; the report must come from a built index.
view::SourceItem correlationSourceItem(const model::CorrelationReport& report);
// Every telemetry input's item, then the correlation item (when an index was built).
QList<view::SourceItem> telemetrySourceItems(const SessionTelemetry& telemetry);

} // namespace tg::app
