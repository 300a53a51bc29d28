#pragma once
// Renders log records and metric series for the `logs` and `metrics` commands: text lines,
// JSON documents and CSV rows. Times are RFC 3339 with nanoseconds (plus the exact ns as a
// string in JSON); non-finite values are written as "NaN", "+Inf", "-Inf". Main thread only.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <vector>

#include "app/telemetry/telemetry_inputs.h"

namespace tg::app {

// `logs --format text`: one record per line (continuation lines of a body indented).
QByteArray logsText(const model::LogStore& logs, const std::vector<uint32_t>& rows);
// `logs --format json`: {"logs": [...], "total": N, "inputs": [...]}.
QByteArray logsJson(const TelemetryInputs& inputs, const std::vector<uint32_t>& rows);

struct SeriesSelection {
    model::SeriesId series = 0;
    std::vector<uint32_t> samples;   // rows, by time
    std::vector<uint32_t> exemplars; // rows
};
// `metrics --format json`: {"series": [...], "total": N, "inputs": [...]}.
QByteArray metricsJson(const TelemetryInputs& inputs, const std::vector<SeriesSelection>& series);
// `metrics --format csv`: name,type,labels,time,time_unix_nano,value (one row per sample).
QByteArray metricsCsv(const model::MetricStore& metrics,
                      const std::vector<SeriesSelection>& series);

// Per input: path, format, counts, ok, diagnostics (code -> count) and the error.
QJsonArray inputsJson(const TelemetryInputs& inputs);
QString formatValue(double value); // shortest round-trip text; NaN, +Inf, -Inf
// {k="v",...} with Prometheus escaping.
QString labelsText(const model::StringPool& strings, std::span<const model::Label> labels);

} // namespace tg::app
