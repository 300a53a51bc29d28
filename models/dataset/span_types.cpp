#include "models/dataset/span_types.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace tg::model {

const char* spanKindName(SpanKind kind) {
    switch (kind) {
    case SpanKind::Unspecified:
        return "unspecified";
    case SpanKind::Internal:
        return "internal";
    case SpanKind::Server:
        return "server";
    case SpanKind::Client:
        return "client";
    case SpanKind::Producer:
        return "producer";
    case SpanKind::Consumer:
        return "consumer";
    }
    return "unspecified";
}

SpanKind spanKindFromName(std::string_view name) {
    if (name.starts_with("SPAN_KIND_")) name.remove_prefix(10);
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "server") return SpanKind::Server;
    if (lower == "client") return SpanKind::Client;
    if (lower == "producer") return SpanKind::Producer;
    if (lower == "consumer") return SpanKind::Consumer;
    if (lower == "internal") return SpanKind::Internal;
    return SpanKind::Unspecified;
}

SpanKind spanKindFromOtlp(int64_t value) {
    if (value < 0 || value > 5) return SpanKind::Unspecified;
    return static_cast<SpanKind>(value);
}

} // namespace tg::model
