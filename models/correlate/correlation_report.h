#pragma once
// What correlation linked and why the rest was not linked (issue 4): counts of log records and
// exemplars linked to a span or only to a trace, log records and metric series mapped to a
// service, and for each reason something was not linked, its count and a first sample naming
// the file and record. Plain data; no thread affinity.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tg::model {

// Why a log record or exemplar is not linked to a trace of the dataset.
enum class TraceMiss : uint8_t {
    NoId,             // no trace ID stated or found by the derived-field rules
    UnknownTrace,     // an ID, but no such trace was loaded (and the time is within range)
    OutsideTimeRange, // an ID of a trace not loaded, timed outside the traces' time range
};
inline constexpr size_t kTraceMissCount = 3;
const char* traceMissName(TraceMiss miss); // "no_id", "unknown_trace", "outside_time_range"

// Why a log record or metric series is not linked to a service of the traces.
enum class ServiceMiss : uint8_t {
    NoServiceLabel, // none of the service rules' labels is set
    UnknownService, // a service-like label, but the traces have no such service
};
inline constexpr size_t kServiceMissCount = 2;
const char* serviceMissName(ServiceMiss miss); // "no_service_label", "unknown_service"

struct MissTally {
    uint64_t count = 0;
    std::string firstSample; // "<file>: record 12: <text>"
    void add(std::string sample) {
        if (count++ == 0) firstSample = std::move(sample);
    }
    void add() { ++count; } // when a sample is already kept
};

struct CorrelationReport {
    // The traces joined against.
    uint64_t traces = 0, spans = 0, services = 0;
    int64_t tracesStartNs = 0, tracesEndNs = 0;

    // Log records.
    uint64_t logs = 0;
    uint64_t logsLinkedToSpan = 0;
    uint64_t logsLinkedToTrace = 0; // the trace exists; no span ID, or a span not in the trace
    uint64_t logsSpanNotFound = 0;  // ...of which a span ID was given but not found
    std::array<uint64_t, 4> logsByIdOrigin{}; // by IdOrigin: none, explicit, field, regex
    std::array<MissTally, kTraceMissCount> logMisses;
    uint64_t logsLinkedToService = 0; // via their span, else their stream labels
    std::array<MissTally, kServiceMissCount> logServiceMisses;

    // Exemplars (trace IDs stated by the metrics format).
    uint64_t exemplars = 0, exemplarsLinkedToSpan = 0, exemplarsLinkedToTrace = 0;
    std::array<MissTally, kTraceMissCount> exemplarMisses;

    // Metric series.
    uint64_t series = 0, seriesLinkedToService = 0;
    std::array<MissTally, kServiceMissCount> seriesMisses;

    std::vector<std::string> skippedRules; // derived-field rules whose regex did not compile

    uint64_t logsLinked() const { return logsLinkedToSpan + logsLinkedToTrace; }
    uint64_t exemplarsLinked() const { return exemplarsLinkedToSpan + exemplarsLinkedToTrace; }
};

} // namespace tg::model
