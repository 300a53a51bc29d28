#include "importers/prometheus/exposition_reader.h"

#include <algorithm>
#include <cmath>

#include "importers/telemetry/telemetry_values.h"
#include "models/telemetry/telemetry_keys.h"

namespace tg::import {

using model::MetricType;
using model::SeriesRole;

ExpositionReader::ExpositionReader(ExpositionDialect dialect, const std::string& path,
                                   TelemetryTarget& target, const TelemetryImportOptions& options)
    : m_dialect(dialect), m_om(dialect == ExpositionDialect::OpenMetrics), m_path(path),
      m_target(target), m_options(options), m_lexer(dialect) {}

model::Status ExpositionReader::problem(const TextLine& line, std::string reason) {
    if (m_om) return lineError(m_path, line.number, static_cast<int64_t>(line.offset), reason);
    m_target.diagnostics.report("bad_line", model::Severity::Error,
                                linePosition(m_path, line.number) + ": " + reason +
                                    "; line skipped");
    return model::okStatus();
}

model::Status ExpositionReader::line(const TextLine& line) {
    m_lastLine = line.number;
    m_lastHadNewline = line.hadNewline;
    std::string_view text = line.text;
    if (m_eof) return problem(line, "content after \"# EOF\"");
    if (m_om && line.hadCarriageReturn)
        return problem(line, "carriage return before the line feed (OpenMetrics lines end in "
                             "\"\\n\" only)");
    if (m_om && text.empty()) return problem(line, "blank line (not allowed in OpenMetrics)");
    if (!m_om) {
        const size_t first = text.find_first_not_of(" \t");
        if (first == std::string_view::npos) return model::okStatus();
        text.remove_prefix(first);
    }
    TextLine trimmed = line;
    trimmed.text = text;
    return text[0] == '#' ? metadata(trimmed) : sample(trimmed);
}

model::Status ExpositionReader::metadata(const TextLine& line) {
    ExpositionMetadata md;
    if (std::string err = m_lexer.lexMetadata(line.text, md); !err.empty())
        return problem(line, err);
    using Kind = ExpositionMetadata::Kind;
    if (md.kind == Kind::Eof) {
        if (!m_om) return model::okStatus(); // a comment in the text format
        if (model::Status s = closeFamily(line); !s) return s;
        m_eof = true;
        return model::okStatus();
    }
    if (md.kind == Kind::Comment) {
        if (m_om)
            return problem(line, "comment lines are not allowed in OpenMetrics (only HELP, TYPE, "
                                 "UNIT and EOF)");
        return model::okStatus();
    }
    if (!m_haveFamily || m_family.name != md.name) {
        if (model::Status s = startFamily(line, md.name, true); !s) return s;
    } else if (m_family.hasSamples) {
        if (m_om) return problem(line, "metadata for '" + m_family.name + "' after its samples");
        m_target.diagnostics.report("metadata_after_samples", model::Severity::Warning,
                                    linePosition(m_path, line.number) + ": metadata for '" +
                                        m_family.name + "' after its samples; ignored");
        return model::okStatus();
    }
    bool* seen = md.kind == Kind::Type   ? &m_family.typeSeen
                 : md.kind == Kind::Help ? &m_family.helpSeen
                                         : &m_family.unitSeen;
    if (*seen)
        return problem(line, "a second " + std::string(line.text.substr(2, 4)) + " line for '" +
                                 m_family.name + "'");
    *seen = true;
    if (md.kind == Kind::Type) {
        const auto type = model::metricTypeFromName(md.text);
        if (!type || (m_om && md.text == "untyped"))
            return problem(line, "unknown metric type '" + std::string(md.text) + "'");
        m_family.type = *type;
    } else if (md.kind == Kind::Help) {
        m_family.help = md.text;
    } else {
        m_family.unit = md.text;
        if (!md.text.empty() && !std::string_view(m_family.name).ends_with("_" + m_family.unit))
            return problem(line, "the family name '" + m_family.name +
                                     "' must end with its unit '_" + m_family.unit + "'");
    }
    return model::okStatus();
}

model::Status ExpositionReader::startFamily(const TextLine& line, std::string_view name,
                                            bool declared) {
    if (model::Status s = closeFamily(line); !s) return s;
    if (!m_familiesSeen.insert(std::string(name)).second) {
        if (m_om)
            return problem(line, "family '" + std::string(name) +
                                     "' appears a second time (its lines must be together)");
        m_target.diagnostics.report("family_repeated", model::Severity::Info,
                                    linePosition(m_path, line.number) + ": family '" +
                                        std::string(name) + "' appears a second time");
    }
    m_family = Family{};
    m_family.name = name;
    m_haveFamily = true;
    (void)declared;
    return model::okStatus();
}

model::Status ExpositionReader::closeFamily(const TextLine& line) {
    if (!m_haveFamily) return model::okStatus();
    if (m_point.active()) {
        const bool histogram = m_family.type != MetricType::Summary;
        if (std::string err = m_point.close(histogram); !err.empty()) {
            TextLine at = line;
            at.number = m_point.line();
            return problem(at, err + " (family '" + m_family.name + "')");
        }
    }
    familyId(); // families with metadata only are kept too
    m_haveFamily = false;
    return model::okStatus();
}

model::FamilyId ExpositionReader::familyId() {
    if (m_family.id != model::kNoRow) return m_family.id;
    const bool declared = m_family.typeSeen || m_family.helpSeen || m_family.unitSeen;
    bool created = false;
    m_family.id =
        m_target.metrics.addFamily({m_family.name, m_family.type, m_family.help, m_family.unit,
                                    static_cast<uint8_t>(declared ? model::kFamilyMetadata : 0)},
                                   &created);
    if (!created && m_target.metrics.familyType[m_family.id] != m_family.type)
        m_target.diagnostics.report("family_type_conflict", model::Severity::Info,
                                    m_path + ": family '" + m_family.name +
                                        "' was already imported with another type; the first "
                                        "type is kept");
    return m_family.id;
}

std::optional<int64_t> ExpositionReader::sampleTime(const TextLine& line, std::string_view text,
                                                    uint8_t& flags, std::string& error) {
    if (text.empty()) {
        flags |= model::kSampleTimeAssumed;
        m_target.diagnostics.report("sample_time_assumed", model::Severity::Info,
                                    linePosition(m_path, line.number) +
                                        ": a sample without timestamp is placed at the "
                                        "scrape time (the file's modification time)");
        return m_options.defaultTimeNs;
    }
    ScaledDecimal d;
    if (m_om) {
        if (!ExpositionLexer::isRealNumber(text)) {
            error = "timestamp '" + std::string(text) + "' is not a number of seconds";
            return std::nullopt;
        }
        d = parseScaledDecimal(text, 9);
    } else {
        const bool integer =
            text.find_first_not_of("0123456789", text[0] == '-' || text[0] == '+') == text.npos &&
            text.size() > size_t(text[0] == '-' || text[0] == '+');
        if (!integer) {
            error = "timestamp '" + std::string(text) + "' is not an integer of milliseconds";
            return std::nullopt;
        }
        d = parseScaledDecimal(text, 6);
    }
    if (d.status == DecimalStatus::Clamped) {
        flags |= model::kSampleTimeClamped;
        m_target.diagnostics.report("timestamp_out_of_range", model::Severity::Warning,
                                    linePosition(m_path, line.number) + ": timestamp " +
                                        std::string(text) +
                                        " is outside the years 1677-2262; clamped");
    }
    return d.value;
}

} // namespace tg::import
