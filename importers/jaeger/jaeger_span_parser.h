#pragma once
// Parses one Jaeger span object (UI model or api_v2 JSON) into a SpanInput, and Jaeger
// processes / tags into attributes. Helpers of the Jaeger importer; not a public API.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <simdjson.h>

#include "importers/common/json_values.h"

#include "models/dataset/span_sink.h"

namespace tg::import::jaeger {

namespace od = simdjson::ondemand;

using ProcessMap = std::unordered_map<std::string, model::ResourceId>;

// Appends the tags of a Jaeger tag array ({key,type,value} or api_v2 {key,vType,vStr,...}).
void parseTags(od::array tags, std::vector<model::AttributeInput>& out, TextArena& scratch);
// A process object {serviceName, tags} as a resource of the sink.
model::ResourceId parseProcess(od::object process, model::SpanSink& sink);
// {"p1": {...}, ...}
void parseProcesses(od::object processes, model::SpanSink& sink, ProcessMap& out);

struct SpanParseResult {
    bool hasProcessId = false;
    bool processResolved = false;
    std::string processId; // when the process map was not known yet
    // Problems found in this span; the caller merges them into the sink's diagnostics only when
    // it adds the span (a deferred span is parsed twice and must be counted once).
    model::Diagnostics diagnostics;
};

// Fills `span` from the span object. Resolves processID through `processes`; when absent from
// the map, reports it in the result so the caller can defer the span.
SpanParseResult parseSpan(od::object object, model::SpanSink& sink, const ProcessMap& processes,
                          model::SpanInput& span);

} // namespace tg::import::jaeger
