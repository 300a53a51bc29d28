#include "importers/otlp/otlp_json_values.h"

namespace tg::import::otlp {

using model::AttributeInput;
using model::AttrType;

bool isField(std::string_view key, std::string_view camel, std::string_view snake) {
    return key == camel || key == snake;
}

namespace {

void renderAnyValue(od::object any, std::string& out);

// {"values":[AnyValue,...]} as a JSON array.
void renderArrayValue(od::object array, std::string& out) {
    out += '[';
    bool first = true;
    for (auto field : array)
        if (field.unescaped_key().value() == "values")
            for (auto item : field.value().get_array()) {
                if (!first) out += ',';
                first = false;
                renderAnyValue(item.get_object(), out);
            }
    out += ']';
}

// {"values":[{"key":..,"value":AnyValue},...]} as a JSON object.
void renderKvlistValue(od::object kvlist, std::string& out) {
    out += '{';
    bool first = true;
    for (auto field : kvlist)
        if (field.unescaped_key().value() == "values")
            for (auto kv : field.value().get_array()) {
                if (!first) out += ',';
                first = false;
                for (auto kf : kv.get_object()) {
                    const std::string_view k = kf.unescaped_key().value();
                    if (k == "key") {
                        appendJsonString(out, kf.value().get_string().value());
                        out += ':';
                    } else if (k == "value") {
                        renderAnyValue(kf.value().get_object(), out);
                    }
                }
            }
    out += '}';
}

// Renders an AnyValue as plain compact JSON ("x", 7, [..], {"k":..}), the same text the
// protobuf importer produces for array and kvlist attributes.
void renderAnyValue(od::object any, std::string& out) {
    bool wrote = false;
    for (auto field : any) {
        const std::string_view key = field.unescaped_key().value();
        od::value v = field.value();
        wrote = true;
        if (isField(key, "stringValue", "string_value") ||
            isField(key, "bytesValue", "bytes_value")) {
            appendJsonString(out, v.get_string().value());
        } else if (isField(key, "intValue", "int_value")) {
            if (auto i = readInt64(v))
                out += std::to_string(*i);
            else
                out += "null";
        } else if (isField(key, "doubleValue", "double_value")) {
            out += readRawJson(v);
        } else if (isField(key, "boolValue", "bool_value")) {
            out += readBool(v).value_or(false) ? "true" : "false";
        } else if (isField(key, "arrayValue", "array_value")) {
            renderArrayValue(v.get_object(), out);
        } else if (isField(key, "kvlistValue", "kvlist_value")) {
            renderKvlistValue(v.get_object(), out);
        } else {
            wrote = false;
        }
    }
    if (!wrote) out += "null";
}

// Fills the value part of `a` from an AnyValue object ({"stringValue":"x"} etc.).
void parseAnyValue(od::object any, AttributeInput& a, TextArena& scratch) {
    for (auto field : any) {
        const std::string_view key = field.unescaped_key().value();
        od::value v = field.value();
        if (isField(key, "stringValue", "string_value")) {
            a.type = AttrType::String;
            a.str = readText(v, scratch);
        } else if (isField(key, "intValue", "int_value")) {
            if (auto i = readInt64(v)) {
                a.type = AttrType::Int;
                a.i = *i;
            } else {
                a.type = AttrType::String;
                a.str = readText(v, scratch);
            }
        } else if (isField(key, "doubleValue", "double_value")) {
            if (auto d = readDouble(v)) {
                a.type = AttrType::Double;
                a.d = *d;
            }
        } else if (isField(key, "boolValue", "bool_value")) {
            if (auto b = readBool(v)) {
                a.type = AttrType::Bool;
                a.b = *b;
            }
        } else if (isField(key, "bytesValue", "bytes_value")) {
            a.type = AttrType::Bytes;
            a.str = readText(v, scratch);
        } else if (isField(key, "arrayValue", "array_value") ||
                   isField(key, "kvlistValue", "kvlist_value")) {
            a.type = AttrType::Json;
            std::string& text = scratch.next();
            if (isField(key, "arrayValue", "array_value"))
                renderArrayValue(v.get_object(), text);
            else
                renderKvlistValue(v.get_object(), text);
            a.str = text;
        }
    }
}

} // namespace

void parseAttributes(od::array attributes, std::vector<AttributeInput>& out, TextArena& scratch) {
    for (auto item : attributes) {
        AttributeInput a;
        for (auto field : item.get_object()) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "key") {
                a.key = field.value().get_string().value();
            } else if (key == "value") {
                od::value v = field.value();
                if (v.type() == od::json_type::object) parseAnyValue(v.get_object(), a, scratch);
            }
        }
        if (!a.key.empty()) out.push_back(a);
    }
}

} // namespace tg::import::otlp
