#pragma once
// The in-memory columnar dataset every analysis and view reads (DESIGN §3).
//
// Spans are stored as parallel column vectors indexed by span row; attributes of spans, events
// and resources live in one shared arena of 16-byte Attribute values; strings are interned.
// Invariants: every column has spanCount() entries; attrBegin/eventBegin/linkBegin have
// spanCount()+1 entries (prefix offsets, so row i owns [begin[i], begin[i+1])).
//
// Thread affinity: written by exactly one DatasetBuilder at a time (an import job); once the
// builder is done the dataset is read-only and may be read from any number of threads.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/core/huge_pages.h"
#include "models/core/ids.h"
#include "models/core/string_pool.h"
#include "models/dataset/span_types.h"

namespace tg::model {

// Bit flags per span.
enum SpanFlag : uint8_t {
    kSpanHasParent = 1 << 0,         // parentId is set (it may still be missing from the trace)
    kSpanParentFollowsFrom = 1 << 1, // the parent reference is FOLLOWS_FROM, not CHILD_OF
    kSpanNonHexId = 1 << 2,          // trace or span ID was not hex/base64 and was hashed
    kSpanShared = 1 << 3,            // Zipkin shared span (server half reusing the client's ID)
    kSpanError = 1 << 4,             // error by DESIGN §3's rule (status, error tag, HTTP/gRPC)
};

struct Resource {
    StringId service = 0;
    uint32_t attrBegin = 0;
    uint32_t attrCount = 0;
};

struct SpanEvent {
    int64_t timeNs = 0;
    StringId name = 0;
    uint32_t attrBegin = 0;
    uint32_t attrCount = 0;
};

struct SpanLink {
    TraceId trace;
    SpanId span = 0;
    RefType type = RefType::Link;
};

struct SourceFile {
    std::string path;
    std::string format; // "jaeger-json", "otlp-json", "otlp-protobuf", "zipkin-json", "workspace"
};

class Dataset {
public:
    Dataset() = default;
    Dataset(const Dataset&) = delete;
    Dataset& operator=(const Dataset&) = delete;

    size_t spanCount() const { return traceId.size(); }
    bool isError(size_t row) const { return flags[row] & kSpanError; }
    bool hasParent(size_t row) const { return flags[row] & kSpanHasParent; }
    std::string_view serviceName(size_t row) const { return strings.view(service[row]); }
    std::string_view operationName(size_t row) const { return strings.view(operation[row]); }
    std::span<const Attribute> spanAttributes(size_t row) const {
        return {attributes.data() + attrBegin[row], attrBegin[row + 1] - attrBegin[row]};
    }
    std::span<const SpanEvent> spanEvents(size_t row) const {
        return {events.data() + eventBegin[row], eventBegin[row + 1] - eventBegin[row]};
    }
    std::span<const Attribute> eventAttributesOf(const SpanEvent& e) const {
        return {eventAttributes.data() + e.attrBegin, e.attrCount};
    }
    std::span<const SpanLink> spanLinks(size_t row) const {
        return {links.data() + linkBegin[row], linkBegin[row + 1] - linkBegin[row]};
    }
    std::span<const Attribute> attributesOfResource(uint32_t resourceId) const {
        const Resource& r = resources[resourceId];
        return {resourceAttributes.data() + r.attrBegin, r.attrCount};
    }
    // First span attribute with this key, or nullptr.
    const Attribute* findAttribute(size_t row, std::string_view key) const;
    // Renders an attribute value as text (ints, doubles, bools formatted; strings as stored).
    std::string attributeText(const Attribute& a) const;

    // Sizes of every column and arena; truncate() returns the dataset to such a point (a failed
    // import is rolled back this way; interned strings are kept, they are harmless).
    struct Checkpoint {
        size_t spans = 0, attributes = 0, eventAttributes = 0, resourceAttributes = 0, events = 0,
               links = 0, resources = 0, sources = 0;
    };
    Checkpoint checkpoint() const;
    void truncate(const Checkpoint& to);

    // Approximate heap bytes held by the dataset (for the bytes-per-span figure).
    size_t memoryBytes() const;
    void reserve(size_t spans);

    StringPool strings;

    // Span columns. In huge pages from 1 MiB (huge_pages.h): a million spans fill ~350 MB of
    // columns and arenas, and each 4 KiB page of it touched first costs a fault.
    HugePageVector<TraceId> traceId;
    HugePageVector<SpanId> spanId;
    HugePageVector<SpanId> parentId;
    HugePageVector<StringId> service;
    HugePageVector<StringId> operation;
    HugePageVector<SpanKind> kind;
    HugePageVector<StatusCode> status;
    HugePageVector<uint8_t> flags;
    HugePageVector<int64_t> startNs;
    HugePageVector<int64_t> durationNs;
    HugePageVector<uint32_t> resource;
    HugePageVector<uint16_t> source; // index into sources
    HugePageVector<uint32_t> attrBegin{0};
    HugePageVector<uint32_t> eventBegin{0};
    HugePageVector<uint32_t> linkBegin{0};

    // Arenas. Span, event and resource attributes are kept apart so each span's attributes are
    // one contiguous run [attrBegin[i], attrBegin[i+1]).
    HugePageVector<Attribute> attributes;
    HugePageVector<Attribute> eventAttributes;
    HugePageVector<Attribute> resourceAttributes;
    HugePageVector<SpanEvent> events;
    HugePageVector<SpanLink> links;
    std::vector<Resource> resources;
    std::vector<SourceFile> sources;
};

} // namespace tg::model
