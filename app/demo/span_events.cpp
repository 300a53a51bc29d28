// Span events of generated spans: exceptions on errors (exception.type/message/stacktrace, as
// OpenTelemetry SDKs record them), log records, feature-flag evaluations, cache misses, retries
// and gRPC messages.
#include <algorithm>

#include "app/demo/demo_text.h"
#include "app/demo/span_attributes.h"

namespace tg::app::demo {
namespace {

struct ExceptionSpec {
    const char* type;
    const char* message;
};

// By language: a remote-call failure, a timeout, a database failure, a cache failure.
constexpr ExceptionSpec kExceptions[5][4] = {
    {{"*net.OpError", "dial tcp: connect: connection refused"},
     {"context.deadlineExceededError", "context deadline exceeded"},
     {"*pgconn.PgError", "ERROR: deadlock detected (SQLSTATE 40P01)"},
     {"redis.Error", "redis: connection pool timeout"}},
    {{"org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
      "503 Service Unavailable"},
     {"java.net.SocketTimeoutException", "Read timed out"},
     {"org.postgresql.util.PSQLException", "ERROR: canceling statement due to statement timeout"},
     {"io.lettuce.core.RedisCommandTimeoutException", "Command timed out after 1 second(s)"}},
    {{"grpc.RpcError", "StatusCode.UNAVAILABLE: failed to connect to all addresses"},
     {"TimeoutError", "The read operation timed out"},
     {"psycopg2.errors.QueryCanceled", "canceling statement due to statement timeout"},
     {"redis.exceptions.TimeoutError", "Timeout reading from socket"}},
    {{"Error", "read ECONNRESET"},
     {"TimeoutError", "The operation was aborted due to timeout"},
     {"DatabaseError", "Connection terminated unexpectedly"},
     {"ReplyError", "LOADING Redis is loading the dataset in memory"}},
    {{"System.Net.Http.HttpRequestException", "An error occurred while sending the request."},
     {"System.Threading.Tasks.TaskCanceledException",
      "The request was canceled due to the configured HttpClient.Timeout"},
     {"Npgsql.NpgsqlException", "Exception while reading from stream"},
     {"StackExchange.Redis.RedisTimeoutException", "Timeout performing GET (5000ms)"}},
};

std::string stackTrace(Language language, const ExceptionSpec& e, const Service& s, Rng& rng) {
    const int line = 40 + static_cast<int>(rng.below(400));
    switch (language) {
    case Language::Java:
        return format("%s: %s\n\tat com.shop.%s.api.Handler.handle(Handler.java:%d)\n\tat "
                      "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet."
                      "java:885)\n\tat "
                      "java.base/java.lang.Thread.run(Thread.java:1583)",
                      e.type, e.message, s.name.c_str(), line);
    case Language::Python:
        return format("Traceback (most recent call last):\n  File \"/app/%s/service.py\", line %d, "
                      "in handle\n    "
                      "return self._client.call(request)\n%s: %s",
                      s.name.c_str(), line, e.type, e.message);
    case Language::NodeJs:
        return format("%s: %s\n    at Handler.handle (/app/dist/%s/handler.js:%d:17)\n    at "
                      "process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
                      e.type, e.message, s.name.c_str(), line);
    case Language::DotNet:
        return format("%s: %s\n   at Shop.%s.Api.Handler.HandleAsync() in /src/Handler.cs:line %d",
                      e.type, e.message, s.name.c_str(), line);
    case Language::Go:
        return format(
            "goroutine 1 "
            "[running]:\nshop/%s/internal/api.(*Handler).Handle(...)\n\t/app/internal/api/"
            "handler.go:%d",
            s.name.c_str(), line);
    }
    return {};
}

const ExceptionSpec& pickException(const SpanFacts& f, Rng& rng) {
    const auto& byLanguage = kExceptions[static_cast<int>(f.service->language)];
    if (f.backend && f.backend->kind == BackendKind::Postgres) return byLanguage[2];
    if (f.backend && f.backend->kind == BackendKind::Redis) return byLanguage[3];
    return byLanguage[rng.chance(0.5) ? 0 : 1];
}

void addException(GenSpan& span, const ExceptionSpec& e, const SpanFacts& f, Rng& rng) {
    GenEvent& ev = span.events.emplace_back();
    ev.name = "exception";
    ev.timeNs = span.startNs + span.durationNs - static_cast<int64_t>(rng.below(1000));
    addString(ev.attributes, "exception.type", e.type);
    addString(ev.attributes, "exception.message", e.message);
    if (rng.chance(0.6))
        addString(ev.attributes, "exception.stacktrace",
                  stackTrace(f.service->language, e, *f.service, rng));
    addBool(ev.attributes, "exception.escaped", span.kind == GenKind::Server);
}

void addOrdinaryEvent(GenSpan& span, const SpanFacts& f, const TraceContext& ctx, Rng& rng) {
    static constexpr const char* kLogs[] = {"loaded price list from cache",
                                            "request validated",
                                            "falling back to default shipping method",
                                            "slow downstream response",
                                            "applied promotion",
                                            "token refreshed"};
    static constexpr const char* kFlags[] = {"new-checkout", "reco-model-v7",
                                             "free-shipping-threshold", "one-click-pay"};
    GenEvent& ev = span.events.emplace_back();
    ev.timeNs =
        span.startNs + static_cast<int64_t>(rng.uniform() * static_cast<double>(span.durationNs));
    const bool grpc = (f.callee ? f.callee : f.service)->protocol == Protocol::Grpc && !f.backend;
    const double x = rng.uniform();
    if (f.backend && f.backend->kind == BackendKind::Redis && x < 0.6) {
        ev.name = "cache.miss";
        addString(ev.attributes, "cache.key", f.call->collection + ':' + ctx.cartId);
    } else if (grpc && x < 0.5) {
        ev.name = "message";
        addString(ev.attributes, "rpc.message.type",
                  span.kind == GenKind::Client ? "SENT" : "RECEIVED");
        addInt(ev.attributes, "rpc.message.id", 1);
        addInt(ev.attributes, "rpc.message.uncompressed_size",
               64 + static_cast<int64_t>(rng.below(4000)));
    } else if (span.kind == GenKind::Client && x < 0.7) {
        ev.name = "retry";
        addInt(ev.attributes, "retry.attempt", 1 + static_cast<int64_t>(rng.below(2)));
        addString(ev.attributes, "retry.reason",
                  rng.chance(0.5) ? "connection reset" : "503 from upstream");
    } else if (x < 0.75) {
        ev.name = "log";
        addString(ev.attributes, "log.severity", rng.chance(0.8) ? "INFO" : "WARN");
        addString(ev.attributes, "log.message", rng.pick(kLogs));
    } else {
        ev.name = "feature_flag.evaluation";
        addString(ev.attributes, "feature_flag.key", rng.pick(kFlags));
        addString(ev.attributes, "feature_flag.result.variant", rng.chance(0.7) ? "off" : "on");
        addString(ev.attributes, "feature_flag.provider.name", "flagd");
    }
}

} // namespace

std::string_view addEvents(GenSpan& span, const SpanFacts& f, const TraceContext& ctx, Rng& rng) {
    static constexpr double kCountWeights[] = {0.6, 0.25, 0.1, 0.05};
    span.events.clear();
    size_t count = rng.weighted(kCountWeights);
    std::string_view type;
    if (span.error) {
        const ExceptionSpec& e = pickException(f, rng);
        addException(span, e, f, rng);
        span.statusMessage = e.message;
        type = e.type;
        count = std::max<size_t>(count, 1);
    }
    while (span.events.size() < count)
        addOrdinaryEvent(span, f, ctx, rng);
    std::stable_sort(span.events.begin(), span.events.end(),
                     [](const GenEvent& a, const GenEvent& b) { return a.timeNs < b.timeNs; });
    return type;
}

} // namespace tg::app::demo
