#pragma once
// Small value types shared by the span model: kinds, status, attribute values (DESIGN §3).
// Names follow OpenTelemetry's span model. Plain data; no thread affinity.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "models/core/ids.h"
#include "models/core/string_pool.h"

namespace tg::model {

enum class SpanKind : uint8_t { Unspecified, Internal, Server, Client, Producer, Consumer };
enum class StatusCode : uint8_t { Unset, Ok, Error };
enum class RefType : uint8_t { ChildOf, FollowsFrom, Link };

const char* spanKindName(SpanKind kind); // "server", "client", ...
// Accepts "server", "SERVER", "SPAN_KIND_SERVER", "rpc.server"-free forms; Unspecified otherwise.
SpanKind spanKindFromName(std::string_view name);
// OTLP numbering: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer.
SpanKind spanKindFromOtlp(int64_t value);

enum class AttrType : uint8_t { String, Int, Double, Bool, Bytes, Json };

// An attribute as stored in the dataset: 16 bytes, strings interned.
struct Attribute {
    StringId key = 0;
    AttrType type = AttrType::String;
    union {
        int64_t i;
        double d;
        bool b;
        StringId s; // String, Bytes (base64 text) and Json (array/kvlist rendered as JSON)
    };
    Attribute() : i(0) {}
};
static_assert(sizeof(Attribute) == 16);

// An attribute as an importer hands it in; string views are only valid during the call.
struct AttributeInput {
    std::string_view key;
    AttrType type = AttrType::String;
    std::string_view str;
    int64_t i = 0;
    double d = 0;
    bool b = false;

    static AttributeInput string(std::string_view k, std::string_view v) {
        AttributeInput a;
        a.key = k;
        a.str = v;
        return a;
    }
    static AttributeInput integer(std::string_view k, int64_t v) {
        AttributeInput a;
        a.key = k;
        a.type = AttrType::Int;
        a.i = v;
        return a;
    }
    static AttributeInput real(std::string_view k, double v) {
        AttributeInput a;
        a.key = k;
        a.type = AttrType::Double;
        a.d = v;
        return a;
    }
    static AttributeInput boolean(std::string_view k, bool v) {
        AttributeInput a;
        a.key = k;
        a.type = AttrType::Bool;
        a.b = v;
        return a;
    }
};

// Shared by every store of attributes (spans, events, resources, log records):
// interns an importer's attribute into `strings`.
Attribute internAttribute(StringPool& strings, const AttributeInput& in);
// The same with the key already interned (`key` is in.key's id).
Attribute internAttribute(StringPool& strings, const AttributeInput& in, StringId key);
// The first attribute with this key in `attributes`, or nullptr.
const Attribute* findAttribute(const StringPool& strings, std::span<const Attribute> attributes,
                               std::string_view key);
// An attribute value as text (ints, doubles, bools formatted; strings as stored).
std::string attributeText(const StringPool& strings, const Attribute& a);

} // namespace tg::model
