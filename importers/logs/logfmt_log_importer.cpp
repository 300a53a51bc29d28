#include "importers/logs/logfmt_log_importer.h"

#include "importers/logs/line_importer.h"

namespace tg::import {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

// A quoted value starting after its opening quote; advances past the closing quote.
std::string_view readQuoted(std::string_view line, size_t& pos, LogFields& out) {
    const size_t start = pos;
    bool escaped = false;
    while (pos < line.size() && line[pos] != '"') {
        if (line[pos] == '\\' && pos + 1 < line.size()) {
            escaped = true;
            ++pos;
        }
        ++pos;
    }
    const std::string_view raw = line.substr(start, pos - start);
    if (pos < line.size()) ++pos; // closing quote (an unclosed one runs to the end of the line)
    if (!escaped) return raw;
    std::string& text = out.scratch();
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 == raw.size()) {
            text += raw[i];
            continue;
        }
        const char next = raw[++i];
        text += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
    }
    return text;
}

} // namespace

size_t parseLogfmt(std::string_view line, LogFields& out) {
    size_t pos = 0, pairs = 0;
    while (pos < line.size()) {
        while (pos < line.size() && isSpace(line[pos]))
            ++pos;
        if (pos == line.size()) break;
        const size_t keyStart = pos;
        while (pos < line.size() && !isSpace(line[pos]) && line[pos] != '=')
            ++pos;
        const std::string_view key = line.substr(keyStart, pos - keyStart);
        if (pos >= line.size() || line[pos] != '=') {
            if (!key.empty()) out.addString(key, {});
            continue;
        }
        ++pos; // '='
        std::string_view value;
        if (pos < line.size() && line[pos] == '"') {
            ++pos;
            value = readQuoted(line, pos, out);
        } else {
            const size_t start = pos;
            while (pos < line.size() && !isSpace(line[pos]))
                ++pos;
            value = line.substr(start, pos - start);
        }
        if (key.empty()) continue; // "=value": not a field
        out.addString(key, value);
        ++pairs;
    }
    return pairs;
}

model::Status importLogfmtLogs(const TelemetryInput& input, TelemetryTarget& target,
                               const TelemetryImportOptions& options) {
    LogFields fields;
    model::LogInput record;
    std::vector<model::LabelInput> labels;
    return forEachLine(input, options, [&](const TextLine& line) {
        if (line.text.find_first_not_of(" \t") == std::string_view::npos) return;
        fields.clear();
        record.clear();
        labels.clear();
        if (parseLogfmt(line.text, fields) == 0) {
            target.diagnostics.report("not_logfmt", model::Severity::Warning,
                                      linePosition(input.path, line.number) +
                                          ": no key=value pair; kept as plain text");
            fields.clear();
            record.body = line.text;
            record.flags |= model::kLogNoTime;
        } else if (!fields.assemble(record, labels, line.text)) {
            target.diagnostics.report("missing_time", model::Severity::Info,
                                      linePosition(input.path, line.number) +
                                          ": no time field (ts=, time=, timestamp=, ...)");
        }
        addLogRecord(target, record, labels);
    });
}

} // namespace tg::import
