#pragma once
// The e-commerce system the demo trace generator simulates: services in two namespaces and two
// regions, their endpoints and pods, the backends they use (Redis, PostgreSQL, Elasticsearch,
// Kafka, external HTTPS APIs) and which endpoint calls what. Calls only go to services of a
// higher tier, so every call tree is finite. Built once from a seed; immutable afterwards.
#include <cstdint>
#include <string>
#include <vector>

#include "app/demo/demo_random.h"

namespace tg::app::demo {

enum class Protocol : uint8_t { Http, Grpc };
enum class BackendKind : uint8_t { Redis, Postgres, Elasticsearch, Kafka, ExternalHttp };
enum class Language : uint8_t { Go, Java, Python, NodeJs, DotNet };

const char* languageName(Language language); // telemetry.sdk.language values

struct Backend {
    std::string name; // logical name, sent as peer.service: "postgres-orders", "stripe"
    BackendKind kind = BackendKind::Redis;
    std::string host; // server.address
    int port = 0;
    std::string ip;
    double medianMs = 1; // typical latency of one operation
    double sigma = 0.5;
};

struct Pod {
    std::string name; // k8s.pod.name and host.name
    std::string ip;
    std::string node; // k8s.node.name
    std::string zone; // cloud.availability_zone
    std::string instanceId;
};

enum class CallTarget : uint8_t { Service, Backend };

struct Call {
    CallTarget target = CallTarget::Service;
    uint32_t index = 0; // into Topology::services (any of its endpoints, per request) or ::backends
    double probability = 1; // chance one request makes this call
    int minRepeat = 1, maxRepeat = 1;
    std::string operation;     // backend calls: "SELECT", "GET", "publish", "POST"
    std::string namespaceName; // db.namespace, or the Kafka topic
    std::string collection;    // table, key prefix, index; URL path for external APIs
    std::string query;         // db.query.text (sanitised)
};

struct Endpoint {
    uint32_t service = 0;
    std::string method;   // HTTP method or gRPC method
    std::string route;    // HTTP route; gRPC: the full service name ("shop.cart.v1.CartService")
    std::string spanName; // the server span's name
    double selfMedianMs = 1;
    double sigma = 0.5;
    bool parallel = false; // calls fan out concurrently
    bool consumer = false; // a Kafka consumer loop, entered from a producer span
    std::vector<Call> calls;
};

struct Service {
    std::string name, nameSpace, region, version;
    Language language = Language::Go;
    Protocol protocol = Protocol::Http;
    int tier = 0;
    int port = 8080;
    std::string host; // "<name>.<namespace>.svc.cluster.local"
    std::vector<uint32_t> endpoints;
    std::vector<Pod> pods;
};

struct Topology {
    std::vector<Service> services;
    std::vector<Endpoint> endpoints;
    std::vector<Backend> backends;
    std::vector<uint32_t> entryEndpoints;                // requests from the internet start here
    std::vector<std::string> topics;                     // Kafka topics by index
    std::vector<std::vector<uint32_t>> consumersOfTopic; // consumer endpoints by topic index

    int serviceIndex(const std::string& name) const;
    int topicIndex(const std::string& topic) const;
};

// `serviceCount` services: the first ones of the built-in catalog (about 30), then generic
// leaf services ("svc-31"...) attached to random callers when more are asked for.
Topology buildTopology(int serviceCount, Rng& rng);

} // namespace tg::app::demo
