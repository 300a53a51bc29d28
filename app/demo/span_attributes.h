#pragma once
// Attributes, events, resources and scopes of generated spans, following the OpenTelemetry
// semantic conventions (HTTP, RPC, database, messaging, exceptions), plus the legacy keys many
// deployments still send (net.peer.name, db.name). Plain functions over the topology; the
// caller owns the random source, so output is deterministic.
#include <string>
#include <utility>
#include <vector>

#include "app/demo/demo_topology.h"
#include "app/demo/trace_generator.h"

namespace tg::app::demo {

// Values shared by every span of one user request.
struct TraceContext {
    std::string requestId, userId, sessionId, tenant, customerTier, currency, userAgent, clientIp;
    std::string cartId, orderId, productSlug, experiment;
    bool newCheckout = false;
    int cartItems = 0;
    double orderTotal = 0;

    void reset(Rng& rng);
};

// What a span is, for the attribute and event builders. Exactly one of endpoint-served (server or
// consumer span), service call (client span to `callee`), backend call or internal is set.
struct SpanFacts {
    const Service* service = nullptr;
    const Pod* pod = nullptr;
    const Endpoint* endpoint = nullptr; // the endpoint served, or called for a client span
    const Service* callee = nullptr;    // client spans to an instrumented service
    const Pod* calleePod = nullptr;
    const Pod* callerPod = nullptr;   // server spans; nullptr: a request from the internet
    const Backend* backend = nullptr; // client/producer spans to a backend
    const Call* call = nullptr;
    int status = 0;    // HTTP status or gRPC status code
    int partition = 0; // Kafka
    int64_t offset = 0;
    std::string_view errorType; // the exception of an error span (error.type fallback)
};

// HTTP status or gRPC code for a span of the given protocol and HTTP method.
int chooseStatus(Protocol protocol, const std::string& method, bool error, Rng& rng);

// 15-20 attributes: the span type's semantic-convention set, error.type on errors, then
// request-scoped extras (enduser.id, thread.id, app.*) to a random target count.
void addAttributes(GenSpan& span, const SpanFacts& facts, const TraceContext& ctx, Rng& rng);
// 0-3 events; an error span always gets an "exception" event first and a status message.
// Returns the exception type of an error span (a string literal), empty otherwise.
std::string_view addEvents(GenSpan& span, const SpanFacts& facts, const TraceContext& ctx,
                           Rng& rng);

std::vector<GenAttr> podResource(const Service& service, const Pod& pod);
std::pair<std::string_view, std::string_view> scopeFor(Language language, ScopeKind kind);

// Small builders shared by the files above.
void addString(std::vector<GenAttr>& attrs, std::string_view key, std::string_view value);
void addInt(std::vector<GenAttr>& attrs, std::string_view key, int64_t value);
void addDouble(std::vector<GenAttr>& attrs, std::string_view key, double value);
void addBool(std::vector<GenAttr>& attrs, std::string_view key, bool value);

} // namespace tg::app::demo
