#pragma once
// The service (Deployment / StatefulSet / DaemonSet name) behind a Kubernetes pod name, for
// tables that identify their rows only by pod ("frontend-579b9bff58-t2dbm" -> "frontend",
// "redis-cart-0" -> "redis-cart"): drops the pod's random 5-character suffix and the
// ReplicaSet's pod-template hash, or a StatefulSet ordinal. Names that do not look generated
// are returned unchanged. Pure; thread-safe.
#include <string_view>

namespace tg::import {

std::string_view serviceFromPodName(std::string_view pod);

} // namespace tg::import
