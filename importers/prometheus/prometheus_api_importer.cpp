#include "importers/prometheus/prometheus_api_importer.h"

#include "importers/prometheus/prometheus_query_data.h"
#include "importers/telemetry/json_position.h"

namespace tg::import {

namespace od = simdjson::ondemand;

namespace {

struct Envelope {
    std::string status, errorType, error;
    bool sawData = false;
    JsonPosition statusAt;
    std::optional<model::Error> fatal;
};

std::string scalarText(od::document& doc) {
    if (doc.type() == od::json_type::string) return std::string(doc.get_string().value());
    return std::string(simdjson::to_json_string(doc).value());
}

} // namespace

model::Status readQueryEnvelope(const TelemetryInput& input, TelemetryTarget& target,
                                const TelemetryImportOptions& options,
                                const QueryDataParser& parseData) {
    Envelope env;
    auto onRecord = [&](od::document& doc, const JsonRecord& record) {
        const std::string_view key = record.key;
        if (key == "status") {
            env.status = scalarText(doc);
            env.statusAt = {record.line, record.offset};
        } else if (key == "errorType") {
            env.errorType = scalarText(doc);
        } else if (key == "error") {
            env.error = scalarText(doc);
        } else if (key == "warnings" || key == "infos") {
            target.diagnostics.report(key == "warnings" ? "api_warning" : "api_info",
                                      key == "warnings" ? model::Severity::Warning
                                                        : model::Severity::Info,
                                      recordPosition(input.path, record) + ": " + scalarText(doc));
        } else if (key == "data") {
            env.sawData = true;
            try {
                parseData(doc, record);
            } catch (const simdjson::simdjson_error& e) {
                // One document: a broken data object is a broken file, not a bad record.
                const char* at = doc.current_location().value_unsafe();
                const JsonPosition p = positionIn(record, at);
                if (!env.fatal)
                    env.fatal = lineError(input.path, p.line, static_cast<int64_t>(p.offset),
                                          std::string("malformed data: ") + e.what());
            }
        } else if (key.empty()) {
            target.diagnostics.report("unexpected_record", model::Severity::Warning,
                                      recordPosition(input.path, record) +
                                          ": a top-level array is not a query API response; "
                                          "skipped");
        }
    };
    model::Status status = forEachJsonRecord(input, options, target.diagnostics, onRecord);
    if (!status) return status;
    if (env.fatal) return *env.fatal;
    if (env.status == "error") {
        model::Error e = lineError(
            input.path, env.statusAt.line, static_cast<int64_t>(env.statusAt.offset),
            "the query failed (status \"error\"): " +
                (env.errorType.empty() ? std::string("?") : env.errorType) + ": " + env.error,
            model::ErrorCode::Unsupported);
        return e;
    }
    if (env.status.empty())
        target.diagnostics.report("missing_status", model::Severity::Warning,
                                  input.path + ": no \"status\" member; read as success");
    else if (env.status != "success" && env.status != "warning")
        target.diagnostics.report("unknown_status", model::Severity::Warning,
                                  input.path + ": status \"" + env.status +
                                      "\" is not success/warning/error; read as success");
    if (!env.sawData)
        target.diagnostics.report("missing_data", model::Severity::Warning,
                                  input.path + ": no \"data\" member; nothing imported");
    return model::okStatus();
}

model::Status importPrometheusApiJson(const TelemetryInput& input, TelemetryTarget& target,
                                      const TelemetryImportOptions& options) {
    PromQueryDataReader reader(input.path, target);
    return readQueryEnvelope(
        input, target, options,
        [&](od::document& data, const JsonRecord& record) { reader.parseData(data, record); });
}

} // namespace tg::import
