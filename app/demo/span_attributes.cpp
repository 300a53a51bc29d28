#include "app/demo/span_attributes.h"

#include <cmath>

#include "app/demo/demo_text.h"

namespace tg::app::demo {

void addString(std::vector<GenAttr>& attrs, std::string_view key, std::string_view value) {
    GenAttr& a = attrs.emplace_back();
    a.key = key;
    a.str.assign(value);
}

void addInt(std::vector<GenAttr>& attrs, std::string_view key, int64_t value) {
    GenAttr& a = attrs.emplace_back();
    a.key = key;
    a.type = GenAttr::Type::Int;
    a.i = value;
}

void addDouble(std::vector<GenAttr>& attrs, std::string_view key, double value) {
    GenAttr& a = attrs.emplace_back();
    a.key = key;
    a.type = GenAttr::Type::Double;
    a.d = value;
}

void addBool(std::vector<GenAttr>& attrs, std::string_view key, bool value) {
    GenAttr& a = attrs.emplace_back();
    a.key = key;
    a.type = GenAttr::Type::Bool;
    a.b = value;
}

namespace {

constexpr const char* kBrowsers[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Mobile/15E148",
    "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/122.0.6261.64 Mobile Safari/537.36",
    "ShopApp/5.12.1 (iPhone15,2; iOS 17.3.1) Alamofire/5.8.1",
    "ShopApp/5.12.0 (Android 14; SM-S918B) okhttp/4.12.0",
};
constexpr const char* kSlugs[] = {"trail-running-shoe-x2",  "merino-wool-hoodie",
                                  "espresso-machine-pro",   "noise-cancelling-headphones",
                                  "cast-iron-skillet-28cm", "ergonomic-office-chair",
                                  "yoga-mat-6mm",           "smart-watch-series-5"};

const char* clientLibraryAgent(Language language) {
    switch (language) {
    case Language::Go:
        return "Go-http-client/1.1";
    case Language::Java:
        return "Java-http-client/17.0.10";
    case Language::Python:
        return "python-requests/2.31.0";
    case Language::NodeJs:
        return "undici";
    case Language::DotNet:
        return "dotnet-httpclient/8.0";
    }
    return "Go-http-client/1.1";
}

const char* threadName(Language language) {
    switch (language) {
    case Language::Java:
        return "http-nio-8080-exec-";
    case Language::DotNet:
        return ".NET ThreadPool Worker ";
    case Language::Python:
        return "ThreadPoolExecutor-0_";
    case Language::NodeJs:
        return "main-";
    case Language::Go:
        return "goroutine-";
    }
    return "worker-";
}

// The route with its {placeholders} filled from the request.
std::string materialise(const std::string& route, const TraceContext& ctx, Rng& rng) {
    std::string path;
    path.reserve(route.size() + 32);
    for (size_t i = 0; i < route.size(); ++i) {
        if (route[i] != '{') {
            path.push_back(route[i]);
            continue;
        }
        const size_t close = route.find('}', i);
        const std::string_view name(route.data() + i + 1, close - i - 1);
        if (name == "slug")
            path += ctx.productSlug;
        else if (name == "orderId")
            path += ctx.orderId;
        else if (name == "sid")
            path += "AC" + hex(rng.next(), 16);
        else
            path += std::to_string(100000 + rng.below(900000));
        i = close;
    }
    return path;
}

void serverHttp(std::vector<GenAttr>& a, const SpanFacts& f, const TraceContext& ctx, Rng& rng) {
    const Endpoint& e = *f.endpoint;
    const bool edge = f.callerPod == nullptr;
    addString(a, "http.request.method", e.method);
    addString(a, "http.route", e.route);
    addString(a, "url.path", materialise(e.route, ctx, rng));
    addString(a, "url.scheme", edge ? "https" : "http");
    if (e.route.find("search") != std::string::npos)
        addString(a, "url.query", "q=?&page=" + std::to_string(rng.between(1, 5)));
    addInt(a, "http.response.status_code", f.status);
    addString(a, "server.address", edge ? "shop.example.com" : f.service->host);
    addInt(a, "server.port", edge ? 443 : f.service->port);
    addString(a, "client.address", edge ? ctx.clientIp : f.callerPod->ip);
    addString(a, "network.peer.address", edge ? "10.20.0.17" : f.callerPod->ip);
    addInt(a, "network.peer.port", 32768 + static_cast<int64_t>(rng.below(28000)));
    addString(a, "network.protocol.version", edge ? "2" : "1.1");
    addString(a, "user_agent.original", edge ? ctx.userAgent : "envoy");
    addString(a, "http.request.header.x-request-id", ctx.requestId);
    if (e.method != "GET")
        addInt(a, "http.request.body.size", 120 + static_cast<int64_t>(rng.below(4000)));
    addInt(a, "http.response.body.size", 80 + static_cast<int64_t>(rng.below(24000)));
}

void serverGrpc(std::vector<GenAttr>& a, const SpanFacts& f, const TraceContext& ctx, Rng& rng) {
    addString(a, "rpc.system", "grpc");
    addString(a, "rpc.service", f.endpoint->route);
    addString(a, "rpc.method", f.endpoint->method);
    addInt(a, "rpc.grpc.status_code", f.status);
    addString(a, "server.address", f.service->host);
    addInt(a, "server.port", f.service->port);
    addString(a, "client.address", f.callerPod ? f.callerPod->ip : ctx.clientIp);
    addString(a, "network.peer.address", f.callerPod ? f.callerPod->ip : ctx.clientIp);
    addInt(a, "network.peer.port", 32768 + static_cast<int64_t>(rng.below(28000)));
    addString(a, "network.transport", "tcp");
    addString(a, "network.type", "ipv4");
    addString(a, "rpc.grpc.request.metadata.x-request-id", ctx.requestId);
}

void clientService(std::vector<GenAttr>& a, const SpanFacts& f, const TraceContext& ctx, Rng& rng) {
    const Service& callee = *f.callee;
    if (callee.protocol == Protocol::Grpc) {
        addString(a, "rpc.system", "grpc");
        addString(a, "rpc.service", f.endpoint->route);
        addString(a, "rpc.method", f.endpoint->method);
        addInt(a, "rpc.grpc.status_code", f.status);
        addString(a, "rpc.grpc.request.metadata.x-request-id", ctx.requestId);
    } else {
        addString(a, "http.request.method", f.endpoint->method);
        addString(a, "url.full",
                  "http://" + callee.host + ':' + std::to_string(callee.port) +
                      materialise(f.endpoint->route, ctx, rng));
        addInt(a, "http.response.status_code", f.status);
        addString(a, "network.protocol.version", "1.1");
        addString(a, "user_agent.original", clientLibraryAgent(f.service->language));
        addString(a, "http.request.header.x-request-id", ctx.requestId);
    }
    addString(a, "server.address", callee.host);
    addInt(a, "server.port", callee.port);
    addString(a, "network.peer.address", f.calleePod->ip);
    addInt(a, "network.peer.port", callee.port);
    addString(a, "peer.service", callee.name);
    addString(a, "net.peer.name", callee.host);
    addInt(a, "net.peer.port", callee.port);
}

void clientDatabase(std::vector<GenAttr>& a, const SpanFacts& f, Rng& rng) {
    const Backend& b = *f.backend;
    const Call& c = *f.call;
    const bool redis = b.kind == BackendKind::Redis;
    addString(a, "db.system",
              redis                             ? "redis"
              : b.kind == BackendKind::Postgres ? "postgresql"
                                                : "elasticsearch");
    addString(a, "db.operation.name", c.operation);
    addString(a, "db.query.text", c.query);
    if (!c.namespaceName.empty()) {
        addString(a, "db.namespace", c.namespaceName);
        addString(a, "db.name", c.namespaceName);
    }
    if (b.kind == BackendKind::Postgres) {
        addString(a, "db.collection.name", c.collection);
        addString(a, "db.sql.table", c.collection);
        addString(a, "db.user", c.namespaceName + "_svc");
        addString(a, "db.client.connection.pool.name",
                  f.service->language == Language::Java ? "HikariPool-1" : "default");
    } else if (redis) {
        addInt(a, "db.redis.database_index", 0);
    } else {
        addString(a, "db.collection.name", c.collection);
        addString(a, "http.request.method", "POST");
        addString(a, "url.full",
                  "http://" + b.host + ':' + std::to_string(b.port) + '/' + c.collection +
                      "/_search");
        addInt(a, "http.response.status_code", f.status >= 500 ? f.status : 200);
    }
    if (c.operation == "SELECT" || c.operation == "search" || c.operation == "MGET")
        addInt(a, "db.response.returned_rows", static_cast<int64_t>(rng.below(50)));
    addString(a, "server.address", b.host);
    addInt(a, "server.port", b.port);
    addString(a, "network.peer.address", b.ip);
    addInt(a, "network.peer.port", b.port);
    addString(a, "peer.service", b.name);
    if (redis) addString(a, "net.peer.name", b.host);
}

void messaging(std::vector<GenAttr>& a, const SpanFacts& f, const TraceContext& ctx, Rng& rng,
               bool consumer, const std::string& topic, const std::string& kafkaHost) {
    addString(a, "messaging.system", "kafka");
    addString(a, "messaging.operation.type", consumer ? "process" : "publish");
    addString(a, "messaging.operation.name", consumer ? "process" : "send");
    addString(a, "messaging.destination.name", topic);
    addString(a, "messaging.destination.partition.id", std::to_string(f.partition));
    addString(a, "messaging.kafka.message.key", ctx.orderId);
    addString(a, "messaging.client.id",
              f.service->name + (consumer ? "-consumer-1" : "-producer-1"));
    addInt(a, "messaging.message.body.size", 300 + static_cast<int64_t>(rng.below(2000)));
    if (consumer) {
        addString(a, "messaging.consumer.group.name", f.service->name);
        addInt(a, "messaging.kafka.offset", f.offset);
    } else {
        addString(a, "peer.service", "kafka");
        addString(a, "network.peer.address", f.backend->ip);
    }
    addString(a, "server.address", kafkaHost);
    addInt(a, "server.port", 9092);
}

void clientExternal(std::vector<GenAttr>& a, const SpanFacts& f, const TraceContext& ctx,
                    Rng& rng) {
    const Backend& b = *f.backend;
    addString(a, "http.request.method", f.call->operation);
    addString(a, "url.full", "https://" + b.host + materialise(f.call->collection, ctx, rng));
    addInt(a, "http.response.status_code", f.status);
    addString(a, "server.address", b.host);
    addInt(a, "server.port", 443);
    addString(a, "network.peer.address", b.ip);
    addInt(a, "network.peer.port", 443);
    addString(a, "network.protocol.version", "1.1");
    addString(a, "peer.service", b.name);
    addString(a, "net.peer.name", b.host);
    addInt(a, "net.peer.port", 443);
    addString(a, "user_agent.original", clientLibraryAgent(f.service->language));
    if (f.call->operation == "POST")
        addString(a, "http.request.header.idempotency-key", ctx.requestId);
}

void internal(std::vector<GenAttr>& a, const SpanFacts& f, Rng& rng) {
    addString(a, "code.function", f.endpoint ? f.endpoint->method : "process");
    addString(a, "code.namespace", "com.shop." + f.service->name);
    addString(a, "code.filepath", "src/" + f.service->name + "/handler.go");
    addInt(a, "code.lineno", 20 + static_cast<int64_t>(rng.below(400)));
}

bool has(const std::vector<GenAttr>& attrs, std::string_view key) {
    for (const GenAttr& a : attrs)
        if (a.key == key) return true;
    return false;
}

// Request-scoped attributes applications add; used to pad every span to its target count.
void addExtra(std::vector<GenAttr>& a, int which, const SpanFacts& f, const TraceContext& ctx,
              Rng& rng) {
    switch (which) {
    case 0:
        addInt(a, "thread.id", 20 + static_cast<int64_t>(rng.below(300)));
        break;
    case 1:
        addString(a, "thread.name",
                  threadName(f.service->language) + std::to_string(rng.below(64)));
        break;
    case 2:
        addString(a, "enduser.id", ctx.userId);
        break;
    case 3:
        addString(a, "session.id", ctx.sessionId);
        break;
    case 4:
        addString(a, "app.tenant", ctx.tenant);
        break;
    case 5:
        addString(a, "app.customer.tier", ctx.customerTier);
        break;
    case 6:
        addString(a, "app.currency", ctx.currency);
        break;
    case 7:
        addInt(a, "app.cart.items", ctx.cartItems);
        break;
    case 8:
        addDouble(a, "app.order.total", ctx.orderTotal);
        break;
    case 9:
        addBool(a, "app.feature_flag.new_checkout", ctx.newCheckout);
        break;
    case 10:
        addString(a, "app.experiment.variant", ctx.experiment);
        break;
    case 11:
        addString(a, "app.request.priority", ctx.customerTier == "gold" ? "high" : "normal");
        break;
    case 12:
        addBool(a, "deployment.canary", f.pod == &f.service->pods.front());
        break;
    case 13:
        addString(a, "network.transport", "tcp");
        break;
    case 14:
        addString(a, "network.type", "ipv4");
        break;
    case 15:
        addString(a, "code.function", f.endpoint ? f.endpoint->method : "handle");
        break;
    case 16:
        addString(a, "code.namespace", "com.shop." + f.service->name);
        break;
    case 17:
        addString(a, "app.cart.id", ctx.cartId);
        break;
    }
}
constexpr int kExtraCount = 18;
constexpr std::string_view kExtraKeys[kExtraCount] = {"thread.id",
                                                      "thread.name",
                                                      "enduser.id",
                                                      "session.id",
                                                      "app.tenant",
                                                      "app.customer.tier",
                                                      "app.currency",
                                                      "app.cart.items",
                                                      "app.order.total",
                                                      "app.feature_flag.new_checkout",
                                                      "app.experiment.variant",
                                                      "app.request.priority",
                                                      "deployment.canary",
                                                      "network.transport",
                                                      "network.type",
                                                      "code.function",
                                                      "code.namespace",
                                                      "app.cart.id"};

void pad(std::vector<GenAttr>& a, size_t target, const SpanFacts& f, const TraceContext& ctx,
         Rng& rng) {
    int order[kExtraCount];
    for (int i = 0; i < kExtraCount; ++i)
        order[i] = i;
    for (int i = kExtraCount - 1; i > 0; --i)
        std::swap(order[i], order[rng.below(static_cast<uint64_t>(i) + 1)]);
    for (int i = 0; i < kExtraCount && a.size() < target; ++i)
        if (!has(a, kExtraKeys[order[i]])) addExtra(a, order[i], f, ctx, rng);
}

} // namespace

void TraceContext::reset(Rng& rng) {
    static constexpr const char* kTenants[] = {"shop-eu", "shop-uk", "shop-de", "shop-fr"};
    static constexpr const char* kTiers[] = {"standard", "standard", "standard", "silver", "gold"};
    static constexpr const char* kCurrencies[] = {"EUR", "EUR", "GBP", "USD", "CHF", "SEK"};
    static constexpr const char* kVariants[] = {"control", "control", "reco-v7", "checkout-1click"};
    requestId = uuid(rng);
    userId = format("u-%06d", static_cast<int>(rng.below(250000)));
    sessionId = hex(rng.next(), 16);
    tenant = rng.pick(kTenants);
    customerTier = rng.pick(kTiers);
    currency = rng.pick(kCurrencies);
    userAgent = rng.pick(kBrowsers);
    clientIp = format("%d.%d.%d.%d", 80 + static_cast<int>(rng.below(120)),
                      static_cast<int>(rng.below(256)), static_cast<int>(rng.below(256)),
                      1 + static_cast<int>(rng.below(254)));
    cartId = uuid(rng);
    orderId = "ord_" + hex(rng.next(), 12);
    productSlug = rng.pick(kSlugs);
    experiment = rng.pick(kVariants);
    newCheckout = rng.chance(0.3);
    cartItems = 1 + static_cast<int>(rng.below(8));
    orderTotal = std::round(rng.logNormal(60.0, 0.8) * 100.0) / 100.0;
}

int chooseStatus(Protocol protocol, const std::string& method, bool error, Rng& rng) {
    if (protocol == Protocol::Grpc) {
        static constexpr int kErrors[] = {2, 4, 13, 14};
        static constexpr double kWeights[] = {0.1, 0.3, 0.25, 0.35};
        if (error) return kErrors[rng.weighted(kWeights)];
        return rng.chance(0.01) ? 5 : 0; // NOT_FOUND is not a server error
    }
    if (error) {
        static constexpr int kErrors[] = {500, 502, 503, 504};
        static constexpr double kWeights[] = {0.5, 0.15, 0.25, 0.1};
        return kErrors[rng.weighted(kWeights)];
    }
    const double x = rng.uniform();
    if (method == "GET") return x < 0.015 ? 404 : x < 0.02 ? 304 : 200;
    if (method == "POST") return x < 0.005 ? 400 : x < 0.008 ? 409 : x < 0.6 ? 201 : 200;
    return x < 0.005 ? 400 : 200;
}

void addAttributes(GenSpan& span, const SpanFacts& f, const TraceContext& ctx, Rng& rng) {
    std::vector<GenAttr>& a = span.attributes;
    a.clear();
    if (span.kind == GenKind::Server) {
        if (f.service->protocol == Protocol::Grpc)
            serverGrpc(a, f, ctx, rng);
        else
            serverHttp(a, f, ctx, rng);
    } else if (span.kind == GenKind::Consumer || span.kind == GenKind::Producer) {
        const std::string& topic =
            span.kind == GenKind::Consumer ? f.endpoint->route : f.call->namespaceName;
        const std::string host =
            f.backend ? f.backend->host : "kafka-bootstrap.fulfilment.svc.cluster.local";
        messaging(a, f, ctx, rng, span.kind == GenKind::Consumer, topic, host);
    } else if (span.kind == GenKind::Client && f.callee) {
        clientService(a, f, ctx, rng);
    } else if (span.kind == GenKind::Client && f.backend) {
        if (f.backend->kind == BackendKind::ExternalHttp)
            clientExternal(a, f, ctx, rng);
        else
            clientDatabase(a, f, rng);
    } else {
        internal(a, f, rng);
    }
    if (span.error) {
        // The status code when the protocol has one, else the exception (semantic conventions).
        if (f.status != 0)
            addString(a, "error.type", std::to_string(f.status));
        else
            addString(a, "error.type",
                      f.errorType.empty() ? std::string_view("_OTHER") : f.errorType);
    }
    pad(a, 15 + rng.below(6), f, ctx, rng);
}

std::vector<GenAttr> podResource(const Service& s, const Pod& pod) {
    std::vector<GenAttr> a;
    addString(a, "service.name", s.name);
    addString(a, "service.namespace", s.nameSpace);
    addString(a, "service.version", s.version);
    addString(a, "service.instance.id", pod.instanceId);
    addString(a, "deployment.environment.name", "production");
    addString(a, "host.name", pod.name);
    addString(a, "k8s.cluster.name", s.region == "eu-west-1" ? "prod-euw1" : "prod-euc1");
    addString(a, "k8s.namespace.name", s.nameSpace);
    addString(a, "k8s.deployment.name", s.name);
    addString(a, "k8s.pod.name", pod.name);
    addString(a, "k8s.node.name", pod.node);
    addString(a, "cloud.provider", "aws");
    addString(a, "cloud.region", s.region);
    addString(a, "cloud.availability_zone", pod.zone);
    addString(a, "telemetry.sdk.name", "opentelemetry");
    addString(a, "telemetry.sdk.language", languageName(s.language));
    addString(a, "telemetry.sdk.version", s.language == Language::Java ? "1.36.0" : "1.24.0");
    return a;
}

std::pair<std::string_view, std::string_view> scopeFor(Language language, ScopeKind kind) {
    using P = std::pair<std::string_view, std::string_view>;
    static const P kScopes[5][9] = {
        // HttpServer, HttpClient, GrpcServer, GrpcClient, Postgres, Redis, Kafka, Elasticsearch,
        // Internal
        {{"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.49.0"},
         {"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.49.0"},
         {"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc", "0.49.0"},
         {"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc", "0.49.0"},
         {"github.com/XSAM/otelsql", "0.29.0"},
         {"github.com/redis/go-redis/extra/redisotel", "9.5.1"},
         {"github.com/IBM/sarama/otelsarama", "0.44.0"},
         {"github.com/elastic/go-elasticsearch", "8.12.0"},
         {"shop/internal/tracing", "1.0.0"}},
        {{"io.opentelemetry.spring-webmvc-6.0", "2.1.0-alpha"},
         {"io.opentelemetry.java-http-client", "2.1.0-alpha"},
         {"io.opentelemetry.grpc-1.6", "2.1.0-alpha"},
         {"io.opentelemetry.grpc-1.6", "2.1.0-alpha"},
         {"io.opentelemetry.jdbc", "2.1.0-alpha"},
         {"io.opentelemetry.lettuce-5.1", "2.1.0-alpha"},
         {"io.opentelemetry.kafka-clients-2.6", "2.1.0-alpha"},
         {"io.opentelemetry.elasticsearch-rest-7.0", "2.1.0-alpha"},
         {"io.opentelemetry.opentelemetry-instrumentation-annotations-1.16", "2.1.0-alpha"}},
        {{"opentelemetry.instrumentation.flask", "0.45b0"},
         {"opentelemetry.instrumentation.requests", "0.45b0"},
         {"opentelemetry.instrumentation.grpc", "0.45b0"},
         {"opentelemetry.instrumentation.grpc", "0.45b0"},
         {"opentelemetry.instrumentation.psycopg2", "0.45b0"},
         {"opentelemetry.instrumentation.redis", "0.45b0"},
         {"opentelemetry.instrumentation.confluent_kafka", "0.45b0"},
         {"opentelemetry.instrumentation.elasticsearch", "0.45b0"},
         {"shop.tracing", "1.0.0"}},
        {{"@opentelemetry/instrumentation-http", "0.49.1"},
         {"@opentelemetry/instrumentation-undici", "0.2.0"},
         {"@opentelemetry/instrumentation-grpc", "0.49.1"},
         {"@opentelemetry/instrumentation-grpc", "0.49.1"},
         {"@opentelemetry/instrumentation-pg", "0.39.1"},
         {"@opentelemetry/instrumentation-ioredis", "0.38.0"},
         {"@opentelemetry/instrumentation-kafkajs", "0.1.0"},
         {"@opentelemetry/instrumentation-http", "0.49.1"},
         {"shop-bff", "1.0.0"}},
        {{"Microsoft.AspNetCore", "8.0.0"},
         {"System.Net.Http", "8.0.0"},
         {"Grpc.AspNetCore", "2.61.0"},
         {"Grpc.Net.Client", "2.61.0"},
         {"Npgsql", "8.0.2"},
         {"OpenTelemetry.Instrumentation.StackExchangeRedis", "1.0.0-rc9.13"},
         {"Confluent.Kafka.Extensions.OpenTelemetry", "0.4.0"},
         {"Elastic.Clients.Elasticsearch", "8.12.0"},
         {"Shop.Tracing", "1.0.0"}},
    };
    return kScopes[static_cast<int>(language)][static_cast<int>(kind)];
}

} // namespace tg::app::demo
