#include "importers/telemetry/pod_service.h"

namespace tg::import {
namespace {

// Kubernetes' generated names use this alphabet (no vowels, no 0/1/3 that read like letters).
bool isGeneratedChar(char c) {
    return std::string_view("bcdfghjklmnpqrstvwxz2456789").find(c) != std::string_view::npos;
}

bool isGenerated(std::string_view s, size_t minLen, size_t maxLen) {
    if (s.size() < minLen || s.size() > maxLen) return false;
    for (char c : s)
        if (!isGeneratedChar(c)) return false;
    return true;
}

bool isOrdinal(std::string_view s) {
    if (s.empty() || s.size() > 5) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

std::string_view serviceFromPodName(std::string_view pod) {
    const size_t last = pod.rfind('-');
    if (last == std::string_view::npos || last == 0) return pod;
    const std::string_view suffix = pod.substr(last + 1);
    if (isOrdinal(suffix)) return pod.substr(0, last); // StatefulSet: name-0
    if (!isGenerated(suffix, 5, 5)) return pod;
    const std::string_view rest = pod.substr(0, last); // DaemonSet (name-xxxxx) or ReplicaSet
    const size_t hash = rest.rfind('-');
    if (hash != std::string_view::npos && hash > 0 && isGenerated(rest.substr(hash + 1), 6, 10))
        return rest.substr(0, hash);
    return rest;
}

} // namespace tg::import
