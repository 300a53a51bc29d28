// Trace structure and service graph over small hand-built datasets (no importer): edges,
// inferred peers, the broken-data cases of DESIGN §3 and the error rule. Every expectation is
// read off the spans written in each test.
#include <QTest>

#include <initializer_list>
#include <string>
#include <vector>

#include "models/dataset/dataset_builder.h"
#include "models/graph/service_graph_builder.h"
#include "models/graph/trace_structure.h"

using namespace tg::model;

Q_DECLARE_METATYPE(tg::model::SpanKind)
Q_DECLARE_METATYPE(tg::model::StatusCode)

namespace {

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kT0 = 1'700'000'000'000'000'000; // 2023-11-14T22:13:20Z
const char* const kTrace = "0af7651916cd43dd8448eb211c80319c";

struct SpanSpec {
    const char* span;
    const char* parent = "";
    ResourceId resource = 0;
    SpanKind kind = SpanKind::Server;
    int64_t startMs = 0; // relative to kT0
    int64_t durationMs = 10;
    StatusCode status = StatusCode::Unset;
    std::vector<AttributeInput> attributes = {};
    const char* trace = kTrace;
    RefType parentRef = RefType::ChildOf;
    bool shared = false;
    const char* operation = "op";
};

// A dataset being built by hand plus the analysis results once finished.
class Scenario {
public:
    explicit Scenario(int sources = 1) {
        for (int i = 0; i < sources; ++i) {
            m_dataset.sources.push_back({"source-" + std::to_string(i) + ".json", "otlp-json"});
            m_builders.emplace_back(m_dataset, m_buildDiagnostics, static_cast<uint16_t>(i));
        }
    }
    ResourceId resource(std::string_view service, std::vector<AttributeInput> attrs = {},
                        int source = 0) {
        return m_builders[static_cast<size_t>(source)].addResource(service, attrs);
    }
    // Returns the row of the span added.
    size_t add(const SpanSpec& s, int source = 0) {
        SpanInput in;
        in.trace = parseTraceId(s.trace);
        in.span = parseSpanId(s.span);
        in.parent = parseSpanId(s.parent);
        in.parentRef = s.parentRef;
        in.operation = s.operation;
        in.kind = s.kind;
        in.status = s.status;
        in.startNs = kT0 + s.startMs * kMs;
        in.durationNs = s.durationMs * kMs;
        in.resource = s.resource;
        in.shared = s.shared;
        in.attributes = s.attributes;
        m_builders[static_cast<size_t>(source)].addSpan(in);
        return m_dataset.spanCount() - 1;
    }
    void analyze() {
        structure = analyzeTraceStructure(m_dataset, diagnostics);
        graph = buildServiceGraph(m_dataset, structure);
    }
    const Dataset& dataset() const { return m_dataset; }
    const Diagnostics& buildDiagnostics() const { return m_buildDiagnostics; }

    uint32_t node(const char* name) const {
        const auto n = graph.findNode(name);
        if (!n) qFatal("no node %s", name);
        return *n;
    }
    // The edge source -> target, or nullptr.
    const GraphEdge* edge(const char* source, const char* target, bool inferred = false) const {
        const auto s = graph.findNode(source), t = graph.findNode(target);
        if (!s || !t) return nullptr;
        const auto e = graph.findEdge(*s, *t, inferred);
        return e ? &graph.edges[*e] : nullptr;
    }

    TraceStructure structure;
    ServiceGraph graph;
    Diagnostics diagnostics;

private:
    Dataset m_dataset;
    Diagnostics m_buildDiagnostics;
    std::vector<DatasetBuilder> m_builders;
};

AttributeInput str(const char* k, const char* v) {
    return AttributeInput::string(k, v);
}
AttributeInput num(const char* k, int64_t v) {
    return AttributeInput::integer(k, v);
}

} // namespace

#define VERIFY_EDGE(scenario, from, to, isInferred, wantCalls, wantErrors)                         \
    do {                                                                                           \
        const GraphEdge* e_ = (scenario).edge(from, to, isInferred);                               \
        QVERIFY2(e_, "missing edge " from " > " to);                                               \
        QCOMPARE(e_->stats.calls, uint64_t(wantCalls));                                            \
        QCOMPARE(e_->stats.errors, uint64_t(wantErrors));                                          \
    } while (0)

class ServiceGraphTest : public QObject {
    Q_OBJECT
private slots:
    void chainWithErrorInLastHop();
    void inferredDatabaseFromClientSpan();
    void answeredClientSpanInfersNothing();
    void clientWithLocalChildStillInfers();
    void inferredNodeKinds();
    void duplicateSpanIdsMakeChildrenAmbiguous();
    void orphanSpan();
    void followsFromOnlyIsARoot();
    void zipkinSharedPair_data();
    void zipkinSharedPair();
    void clockSkewCounted();
    void traceSplitAcrossSources();
    void groupingFromResources();
    void errorRule_data();
    void errorRule();
    void errorsReachEdgesAndNodes();
    void perBucketStatsSumToTotals();
    void builderCountsBadSpans();
};

// (a) A -> B -> C with one error in C.
void ServiceGraphTest::chainWithErrorInLastHop() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B"), c = s.resource("C");
    s.add({.span = "a1", .resource = a, .kind = SpanKind::Server, .startMs = 0, .durationMs = 100});
    s.add({.span = "a2",
           .parent = "a1",
           .resource = a,
           .kind = SpanKind::Client,
           .startMs = 5,
           .durationMs = 80});
    s.add({.span = "b1",
           .parent = "a2",
           .resource = b,
           .kind = SpanKind::Server,
           .startMs = 10,
           .durationMs = 70});
    s.add({.span = "b2",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .startMs = 15,
           .durationMs = 50});
    s.add({.span = "c1",
           .parent = "b2",
           .resource = c,
           .kind = SpanKind::Server,
           .startMs = 20,
           .durationMs = 40,
           .status = StatusCode::Error});
    s.analyze();

    QCOMPARE(s.graph.nodes.size(), size_t(3));
    QCOMPARE(s.graph.edges.size(), size_t(2));
    VERIFY_EDGE(s, "A", "B", false, 1, 0);
    VERIFY_EDGE(s, "B", "C", false, 1, 1);
    QVERIFY(!s.edge("A", "C"));
    QVERIFY(!s.edge("B", "A"));
    // Node calls are the requests received: the root in A, the entry spans of B and C.
    const GraphNode& na = s.graph.nodes[s.node("A")];
    const GraphNode& nb = s.graph.nodes[s.node("B")];
    const GraphNode& nc = s.graph.nodes[s.node("C")];
    QCOMPARE(na.stats.calls, uint64_t(1));
    QCOMPARE(na.stats.errors, uint64_t(0));
    QCOMPARE(nb.stats.calls, uint64_t(1));
    QCOMPARE(nb.stats.errors, uint64_t(0));
    QCOMPARE(nc.stats.calls, uint64_t(1));
    QCOMPARE(nc.stats.errors, uint64_t(1));
    QCOMPARE(na.spans, uint64_t(2));
    QCOMPARE(nb.spans, uint64_t(2));
    QCOMPARE(nc.spans, uint64_t(1));
    for (const GraphNode& n : s.graph.nodes)
        QCOMPARE(n.kind, NodeKind::Service);
    // Edge latency is the callee span's duration (70 ms into B, 40 ms into C).
    QVERIFY(qAbs(s.edge("A", "B")->stats.latency.quantileNs(0.5) - 70.0 * kMs) <= 0.7 * kMs);
    QVERIFY(qAbs(s.edge("B", "C")->stats.latency.quantileNs(0.5) - 40.0 * kMs) <= 0.4 * kMs);

    QCOMPARE(s.structure.traceCount, uint64_t(1));
    QCOMPARE(s.structure.rootCount, uint64_t(1));
    QCOMPARE(s.structure.orphanCount, uint64_t(0));
    QCOMPARE(s.structure.clockSkewedSpans, uint64_t(0));
    QCOMPARE(s.structure.parentRow[4], int32_t(3));
    QCOMPARE(s.structure.parentRow[0], TraceStructure::kRoot);
    QVERIFY(s.diagnostics.empty());
}

// (b) A client span in B naming a database, with no child: inferred node + inferred edge.
void ServiceGraphTest::inferredDatabaseFromClientSpan() {
    Scenario s;
    const ResourceId b = s.resource("B");
    s.add({.span = "b1", .resource = b, .kind = SpanKind::Server, .durationMs = 50});
    s.add({.span = "b2",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .startMs = 5,
           .durationMs = 20,
           .attributes = {str("db.system", "postgresql"), str("server.address", "db:5432"),
                          str("db.statement", "SELECT 1")}});
    s.analyze();

    const auto db = s.graph.findNode("db:5432");
    QVERIFY(db.has_value());
    const GraphNode& node = s.graph.nodes[*db];
    QCOMPARE(node.kind, NodeKind::Database);
    QVERIFY(node.inferred());
    QCOMPARE(node.spans, uint64_t(0));
    QCOMPARE(node.stats.calls, uint64_t(1));
    VERIFY_EDGE(s, "B", "db:5432", true, 1, 0);
    QVERIFY(s.edge("B", "db:5432", true)->inferred);
    QVERIFY(!s.edge("B", "db:5432", false));  // real and inferred edges are kept apart
    QVERIFY(!s.graph.findNode("postgresql")); // server.address is preferred to db.system
    QCOMPARE(s.graph.nodes.size(), size_t(2));
    QCOMPARE(s.graph.edges.size(), size_t(1));
}

// (b) The same client span answered by an instrumented server in another service.
void ServiceGraphTest::answeredClientSpanInfersNothing() {
    Scenario s;
    const ResourceId b = s.resource("B"), proxy = s.resource("pg-gateway");
    s.add({.span = "b1", .resource = b, .kind = SpanKind::Server, .durationMs = 50});
    s.add({.span = "b2",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .startMs = 5,
           .durationMs = 20,
           .attributes = {str("db.system", "postgresql"), str("server.address", "db:5432")}});
    s.add({.span = "p1",
           .parent = "b2",
           .resource = proxy,
           .kind = SpanKind::Server,
           .startMs = 6,
           .durationMs = 18});
    s.analyze();

    QVERIFY(!s.graph.findNode("db:5432"));
    QCOMPARE(s.graph.nodes.size(), size_t(2));
    QCOMPARE(s.graph.edges.size(), size_t(1));
    VERIFY_EDGE(s, "B", "pg-gateway", false, 1, 0);
    for (const GraphEdge& e : s.graph.edges)
        QVERIFY(!e.inferred);
}

// A child in the same service does not answer the call: the peer is still inferred.
void ServiceGraphTest::clientWithLocalChildStillInfers() {
    Scenario s;
    const ResourceId b = s.resource("B");
    s.add({.span = "b1", .resource = b, .kind = SpanKind::Server, .durationMs = 50});
    s.add({.span = "b2",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .startMs = 5,
           .durationMs = 20,
           .attributes = {str("peer.service", "payments-api")}});
    s.add({.span = "b3",
           .parent = "b2",
           .resource = b,
           .kind = SpanKind::Internal,
           .startMs = 6,
           .durationMs = 2});
    s.analyze();
    VERIFY_EDGE(s, "B", "payments-api", true, 1, 0);
    QCOMPARE(s.graph.nodes[s.node("payments-api")].kind, NodeKind::External);
}

void ServiceGraphTest::inferredNodeKinds() {
    Scenario s;
    const ResourceId b = s.resource("B");
    s.add({.span = "b1", .resource = b, .kind = SpanKind::Server, .durationMs = 100});
    // messaging.system with a destination named by server.address: a queue.
    s.add(
        {.span = "b2",
         .parent = "b1",
         .resource = b,
         .kind = SpanKind::Producer,
         .attributes = {str("messaging.system", "kafka"), str("server.address", "kafka-1:9092")}});
    // A producer naming only peer.service is a queue too.
    s.add({.span = "b3",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Producer,
           .attributes = {str("peer.service", "orders-topic")}});
    // db.system alone names the node after the database system.
    s.add({.span = "b4",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .attributes = {str("db.system", "redis")}});
    // Two calls to the same peer add up on one edge.
    s.add({.span = "b5",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .attributes = {str("db.system", "redis")}});
    // Server, consumer and internal spans never infer a peer.
    s.add({.span = "b6",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Internal,
           .attributes = {str("peer.service", "nope-internal")}});
    s.add({.span = "b7",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Consumer,
           .attributes = {str("messaging.system", "rabbitmq"),
                          str("peer.service", "nope-consumer")}});
    s.add({.span = "b8",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Server,
           .attributes = {str("peer.service", "nope-server")}});
    // A client span naming no peer gives nothing.
    s.add({.span = "b9",
           .parent = "b1",
           .resource = b,
           .kind = SpanKind::Client,
           .attributes = {str("http.request.method", "GET")}});
    s.analyze();

    QCOMPARE(s.graph.nodes[s.node("kafka-1:9092")].kind, NodeKind::Queue);
    QCOMPARE(s.graph.nodes[s.node("orders-topic")].kind, NodeKind::Queue);
    QCOMPARE(s.graph.nodes[s.node("redis")].kind, NodeKind::Database);
    VERIFY_EDGE(s, "B", "kafka-1:9092", true, 1, 0);
    VERIFY_EDGE(s, "B", "orders-topic", true, 1, 0);
    VERIFY_EDGE(s, "B", "redis", true, 2, 0);
    QVERIFY(!s.graph.findNode("nope-internal"));
    QVERIFY(!s.graph.findNode("nope-consumer"));
    QVERIFY(!s.graph.findNode("nope-server"));
    QCOMPARE(s.graph.nodes.size(), size_t(4));
    QCOMPARE(s.graph.edges.size(), size_t(3));
}

// (c) Two spans share an ID (not a Zipkin client/server pair): their child is ambiguous.
void ServiceGraphTest::duplicateSpanIdsMakeChildrenAmbiguous() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B");
    s.add({.span = "0000000000000002", .resource = a, .kind = SpanKind::Server, .durationMs = 100});
    s.add({.span = "0000000000000002",
           .resource = a,
           .kind = SpanKind::Server,
           .startMs = 1,
           .durationMs = 100});
    const size_t child = s.add({.span = "0000000000000003",
                                .parent = "0000000000000002",
                                .resource = b,
                                .kind = SpanKind::Server,
                                .startMs = 10,
                                .durationMs = 10});
    s.analyze();

    QCOMPARE(s.structure.parentRow[child], TraceStructure::kAmbiguous);
    QCOMPARE(s.structure.ambiguousCount, uint64_t(1));
    QCOMPARE(s.structure.duplicateSpanIds, uint64_t(1));
    QCOMPARE(s.structure.sharedPairs, uint64_t(0));
    QCOMPARE(s.diagnostics.count("ambiguous_parent"), uint64_t(1));
    QCOMPARE(s.diagnostics.count("duplicate_span_id"), uint64_t(1));
    QVERIFY(s.graph.edges.empty()); // not on any edge
    const GraphNode& nb = s.graph.nodes[s.node("B")];
    QCOMPARE(nb.spans, uint64_t(1));
    QCOMPARE(nb.stats.calls, uint64_t(0));
    // Both duplicates are roots of A.
    QCOMPARE(s.structure.rootCount, uint64_t(2));
    QCOMPARE(s.graph.nodes[s.node("A")].stats.calls, uint64_t(2));
}

// (d) A parent ID that is not in the trace (it exists in another trace: lookups are per trace).
void ServiceGraphTest::orphanSpan() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B");
    const char* otherTrace = "11111111111111111111111111111111";
    s.add({.span = "aaaa", .resource = a, .kind = SpanKind::Server, .trace = otherTrace});
    const size_t orphan =
        s.add({.span = "bbbb", .parent = "aaaa", .resource = b, .kind = SpanKind::Server});
    s.analyze();

    QCOMPARE(s.structure.parentRow[orphan], TraceStructure::kOrphan);
    QCOMPARE(s.structure.orphanCount, uint64_t(1));
    QCOMPARE(s.structure.traceCount, uint64_t(2));
    QCOMPARE(s.structure.tracesWithoutRoot, uint64_t(1));
    QCOMPARE(s.diagnostics.count("orphan_span"), uint64_t(1));
    QCOMPARE(s.diagnostics.count("trace_without_root"), uint64_t(1));
    QVERIFY(s.graph.edges.empty());
    // The orphan still counts as a request received by B.
    QCOMPARE(s.graph.nodes[s.node("B")].stats.calls, uint64_t(1));
    // The first sample names the span and its missing parent.
    for (const DiagnosticEntry& e : s.diagnostics.entries())
        if (e.code == "orphan_span") {
            QVERIFY2(e.firstSample.find("000000000000bbbb") != std::string::npos,
                     e.firstSample.c_str());
            QVERIFY2(e.firstSample.find("000000000000aaaa") != std::string::npos,
                     e.firstSample.c_str());
        }
}

// (e) A FOLLOWS_FROM-only reference is not a parent: the span is a root and gives no edge.
void ServiceGraphTest::followsFromOnlyIsARoot() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B");
    s.add({.span = "a1", .resource = a, .kind = SpanKind::Producer, .durationMs = 5});
    const size_t follower = s.add({.span = "b1",
                                   .parent = "a1",
                                   .resource = b,
                                   .kind = SpanKind::Consumer,
                                   .startMs = 50,
                                   .durationMs = 5,
                                   .parentRef = RefType::FollowsFrom});
    s.analyze();

    QVERIFY(s.dataset().flags[follower] & kSpanParentFollowsFrom);
    QVERIFY(s.dataset().hasParent(follower));
    QCOMPARE(s.structure.parentRow[follower], TraceStructure::kRoot);
    QCOMPARE(s.structure.rootCount, uint64_t(2));
    QCOMPARE(s.structure.orphanCount, uint64_t(0));
    QCOMPARE(s.structure.clockSkewedSpans,
             uint64_t(0)); // starts after a1 ends, but a1 is no parent
    QVERIFY(s.graph.edges.empty());
    QCOMPARE(s.graph.nodes[s.node("B")].stats.calls, uint64_t(1));
    QCOMPARE(s.diagnostics.count("orphan_span"), uint64_t(0));
}

// (f) Zipkin shared span: CLIENT and SERVER halves with one span ID; the SERVER half's parent is
// the CLIENT half and children naming the ID attach to the SERVER half.
void ServiceGraphTest::zipkinSharedPair_data() {
    QTest::addColumn<bool>("serverFirst");
    QTest::newRow("client half first") << false;
    QTest::newRow("server half first") << true;
}

void ServiceGraphTest::zipkinSharedPair() {
    QFETCH(bool, serverFirst);
    Scenario s;
    const ResourceId fe = s.resource("frontend"), be = s.resource("backend");
    const size_t root = s.add(
        {.span = "00000000000000aa", .resource = fe, .kind = SpanKind::Server, .durationMs = 100});
    const SpanSpec client{.span = "00000000000000bb",
                          .parent = "00000000000000aa",
                          .resource = fe,
                          .kind = SpanKind::Client,
                          .startMs = 10,
                          .durationMs = 50,
                          .attributes = {str("peer.service", "backend")}};
    // Zipkin writes the same parentId on both halves.
    const SpanSpec server{.span = "00000000000000bb",
                          .parent = "00000000000000aa",
                          .resource = be,
                          .kind = SpanKind::Server,
                          .startMs = 12,
                          .durationMs = 45,
                          .shared = true};
    size_t clientRow, serverRow;
    if (serverFirst) {
        serverRow = s.add(server);
        clientRow = s.add(client);
    } else {
        clientRow = s.add(client);
        serverRow = s.add(server);
    }
    const size_t child = s.add({.span = "00000000000000cc",
                                .parent = "00000000000000bb",
                                .resource = be,
                                .kind = SpanKind::Internal,
                                .startMs = 15,
                                .durationMs = 5});
    s.analyze();

    QCOMPARE(s.structure.sharedPairs, uint64_t(1));
    QCOMPARE(s.structure.duplicateSpanIds, uint64_t(0));
    QCOMPARE(s.structure.ambiguousCount, uint64_t(0));
    QCOMPARE(s.structure.parentRow[clientRow], int32_t(root));
    QCOMPARE(s.structure.parentRow[serverRow], int32_t(clientRow));
    QCOMPARE(s.structure.parentRow[child], int32_t(serverRow));
    QCOMPARE(s.structure.rootCount, uint64_t(1));
    QCOMPARE(s.diagnostics.count("duplicate_span_id"), uint64_t(0));
    QCOMPARE(s.diagnostics.count("ambiguous_parent"), uint64_t(0));
    VERIFY_EDGE(s, "frontend", "backend", false, 1, 0);
    QCOMPARE(s.graph.edges.size(), size_t(1)); // answered client: no inferred backend edge
    QCOMPARE(s.graph.nodes[s.node("backend")].stats.calls, uint64_t(1));
}

// (g) Children that start before or end after their parent are counted as clock skew.
void ServiceGraphTest::clockSkewCounted() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B");
    s.add(
        {.span = "a1", .resource = a, .kind = SpanKind::Client, .startMs = 100, .durationMs = 100});
    s.add({.span = "b1",
           .parent = "a1",
           .resource = b,
           .startMs = 90,
           .durationMs = 20}); // starts early
    s.add({.span = "b2",
           .parent = "a1",
           .resource = b,
           .startMs = 150,
           .durationMs = 80}); // ends late
    s.add(
        {.span = "b3", .parent = "a1", .resource = b, .startMs = 110, .durationMs = 50}); // inside
    s.add({.span = "b4",
           .parent = "a1",
           .resource = b,
           .startMs = 100,
           .durationMs = 100}); // exactly equal
    s.analyze();
    QCOMPARE(s.structure.clockSkewedSpans, uint64_t(2));
    QCOMPARE(s.diagnostics.count("clock_skew"), uint64_t(2));
    VERIFY_EDGE(s, "A", "B", false, 4, 0); // skewed spans still count on the edge
}

// (h) One trace's spans in two source files.
void ServiceGraphTest::traceSplitAcrossSources() {
    Scenario s(2);
    const ResourceId a0 = s.resource("A", {}, 0);
    const ResourceId b1 = s.resource("B", {}, 1);
    s.add({.span = "a1", .resource = a0, .kind = SpanKind::Client, .durationMs = 50}, 0);
    s.add({.span = "x1", .resource = a0, .trace = "22222222222222222222222222222222"},
          0); // only in source 0
    s.add({.span = "b1", .parent = "a1", .resource = b1, .startMs = 5, .durationMs = 10}, 1);
    s.analyze();
    QCOMPARE(s.dataset().source[0], uint16_t(0));
    QCOMPARE(s.dataset().source[2], uint16_t(1));
    QCOMPARE(s.structure.tracesSplitAcrossSources, uint64_t(1));
    QCOMPARE(s.diagnostics.count("trace_split_across_files"), uint64_t(1));
    QCOMPARE(s.structure.traceCount, uint64_t(2));
    VERIFY_EDGE(s, "A", "B", false, 1, 0); // parents resolve across files
}

// (i) Grouping attributes come from the resources of each service.
void ServiceGraphTest::groupingFromResources() {
    Scenario s;
    const ResourceId a =
        s.resource("A", {str("k8s.namespace.name", "shop"), str("cloud.region", "eu-west-1"),
                         str("k8s.cluster.name", "prod-1"), str("service.version", "1.2.3"),
                         str("host.name", "node-7")});
    // A second resource of A (another pod): the first value seen stays.
    const ResourceId a2 =
        s.resource("A", {str("k8s.namespace.name", "other"), str("cloud.region", "us-east-1")});
    const ResourceId b = s.resource("B", {str("service.namespace", "payments")});
    const ResourceId c = s.resource("C");
    QVERIFY(a != a2);
    QCOMPARE(
        s.resource("A", {str("k8s.namespace.name", "other"), str("cloud.region", "us-east-1")}),
        a2); // dedup
    s.add({.span = "a1",
           .resource = a,
           .kind = SpanKind::Client,
           .attributes = {str("peer.service", "legacy-api")}});
    s.add({.span = "a2", .resource = a2});
    s.add({.span = "b1", .resource = b});
    s.add({.span = "c1", .resource = c});
    s.analyze();

    const GraphNode& na = s.graph.nodes[s.node("A")];
    QCOMPARE(na.namespaceName, std::string("shop"));
    QCOMPARE(na.region, std::string("eu-west-1"));
    QCOMPARE(na.cluster, std::string("prod-1"));
    QCOMPARE(na.version, std::string("1.2.3"));
    QCOMPARE(na.spans, uint64_t(2));
    const GraphNode& nb = s.graph.nodes[s.node("B")];
    QCOMPARE(nb.namespaceName, std::string("payments"));
    QVERIFY(nb.region.empty() && nb.cluster.empty() && nb.version.empty());
    const GraphNode& nc = s.graph.nodes[s.node("C")];
    QVERIFY(nc.namespaceName.empty() && nc.region.empty());
    const GraphNode& legacy = s.graph.nodes[s.node("legacy-api")];
    QVERIFY(legacy.inferred());
    QVERIFY(legacy.namespaceName.empty() && legacy.region.empty());
}

// (j) The error rule of DESIGN §3.
void ServiceGraphTest::errorRule_data() {
    QTest::addColumn<SpanKind>("kind");
    QTest::addColumn<StatusCode>("status");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("type"); // "int", "string", "bool", "double", "" (no attribute)
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("error");

    const SpanKind server = SpanKind::Server, client = SpanKind::Client,
                   internal = SpanKind::Internal;
    const StatusCode unset = StatusCode::Unset;
    QTest::newRow("server http 503") << server << unset << "http.response.status_code"
                                     << "int"
                                     << "503" << true;
    QTest::newRow("client http 503") << client << unset << "http.response.status_code"
                                     << "int"
                                     << "503" << false;
    QTest::newRow("server http 500") << server << unset << "http.response.status_code"
                                     << "int"
                                     << "500" << true;
    QTest::newRow("server http 499") << server << unset << "http.response.status_code"
                                     << "int"
                                     << "499" << false;
    QTest::newRow("server http 404") << server << unset << "http.response.status_code"
                                     << "int"
                                     << "404" << false;
    QTest::newRow("server old key 502") << server << unset << "http.status_code"
                                        << "int"
                                        << "502" << true;
    QTest::newRow("server http \"500\"") << server << unset << "http.status_code"
                                         << "string"
                                         << "500" << true;
    QTest::newRow("server http 503.0") << server << unset << "http.response.status_code"
                                       << "double"
                                       << "503" << true;
    QTest::newRow("internal http 500") << internal << unset << "http.response.status_code"
                                       << "int"
                                       << "500" << false;
    QTest::newRow("server grpc 2") << server << unset << "rpc.grpc.status_code"
                                   << "int"
                                   << "2" << true;
    QTest::newRow("server grpc 14") << server << unset << "rpc.grpc.status_code"
                                    << "int"
                                    << "14" << true;
    QTest::newRow("server grpc 0") << server << unset << "rpc.grpc.status_code"
                                   << "int"
                                   << "0" << false;
    QTest::newRow("client grpc 2") << client << unset << "rpc.grpc.status_code"
                                   << "int"
                                   << "2" << false;
    QTest::newRow("error=\"true\"") << internal << unset << "error"
                                    << "string"
                                    << "true" << true;
    QTest::newRow("error=\"TRUE\"") << client << unset << "error"
                                    << "string"
                                    << "TRUE" << true;
    QTest::newRow("error=true bool") << client << unset << "error"
                                     << "bool"
                                     << "true" << true;
    QTest::newRow("error=false bool") << client << unset << "error"
                                      << "bool"
                                      << "false" << false;
    QTest::newRow("error=\"false\"") << server << unset << "error"
                                     << "string"
                                     << "false" << false;
    QTest::newRow("otel.status_code=ERROR") << internal << unset << "otel.status_code"
                                            << "string"
                                            << "ERROR" << true;
    QTest::newRow("otel.status_code=error") << client << unset << "otel.status_code"
                                            << "string"
                                            << "error" << true;
    QTest::newRow("otel.status_code=OK") << server << unset << "otel.status_code"
                                         << "string"
                                         << "OK" << false;
    QTest::newRow("status ERROR") << client << StatusCode::Error << ""
                                  << ""
                                  << "" << true;
    QTest::newRow("status OK") << server << StatusCode::Ok << ""
                               << ""
                               << "" << false;
    QTest::newRow("status unset") << server << unset << ""
                                  << ""
                                  << "" << false;
    QTest::newRow("status OK + http 503 server")
        << server << StatusCode::Ok << "http.response.status_code"
        << "int"
        << "503" << true;
}

void ServiceGraphTest::errorRule() {
    QFETCH(SpanKind, kind);
    QFETCH(StatusCode, status);
    QFETCH(QString, key);
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(bool, error);

    Scenario s;
    const ResourceId r = s.resource("svc");
    const QByteArray k = key.toUtf8(), v = value.toUtf8();
    std::vector<AttributeInput> attrs;
    if (type == QLatin1String("int"))
        attrs.push_back(num(k.constData(), value.toLongLong()));
    else if (type == QLatin1String("string"))
        attrs.push_back(str(k.constData(), v.constData()));
    else if (type == QLatin1String("bool"))
        attrs.push_back(AttributeInput::boolean(k.constData(), value == "true"));
    else if (type == QLatin1String("double"))
        attrs.push_back(AttributeInput::real(k.constData(), value.toDouble()));
    const size_t row =
        s.add({.span = "1", .resource = r, .kind = kind, .status = status, .attributes = attrs});
    QCOMPARE(s.dataset().isError(row), error);
    QCOMPARE(s.dataset().status[row], status); // the status itself is kept as given
}

void ServiceGraphTest::errorsReachEdgesAndNodes() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B");
    s.add({.span = "a1", .resource = a, .kind = SpanKind::Server, .durationMs = 100});
    for (int i = 0; i < 4; ++i) {
        const std::string client = "c" + std::to_string(i), server = "s" + std::to_string(i);
        s.add({.span = client.c_str(),
               .parent = "a1",
               .resource = a,
               .kind = SpanKind::Client,
               .startMs = 10 + i,
               .durationMs = 20,
               .attributes = {num("http.response.status_code", 503)}});
        // Servers 0 and 1 answer 503 (errors), 2 and 3 answer 200.
        s.add({.span = server.c_str(),
               .parent = client.c_str(),
               .resource = b,
               .kind = SpanKind::Server,
               .startMs = 11 + i,
               .durationMs = 15,
               .attributes = {num("http.response.status_code", i < 2 ? 503 : 200)}});
    }
    s.analyze();
    VERIFY_EDGE(s, "A", "B", false, 4, 2);
    QCOMPARE(s.graph.nodes[s.node("B")].stats.errors, uint64_t(2));
    QCOMPARE(s.graph.nodes[s.node("A")].stats.errors, uint64_t(0)); // client 503s are not errors
}

void ServiceGraphTest::perBucketStatsSumToTotals() {
    Scenario s;
    const ResourceId a = s.resource("A"), b = s.resource("B");
    // 60 requests, one per second over a minute; every 10th fails.
    for (int i = 0; i < 60; ++i) {
        const std::string root = "r" + std::to_string(i), child = "k" + std::to_string(i);
        const std::string trace =
            QStringLiteral("%1").arg(i + 1, 32, 16, QLatin1Char('0')).toStdString();
        s.add({.span = root.c_str(),
               .resource = a,
               .kind = SpanKind::Client,
               .startMs = i * 1000,
               .durationMs = 30,
               .trace = trace.c_str()});
        s.add({.span = child.c_str(),
               .parent = root.c_str(),
               .resource = b,
               .startMs = i * 1000 + 1,
               .durationMs = 20,
               .status = i % 10 == 0 ? StatusCode::Error : StatusCode::Unset,
               .trace = trace.c_str()});
    }
    s.analyze();
    QCOMPARE(s.graph.buckets.widthNs, int64_t(1'000'000'000));
    const GraphEdge* e = s.edge("A", "B");
    QVERIFY(e);
    QCOMPARE(e->stats.calls, uint64_t(60));
    QCOMPARE(e->stats.errors, uint64_t(6));
    QCOMPARE(e->stats.buckets.size(), size_t(60));
    const CallStats all = e->stats.window(0, s.graph.buckets.count);
    QCOMPARE(all.calls, e->stats.calls);
    QCOMPARE(all.errors, e->stats.errors);
    QVERIFY(all.latency.bins() == e->stats.latency.bins());
    // The first 10 s: requests 0..9 (kT0 is on a whole second), one error (request 0).
    const uint32_t first = s.graph.buckets.bucketOf(kT0);
    const CallStats w = e->stats.window(first, first + 9);
    QCOMPARE(w.calls, uint64_t(10));
    QCOMPARE(w.errors, uint64_t(1));
}

void ServiceGraphTest::builderCountsBadSpans() {
    Scenario s;
    const ResourceId a = s.resource("A");
    s.add({.span = "1", .resource = a, .trace = ""});   // no trace ID: skipped
    s.add({.span = "", .resource = a});                 // no span ID: skipped
    s.add({.span = "0000000000000000", .resource = a}); // zero span ID: skipped
    const size_t neg = s.add({.span = "2", .resource = a, .durationMs = -5}); // clamped to 0
    const size_t odd = s.add({.span = "span-three", .parent = "span-two", .resource = a});
    const size_t lost = s.add({.span = "4", .resource = 12345}); // unknown resource
    QCOMPARE(s.dataset().spanCount(), size_t(3));
    QCOMPARE(s.buildDiagnostics().count("span_without_trace_id"), uint64_t(1));
    QCOMPARE(s.buildDiagnostics().count("span_without_span_id"), uint64_t(2));
    QCOMPARE(s.buildDiagnostics().count("negative_duration"), uint64_t(1));
    QCOMPARE(s.buildDiagnostics().count("non_hex_id"), uint64_t(1));
    QCOMPARE(s.buildDiagnostics().count("unknown_resource"), uint64_t(1));
    QCOMPARE(s.dataset().durationNs[neg], int64_t(0));
    QVERIFY(s.dataset().flags[odd] & kSpanNonHexId);
    QCOMPARE(s.dataset().serviceName(lost), std::string_view("unknown"));
    // Columns stay consistent after skipped spans.
    const Dataset& d = s.dataset();
    QCOMPARE(d.attrBegin.size(), d.spanCount() + 1);
    QCOMPARE(d.eventBegin.size(), d.spanCount() + 1);
    QCOMPARE(d.linkBegin.size(), d.spanCount() + 1);
    QCOMPARE(d.source.size(), d.spanCount());
}

QTEST_GUILESS_MAIN(ServiceGraphTest)
#include "service_graph_test.moc"
