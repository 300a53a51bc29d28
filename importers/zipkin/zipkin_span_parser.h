#pragma once
// Parses one Zipkin v2 span object into a SpanInput (helper of the Zipkin importer; not a
// public API). Mapping: localEndpoint -> resource (service.name, host.ip); remoteEndpoint ->
// peer.service / network.peer.* (and server.* on CLIENT/PRODUCER spans); tags -> string
// attributes, where an "error" tag with any value (even "") sets status ERROR, the Zipkin rule;
// annotations -> events; shared -> SpanInput::shared; timestamp/duration µs -> ns.
// Stateless functions; run on the import job's thread.
#include <simdjson.h>

#include "importers/common/json_values.h"
#include "models/dataset/span_sink.h"

namespace tg::import::zipkin {

namespace od = simdjson::ondemand;

// What the parse found besides the SpanInput, for the caller's diagnostics.
struct SpanParseResult {
    bool hasTimestamp = false;
    bool hasDuration = false;
    bool badTimestamp = false; // present but not a µs integer
    bool badDuration = false;
};

// Fills `span` (cleared first) from the span object. String views in `span` point into the
// parser's buffers and `scratch`; they stay valid until the next document / scratch.reset().
SpanParseResult parseSpan(od::object object, model::SpanSink& sink, model::SpanInput& span,
                          TextArena& scratch);

} // namespace tg::import::zipkin
