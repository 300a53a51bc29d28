#pragma once
// Reads the "data" object of a Prometheus query API response (/api/v1/query, query_range) into
// a MetricStore: matrix ({metric, values:[[t,"v"],...]}), vector ({metric, value:[t,"v"]}),
// scalar ([t,"v"]) and string ([t,"s"], kept as a log record); native histograms
// ("histogram(s)": [t, {count, sum, buckets}]) keep their count and sum. Sample times are
// decimal seconds read exactly; values are strings in every spelling Prometheus and Grafana
// write ("NaN", "+Inf", "-Inf", "inf", ...). Series are named by __name__ (empty for
// expressions), labelled by the rest; the type is unknown (the API does not say).
// Bad samples are counted diagnostics naming the line; the rest of the series is kept.
// Loki's metric queries (matrix, vector) use the same reader. One reader per import job.
#include <string>
#include <vector>

#include <simdjson.h>

#include "importers/telemetry/telemetry_import_types.h"

namespace tg::import {

namespace od = simdjson::ondemand;

class PromQueryDataReader {
public:
    PromQueryDataReader(const std::string& path, TelemetryTarget& target)
        : m_path(path), m_target(target) {}

    // The whole data object: finds resultType (wherever it is), then reads result.
    void parseData(od::document& data, const JsonRecord& record);
    // One result array/pair of a known type ("matrix", "vector", "scalar", "string").
    void parseResult(std::string_view resultType, od::value result, const JsonRecord& record);
    uint64_t resultsRead() const { return m_results; }

private:
    struct Pending; // one result element's labels and samples, gathered before its series exists
    void parseSeries(od::object element, bool matrix, const JsonRecord& record);
    bool readPair(od::value pair, const JsonRecord& record, int64_t& timeNs, double& value,
                  std::string_view* text = nullptr);
    void readHistogramPair(od::value pair, const JsonRecord& record, Pending& out);
    void flush(Pending& pending);

    const std::string& m_path;
    TelemetryTarget& m_target;
    uint64_t m_results = 0;
};

// Finds data.resultType ("" when absent) and rewinds the document for a second pass.
std::string findResultType(od::document& data);

} // namespace tg::import
