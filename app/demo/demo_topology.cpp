#include "app/demo/demo_topology.h"

#include <algorithm>
#include <string_view>

#include "app/demo/demo_text.h"

namespace tg::app::demo {
namespace {

struct NamespaceSpec {
    const char* name;
    const char* region;
};
constexpr NamespaceSpec kNamespaces[] = {{"storefront", "eu-west-1"},
                                         {"fulfilment", "eu-central-1"}};

// The built-in system, most important services first (a smaller --services keeps a prefix).
// endpoints: '|'-separated "METHOD /route" (HTTP) or method names (gRPC, under rpcService).
// deps: ' '-separated service names or "backend:detail" (see backendCall()).
struct ServiceSpec {
    const char* name;
    int ns;
    Language language;
    Protocol protocol;
    int tier;
    const char* rpcService;
    const char* endpoints;
    const char* deps;
    const char* consumes; // Kafka topic read by the service's only endpoint, or ""
};

using enum Language;
using enum Protocol;
constexpr ServiceSpec kCatalog[] = {
    {"frontend-gateway", 0, Go, Http, 0, "",
     "GET /|GET /products/{slug}|GET /api/search|POST /api/cart/items|GET /api/cart|POST "
     "/api/checkout|"
     "GET /api/orders/{orderId}|POST /api/returns",
     "web-bff mobile-bff auth redis-storefront:ratelimit", ""},
    {"web-bff", 0, NodeJs, Http, 1, "",
     "GET /bff/home|GET /bff/product/{slug}|GET /bff/search|POST /bff/cart/items|GET /bff/cart|"
     "POST /bff/checkout|GET /bff/orders/{orderId}",
     "catalog search cart checkout recommendations users reviews ads returns "
     "kafka:analytics-events",
     ""},
    {"mobile-bff", 0, NodeJs, Http, 1, "",
     "GET /m/v2/home|GET /m/v2/products/{id}|POST /m/v2/cart|POST /m/v2/checkout|GET /m/v2/orders",
     "catalog cart checkout users recommendations kafka:analytics-events", ""},
    {"auth", 0, Go, Grpc, 2, "shop.auth.v1.AuthService", "VerifyToken|RefreshToken",
     "users redis-storefront:session", ""},
    {"checkout", 0, Java, Http, 2, "",
     "POST /checkout/v1/sessions|POST /checkout/v1/sessions/{id}/confirm|GET "
     "/checkout/v1/sessions/{id}",
     "cart pricing coupons payments orders shipping tax loyalty", ""},
    {"cart", 0, Go, Grpc, 3, "shop.cart.v1.CartService", "GetCart|AddItem|EmptyCart",
     "pricing coupons redis-storefront:cart", ""},
    {"catalog", 0, Go, Grpc, 3, "shop.catalog.v1.CatalogService",
     "GetProduct|ListProducts|BatchGetProducts",
     "pricing inventory media pg-storefront:catalog.products redis-storefront:catalog", ""},
    {"orders", 1, Java, Http, 3, "", "POST /orders/v1|GET /orders/v1/{orderId}|GET /orders/v1",
     "inventory pg-fulfilment:orders.orders pg-fulfilment:orders.order_items kafka:orders-events",
     ""},
    {"payments", 1, Java, Http, 3, "",
     "POST /payments/v1/authorize|POST /payments/v1/capture|POST /payments/v1/refund",
     "risk pg-fulfilment:payments.payments stripe:/v1/payment_intents kafka:payment-events", ""},
    {"inventory", 1, Java, Grpc, 4, "shop.inventory.v1.InventoryService",
     "CheckStock|Reserve|Release", "pg-fulfilment:inventory.stock redis-fulfilment:stock", ""},
    {"risk", 1, Python, Grpc, 4, "shop.risk.v1.RiskService", "ScorePayment",
     "fraud-model pg-fulfilment:risk.decisions redis-fulfilment:risk", ""},
    {"coupons", 0, DotNet, Http, 4, "", "POST /coupons/v1/validate|POST /coupons/v1/redeem",
     "pg-storefront:coupons.coupons redis-storefront:coupon", ""},
    {"pricing", 0, Go, Grpc, 4, "shop.pricing.v1.PricingService", "GetPrice|BatchGetPrices",
     "currency pg-storefront:pricing.prices redis-storefront:price", ""},
    {"search", 0, Java, Http, 2, "", "GET /search/v1/products|GET /search/v1/suggest",
     "catalog elasticsearch:products redis-storefront:search", ""},
    {"users", 0, DotNet, Http, 3, "",
     "GET /users/v1/{id}|GET /users/v1/{id}/addresses|PATCH /users/v1/{id}",
     "pg-storefront:users.users redis-storefront:session", ""},
    {"recommendations", 0, Python, Grpc, 2, "shop.reco.v1.RecommendationService",
     "ListRecommendations|ListSimilar", "catalog users redis-storefront:reco", ""},
    {"shipping", 1, Go, Http, 3, "", "POST /shipping/v1/quotes|POST /shipping/v1/shipments",
     "shipengine:/v1/rates pg-fulfilment:shipping.shipments", ""},
    {"tax", 1, Go, Grpc, 4, "shop.tax.v1.TaxService", "Quote",
     "avatax:/api/v2/transactions/create redis-fulfilment:tax", ""},
    {"currency", 0, NodeJs, Grpc, 5, "shop.currency.v1.CurrencyService",
     "Convert|GetSupportedCurrencies", "exchangerates:/v1/latest redis-storefront:fx", ""},
    {"fraud-model", 1, Python, Grpc, 5, "shop.fraud.v1.ModelService", "Predict",
     "redis-fulfilment:features", ""},
    {"notifications", 1, Go, Http, 3, "", "", "email sms redis-fulfilment:notify", "orders-events"},
    {"warehouse", 1, Java, Http, 3, "", "", "inventory pg-fulfilment:warehouse.picklists",
     "orders-events"},
    {"invoicing", 1, Java, Http, 3, "", "",
     "tax pg-fulfilment:invoicing.invoices s3:/shop-invoices", "payment-events"},
    {"loyalty", 1, DotNet, Http, 4, "",
     "GET /loyalty/v1/members/{id}|POST /loyalty/v1/members/{id}/points",
     "pg-fulfilment:loyalty.points", ""},
    {"reviews", 0, Python, Http, 2, "",
     "GET /reviews/v1/products/{id}|POST /reviews/v1/products/{id}",
     "users pg-storefront:reviews.reviews", ""},
    {"ads", 0, Java, Grpc, 2, "shop.ads.v1.AdService", "GetAds", "catalog redis-storefront:ads",
     ""},
    {"returns", 1, Java, Http, 2, "", "POST /returns/v1|GET /returns/v1/{id}",
     "orders payments pg-fulfilment:returns.returns kafka:orders-events", ""},
    {"media", 0, Go, Http, 4, "", "GET /media/v1/images/{id}",
     "s3:/shop-media redis-storefront:media", ""},
    {"email", 1, Go, Http, 5, "", "POST /email/v1/messages", "sendgrid:/v3/mail/send", ""},
    {"sms", 1, Go, Http, 5, "", "POST /sms/v1/messages",
     "twilio:/2010-04-01/Accounts/{sid}/Messages.json", ""},
};

struct BackendSpec {
    const char* name;
    BackendKind kind;
    const char* host;
    int port;
    double medianMs, sigma;
};
constexpr BackendSpec kBackends[] = {
    {"redis-storefront", BackendKind::Redis, "redis-storefront-master.storefront.svc.cluster.local",
     6379, 0.35, 0.6},
    {"redis-fulfilment", BackendKind::Redis, "redis-fulfilment-master.fulfilment.svc.cluster.local",
     6379, 0.4, 0.6},
    {"pg-storefront", BackendKind::Postgres, "pg-storefront-rw.storefront.svc.cluster.local", 5432,
     2.5, 0.9},
    {"pg-fulfilment", BackendKind::Postgres, "pg-fulfilment-rw.fulfilment.svc.cluster.local", 5432,
     3.0, 0.9},
    {"elasticsearch", BackendKind::Elasticsearch, "search-es-http.storefront.svc.cluster.local",
     9200, 14, 0.7},
    {"kafka", BackendKind::Kafka, "kafka-bootstrap.fulfilment.svc.cluster.local", 9092, 2.0, 0.6},
    {"stripe", BackendKind::ExternalHttp, "api.stripe.com", 443, 180, 0.5},
    {"shipengine", BackendKind::ExternalHttp, "api.shipengine.com", 443, 220, 0.5},
    {"avatax", BackendKind::ExternalHttp, "rest.avatax.com", 443, 90, 0.5},
    {"exchangerates", BackendKind::ExternalHttp, "api.exchangerate.host", 443, 60, 0.6},
    {"sendgrid", BackendKind::ExternalHttp, "api.sendgrid.com", 443, 120, 0.5},
    {"twilio", BackendKind::ExternalHttp, "api.twilio.com", 443, 150, 0.5},
    {"s3", BackendKind::ExternalHttp, "s3.eu-central-1.amazonaws.com", 443, 25, 0.7},
};

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (!text.empty()) {
        const size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) break;
        text.remove_prefix(at + 1);
    }
    return parts;
}

std::string publicIp(Rng& rng, int firstOctet) {
    return format("%d.%d.%d.%d", firstOctet, rng.between(0, 255), rng.between(0, 255),
                  rng.between(1, 254));
}

std::vector<Pod> makePods(const Service& s, int nsIndex, Rng& rng) {
    std::vector<Pod> pods;
    const std::string deployHash = podSuffix(rng, 10);
    const int count = rng.between(2, 5);
    for (int i = 0; i < count; ++i) {
        Pod p;
        p.name = s.name + '-' + deployHash + '-' + podSuffix(rng, 5);
        p.ip = format("10.%d.%d.%d", 20 + nsIndex, rng.between(0, 63), rng.between(2, 250));
        p.zone = s.region + static_cast<char>('a' + rng.below(3));
        p.node = format("ip-10-%d-%d-%d.%s.compute.internal", nsIndex, rng.between(0, 63),
                        rng.between(2, 250), s.region.c_str());
        p.instanceId = uuid(rng);
        pods.push_back(std::move(p));
    }
    return pods;
}

void addEndpoints(Topology& t, uint32_t serviceIndex, const ServiceSpec& spec, Rng& rng) {
    Service& s = t.services[serviceIndex];
    std::vector<Endpoint> endpoints;
    if (*spec.consumes) {
        Endpoint e;
        e.method = "process";
        e.route = spec.consumes;
        e.spanName = std::string(spec.consumes) + " process";
        e.consumer = true;
        endpoints.push_back(std::move(e));
    }
    for (std::string_view text : split(spec.endpoints, '|')) {
        Endpoint e;
        if (s.protocol == Protocol::Grpc) {
            e.method = std::string(text);
            e.route = spec.rpcService;
            e.spanName = e.route + '/' + e.method;
        } else {
            const size_t space = text.find(' ');
            e.method = std::string(text.substr(0, space));
            e.route = std::string(text.substr(space + 1));
            e.spanName = std::string(text);
        }
        endpoints.push_back(std::move(e));
    }
    for (Endpoint& e : endpoints) {
        e.service = serviceIndex;
        e.selfMedianMs = rng.logNormal(2.0, 0.8);
        e.sigma = 0.35 + rng.uniform() * 0.5;
        e.parallel = rng.chance(0.25);
        s.endpoints.push_back(static_cast<uint32_t>(t.endpoints.size()));
        t.endpoints.push_back(std::move(e));
    }
}

std::string queryText(BackendKind kind, const std::string& operation,
                      const std::string& collection) {
    if (kind == BackendKind::Redis) return operation + ' ' + collection + ":?";
    if (kind == BackendKind::Elasticsearch)
        return R"({"query":{"multi_match":{"query":"?","fields":["title^3","description"]}},"size":24})";
    if (operation == "SELECT") return "SELECT * FROM " + collection + " WHERE id = $1 LIMIT $2";
    if (operation == "INSERT")
        return "INSERT INTO " + collection + " (id, data, created_at) VALUES ($1, $2, now())";
    if (operation == "UPDATE")
        return "UPDATE " + collection + " SET data = $1, updated_at = now() WHERE id = $2";
    return "DELETE FROM " + collection + " WHERE id = $1";
}

// A call to a backend from a dependency token "backend:detail"; false for an unknown backend.
bool backendCall(const Topology& t, std::string_view token, Rng& rng, Call& call) {
    const size_t colon = token.find(':');
    const std::string_view name = token.substr(0, colon), detail = token.substr(colon + 1);
    auto it = std::find_if(t.backends.begin(), t.backends.end(),
                           [&](const Backend& b) { return b.name == name; });
    if (it == t.backends.end()) return false;
    call.target = CallTarget::Backend;
    call.index = static_cast<uint32_t>(it - t.backends.begin());
    call.probability = 0.7 + 0.3 * rng.uniform();
    switch (it->kind) {
    case BackendKind::Postgres: {
        static const char* const kOps[] = {"SELECT", "INSERT", "UPDATE", "DELETE"};
        static constexpr double kWeights[] = {0.65, 0.15, 0.15, 0.05};
        const size_t dot = detail.find('.');
        call.namespaceName = std::string(detail.substr(0, dot));
        call.collection = std::string(detail.substr(dot + 1));
        call.operation = kOps[rng.weighted(kWeights)];
        if (call.operation == "SELECT" && rng.chance(0.2))
            call.maxRepeat = rng.between(2, 6); // N+1 queries
        break;
    }
    case BackendKind::Redis: {
        static const char* const kOps[] = {"GET", "SET", "HGETALL", "MGET", "EXPIRE"};
        static constexpr double kWeights[] = {0.5, 0.15, 0.15, 0.1, 0.1};
        call.namespaceName = "0";
        call.collection = std::string(detail);
        call.operation = kOps[rng.weighted(kWeights)];
        call.maxRepeat = rng.chance(0.3) ? 2 : 1;
        break;
    }
    case BackendKind::Elasticsearch:
        call.operation = "search";
        call.collection = std::string(detail);
        break;
    case BackendKind::Kafka:
        call.operation = "publish";
        call.namespaceName = std::string(detail);
        call.probability = 0.5 + 0.5 * rng.uniform();
        break;
    case BackendKind::ExternalHttp:
        call.operation = name == "exchangerates" || detail == "/shop-media" ? "GET"
                         : detail == "/shop-invoices"                       ? "PUT"
                                                                            : "POST";
        call.collection = std::string(detail);
        break;
    }
    call.query = queryText(it->kind, call.operation, call.collection);
    return true;
}

// Each endpoint of a service calls a random subset (at least one) of the service's dependencies.
void addCalls(Topology& t, uint32_t serviceIndex, std::string_view deps, Rng& rng) {
    const Service& s = t.services[serviceIndex];
    std::vector<Call> candidates;
    for (std::string_view token : split(deps, ' ')) {
        Call call;
        if (token.find(':') != std::string_view::npos) {
            if (!backendCall(t, token, rng, call)) continue;
        } else {
            const int callee = t.serviceIndex(std::string(token));
            if (callee < 0 || t.services[callee].tier <= s.tier ||
                t.services[callee].endpoints.empty())
                continue;
            call.target = CallTarget::Service;
            call.index = static_cast<uint32_t>(callee);
            call.probability = 0.6 + 0.4 * rng.uniform();
        }
        candidates.push_back(std::move(call));
    }
    if (s.endpoints.empty() || candidates.empty()) return;
    std::vector<bool> used(candidates.size(), false);
    for (uint32_t e : s.endpoints) {
        std::vector<Call>& calls = t.endpoints[e].calls;
        for (size_t c = 0; c < candidates.size(); ++c)
            if (rng.chance(0.5)) {
                calls.push_back(candidates[c]);
                used[c] = true;
            }
    }
    // Every dependency is called by some endpoint, so every service of the catalog shows up.
    for (size_t c = 0; c < candidates.size(); ++c)
        if (!used[c]) t.endpoints[rng.pick(s.endpoints)].calls.push_back(candidates[c]);
}

Service makeService(const std::string& name, int nsIndex, Language language, Protocol protocol,
                    int tier, Rng& rng) {
    Service s;
    s.name = name;
    s.nameSpace = kNamespaces[nsIndex].name;
    s.region = kNamespaces[nsIndex].region;
    s.language = language;
    s.protocol = protocol;
    s.tier = tier;
    s.port = protocol == Protocol::Grpc ? 50051 : 8080;
    s.host = name + '.' + s.nameSpace + ".svc.cluster.local";
    s.version = format("%d.%d.%d", rng.between(1, 3), rng.between(0, 24), rng.between(0, 9));
    return s;
}

// Services beyond the catalog: HTTP services with a database, each called by an earlier service.
void addGenericServices(Topology& t, int count, Rng& rng) {
    for (int i = 0; i < count; ++i) {
        const int ns = i % 2;
        const uint32_t index = static_cast<uint32_t>(t.services.size());
        t.services.push_back(makeService(format("svc-%02d", static_cast<int>(index) + 1), ns,
                                         static_cast<Language>(rng.below(5)), Protocol::Http, 6,
                                         rng));
        t.services.back().pods = makePods(t.services.back(), ns, rng);
        ServiceSpec spec{
            "", ns, Language::Go, Protocol::Http, 6, "", "GET /v1/items/{id}|POST /v1/items",
            "", ""};
        addEndpoints(t, index, spec, rng);
        addCalls(t, index, ns == 0 ? "pg-storefront:generic.items" : "pg-fulfilment:generic.items",
                 rng);
        // Called by a random earlier service (catalog or generic), so calls still form a tree.
        const Service& caller = t.services[rng.below(index)];
        if (caller.endpoints.empty()) continue;
        Call call;
        call.index = index;
        call.probability = 0.5 + 0.5 * rng.uniform();
        t.endpoints[rng.pick(caller.endpoints)].calls.push_back(call);
    }
}

} // namespace

const char* languageName(Language language) {
    switch (language) {
    case Language::Go:
        return "go";
    case Language::Java:
        return "java";
    case Language::Python:
        return "python";
    case Language::NodeJs:
        return "nodejs";
    case Language::DotNet:
        return "dotnet";
    }
    return "go";
}

int Topology::serviceIndex(const std::string& name) const {
    for (size_t i = 0; i < services.size(); ++i)
        if (services[i].name == name) return static_cast<int>(i);
    return -1;
}

int Topology::topicIndex(const std::string& topic) const {
    for (size_t i = 0; i < topics.size(); ++i)
        if (topics[i] == topic) return static_cast<int>(i);
    return -1;
}

Topology buildTopology(int serviceCount, Rng& rng) {
    Topology t;
    for (const BackendSpec& b : kBackends) {
        Backend backend{b.name, b.kind, b.host, b.port, publicIp(rng, 10), b.medianMs, b.sigma};
        if (b.kind == BackendKind::ExternalHttp) backend.ip = publicIp(rng, 52);
        t.backends.push_back(std::move(backend));
    }
    const int fromCatalog = std::clamp(serviceCount, 1, static_cast<int>(std::size(kCatalog)));
    for (int i = 0; i < fromCatalog; ++i) {
        const ServiceSpec& spec = kCatalog[i];
        t.services.push_back(
            makeService(spec.name, spec.ns, spec.language, spec.protocol, spec.tier, rng));
        t.services.back().pods = makePods(t.services.back(), spec.ns, rng);
        addEndpoints(t, static_cast<uint32_t>(i), spec, rng);
    }
    for (int i = 0; i < fromCatalog; ++i)
        addCalls(t, static_cast<uint32_t>(i), kCatalog[i].deps, rng);
    addGenericServices(t, std::max(0, serviceCount - fromCatalog), rng);

    // Kafka topics: every topic published to, with the consumer endpoints that read it.
    for (const Endpoint& e : t.endpoints)
        for (const Call& c : e.calls)
            if (c.target == CallTarget::Backend && t.backends[c.index].kind == BackendKind::Kafka &&
                t.topicIndex(c.namespaceName) < 0)
                t.topics.push_back(c.namespaceName);
    t.consumersOfTopic.resize(t.topics.size());
    for (uint32_t i = 0; i < t.endpoints.size(); ++i)
        if (t.endpoints[i].consumer)
            if (const int topic = t.topicIndex(t.endpoints[i].route); topic >= 0)
                t.consumersOfTopic[topic].push_back(i);
    t.entryEndpoints = t.services.front().endpoints;
    return t;
}

} // namespace tg::app::demo
