#pragma once
// Reads a Prometheus text (0.0.4) or OpenMetrics 1.0 exposition line by line into a
// MetricStore: families from TYPE/HELP/UNIT lines (or implied by a sample without them),
// samples into series with their role (exposition_rules.h), exemplars linked to their sample
// and trace, timestamps to ns (OpenMetrics: decimal seconds; text: integer milliseconds; none:
// the options' default time, flagged as assumed).
//
// OpenMetrics is strict: the first violation (blank line, comment, metadata twice or after
// samples, a family split in two, a sample that does not fit its family's type, bad histogram
// point, exemplar where none is allowed or over 128 characters, anything after or no "# EOF")
// rejects the exposition with its line and reason, as a conforming parser must. The text
// format is lenient, as Prometheus' own reader is: bad lines are counted diagnostics and the
// rest is kept. One reader per import job, on its thread.
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "importers/prometheus/exposition_lexer.h"
#include "importers/prometheus/exposition_rules.h"
#include "importers/telemetry/telemetry_import_types.h"
#include "importers/telemetry/text_line_reader.h"

namespace tg::import {

class ExpositionReader {
public:
    ExpositionReader(ExpositionDialect dialect, const std::string& path, TelemetryTarget& target,
                     const TelemetryImportOptions& options);

    // A fatal error (OpenMetrics) stops the import; the text format never returns one.
    model::Status line(const TextLine& line);
    model::Status finish();

private:
    struct Family {
        std::string name;
        model::MetricType type = model::MetricType::Unknown;
        std::string help, unit;
        bool typeSeen = false, helpSeen = false, unitSeen = false, hasSamples = false;
        model::FamilyId id = model::kNoRow;
    };

    model::Status problem(const TextLine& line, std::string reason);
    model::Status metadata(const TextLine& line);
    model::Status sample(const TextLine& line);
    model::Status startFamily(const TextLine& line, std::string_view name, bool declared);
    model::Status closeFamily(const TextLine& line);
    model::Status checkPoint(const TextLine& line, model::SeriesRole role);
    model::Status checkValue(const TextLine& line, model::SeriesRole role);
    std::optional<int64_t> sampleTime(const TextLine& line, std::string_view text, uint8_t& flags,
                                      std::string& error);
    void addExemplar(model::SeriesId series, uint32_t row, const TextLine& line);
    model::FamilyId familyId();

    ExpositionDialect m_dialect;
    bool m_om;
    const std::string& m_path;
    TelemetryTarget& m_target;
    const TelemetryImportOptions& m_options;
    ExpositionLexer m_lexer;
    ExpositionSample m_sample;
    Family m_family;
    bool m_haveFamily = false, m_eof = false;
    uint64_t m_lastLine = 0;
    bool m_lastHadNewline = true;
    MetricPointCheck m_point;
    std::unordered_set<std::string> m_familiesSeen;
    std::unordered_map<model::SeriesId, std::optional<int64_t>> m_lastTime; // OpenMetrics
    std::vector<model::LabelInput> m_pointLabels;
};

// Entry points: a whole file or buffer in one dialect.
model::Status importPrometheusText(const TelemetryInput& input, TelemetryTarget& target,
                                   const TelemetryImportOptions& options = {});
model::Status importOpenMetrics(const TelemetryInput& input, TelemetryTarget& target,
                                const TelemetryImportOptions& options = {});

} // namespace tg::import
