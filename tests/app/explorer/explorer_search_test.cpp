// The explorer's search as the workbench runs it (model search, then the service-map scope)
// on the shared fixtures. Expected results were counted by reading the files (see SOURCES.md
// and tests/data/fixture_expectations.tsv); the six Jaeger files hold one trace each:
//   graph  trace-123        11 spans service1,service2   1 s (span-7 ends last)  1 error (span-2)
//   anon   2be38093ead7a083  2 spans (hashed names)    267037 µs               1 error
//   api    0x11              5 spans example-service-1/2/3  100 µs              0 errors
//   pet    0df84e36…5be1f   17 spans api-gateway,customers-service  3720 µs     0 errors
//   query  83a9efd1…        2 spans telemetrygen         123 µs                0 errors
//   ui     0x1               5 spans service-x,service-y     5 µs               1 error
// Zipkin: messaging-kafka (servicea PRODUCERs naming kafka, servicea>serviceb edges) and yelp
// (yelp-main client spans naming mysql, routing>yelp-main edge).
#include <QTest>

#include "app/cli/input_loader.h"
#include "app/explorer/explorer_data.h"
#include "app/explorer/trace_scope.h"
#include "models/core/time_parse.h"
#include "tests/test_support.h"

using tg::app::TraceScope;

namespace {

const QStringList kJaeger = {
    QStringLiteral("jaeger/anonymizer_span-array_inline-process.json"),
    QStringLiteral("jaeger/api_v2-model_base64-ids_example_trace.json"),
    QStringLiteral("jaeger/petclinic_spanAmongEachOtherGroupedAndSpans.json"),
    QStringLiteral("jaeger/query-api_otlp2jaeger-out.json"),
    QStringLiteral("jaeger/traceGraph_testTrace_nonhex-ids_follows-from.json"),
    QStringLiteral("jaeger/ui-model_bare-trace_ui_01.json"),
};
const QStringList kZipkin = {QStringLiteral("zipkin/messaging-kafka.json"),
                             QStringLiteral("zipkin/yelp.json")};

std::shared_ptr<const tg::app::ExplorerData> load(const QStringList& fixtures) {
    std::vector<std::string> paths;
    for (const QString& f : fixtures)
        paths.push_back(tg::test::fixturePath(f).toStdString());
    auto inputs = std::make_shared<tg::app::LoadedInputs>();
    tg::app::loadInputs(paths, *inputs);
    if (inputs->anyFailed()) return nullptr;
    return tg::app::buildExplorerData(inputs);
}

// Root service names of the hits, sorted (a readable identity for each trace).
QStringList rootsOf(const tg::app::ExplorerData& data, const std::vector<size_t>& hits) {
    QStringList out;
    for (size_t h : hits)
        out << QString::fromUtf8(data.dataset->serviceName(size_t(data.index->traces[h].rootRow)));
    out.sort();
    return out;
}

int64_t utc(const char* rfc3339) {
    return *tg::model::parseRfc3339Ns(rfc3339);
}

} // namespace

class ExplorerSearchTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void catalogListsServicesAndOperations();
    void filters_data();
    void filters();
    void scopes_data();
    void scopes();

private:
    std::shared_ptr<const tg::app::ExplorerData> m_jaeger, m_zipkin;
};

void ExplorerSearchTest::initTestCase() {
    for (const QString& f : kJaeger + kZipkin)
        TG_REQUIRE_FIXTURE(f);
    m_jaeger = load(kJaeger);
    m_zipkin = load(kZipkin);
    QVERIFY(m_jaeger && m_zipkin);
    QCOMPARE(m_jaeger->index->traces.size(), size_t(6));
    QCOMPARE(m_zipkin->index->traces.size(), size_t(2));
}

void ExplorerSearchTest::catalogListsServicesAndOperations() {
    const auto& c = m_jaeger->catalog;
    // 2 hashed anonymizer services + 3 example + api-gateway, customers-service + telemetrygen
    // + service1, service2 + service-x, service-y = 12.
    QCOMPARE(c.services.size(), 12);
    QVERIFY(c.services.contains(QStringLiteral("customers-service")));
    QCOMPARE(c.operationsByService.value(QStringLiteral("customers-service")),
             (QStringList{QStringLiteral("GET /owners"),
                          QStringLiteral("HikariProxyPreparedStatement.executeQuery")}));
    QCOMPARE(c.operationsByService.value(QStringLiteral("service2")),
             (QStringList{QStringLiteral("op1"), QStringLiteral("op2"), QStringLiteral("op3")}));
    // The earliest span: api_v2's at 2017-01-26T16:46:31.639875Z.
    QCOMPARE(c.startNs, utc("2017-01-26T16:46:31.639875Z"));
}

void ExplorerSearchTest::filters_data() {
    QTest::addColumn<tg::model::TraceQuery>("query");
    QTest::addColumn<QStringList>("roots"); // root services of the expected traces, sorted
    using Q = tg::model::TraceQuery;
    const QString graph = QStringLiteral("service1"), pet = QStringLiteral("api-gateway"),
                  api = QStringLiteral("example-service-1"), ui = QStringLiteral("service-x");
    Q q;
    q.errorsOnly = true;
    QTest::newRow("errors only") << q << QStringList{QStringLiteral("16af988c443cff37"), graph, ui};
    q = {};
    q.service = "service2";
    QTest::newRow("service") << q << QStringList{graph};
    q = {};
    q.service = "customers-service";
    q.operation = "GET /owners";
    QTest::newRow("service+operation") << q << QStringList{pet};
    q.service = "api-gateway";
    q.operation = "HikariProxyPreparedStatement.executeQuery"; // not on one same span
    QTest::newRow("service+operation on different spans") << q << QStringList{};
    q = {};
    q.operation = "example-operation-1";
    QTest::newRow("operation") << q << QStringList{api};
    q = {};
    q.tags = {{"sql", "select * from test2"}};
    QTest::newRow("tag text") << q << QStringList{pet};
    q.tags = {{"peer.ipv4", "23456"}}; // an int64 tag compared as text
    QTest::newRow("tag int") << q << QStringList{ui};
    q.tags = {{"db.type", "sql"}, {"peer.service", "x"}}; // both on one span: none
    QTest::newRow("two tags no span") << q << QStringList{};
    q = {};
    q.minDurationNs = 1'000'000; // 1 ms: graph 1 s, anon 267 ms, pet 3.72 ms
    QTest::newRow("min duration") << q
                                  << QStringList{QStringLiteral("16af988c443cff37"), pet, graph};
    q = {};
    q.maxDurationNs = 100'000; // 100 µs inclusive: api (100 µs), ui (5 µs); query is 123 µs
    QTest::newRow("max duration") << q << QStringList{api, ui};
    q = {};
    q.fromNs = utc("2019-01-01T00:00:00Z");
    q.toNs = utc("2020-01-01T00:00:00Z");
    QTest::newRow("time range 2019") << q << QStringList{pet};
    q = {};
    q.errorsOnly = true;
    q.minDurationNs = 500'000'000;
    QTest::newRow("errors and slow") << q << QStringList{graph};
    q = {};
    q.service = "no-such-service";
    QTest::newRow("unknown service") << q << QStringList{};
    q = {};
    q.limit = 2; // the first two by start: api (16:46), ui (21:46) on 2017-01-26
    QTest::newRow("limit") << q << QStringList{api, ui};
}

void ExplorerSearchTest::filters() {
    QFETCH(tg::model::TraceQuery, query);
    QFETCH(QStringList, roots);
    roots.sort();
    const auto hits = tg::model::searchTraces(*m_jaeger->dataset, *m_jaeger->index, query);
    QCOMPARE(rootsOf(*m_jaeger, hits), roots);
}

void ExplorerSearchTest::scopes_data() {
    QTest::addColumn<bool>("zipkin");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("callee");
    QTest::addColumn<QStringList>("roots");
    const int edge = int(TraceScope::Kind::Edge), peer = int(TraceScope::Kind::Peer);
    QTest::newRow("edge service1>service2") << false << edge << "service1"
                                            << "service2" << QStringList{"service1"};
    QTest::newRow("edge reversed") << false << edge << "service2"
                                   << "service1" << QStringList{};
    QTest::newRow("edge api-gateway>customers-service")
        << false << edge << "api-gateway"
        << "customers-service" << QStringList{"api-gateway"};
    QTest::newRow("edge servicea>serviceb") << true << edge << "servicea"
                                            << "serviceb" << QStringList{"servicea"};
    QTest::newRow("edge routing>yelp-main") << true << edge << "routing"
                                            << "yelp-main" << QStringList{"routing"};
    QTest::newRow("inferred kafka from anyone") << true << peer << ""
                                                << "kafka" << QStringList{"servicea"};
    QTest::newRow("inferred yelp-main>mysql") << true << peer << "yelp-main"
                                              << "mysql" << QStringList{"routing"};
    QTest::newRow("inferred mobile_api>mysql (none)") << true << peer << "mobile_api"
                                                      << "mysql" << QStringList{};
    QTest::newRow("unknown caller") << true << edge << "nobody"
                                    << "serviceb" << QStringList{};
}

void ExplorerSearchTest::scopes() {
    QFETCH(bool, zipkin);
    QFETCH(int, kind);
    QFETCH(QString, caller);
    QFETCH(QString, callee);
    QFETCH(QStringList, roots);
    roots.sort();
    const auto& data = zipkin ? *m_zipkin : *m_jaeger;
    auto all = tg::model::searchTraces(*data.dataset, *data.index, {});
    const TraceScope scope{TraceScope::Kind(kind), caller.toStdString(), callee.toStdString()};
    const auto hits =
        tg::app::filterByScope(*data.dataset, data.structure(), *data.index, std::move(all), scope);
    QCOMPARE(rootsOf(data, hits), roots);
}

QTEST_GUILESS_MAIN(ExplorerSearchTest)
#include "explorer_search_test.moc"
