#include "models/correlate/correlation_config.h"

#include <charconv>
#include <regex>

namespace tg::model {
namespace {

// Key, optional quote, '=' or ':', optional quote, then the ID: logfmt (traceID=abc), JSON
// ("trace_id":"abc", "traceId": "abc") and prose ("TraceID: abc") spellings.
constexpr const char* kIdTail = R"("?\s*[=:]\s*"?(\w+))";

DerivedFieldRule regexRule(std::string name, DerivedTarget target, std::string pattern) {
    DerivedFieldRule r;
    r.name = std::move(name);
    r.target = target;
    r.pattern = std::move(pattern);
    return r;
}

DerivedFieldRule fieldRule(std::string name, DerivedTarget target,
                           std::vector<std::string> fields) {
    DerivedFieldRule r;
    r.name = std::move(name);
    r.target = target;
    r.fields = std::move(fields);
    return r;
}

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        const size_t begin = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        if (i > begin) out.push_back(line.substr(begin, i - begin));
    }
    return out;
}

// The rest of `line` after the first `skip` words (a regex may contain spaces).
std::string_view restAfterWords(std::string_view line, size_t skip) {
    size_t i = 0;
    for (size_t w = 0; w < skip; ++w) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    return line.substr(i);
}

Error lineError(const std::string& path, int64_t line, std::string detail) {
    Error e = makeError(ErrorCode::Syntax, std::move(detail), path);
    e.line = line;
    return e;
}

// Checks that a regex compiles and has exactly one capture group (the ID).
std::string checkPattern(const std::string& pattern) {
    try {
        const std::regex re(pattern, std::regex::ECMAScript);
        if (re.mark_count() != 1) return "the regex needs exactly one capture group (the ID)";
    } catch (const std::regex_error& e) {
        return std::string("invalid regex: ") + e.what();
    }
    return {};
}

// A '|' outside every group and bracket expression.
bool hasTopLevelAlternation(std::string_view p) {
    int depth = 0;
    bool inClass = false;
    for (size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c == '\\') {
            ++i;
        } else if (inClass) {
            inClass = c != ']';
        } else if (c == '[') {
            inClass = true;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

CorrelationConfig CorrelationConfig::defaults() {
    CorrelationConfig c;
    c.derivedFields = {
        fieldRule("trace-id-field", DerivedTarget::Trace,
                  {"trace_id", "traceId", "traceID", "trace.id", "traceid", "TraceID", "trace-id"}),
        fieldRule("span-id-field", DerivedTarget::Span,
                  {"span_id", "spanId", "spanID", "span.id", "spanid", "SpanID", "span-id"}),
        regexRule("trace-id-text", DerivedTarget::Trace,
                  std::string(R"(\btrace[_.]?[iI][dD])") + kIdTail),
        regexRule("trace-id-text-capital", DerivedTarget::Trace,
                  std::string(R"(\bTrace[_.]?[iI][dD])") + kIdTail),
        regexRule("traceparent-trace", DerivedTarget::Trace,
                  R"(\btraceparent"?\s*[=:]\s*"?[0-9a-f]{2}-([0-9a-f]{32})-)"),
        regexRule("span-id-text", DerivedTarget::Span,
                  std::string(R"(\bspan[_.]?[iI][dD])") + kIdTail),
        regexRule("span-id-text-capital", DerivedTarget::Span,
                  std::string(R"(\bSpan[_.]?[iI][dD])") + kIdTail),
        regexRule("traceparent-span", DerivedTarget::Span,
                  R"(\btraceparent"?\s*[=:]\s*"?[0-9a-f]{2}-[0-9a-f]{32}-([0-9a-f]{16}))"),
    };
    // Most specific first: OpenTelemetry and Loki names, Kubernetes recommended labels, then
    // the looser app / job / container names.
    c.serviceRules = {
        {"service.name", {}},
        {"service_name", {}},
        {"service", {}},
        {"app_kubernetes_io_name", {}},
        {"app.kubernetes.io/name", {}},
        {"k8s_deployment_name", {}},
        {"k8s.deployment.name", {}},
        {"app", {}},
        {"job", "/"},
        {"container", {}},
        {"k8s.container.name", {}},
        {"container_name", {}},
    };
    return c;
}

Result<CorrelationConfig> parseCorrelationConfig(std::string_view text, const std::string& path) {
    CorrelationConfig c = CorrelationConfig::defaults();
    int64_t lineNo = 0;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto w = words(line);
        if (w.empty() || w[0].front() == '#') continue;
        const std::string_view kind = w[0];
        if (kind == "reset" && w.size() == 2 && (w[1] == "derived" || w[1] == "services")) {
            (w[1] == "derived" ? (void)c.derivedFields.clear() : c.serviceRules.clear());
        } else if ((kind == "trace-field" || kind == "span-field") && w.size() >= 3) {
            DerivedFieldRule r;
            r.name = w[1];
            r.target = kind == "trace-field" ? DerivedTarget::Trace : DerivedTarget::Span;
            for (size_t i = 2; i < w.size(); ++i)
                r.fields.emplace_back(w[i]);
            c.derivedFields.push_back(std::move(r));
        } else if ((kind == "trace-regex" || kind == "span-regex") && w.size() >= 3) {
            DerivedFieldRule r;
            r.name = w[1];
            r.target = kind == "trace-regex" ? DerivedTarget::Trace : DerivedTarget::Span;
            r.pattern = restAfterWords(line, 2);
            if (std::string why = checkPattern(r.pattern); !why.empty())
                return lineError(path, lineNo, "rule '" + r.name + "': " + why);
            c.derivedFields.push_back(std::move(r));
        } else if (kind == "service-label" &&
                   (w.size() == 2 || (w.size() == 4 && w[2] == "after"))) {
            c.serviceRules.push_back({std::string(w[1]), w.size() == 4 ? std::string(w[3]) : ""});
        } else if (kind == "time-slack-ms" && w.size() == 2) {
            int64_t ms = 0;
            const auto r = std::from_chars(w[1].data(), w[1].data() + w[1].size(), ms);
            if (r.ec != std::errc() || r.ptr != w[1].data() + w[1].size() || ms < 0 ||
                ms > 365LL * 24 * 3600 * 1000)
                return lineError(path, lineNo, "time-slack-ms needs milliseconds (0 or more)");
            c.timeSlackNs = ms * 1'000'000;
        } else {
            return lineError(path, lineNo,
                             "cannot read '" + std::string(line) +
                                 "' (expected trace-field, span-field, trace-regex, span-regex, "
                                 "service-label, time-slack-ms or reset)");
        }
    }
    return c;
}

std::string regexLiteralPrefix(std::string_view p) {
    std::string out;
    // A leading word boundary takes no text; the anchored search checks it (match_prev_avail).
    for (size_t i = p.starts_with("\\b") ? 2 : 0; i < p.size(); ++i) {
        const char c = p[i];
        char literal = 0;
        size_t next = i + 1;
        if (c == '\\') {
            // An escaped punctuation character is itself; \w, \d, \b... are classes.
            if (i + 1 >= p.size()) break;
            const char e = p[i + 1];
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) break;
            literal = e;
            next = i + 2;
        } else if (std::string_view("^$.|?*+()[]{}").find(c) != std::string_view::npos) {
            break;
        } else {
            literal = c;
        }
        // A quantifier makes the character optional or repeated: it is not part of every match.
        if (next < p.size() && std::string_view("?*{").find(p[next]) != std::string_view::npos)
            break;
        out.push_back(literal);
        if (next < p.size() && p[next] == '+') break; // one occurrence is certain, more unknown
        i = next - 1;
    }
    // "a|b" alternatives: a prefix of the first branch is not shared by the others.
    if (hasTopLevelAlternation(p)) return {};
    return out;
}

} // namespace tg::model
