#include "importers/telemetry/telemetry_import.h"

#include <chrono>
#include <filesystem>

#include "importers/logs/csv_log_importer.h"
#include "importers/logs/json_lines_log_importer.h"
#include "importers/logs/logfmt_log_importer.h"
#include "importers/logs/plain_text_log_importer.h"
#include "importers/loki/loki_api_importer.h"
#include "importers/otlp/otlp_logs_json_importer.h"
#include "importers/otlp/otlp_metrics_json_importer.h"
#include "importers/prometheus/exposition_reader.h"
#include "importers/prometheus/prometheus_api_importer.h"
#include "importers/telemetry/csv_metric_importer.h"

namespace tg::import {
namespace {

model::Status dispatch(TelemetryFormat format, const TelemetryInput& input, TelemetryTarget& target,
                       const TelemetryImportOptions& options) {
    switch (format) {
    case TelemetryFormat::PrometheusApiJson:
        return importPrometheusApiJson(input, target, options);
    case TelemetryFormat::PrometheusText:
        return importPrometheusText(input, target, options);
    case TelemetryFormat::OpenMetricsText:
        return importOpenMetrics(input, target, options);
    case TelemetryFormat::OtlpMetricsJson:
        return importOtlpMetricsJson(input, target, options);
    case TelemetryFormat::OtlpLogsJson:
        return importOtlpLogsJson(input, target, options);
    case TelemetryFormat::LokiApiJson:
        return importLokiApiJson(input, target, options);
    case TelemetryFormat::JsonLinesLogs:
        return importJsonLinesLogs(input, target, options);
    case TelemetryFormat::LogfmtLogs:
        return importLogfmtLogs(input, target, options);
    case TelemetryFormat::PlainTextLogs:
        return importPlainTextLogs(input, target, options);
    case TelemetryFormat::CsvLogs:
        return importCsvLogs(input, target, options);
    case TelemetryFormat::CsvMetrics:
        return importCsvMetrics(input, target, options);
    case TelemetryFormat::Unknown:
        break;
    }
    return model::makeError(model::ErrorCode::UnknownFormat, "unrecognised format", input.path, 0);
}

TelemetryImportReport run(TelemetryFormat format, const TelemetryInput& input,
                          model::MetricStore& metrics, model::LogStore& logs,
                          const TelemetryImportOptions& options) {
    TelemetryImportReport report;
    report.path = input.path;
    report.format = format;
    const auto metricsBefore = metrics.checkpoint();
    const auto logsBefore = logs.checkpoint();
    metrics.addSource(input.path, telemetryFormatName(format));
    logs.addSource(input.path, telemetryFormatName(format));
    TelemetryTarget target{metrics, logs, report.diagnostics};
    model::Status status = model::okStatus();
    try {
        status = dispatch(format, input, target, options);
    } catch (const std::exception& e) { // third-party exceptions stop at the importer edge
        status = model::makeError(model::ErrorCode::Internal,
                                  std::string("importer failed: ") + e.what(), input.path);
    }
    if (!status) {
        metrics.truncate(metricsBefore);
        logs.truncate(logsBefore);
        report.failed = true;
        report.error = status.error();
        return report;
    }
    metrics.buildIndex();
    logs.buildIndex();
    report.families = metrics.familyCount() - metricsBefore.families;
    report.series = metrics.seriesCount() - metricsBefore.series;
    report.samples = metrics.sampleCount() - metricsBefore.samples;
    report.exemplars = metrics.exemplarCount() - metricsBefore.exemplars;
    report.logRecords = logs.recordCount() - logsBefore.records;
    report.logStreams = logs.streamCount() - logsBefore.streams;
    return report;
}

TelemetryImportReport failed(const std::string& path, model::Error error) {
    TelemetryImportReport report;
    report.path = path;
    report.failed = true;
    report.error = std::move(error);
    return report;
}

int64_t modificationTimeNs(const std::string& path) {
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(path, ec);
    if (ec) return 0;
    const auto sys = std::chrono::file_clock::to_sys(written);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(sys.time_since_epoch()).count();
}

model::Error notTelemetry(const std::string& path, const ContentKind& kind) {
    model::Error e = model::makeError(model::ErrorCode::UnknownFormat, {}, path, 0);
    e.detail = kind.isTrace() ? std::string("a trace file (") + formatName(kind.trace) +
                                    "), not metrics or logs"
                              : "unrecognised format: " + kind.reason;
    return e;
}

} // namespace

TelemetryImportReport importTelemetryFile(const std::string& path, model::MetricStore& metrics,
                                          model::LogStore& logs,
                                          const TelemetryImportOptions& options) {
    const model::Result<ContentKind> kind = sniffFileKind(path);
    if (!kind) return failed(path, kind.error());
    if (!kind->isTelemetry()) return failed(path, notTelemetry(path, *kind));
    TelemetryImportOptions opts = options;
    if (opts.defaultTimeNs == 0) opts.defaultTimeNs = modificationTimeNs(path);
    TelemetryImportReport report =
        run(kind->telemetry, TelemetryInput{path, std::nullopt}, metrics, logs, opts);
    std::error_code ec;
    report.bytes = std::filesystem::file_size(path, ec);
    return report;
}

TelemetryImportReport importTelemetryBytes(std::string_view bytes, const std::string& label,
                                           model::MetricStore& metrics, model::LogStore& logs,
                                           const TelemetryImportOptions& options,
                                           std::optional<TelemetryFormat> format) {
    if (!format) {
        const size_t head = std::min<size_t>(bytes.size(), 64 * 1024);
        const ContentKind kind = sniffContentKind(
            bytes.substr(0, head), bytes.size() > head ? bytes.substr(bytes.size() - 4096) : "");
        if (!kind.isTelemetry()) return failed(label, notTelemetry(label, kind));
        format = kind.telemetry;
    }
    TelemetryImportReport report =
        run(*format, TelemetryInput{label, bytes}, metrics, logs, options);
    report.bytes = bytes.size();
    return report;
}

} // namespace tg::import
