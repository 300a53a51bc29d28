#include "views/logs/log_query.h"

#include <algorithm>

namespace tg::view {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Case-insensitive (ASCII) search of a lower-case needle.
bool containsFolded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    if (hay.size() < needle.size()) return false;
    const char first = needle[0];
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        if (lower(hay[i]) != first) continue;
        size_t k = 1;
        while (k < needle.size() && lower(hay[i + k]) == needle[k])
            ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

std::vector<uint32_t> allRows(const model::LogStore& logs) {
    if (logs.indexCurrent()) {
        const auto order = logs.timeOrder();
        return {order.begin(), order.end()};
    }
    std::vector<uint32_t> rows(logs.recordCount());
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = uint32_t(i);
    std::stable_sort(rows.begin(), rows.end(),
                     [&](uint32_t a, uint32_t b) { return logs.timeNs[a] < logs.timeNs[b]; });
    return rows;
}

// Without a correlation index: the rows whose stream names the service, or that state the
// trace (and span), by time.
std::vector<uint32_t> scanScope(const model::LogStore& logs, const LogScope& scope) {
    std::vector<uint32_t> out;
    for (uint32_t row : allRows(logs)) {
        bool keep = false;
        if (scope.kind == LogScope::Kind::Services) {
            const std::string_view service = logs.serviceOf(row);
            keep = std::find(scope.services.begin(), scope.services.end(), service) !=
                   scope.services.end();
        } else {
            keep = logs.traceId[row] == scope.trace &&
                   (scope.kind == LogScope::Kind::Trace || logs.spanId[row] == scope.span);
        }
        if (keep) out.push_back(row);
    }
    return out;
}

} // namespace

std::vector<uint32_t> scopeRows(const LogsSources& sources, const LogScope& scope) {
    if (!sources.logs || sources.logs->recordCount() == 0) return {};
    const model::LogStore& logs = *sources.logs;
    if (scope.kind == LogScope::Kind::All) return allRows(logs);
    const model::CorrelationIndex* index = sources.correlation.get();
    if (!index || !sources.dataset) return scanScope(logs, scope);
    if (scope.kind == LogScope::Kind::Trace) {
        const auto rows = index->logsForTrace(scope.trace);
        return {rows.begin(), rows.end()};
    }
    if (scope.kind == LogScope::Kind::Span) {
        const auto rows = index->logsForSpan(scope.trace, scope.span);
        return {rows.begin(), rows.end()};
    }
    std::vector<uint32_t> out;
    for (const std::string& name : scope.services) {
        model::StringId id = 0;
        if (!sources.dataset->strings.find(name, id) || id == 0) continue;
        const auto rows = index->logsForService(id);
        const size_t middle = out.size();
        out.insert(out.end(), rows.begin(), rows.end());
        // Each service's rows are by time: merge them with what came before.
        std::inplace_merge(out.begin(), out.begin() + std::ptrdiff_t(middle), out.end(),
                           [&](uint32_t a, uint32_t b) { return logs.timeNs[a] < logs.timeNs[b]; });
    }
    out.erase(std::unique(out.begin(), out.end()), out.end()); // equal rows are adjacent
    return out;
}

std::vector<std::string> searchWords(std::string_view text) {
    std::vector<std::string> words;
    size_t i = 0;
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (i >= text.size()) break;
        size_t end;
        std::string word;
        if (text[i] == '"') { // a quoted phrase, up to the closing quote or the end
            end = text.find('"', i + 1);
            word = std::string(
                text.substr(i + 1, (end == std::string_view::npos ? text.size() : end) - i - 1));
            i = end == std::string_view::npos ? text.size() : end + 1;
        } else {
            end = i;
            while (end < text.size() && !isSpace(text[end]))
                ++end;
            word = std::string(text.substr(i, end - i));
            i = end;
        }
        for (char& c : word)
            c = lower(c);
        if (!word.empty()) words.push_back(std::move(word));
    }
    return words;
}

bool bodyMatches(std::string_view body, const std::vector<std::string>& words) {
    for (const std::string& w : words)
        if (!containsFolded(body, w)) return false;
    return true;
}

std::vector<uint32_t> filterRows(const model::LogStore& logs, std::span<const uint32_t> rows,
                                 const LogFilter& filter, const std::vector<uint32_t>* matches,
                                 const std::atomic<bool>* cancel) {
    const std::vector<std::string> words = searchWords(filter.text);
    const bool bySeverity = filter.minSeverity != model::LogSeverity::Unspecified;
    std::vector<uint32_t> out;
    if (!bySeverity && words.empty() && !matches) return {rows.begin(), rows.end()};
    out.reserve(rows.size() / 4);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (cancel && (i & 0xFFFF) == 0 && cancel->load(std::memory_order_relaxed)) break;
        const uint32_t row = rows[i];
        if (bySeverity && (logs.severity[row] == model::LogSeverity::Unspecified ||
                           logs.severity[row] < filter.minSeverity))
            continue;
        if (matches) {
            if (!std::binary_search(matches->begin(), matches->end(), row)) continue;
        } else if (!words.empty() && !bodyMatches(logs.body(row), words)) {
            continue;
        }
        out.push_back(row);
    }
    return out;
}

LogQueryResult runLogQuery(const LogsSources& sources, const LogScope& scope,
                           const LogFilter& filter, const LogTextSearch& search,
                           const std::atomic<bool>* cancel) {
    LogQueryResult result;
    const std::vector<uint32_t> rows = scopeRows(sources, scope);
    result.scopeRows = rows.size();
    if (!sources.logs) return result;
    std::optional<std::vector<uint32_t>> matches;
    if (search && !searchWords(filter.text).empty()) {
        matches = search(filter.text);
        if (matches) std::sort(matches->begin(), matches->end());
    }
    result.fullText = matches.has_value();
    result.rows = filterRows(*sources.logs, rows, filter, matches ? &*matches : nullptr, cancel);
    return result;
}

} // namespace tg::view
