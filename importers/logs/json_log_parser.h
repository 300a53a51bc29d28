#pragma once
// Turns one JSON log object into LogFields: nested objects are flattened to dotted keys
// ({"trace":{"id":..}} -> trace.id), arrays kept as JSON text, numbers and booleans typed.
// A Docker json-file envelope ({"log": "...", "stream": ..., "time": ...}) whose "log" string
// is itself a JSON object (the application's structured log) is unwrapped: the inner fields
// are added one level higher, so they win over the envelope's (log_fields.h). Strings are
// views into the parsers' buffers, numbers' text views into the input (or the embedded
// document's copy): valid until the next parse() and while the input lives. One parser per
// import job.
#include <string>
#include <string_view>

#include <simdjson.h>

#include "importers/logs/log_fields.h"

namespace tg::import {

class JsonLogParser {
public:
    // `data` must have SIMDJSON_PADDING readable bytes after `size` (capacity says how many).
    // Returns false with `error` set when the text is not one JSON object.
    bool parse(const char* data, size_t size, size_t capacity, LogFields& out, std::string& error,
               uint8_t baseLevel = 0);

private:
    void flatten(simdjson::ondemand::object object, std::string_view prefix, int depth,
                 uint8_t level, LogFields& out);
    void addValue(std::string_view key, simdjson::ondemand::value value, int depth, uint8_t level,
                  LogFields& out);
    bool unwrapEmbedded(std::string_view text, uint8_t level, LogFields& out);

    simdjson::ondemand::parser m_parser, m_inner;
    std::string m_innerBuffer;
    bool m_inEmbedded = false;
};

} // namespace tg::import
