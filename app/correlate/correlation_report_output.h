#pragma once
// Renders the correlation report (models/correlate/correlation_report.h) for `topograph
// correlate`: a JSON document and a text summary. docs/cli.md documents the JSON shape; it is a
// public interface. Pure functions of their inputs; main thread only (Qt JSON classes).
#include <QByteArray>

#include "app/telemetry/telemetry_inputs.h"
#include "models/correlate/correlation_report.h"

namespace tg::app {

QByteArray correlationReportJson(const model::CorrelationReport& report,
                                 const TelemetryInputs& inputs);
QByteArray correlationReportText(const model::CorrelationReport& report,
                                 const TelemetryInputs& inputs);

} // namespace tg::app
