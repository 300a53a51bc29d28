#pragma once
// Finds the trace and span IDs of log records: the LogStore's explicit columns first (the
// format stated them), then the derived-field rules of the configuration (correlation_config.h)
// in order: field rules look at the record's attributes and its stream's labels, regex rules at
// the body. IDs are normalised as span IDs are (models/core/ids.h), so they join with spans.
//
// Speed: field names are resolved to the store's string ids once; a regex rule first looks for
// the literal text every match starts with (a plain substring search) and only runs the regex,
// anchored there, where that text occurs, so std::regex runs on few records.
//
// Thread affinity: built on one thread; find() is const and may run on several threads at once
// over a store that is no longer written.
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "models/core/ids.h"
#include "models/correlate/correlation_config.h"
#include "models/telemetry/log_store.h"

namespace tg::model {

// Where a record's trace ID came from.
enum class IdOrigin : uint8_t { None, Explicit, Field, Regex };
const char* idOriginName(IdOrigin origin); // "none", "explicit", "field", "regex"

struct FoundIds {
    ParsedTraceId trace;
    ParsedSpanId span;
    IdOrigin origin = IdOrigin::None;
    int16_t rule = -1; // the derived-field rule that gave the trace ID
};

class DerivedFieldExtractor {
public:
    // Regexes are checked by parseCorrelationConfig; a rule that does not compile here is
    // skipped (and listed by skippedRules()).
    DerivedFieldExtractor(const std::vector<DerivedFieldRule>& rules, const LogStore& logs);

    FoundIds find(size_t row) const;
    const std::vector<std::string>& skippedRules() const { return m_skipped; }

private:
    struct Compiled {
        DerivedTarget target = DerivedTarget::Trace;
        int16_t index = 0;
        std::vector<StringId> keys; // field rule: names present in the store
        std::optional<std::regex> re;
        std::string literal; // every match starts with it (may be empty)
    };

    std::optional<std::string_view> fieldValue(const Compiled& rule, size_t row,
                                               std::string& scratch) const;
    std::optional<std::string_view> regexValue(const Compiled& rule, std::string_view body) const;
    std::optional<std::string_view> value(const Compiled& rule, size_t row,
                                          std::string& scratch) const;

    const LogStore& m_logs;
    std::vector<Compiled> m_rules;
    std::vector<std::string> m_skipped;
};

} // namespace tg::model
