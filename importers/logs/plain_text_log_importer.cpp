#include "importers/logs/plain_text_log_importer.h"

#include <chrono>

#include "importers/logs/line_importer.h"
#include "importers/telemetry/telemetry_values.h"
#include "models/core/time_parse.h"

namespace tg::import {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::optional<int64_t> parseSyslogTime(std::string_view t, int year, size_t& length) {
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (t.size() < 15 || t[3] != ' ') return std::nullopt;
    unsigned month = 0;
    for (unsigned m = 0; m < 12; ++m)
        if (t.substr(0, 3) == kMonths[m]) month = m + 1;
    const char d1 = t[4] == ' ' ? '0' : t[4];
    if (!month || !isDigit(d1) || !isDigit(t[5]) || t[6] != ' ' || t[9] != ':' || t[12] != ':')
        return std::nullopt;
    for (size_t i : {7, 8, 10, 11, 13, 14})
        if (!isDigit(t[i])) return std::nullopt;
    const unsigned day = static_cast<unsigned>((d1 - '0') * 10 + (t[5] - '0'));
    const int hour = (t[7] - '0') * 10 + (t[8] - '0'), minute = (t[10] - '0') * 10 + (t[11] - '0'),
              second = (t[13] - '0') * 10 + (t[14] - '0');
    if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    length = 15;
    const int64_t days = model::daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60 * 1'000'000'000LL +
           int64_t{second} * 1'000'000'000LL;
}

std::optional<int64_t> parseEpochPrefix(std::string_view t, size_t& length) {
    size_t digits = 0;
    while (digits < t.size() && isDigit(t[digits]))
        ++digits;
    if (digits != 10 && digits != 13) return std::nullopt;
    size_t end = digits;
    if (digits == 10 && end < t.size() && t[end] == '.')
        for (++end; end < t.size() && isDigit(t[end]);)
            ++end;
    if (end < t.size() && t[end] != ' ' && t[end] != '\t' && t[end] != ']') return std::nullopt;
    const auto ns = parseEpochGuessNs(t.substr(0, end));
    if (ns) length = end;
    return ns;
}

int currentYear() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(now).year());
}

} // namespace

std::optional<LeadingTimestamp> parseLeadingTimestamp(std::string_view line, int year) {
    LeadingTimestamp out;
    size_t pos = 0;
    const bool bracket = !line.empty() && line[0] == '[';
    if (bracket) ++pos;
    const std::string_view t = line.substr(pos);
    size_t length = 0;
    std::optional<int64_t> ns;
    if (t.size() >= 19 && isDigit(t[0])) ns = parseDateTimeNs(t, &length);
    if (!ns && (ns = parseSyslogTime(t, year, length))) out.syslog = true;
    if (!ns) ns = parseEpochPrefix(t, length);
    if (!ns) return std::nullopt;
    pos += length;
    if (bracket) {
        if (pos >= line.size() || line[pos] != ']') return std::nullopt;
        ++pos;
    }
    if (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') return std::nullopt;
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t'))
        ++pos;
    out.timeNs = *ns;
    out.length = pos;
    return out;
}

namespace {

// The record being read: continuation lines are appended until the next timestamp.
class PlainTextReader {
public:
    PlainTextReader(const TelemetryInput& input, TelemetryTarget& target,
                    const TelemetryImportOptions& options)
        : m_input(input), m_target(target), m_options(options),
          m_year(options.referenceYear ? options.referenceYear : currentYear()) {}

    void line(const TextLine& line) {
        if (line.text.find_first_not_of(" \t") == std::string_view::npos) return;
        const auto ts = parseLeadingTimestamp(line.text, m_year);
        if (!ts) {
            if (m_open) return append(line);
            m_target.diagnostics.report("line_without_timestamp", model::Severity::Warning,
                                        linePosition(m_input.path, line.number) +
                                            ": no timestamp at the start; kept without time");
            start(line.text, 0, model::kLogNoTime);
            return;
        }
        if (ts->syslog && !m_yearReported) {
            m_yearReported = true;
            m_target.diagnostics.report("syslog_year_assumed", model::Severity::Info,
                                        linePosition(m_input.path, line.number) +
                                            ": syslog times have no year; " +
                                            std::to_string(m_year) + " assumed");
        }
        start(line.text.substr(ts->length), ts->timeNs, 0);
        if (ts->syslog)
            syslogHeader();
        else
            severityWord();
    }

    void finish() { flush(); }

private:
    void start(std::string_view rest, int64_t timeNs, uint8_t flags) {
        flush();
        m_open = true;
        m_body.assign(rest);
        m_timeNs = timeNs;
        m_flags = flags;
        m_severity.clear();
        m_host.clear();
        m_app.clear();
    }

    void append(const TextLine& line) {
        if (m_body.size() + line.text.size() + 1 > m_options.maxLineBytes) {
            if (!(m_flags & model::kLogBodyTruncated))
                m_target.diagnostics.report("body_truncated", model::Severity::Warning,
                                            linePosition(m_input.path, line.number) +
                                                ": a record's continuation lines exceed the "
                                                "line limit; cut");
            m_flags |= model::kLogBodyTruncated;
            return;
        }
        m_body += '\n';
        m_body.append(line.text);
    }

    // "INFO msg", "[WARN] msg", "error: msg", "ERROR - msg".
    void severityWord() {
        const size_t end = m_body.find_first_of(" \t");
        std::string_view word = std::string_view(m_body).substr(0, end);
        if (word.size() > 2 && word.front() == '[' && word.back() == ']')
            word = word.substr(1, word.size() - 2);
        else if (word.size() > 1 && word.back() == ':')
            word.remove_suffix(1);
        if (word.size() < 3 || model::logSeverityFromText(word) == model::LogSeverity::Unspecified)
            return;
        m_severity.assign(word);
        size_t rest = end == std::string::npos ? m_body.size() : end;
        while (rest < m_body.size() &&
               (m_body[rest] == ' ' || m_body[rest] == '\t' ||
                (m_body[rest] == '-' && rest + 1 < m_body.size() && m_body[rest + 1] == ' ')))
            ++rest;
        m_body.erase(0, rest);
    }

    // "host app[pid]: message"
    void syslogHeader() {
        const size_t hostEnd = m_body.find(' ');
        if (hostEnd == std::string::npos) return;
        const size_t tagEnd = m_body.find(": ", hostEnd + 1);
        if (tagEnd == std::string::npos || m_body.find(' ', hostEnd + 1) < tagEnd) return;
        m_host = m_body.substr(0, hostEnd);
        m_app = m_body.substr(hostEnd + 1, tagEnd - hostEnd - 1);
        if (const size_t bracket = m_app.find('['); bracket != std::string::npos)
            m_app.erase(bracket);
        m_body.erase(0, tagEnd + 2);
    }

    void flush() {
        if (!m_open) return;
        m_open = false;
        model::LogInput record;
        record.timeNs = m_timeNs;
        record.flags = m_flags;
        record.body = m_body;
        record.severityText = m_severity;
        record.severity = model::logSeverityFromText(m_severity);
        std::vector<model::LabelInput> labels;
        if (!m_host.empty()) labels.push_back({"host", m_host});
        if (!m_app.empty()) labels.push_back({"app", m_app});
        addLogRecord(m_target, record, labels);
    }

    const TelemetryInput& m_input;
    TelemetryTarget& m_target;
    const TelemetryImportOptions& m_options;
    int m_year;
    bool m_open = false, m_yearReported = false;
    std::string m_body, m_severity, m_host, m_app;
    int64_t m_timeNs = 0;
    uint8_t m_flags = 0;
};

} // namespace

model::Status importPlainTextLogs(const TelemetryInput& input, TelemetryTarget& target,
                                  const TelemetryImportOptions& options) {
    PlainTextReader reader(input, target, options);
    model::Status status =
        forEachLine(input, options, target.logs, [&](const TextLine& line) { reader.line(line); });
    if (status) reader.finish();
    return status;
}

} // namespace tg::import
