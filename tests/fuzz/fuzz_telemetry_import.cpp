// Fuzz target for the metrics and logs importers (DESIGN §5): arbitrary bytes go through
// content sniffing and the importer it picks (importTelemetryBytes), and then through each
// line-oriented importer forced on the same bytes (plain text, logfmt, JSON lines, CSV logs,
// CSV metrics, Prometheus text), into stores that already hold a small valid import.
// Invariants checked on every input:
//  - a fatal error names the input and leaves both stores exactly as before (rollback);
//  - columns stay consistent (equal lengths, closed prefix offsets, indices in range);
//  - the per-series index covers every sample, sorted by time; the log time index every record.
// Built as a libFuzzer binary with Clang (TOPOGRAPH_FUZZ=ON) or, with any compiler, linked to
// fuzz_replay_main.cpp to replay a corpus (CI).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "importers/telemetry/telemetry_import.h"

using namespace tg;

namespace {

void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_telemetry_import: invariant violated: %s\n", what);
    std::abort();
}

constexpr std::string_view kBaseMetrics =
    "# TYPE up gauge\nup{job=\"a\"} 1 1700000000000\nup{job=\"b\"} 0 1700000000000\n";
constexpr std::string_view kBaseLogs =
    "ts=2023-11-14T22:13:20Z level=info msg=base app=x traceID=1ee220e024eb5b0a\n";

void checkMetrics(const model::MetricStore& m) {
    const size_t f = m.familyCount(), s = m.seriesCount(), n = m.sampleCount(),
                 e = m.exemplarCount();
    check(m.familyHelp.size() == f && m.familyUnit.size() == f && m.familyType.size() == f &&
              m.familyFlags.size() == f,
          "family columns of equal length");
    check(m.seriesFamily.size() == s && m.seriesRole.size() == s && m.seriesSource.size() == s &&
              m.seriesLabelBegin.size() == s + 1 && m.seriesLabelBegin.back() == m.labels.size(),
          "series columns and label offsets");
    check(m.sampleTimeNs.size() == n && m.sampleValue.size() == n && m.sampleFlags.size() == n &&
              m.sampleSource.size() == n,
          "sample columns of equal length");
    check(m.exemplarSample.size() == e && m.exemplarValue.size() == e &&
              m.exemplarTimeNs.size() == e && m.exemplarTrace.size() == e &&
              m.exemplarSpan.size() == e && m.exemplarFlags.size() == e &&
              m.exemplarLabelBegin.size() == e + 1 &&
              m.exemplarLabelBegin.back() == m.exemplarLabels.size(),
          "exemplar columns and label offsets");
    for (model::SeriesId id = 0; id < s; ++id) {
        check(m.seriesFamily[id] < f, "series family in range");
        check(m.seriesSource[id] < m.sources.size(), "series source in range");
        (void)m.serviceOf(id);
    }
    for (size_t i = 0; i < e; ++i)
        check(m.exemplarSeries[i] < s &&
                  (m.exemplarSample[i] == model::kNoRow || m.exemplarSample[i] < n),
              "exemplar series and sample in range");
    check(m.indexCurrent(), "the index is current after an import");
    size_t covered = 0;
    for (model::SeriesId id = 0; id < s; ++id) {
        const auto rows = m.samplesOf(id);
        covered += rows.size();
        for (size_t k = 0; k < rows.size(); ++k) {
            check(rows[k] < n && m.sampleSeries[rows[k]] == id, "index rows belong to the series");
            check(k == 0 || m.sampleTimeNs[rows[k - 1]] <= m.sampleTimeNs[rows[k]],
                  "index rows sorted by time");
        }
    }
    check(covered == n, "the index covers every sample");
}

void checkLogs(const model::LogStore& l) {
    const size_t n = l.recordCount();
    check(l.observedNs.size() == n && l.severity.size() == n && l.severityText.size() == n &&
              l.stream.size() == n && l.traceId.size() == n && l.spanId.size() == n &&
              l.flags.size() == n && l.source.size() == n,
          "record columns of equal length");
    check(l.bodyBegin.size() == n + 1 && l.bodyBegin.back() == l.bodyBytes.size(),
          "body offsets closed");
    check(l.attrBegin.size() == n + 1 && l.attrBegin.back() == l.attributes.size(),
          "attribute offsets closed");
    check(l.streamLabelBegin.back() == l.labels.size(), "stream label offsets closed");
    for (size_t i = 0; i < n; ++i) {
        check(l.stream[i] < l.streamCount(), "record stream in range");
        check(l.source[i] < l.sources.size(), "record source in range");
        check(l.bodyBegin[i] <= l.bodyBegin[i + 1], "body offsets ascending");
        (void)l.body(i);
        (void)l.serviceOf(i);
        for (const model::Attribute& a : l.attributesOf(i))
            (void)l.attributeText(a);
    }
    check(l.indexCurrent(), "the time index covers every record");
}

void importOnce(std::string_view bytes, std::optional<import::TelemetryFormat> format) {
    model::MetricStore metrics;
    model::LogStore logs;
    check(!import::importTelemetryBytes(kBaseMetrics, "base.prom", metrics, logs).failed,
          "the base metrics import succeeds");
    check(!import::importTelemetryBytes(kBaseLogs, "base.log", metrics, logs).failed,
          "the base logs import succeeds");
    const auto metricsBefore = metrics.checkpoint();
    const auto logsBefore = logs.checkpoint();
    import::TelemetryImportOptions options;
    options.maxRecordBytes = 1u << 20;
    options.maxLineBytes = 1u << 16;
    options.referenceYear = 2024;
    uint64_t lastProgress = 0;
    options.progress = [&](uint64_t done) {
        check(done >= lastProgress, "progress is monotonic");
        lastProgress = done;
    };
    const auto report =
        import::importTelemetryBytes(bytes, "fuzz-input", metrics, logs, options, format);
    if (report.failed) {
        check(report.error.path == "fuzz-input", "a fatal error names the input");
        check(metrics.checkpoint() == metricsBefore, "failed metrics import rolled back");
        check(logs.checkpoint() == logsBefore, "failed logs import rolled back");
        check(!report.error.toString().empty(), "the error renders");
    } else {
        check(metrics.sampleCount() == metricsBefore.samples + report.samples, "samples counted");
        check(logs.recordCount() == logsBefore.records + report.logRecords, "records counted");
    }
    checkMetrics(metrics);
    checkLogs(logs);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    importOnce(bytes, std::nullopt);
    using F = import::TelemetryFormat;
    for (F forced : {F::PlainTextLogs, F::LogfmtLogs, F::JsonLinesLogs, F::CsvLogs, F::CsvMetrics,
                     F::PrometheusText})
        importOnce(bytes, forced);
    return 0;
}
