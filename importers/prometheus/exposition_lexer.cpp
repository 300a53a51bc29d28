#include "importers/prometheus/exposition_lexer.h"

#include "importers/telemetry/telemetry_values.h"

namespace tg::import {
namespace {

bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

size_t utf8Chars(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string_view token(std::string_view line, size_t& pos) {
    const size_t start = pos;
    while (pos < line.size() && !isBlank(line[pos]))
        ++pos;
    return line.substr(start, pos - start);
}

std::string quoted(std::string_view s) {
    return "'" + std::string(s.substr(0, 80)) + (s.size() > 80 ? "...'" : "'");
}

} // namespace

bool ExpositionLexer::isMetricName(std::string_view name) {
    if (name.empty() || !(isAlpha(name[0]) || name[0] == '_' || name[0] == ':')) return false;
    for (char c : name)
        if (!(isAlpha(c) || isDigit(c) || c == '_' || c == ':')) return false;
    return true;
}

bool ExpositionLexer::isLabelName(std::string_view name) {
    if (name.empty() || !(isAlpha(name[0]) || name[0] == '_')) return false;
    for (char c : name)
        if (!(isAlpha(c) || isDigit(c) || c == '_')) return false;
    return true;
}

bool ExpositionLexer::isRealNumber(std::string_view t) {
    size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    size_t intDigits = 0, fracDigits = 0;
    while (i < t.size() && isDigit(t[i]))
        ++i, ++intDigits;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && isDigit(t[i]))
            ++i, ++fracDigits;
    }
    if (intDigits + fracDigits == 0) return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        size_t expDigits = 0;
        while (i < t.size() && isDigit(t[i]))
            ++i, ++expDigits;
        if (expDigits == 0) return false;
    }
    return i == t.size();
}

bool ExpositionLexer::skipSeparator(std::string_view line, size_t& pos) const {
    if (m_dialect == ExpositionDialect::OpenMetrics) {
        if (pos >= line.size() || line[pos] != ' ') return false;
        ++pos;
        return true;
    }
    const size_t start = pos;
    while (pos < line.size() && isBlank(line[pos]))
        ++pos;
    return pos > start;
}

std::string_view ExpositionLexer::unescapeHelp(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return raw;
    std::string& out = m_arena.next();
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 == raw.size()) {
            out += raw[i];
            continue;
        }
        const char next = raw[i + 1];
        if (next == '\\' || next == 'n' ||
            (next == '"' && m_dialect == ExpositionDialect::OpenMetrics)) {
            out += next == 'n' ? '\n' : next;
            ++i;
        } else {
            out += '\\'; // unknown escapes are kept as written
        }
    }
    return out;
}

std::string ExpositionLexer::lexMetadata(std::string_view line, ExpositionMetadata& out) {
    out = {};
    size_t pos = 1; // past '#'
    const bool om = m_dialect == ExpositionDialect::OpenMetrics;
    if (!skipSeparator(line, pos)) return {}; // "#..." : a plain comment
    const std::string_view keyword = token(line, pos);
    if (keyword == "EOF" && pos == line.size()) {
        out.kind = ExpositionMetadata::Kind::Eof;
        return {};
    }
    if (keyword == "HELP")
        out.kind = ExpositionMetadata::Kind::Help;
    else if (keyword == "TYPE")
        out.kind = ExpositionMetadata::Kind::Type;
    else if (keyword == "UNIT" && om)
        out.kind = ExpositionMetadata::Kind::Unit;
    else
        return {}; // a comment; OpenMetrics allows none (the reader says so)
    if (!skipSeparator(line, pos)) return "metadata line without a metric name";
    out.name = token(line, pos);
    if (!isMetricName(out.name)) return "invalid metric name " + quoted(out.name);
    if (pos == line.size()) {
        if (out.kind == ExpositionMetadata::Kind::Type) return "TYPE line without a type";
        return {}; // HELP/UNIT with no text
    }
    if (!skipSeparator(line, pos)) return "expected a space after the metric name";
    std::string_view rest = line.substr(pos);
    if (out.kind == ExpositionMetadata::Kind::Help) {
        out.text = unescapeHelp(rest);
        return {};
    }
    if (!om)
        while (!rest.empty() && isBlank(rest.back()))
            rest.remove_suffix(1);
    out.text = rest;
    if (out.kind == ExpositionMetadata::Kind::Unit) {
        for (char c : rest)
            if (!(isAlpha(c) || isDigit(c) || c == '_' || c == ':'))
                return "invalid unit " + quoted(rest);
    }
    return {};
}

std::string ExpositionLexer::lexQuoted(std::string_view line, size_t& pos, std::string_view& value,
                                       size_t* chars) {
    if (pos >= line.size() || line[pos] != '"') return "expected '\"' to open a label value";
    const size_t start = ++pos;
    bool escaped = false;
    while (pos < line.size() && line[pos] != '"') {
        if (line[pos] == '\\') {
            escaped = true;
            ++pos;
        }
        ++pos;
    }
    if (pos >= line.size()) return "label value not closed by '\"'";
    const std::string_view raw = line.substr(start, pos - start);
    ++pos;
    if (!escaped) {
        value = raw;
    } else {
        std::string& out = m_arena.next();
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\') {
                out += raw[i];
                continue;
            }
            const char next = raw[i + 1]; // a backslash never ends raw (it escapes the next byte)
            if (next == '\\' || next == '"' || next == 'n') {
                out += next == 'n' ? '\n' : next;
                ++i;
            } else {
                out += '\\'; // \z stays \z (OpenMetrics: backslash + normal char)
            }
        }
        value = out;
    }
    if (chars) *chars += utf8Chars(value);
    return {};
}

std::string ExpositionLexer::lexLabels(std::string_view line, size_t& pos,
                                       std::vector<model::LabelInput>& out, size_t* chars) {
    const bool om = m_dialect == ExpositionDialect::OpenMetrics;
    auto blanks = [&] {
        if (!om)
            while (pos < line.size() && isBlank(line[pos]))
                ++pos;
    };
    ++pos; // '{'
    blanks();
    bool first = true;
    while (pos < line.size() && line[pos] != '}') {
        if (!first) {
            if (line[pos] != ',') return "expected ',' or '}' between labels";
            ++pos;
            blanks();
            if (pos < line.size() && line[pos] == '}') {
                if (om) return "trailing ',' in a label set";
                break;
            }
        }
        first = false;
        const size_t nameStart = pos;
        while (pos < line.size() && line[pos] != '=' && !isBlank(line[pos]) && line[pos] != '}' &&
               line[pos] != ',')
            ++pos;
        const std::string_view name = line.substr(nameStart, pos - nameStart);
        if (!isLabelName(name)) return "invalid label name " + quoted(name);
        blanks();
        if (pos >= line.size() || line[pos] != '=')
            return "expected '=' after label " + quoted(name);
        ++pos;
        blanks();
        std::string_view value;
        if (std::string err = lexQuoted(line, pos, value, chars); !err.empty()) return err;
        blanks();
        for (const model::LabelInput& l : out)
            if (l.key == name) return "duplicate label " + quoted(name);
        out.push_back({name, value});
        if (chars) *chars += utf8Chars(name);
    }
    if (pos >= line.size()) return "label set not closed by '}'";
    ++pos;
    return {};
}

std::string ExpositionLexer::lexSample(std::string_view line, ExpositionSample& out) {
    m_arena.reset();
    out.labels.clear();
    out.exemplarLabels.clear();
    out.timestampText = out.exemplarTimestampText = {};
    out.hasExemplar = false;
    out.exemplarLabelChars = 0;
    const bool om = m_dialect == ExpositionDialect::OpenMetrics;
    size_t pos = 0;
    while (pos < line.size() && !isBlank(line[pos]) && line[pos] != '{')
        ++pos;
    out.name = line.substr(0, pos);
    if (!isMetricName(out.name)) return "invalid metric name " + quoted(out.name);
    if (!om)
        while (pos < line.size() && isBlank(line[pos]) && pos + 1 < line.size() &&
               line[pos + 1] == '{')
            ++pos;
    if (pos < line.size() && line[pos] == '{')
        if (std::string err = lexLabels(line, pos, out.labels, nullptr); !err.empty()) return err;
    if (!skipSeparator(line, pos)) return "expected a space before the value";
    const std::string_view valueText = token(line, pos);
    const auto value = parseFloatText(valueText);
    if (!value) return "value " + quoted(valueText) + " is not a number";
    out.value = *value;
    if (pos == line.size()) return {};
    if (!skipSeparator(line, pos)) return "expected a space after the value";
    if (!om && pos == line.size()) return {}; // trailing blanks
    if (pos < line.size() && line[pos] != '#') {
        out.timestampText = token(line, pos);
        if (pos == line.size()) return {};
        if (!skipSeparator(line, pos)) return "expected a space after the timestamp";
        if (!om && pos == line.size()) return {};
    }
    if (pos >= line.size() || line[pos] != '#')
        return "unexpected text after the value: " + quoted(line.substr(pos));
    if (!om) return "exemplars (' # {...}') are OpenMetrics only";
    ++pos;
    if (!skipSeparator(line, pos) || pos >= line.size() || line[pos] != '{')
        return "an exemplar must be ' # {labels} value [timestamp]'";
    out.hasExemplar = true;
    if (std::string err = lexLabels(line, pos, out.exemplarLabels, &out.exemplarLabelChars);
        !err.empty())
        return "exemplar: " + err;
    if (!skipSeparator(line, pos)) return "exemplar: expected a space before its value";
    const std::string_view exValue = token(line, pos);
    const auto ev = parseFloatText(exValue);
    if (!ev) return "exemplar value " + quoted(exValue) + " is not a number";
    out.exemplarValue = *ev;
    if (pos == line.size()) return {};
    if (!skipSeparator(line, pos)) return "exemplar: expected a space after its value";
    out.exemplarTimestampText = token(line, pos);
    if (pos != line.size()) return "unexpected text after the exemplar";
    return {};
}

} // namespace tg::import
