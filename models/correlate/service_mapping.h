#pragma once
// Maps the labels of a metric series or a log stream to a service of the traces, by the
// ordered service rules of the configuration (correlation_config.h): the first rule whose label
// names a service the traces know wins (exactly, else ignoring ASCII case); when none does, the
// first label present is the unmapped candidate (reported as "no service mapping").
//
// Thread affinity: built from a frozen dataset; resolve() is const and thread-safe.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/core/string_pool.h"
#include "models/correlate/correlation_config.h"
#include "models/dataset/dataset.h"
#include "models/telemetry/telemetry_types.h"

namespace tg::model {

struct ServiceMatch {
    StringId service = 0;       // the dataset's service string id; 0 when unmapped
    std::string_view candidate; // the first service-like label value found ("" when none)
    int rule = -1;              // the rule that mapped it
    bool mapped() const { return service != 0; }
};

class ServiceMapper {
public:
    ServiceMapper(const Dataset& dataset, std::vector<ServiceRule> rules);

    // `labels` are sorted by key text and interned in `strings` (LogStore, MetricStore).
    ServiceMatch resolve(const StringPool& strings, std::span<const Label> labels) const;
    // A service name as text (after the rule's separator step) to the dataset's id, or 0.
    StringId lookup(std::string_view name) const;
    size_t serviceCount() const { return m_exact.size(); }

private:
    std::vector<ServiceRule> m_rules;
    std::unordered_map<std::string_view, StringId> m_exact;
    std::unordered_map<std::string, StringId> m_folded; // ASCII lower case; first one wins
};

// The text after the last `separator` ("shop/frontend", "/" -> "frontend"); `value` itself
// when the separator is empty or absent.
std::string_view afterLast(std::string_view value, std::string_view separator);

} // namespace tg::model
