#pragma once
// The interface importers write into (DESIGN §1: "batches of domain records"). An importer
// parses its format and calls addResource/addSpan; it never sees the dataset's layout.
// Views inside SpanInput need only live for the duration of the call.
// Thread affinity: one sink is used by one import job's thread.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "models/core/diagnostics.h"
#include "models/core/ids.h"
#include "models/dataset/span_types.h"

namespace tg::model {

using ResourceId = uint32_t;
inline constexpr ResourceId kNoResource = 0xFFFFFFFFu; // span without a known resource

struct EventInput {
    int64_t timeNs = 0;
    std::string_view name;
    uint32_t attrBegin = 0; // into SpanInput::eventAttributes
    uint32_t attrCount = 0;
};

struct LinkInput {
    ParsedTraceId trace;
    ParsedSpanId span;
    RefType type = RefType::Link;
};

// One span as an importer found it. Reused between spans: call clear() before filling.
struct SpanInput {
    ParsedTraceId trace;
    ParsedSpanId span;
    ParsedSpanId parent; // id 0 = no parent
    RefType parentRef = RefType::ChildOf;
    std::string_view operation;
    SpanKind kind = SpanKind::Unspecified;
    StatusCode status = StatusCode::Unset;
    int64_t startNs = 0;
    int64_t durationNs = 0;
    ResourceId resource = kNoResource;
    bool shared = false;
    std::vector<AttributeInput> attributes;
    std::vector<EventInput> events;
    std::vector<AttributeInput> eventAttributes;
    std::vector<LinkInput> links;

    void clear() {
        trace = {};
        span = {};
        parent = {};
        parentRef = RefType::ChildOf;
        operation = {};
        kind = SpanKind::Unspecified;
        status = StatusCode::Unset;
        startNs = durationNs = 0;
        resource = kNoResource;
        shared = false;
        attributes.clear();
        events.clear();
        eventAttributes.clear();
        links.clear();
    }
};

class SpanSink {
public:
    virtual ~SpanSink() = default;
    // A process (Jaeger) / resource (OTLP) / endpoint (Zipkin). Equal inputs give equal ids.
    virtual ResourceId addResource(std::string_view serviceName,
                                   std::span<const AttributeInput> attributes) = 0;
    virtual void addSpan(const SpanInput& span) = 0;
    virtual Diagnostics& diagnostics() = 0;
    virtual uint64_t spansAdded() const = 0;
};

} // namespace tg::model
