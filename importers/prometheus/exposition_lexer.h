#pragma once
// Splits one line of a Prometheus text (0.0.4) or OpenMetrics 1.0 exposition into its parts:
// a sample (name, labels with values unescaped, value, timestamp, exemplar) or a metadata line
// (# HELP / # TYPE / # UNIT / # EOF / other comment). The two dialects differ here in
// whitespace (OpenMetrics: exactly one space between parts, none trailing; text: blanks and
// tabs), trailing label commas (text only), exemplars (OpenMetrics only) and HELP escapes.
// Semantics (families, suffixes, histograms) are the reader's job. Each lex call returns ""
// on success or the reason the line is malformed. One lexer per import job (reuses buffers).
#include <string>
#include <string_view>
#include <vector>

#include "importers/common/text_arena.h"
#include "models/telemetry/telemetry_types.h"

namespace tg::import {

enum class ExpositionDialect { PrometheusText, OpenMetrics };

struct ExpositionSample {
    std::string_view name;
    std::vector<model::LabelInput> labels; // views into the lexer's arena or the line
    double value = 0;
    std::string_view timestampText; // empty when absent
    bool hasExemplar = false;
    std::vector<model::LabelInput> exemplarLabels;
    size_t exemplarLabelChars = 0; // UTF-8 characters of names + values (OpenMetrics limit 128)
    double exemplarValue = 0;
    std::string_view exemplarTimestampText;
};

struct ExpositionMetadata {
    enum class Kind { Help, Type, Unit, Eof, Comment } kind = Kind::Comment;
    std::string_view name;
    std::string_view text; // HELP unescaped, TYPE name, UNIT
};

class ExpositionLexer {
public:
    explicit ExpositionLexer(ExpositionDialect dialect) : m_dialect(dialect) {}

    // `line` starts with '#' (after leading blanks in the text dialect).
    std::string lexMetadata(std::string_view line, ExpositionMetadata& out);
    std::string lexSample(std::string_view line, ExpositionSample& out);

    static bool isMetricName(std::string_view name);
    static bool isLabelName(std::string_view name);
    // OpenMetrics realnumber (sign, digits, fraction, exponent; no inf/nan).
    static bool isRealNumber(std::string_view text);

private:
    std::string lexLabels(std::string_view line, size_t& pos, std::vector<model::LabelInput>& out,
                          size_t* chars);
    std::string lexQuoted(std::string_view line, size_t& pos, std::string_view& value,
                          size_t* chars);
    bool skipSeparator(std::string_view line, size_t& pos) const;
    std::string_view unescapeHelp(std::string_view raw);

    ExpositionDialect m_dialect;
    TextArena m_arena;
};

} // namespace tg::import
