// Fuzz target for the exposition parsers (DESIGN §5): arbitrary bytes read as OpenMetrics
// (strict) and as Prometheus text 0.0.4 (lenient), plus the JSON query API readers (Prometheus
// and Loki) forced on the same bytes. Invariants: a rejected exposition names the input and a
// line inside it and leaves the store as before; an accepted OpenMetrics exposition ends in
// "# EOF" (nothing can be accepted without one); every sample belongs to a series whose
// family is in range.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "importers/telemetry/telemetry_import.h"

using namespace tg;

namespace {

void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_openmetrics: invariant violated: %s\n", what);
    std::abort();
}

void readAs(std::string_view bytes, import::TelemetryFormat format) {
    model::MetricStore metrics;
    model::LogStore logs;
    import::TelemetryImportOptions options;
    options.maxRecordBytes = 1u << 20;
    options.maxLineBytes = 1u << 16;
    const auto before = metrics.checkpoint();
    const auto report =
        import::importTelemetryBytes(bytes, "fuzz-input", metrics, logs, options, format);
    const uint64_t lines = static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    if (report.failed) {
        check(report.error.path == "fuzz-input", "a fatal error names the input");
        check(metrics.checkpoint() == before, "a rejected input is rolled back");
        if (format == import::TelemetryFormat::OpenMetricsText &&
            report.error.code == model::ErrorCode::Syntax)
            check(report.error.line >= 1 && uint64_t(report.error.line) <= lines,
                  "a rejection names a line inside the input");
        return;
    }
    if (format == import::TelemetryFormat::OpenMetricsText)
        check(bytes.find("# EOF") != std::string_view::npos, "accepted OpenMetrics has # EOF");
    for (size_t i = 0; i < metrics.sampleCount(); ++i)
        check(metrics.sampleSeries[i] < metrics.seriesCount(), "sample series in range");
    for (model::SeriesId s = 0; s < metrics.seriesCount(); ++s)
        check(metrics.seriesFamily[s] < metrics.familyCount(), "series family in range");
    check(metrics.indexCurrent(), "index current");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    using F = import::TelemetryFormat;
    for (F format : {F::OpenMetricsText, F::PrometheusText, F::PrometheusApiJson, F::LokiApiJson,
                     F::OtlpMetricsJson, F::OtlpLogsJson})
        readAs(bytes, format);
    return 0;
}
