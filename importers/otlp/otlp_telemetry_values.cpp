#include "importers/otlp/otlp_telemetry_values.h"

#include <charconv>

#include "models/core/time_parse.h"

namespace tg::import::otlp {

std::optional<int64_t> readUnixNanoValue(od::value v) {
    if (v.type() == od::json_type::string) return model::parseDecimalInt64(v.get_string().value());
    return readInt64(v);
}

std::string attributeText(const model::AttributeInput& a) {
    switch (a.type) {
    case model::AttrType::Int:
        return std::to_string(a.i);
    case model::AttrType::Double: {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, a.d);
        return std::string(buf, r.ptr);
    }
    case model::AttrType::Bool:
        return a.b ? "true" : "false";
    default:
        return std::string(a.str);
    }
}

std::string_view readAnyValueText(od::value any, TextArena& scratch) {
    if (any.type() != od::json_type::object) return readText(any, scratch);
    std::string_view text;
    for (auto field : any.get_object()) {
        const std::string_view key = field.unescaped_key().value();
        od::value v = field.value();
        if (isField(key, "stringValue", "string_value") ||
            isField(key, "bytesValue", "bytes_value") || isField(key, "intValue", "int_value") ||
            isField(key, "doubleValue", "double_value") ||
            isField(key, "boolValue", "bool_value")) {
            text = readText(v, scratch);
        } else if (isField(key, "arrayValue", "array_value") ||
                   isField(key, "kvlistValue", "kvlist_value")) {
            std::string& out = scratch.next();
            out.assign(readRawJson(v));
            text = out;
        }
    }
    return text;
}

bool isIdentifyingResourceKey(std::string_view key) {
    for (std::string_view k :
         {"service.name", "service.namespace", "service.instance.id", "k8s.namespace.name",
          "k8s.pod.name", "k8s.deployment.name", "host.name", "deployment.environment",
          "deployment.environment.name"})
        if (key == k) return true;
    return false;
}

} // namespace tg::import::otlp
