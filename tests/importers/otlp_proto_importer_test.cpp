// Tests of the OTLP protobuf importer: requests built in code with the generated messages,
// serialized and imported into a real Dataset; every mapped field is checked. A hand-encoded
// request (tags written byte by byte) pins the wire format to OTLP's field numbers independently
// of our .proto files. Bad inputs are data rows with the expected error or diagnostic.
#include <QDir>
#include <QFile>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>

#include "importers/otlp/otlp_proto_importer.h"
#include "importers/otlp/otlp_proto_mapping.h"
#include "models/dataset/dataset_builder.h"
#include "topograph/otlp/trace_service.grpc.pb.h"
#include "topograph/otlp/trace_service.pb.h"

using namespace tg;
namespace common = opentelemetry::proto::common::v1;
namespace otrace = opentelemetry::proto::trace::v1;
namespace collector = opentelemetry::proto::collector::trace::v1;

namespace {

const std::string kTrace16("\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19", 16);
const std::string kTrace8("\xfe\xdc\xba\x98\x76\x54\x32\x10", 8);
const std::string kLinkTrace("\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x02",
                             16);
const std::string kSpanA("\x00\x00\x00\x00\x00\x00\x00\xa1", 8);
const std::string kSpanB("\x00\x00\x00\x00\x00\x00\x00\xb2", 8);
const std::string kSpanC("\x00\x00\x00\x00\x00\x00\x00\xc3", 8);
const std::string kSpanD("\x00\x00\x00\x00\x00\x00\x00\xd4", 8);
constexpr int64_t kT0 = 1'700'000'000'000'000'000;

struct Imported {
    model::Dataset dataset;
    model::Diagnostics diagnostics;
    model::Status status = model::okStatus();
};

std::unique_ptr<Imported> importBytes(const std::string& bytes,
                                      const import::ImportOptions& options = {}) {
    auto out = std::make_unique<Imported>();
    out->dataset.sources.push_back({"inline.pb", "otlp-protobuf"});
    model::DatasetBuilder builder(out->dataset, out->diagnostics, 0);
    builder.setSourceLabel("inline.pb");
    out->status = import::importOtlpProtobufBytes(bytes, "inline.pb", builder, options);
    return out;
}

void addString(google::protobuf::RepeatedPtrField<common::KeyValue>* attrs, const std::string& key,
               const std::string& value) {
    common::KeyValue* kv = attrs->Add();
    kv->set_key(key);
    kv->mutable_value()->set_string_value(value);
}

// Every AnyValue type as span attributes.
void addAllAttributeTypes(otrace::Span* span) {
    auto* attrs = span->mutable_attributes();
    addString(attrs, "http.route", "/cart/{id}");
    common::KeyValue* kv = attrs->Add();
    kv->set_key("cache.hit");
    kv->mutable_value()->set_bool_value(true);
    kv = attrs->Add();
    kv->set_key("http.response.status_code");
    kv->mutable_value()->set_int_value(-42);
    kv = attrs->Add();
    kv->set_key("ratio");
    kv->mutable_value()->set_double_value(0.25);
    kv = attrs->Add();
    kv->set_key("blob");
    kv->mutable_value()->set_bytes_value(std::string("\x00\xff\x10", 3));
    kv = attrs->Add();
    kv->set_key("tags");
    common::ArrayValue* array = kv->mutable_value()->mutable_array_value();
    array->add_values()->set_string_value("a\"b");
    array->add_values()->set_int_value(7);
    array->add_values()->set_bool_value(false);
    array->add_values()->set_double_value(1.5);
    kv = attrs->Add();
    kv->set_key("nested");
    common::KeyValueList* list = kv->mutable_value()->mutable_kvlist_value();
    common::KeyValue* inner = list->add_values();
    inner->set_key("k");
    inner->mutable_value()->set_string_value("v");
    inner = list->add_values();
    inner->set_key("empty");
    inner->mutable_value(); // AnyValue with nothing set
    kv = attrs->Add();
    kv->set_key("unset"); // no value at all
}

// Two resources and a resource-less group; four spans across two traces (16- and 8-byte IDs).
collector::ExportTraceServiceRequest buildRequest() {
    collector::ExportTraceServiceRequest request;

    otrace::ResourceSpans* checkout = request.add_resource_spans();
    addString(checkout->mutable_resource()->mutable_attributes(), "service.name", "checkout");
    addString(checkout->mutable_resource()->mutable_attributes(), "k8s.namespace.name", "shop");
    otrace::ScopeSpans* scope = checkout->add_scope_spans();
    scope->mutable_scope()->set_name("io.opentelemetry.http");
    scope->mutable_scope()->set_version("1.2.3");

    otrace::Span* a = scope->add_spans();
    a->set_trace_id(kTrace16);
    a->set_span_id(kSpanA);
    a->set_name("GET /cart");
    a->set_kind(otrace::Span::SPAN_KIND_SERVER);
    a->set_start_time_unix_nano(kT0);
    a->set_end_time_unix_nano(kT0 + 5'000'000);
    a->mutable_status()->set_code(otrace::Status::STATUS_CODE_OK);
    addAllAttributeTypes(a);
    otrace::Span::Event* ev = a->add_events();
    ev->set_time_unix_nano(kT0 + 1'000);
    ev->set_name("cache.lookup");
    addString(ev->mutable_attributes(), "cache.key", "cart:7");
    ev = a->add_events();
    ev->set_time_unix_nano(kT0 + 2'000);
    ev->set_name("retry");
    otrace::Span::Link* link = a->add_links();
    link->set_trace_id(kLinkTrace);
    link->set_span_id(kSpanD);

    otrace::Span* b = scope->add_spans();
    b->set_trace_id(kTrace16);
    b->set_span_id(kSpanB);
    b->set_parent_span_id(kSpanA);
    b->set_name("POST /pay");
    b->set_kind(otrace::Span::SPAN_KIND_CLIENT);
    b->set_start_time_unix_nano(kT0 + 1'000'000);
    b->set_end_time_unix_nano(kT0 + 4'000'000);
    b->mutable_status()->set_code(otrace::Status::STATUS_CODE_ERROR);
    b->mutable_status()->set_message("card declined");

    otrace::ResourceSpans* payments = request.add_resource_spans();
    addString(payments->mutable_resource()->mutable_attributes(), "service.name", "payments");
    otrace::Span* c = payments->add_scope_spans()->add_spans();
    c->set_trace_id(kTrace16);
    c->set_span_id(kSpanC);
    c->set_parent_span_id(kSpanB);
    c->set_name("Charge");
    c->set_kind(otrace::Span::SPAN_KIND_SERVER);
    c->set_start_time_unix_nano(kT0 + 1'500'000);
    c->set_end_time_unix_nano(kT0 + 3'500'000);

    // No resource at all, an 8-byte trace ID, a consumer.
    otrace::Span* d = request.add_resource_spans()->add_scope_spans()->add_spans();
    d->set_trace_id(kTrace8);
    d->set_span_id(kSpanD);
    d->set_name("consume");
    d->set_kind(otrace::Span::SPAN_KIND_CONSUMER);
    d->set_start_time_unix_nano(kT0);
    d->set_end_time_unix_nano(kT0 + 10);
    return request;
}

std::string serialized(const collector::ExportTraceServiceRequest& request) {
    std::string bytes;
    if (!request.SerializeToString(&bytes)) qFatal("SerializeToString failed");
    return bytes;
}

int rowOf(const model::Dataset& d, model::SpanId id) {
    for (size_t i = 0; i < d.spanCount(); ++i)
        if (d.spanId[i] == id) return static_cast<int>(i);
    return -1;
}

std::string attrText(const model::Dataset& d, int row, std::string_view key,
                     model::AttrType* type = nullptr) {
    const model::Attribute* a = d.findAttribute(static_cast<size_t>(row), key);
    if (!a) return "<absent>";
    if (type) *type = a->type;
    return d.attributeText(*a);
}

// Minimal protobuf writer, so one test does not depend on our .proto files at all.
struct Wire {
    std::string out;
    void varint(uint64_t v) {
        while (v >= 0x80) {
            out += static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        out += static_cast<char>(v);
    }
    void tag(int field, int wireType) {
        varint(static_cast<uint64_t>(field) << 3 | static_cast<uint64_t>(wireType));
    }
    void bytes(int field, const std::string& b) {
        tag(field, 2);
        varint(b.size());
        out += b;
    }
    void fixed64(int field, uint64_t v) {
        tag(field, 1);
        for (int i = 0; i < 8; ++i)
            out += static_cast<char>(v >> (8 * i));
    }
    void fixed32(int field, uint32_t v) {
        tag(field, 5);
        for (int i = 0; i < 4; ++i)
            out += static_cast<char>(v >> (8 * i));
    }
    void number(int field, uint64_t v) {
        tag(field, 0);
        varint(v);
    }
};

} // namespace

Q_DECLARE_METATYPE(tg::model::ErrorCode)

class OtlpProtoImporterTest : public QObject {
    Q_OBJECT
private slots:
    void mapsEveryField();
    void attributeTypes();
    void handEncodedWireFormat();
    void serviceName();
    void badInput_data();
    void badInput();
    void fileImport();
    void jsonAndBase64Rendering();
};

void OtlpProtoImporterTest::mapsEveryField() {
    auto r = importBytes(serialized(buildRequest()));
    QVERIFY2(r->status.ok(), r->status.ok() ? "" : r->status.error().toString().c_str());
    const model::Dataset& d = r->dataset;
    QCOMPARE(d.spanCount(), size_t{4});
    QVERIFY(r->diagnostics.count("negative_duration") == 0);

    const int a = rowOf(d, 0xa1), b = rowOf(d, 0xb2), c = rowOf(d, 0xc3), x = rowOf(d, 0xd4);
    QVERIFY(a >= 0 && b >= 0 && c >= 0 && x >= 0);

    // IDs: 16-byte trace, 8-byte trace (left-padded), parents, roots.
    QCOMPARE(d.traceId[a].toHex(), std::string("0a0b0c0d0e0f10111213141516171819"));
    QCOMPARE(d.traceId[c], d.traceId[a]);
    QCOMPARE(d.traceId[x].toHex(), std::string("0000000000000000fedcba9876543210"));
    QCOMPARE(d.parentId[a], model::SpanId{0});
    QVERIFY(!d.hasParent(a));
    QCOMPARE(d.parentId[b], model::SpanId{0xa1});
    QCOMPARE(d.parentId[c], model::SpanId{0xb2});
    QVERIFY(d.hasParent(c));
    QVERIFY(!(d.flags[a] & model::kSpanNonHexId));

    // Services from resources; a missing resource is "unknown".
    QCOMPARE(d.serviceName(a), std::string_view("checkout"));
    QCOMPARE(d.serviceName(b), std::string_view("checkout"));
    QCOMPARE(d.serviceName(c), std::string_view("payments"));
    QCOMPARE(d.serviceName(x), std::string_view("unknown"));
    QCOMPARE(d.resource[a], d.resource[b]);
    QVERIFY(d.resource[a] != d.resource[c]);
    const auto resAttrs = d.attributesOfResource(d.resource[a]);
    QCOMPARE(resAttrs.size(), size_t{2});
    QCOMPARE(d.strings.view(resAttrs[1].key), std::string_view("k8s.namespace.name"));
    QCOMPARE(d.attributeText(resAttrs[1]), std::string("shop"));

    // Operation, kind, status, error flag, times.
    QCOMPARE(d.operationName(a), std::string_view("GET /cart"));
    QCOMPARE(d.operationName(c), std::string_view("Charge"));
    QCOMPARE(d.kind[a], model::SpanKind::Server);
    QCOMPARE(d.kind[b], model::SpanKind::Client);
    QCOMPARE(d.kind[x], model::SpanKind::Consumer);
    QCOMPARE(d.status[a], model::StatusCode::Ok);
    QCOMPARE(d.status[b], model::StatusCode::Error);
    QCOMPARE(d.status[c], model::StatusCode::Unset);
    QVERIFY(d.isError(b));
    QVERIFY(!d.isError(a));
    QCOMPARE(d.startNs[a], kT0);
    QCOMPARE(d.durationNs[a], int64_t{5'000'000});
    QCOMPARE(d.startNs[c], kT0 + 1'500'000);
    QCOMPARE(d.durationNs[c], int64_t{2'000'000});
    QCOMPARE(d.durationNs[x], int64_t{10});

    // Scope and status message as attributes.
    QCOMPARE(attrText(d, a, "otel.scope.name"), std::string("io.opentelemetry.http"));
    QCOMPARE(attrText(d, a, "otel.scope.version"), std::string("1.2.3"));
    QCOMPARE(attrText(d, c, "otel.scope.name"), std::string("<absent>"));
    QCOMPARE(attrText(d, b, "otel.status_description"), std::string("card declined"));
    QCOMPARE(attrText(d, a, "otel.status_description"), std::string("<absent>"));

    // Events with their attributes.
    const auto events = d.spanEvents(static_cast<size_t>(a));
    QCOMPARE(events.size(), size_t{2});
    QCOMPARE(d.strings.view(events[0].name), std::string_view("cache.lookup"));
    QCOMPARE(events[0].timeNs, kT0 + 1'000);
    QCOMPARE(events[0].attrCount, uint32_t{1});
    const model::Attribute& evAttr = d.eventAttributesOf(events[0])[0];
    QCOMPARE(d.strings.view(evAttr.key), std::string_view("cache.key"));
    QCOMPARE(d.attributeText(evAttr), std::string("cart:7"));
    QCOMPARE(d.strings.view(events[1].name), std::string_view("retry"));
    QCOMPARE(events[1].attrCount, uint32_t{0});
    QCOMPARE(d.spanEvents(static_cast<size_t>(b)).size(), size_t{0});

    // Links.
    const auto links = d.spanLinks(static_cast<size_t>(a));
    QCOMPARE(links.size(), size_t{1});
    QCOMPARE(links[0].trace.hi, uint64_t{1});
    QCOMPARE(links[0].trace.lo, uint64_t{2});
    QCOMPARE(links[0].span, model::SpanId{0xd4});
    QCOMPARE(links[0].type, model::RefType::Link);
}

void OtlpProtoImporterTest::attributeTypes() {
    auto r = importBytes(serialized(buildRequest()));
    QVERIFY(r->status.ok());
    const model::Dataset& d = r->dataset;
    const int a = rowOf(d, 0xa1);
    model::AttrType t{};
    QCOMPARE(attrText(d, a, "http.route", &t), std::string("/cart/{id}"));
    QCOMPARE(t, model::AttrType::String);
    QCOMPARE(attrText(d, a, "cache.hit", &t), std::string("true"));
    QCOMPARE(t, model::AttrType::Bool);
    QCOMPARE(attrText(d, a, "http.response.status_code", &t), std::string("-42"));
    QCOMPARE(t, model::AttrType::Int);
    QCOMPARE(d.findAttribute(static_cast<size_t>(a), "http.response.status_code")->i, int64_t{-42});
    QCOMPARE(attrText(d, a, "ratio", &t), std::string("0.25"));
    QCOMPARE(t, model::AttrType::Double);
    QCOMPARE(attrText(d, a, "blob", &t), std::string("AP8Q"));
    QCOMPARE(t, model::AttrType::Bytes);
    QCOMPARE(attrText(d, a, "tags", &t), std::string("[\"a\\\"b\",7,false,1.5]"));
    QCOMPARE(t, model::AttrType::Json);
    QCOMPARE(attrText(d, a, "nested", &t), std::string("{\"k\":\"v\",\"empty\":null}"));
    QCOMPARE(t, model::AttrType::Json);
    QCOMPARE(attrText(d, a, "unset", &t), std::string(""));
    QCOMPARE(t, model::AttrType::String);
    // Span attributes come first, then scope: 8 own + 2 scope; resource and event attributes
    // live in their own arenas, so neither leaks into a span's range.
    QCOMPARE(d.spanAttributes(static_cast<size_t>(a)).size(), size_t{10});
    QCOMPARE(attrText(d, rowOf(d, 0xb2), "cache.key"), std::string("<absent>"));
}

void OtlpProtoImporterTest::handEncodedWireFormat() {
    // Field numbers and wire types straight from the OTLP specification.
    Wire kv; // KeyValue{key=1, value=2{AnyValue.int_value=3}}
    kv.bytes(1, "retries");
    Wire any;
    any.number(3, 3);
    kv.bytes(2, any.out);
    Wire status; // Status{message=2, code=3}
    status.bytes(2, "oops");
    status.number(3, 2);
    Wire event; // Event{time=1 fixed64, name=2}
    event.fixed64(1, kT0 + 7);
    event.bytes(2, "ev");
    Wire link; // Link{trace_id=1, span_id=2, flags=6 fixed32}
    link.bytes(1, kLinkTrace);
    link.bytes(2, kSpanA);
    link.fixed32(6, 1);
    Wire span;
    span.bytes(1, kTrace16);
    span.bytes(2, kSpanB);
    span.bytes(3, "vendor=1");
    span.bytes(4, kSpanA);
    span.bytes(5, "wire-op");
    span.number(6, 4); // producer
    span.fixed64(7, kT0);
    span.fixed64(8, kT0 + 99);
    span.bytes(9, kv.out);
    span.bytes(11, event.out);
    span.bytes(13, link.out);
    span.bytes(15, status.out);
    span.fixed32(16, 0x101);
    Wire scopeMsg; // InstrumentationScope{name=1, version=2}
    scopeMsg.bytes(1, "lib");
    scopeMsg.bytes(2, "9");
    Wire scopeSpans; // ScopeSpans{scope=1, spans=2}
    scopeSpans.bytes(1, scopeMsg.out);
    scopeSpans.bytes(2, span.out);
    Wire nameValue;
    nameValue.bytes(1, "wired");
    Wire serviceKv;
    serviceKv.bytes(1, "service.name");
    serviceKv.bytes(2, nameValue.out);
    Wire resource; // Resource{attributes=1}
    resource.bytes(1, serviceKv.out);
    Wire resourceSpans; // ResourceSpans{resource=1, scope_spans=2, schema_url=3}
    resourceSpans.bytes(1, resource.out);
    resourceSpans.bytes(2, scopeSpans.out);
    resourceSpans.bytes(3, "https://opentelemetry.io/schemas/1.21.0");
    Wire request; // ExportTraceServiceRequest{resource_spans=1}
    request.bytes(1, resourceSpans.out);

    auto r = importBytes(request.out);
    QVERIFY2(r->status.ok(), r->status.ok() ? "" : r->status.error().toString().c_str());
    QCOMPARE(r->diagnostics.count("unknown_protobuf_fields"), uint64_t{0});
    const model::Dataset& d = r->dataset;
    QCOMPARE(d.spanCount(), size_t{1});
    QCOMPARE(d.traceId[0].toHex(), std::string("0a0b0c0d0e0f10111213141516171819"));
    QCOMPARE(d.spanId[0], model::SpanId{0xb2});
    QCOMPARE(d.parentId[0], model::SpanId{0xa1});
    QCOMPARE(d.serviceName(0), std::string_view("wired"));
    QCOMPARE(d.operationName(0), std::string_view("wire-op"));
    QCOMPARE(d.kind[0], model::SpanKind::Producer);
    QCOMPARE(d.startNs[0], kT0);
    QCOMPARE(d.durationNs[0], int64_t{99});
    QCOMPARE(d.status[0], model::StatusCode::Error);
    QCOMPARE(attrText(d, 0, "otel.status_description"), std::string("oops"));
    QCOMPARE(attrText(d, 0, "retries"), std::string("3"));
    QCOMPARE(attrText(d, 0, "otel.scope.name"), std::string("lib"));
    QCOMPARE(attrText(d, 0, "otel.scope.version"), std::string("9"));
    QCOMPARE(d.spanEvents(0).size(), size_t{1});
    QCOMPARE(d.spanEvents(0)[0].timeNs, kT0 + 7);
    QCOMPARE(d.spanLinks(0).size(), size_t{1});
    QCOMPARE(d.spanLinks(0)[0].span, model::SpanId{0xa1});

    // And our generated code writes the same bytes for the same message.
    collector::ExportTraceServiceRequest parsed;
    QVERIFY(parsed.ParseFromString(request.out));
    QCOMPARE(parsed.resource_spans(0).scope_spans(0).spans(0).flags(), uint32_t{0x101});
    QCOMPARE(parsed.resource_spans(0).scope_spans(0).spans(0).trace_state(),
             std::string("vendor=1"));
    QCOMPARE(serialized(parsed), request.out);
}

void OtlpProtoImporterTest::serviceName() {
    // The gRPC method every OTLP/gRPC exporter calls.
    QCOMPARE(std::string(collector::TraceService::service_full_name()),
             std::string("opentelemetry.proto.collector.trace.v1.TraceService"));
    QCOMPARE(collector::ExportTraceServiceRequest::descriptor()->full_name(),
             std::string("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest"));
}

void OtlpProtoImporterTest::badInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qulonglong>("maxBytes"); // 0 = default
    QTest::addColumn<bool>("ok");
    QTest::addColumn<model::ErrorCode>("code"); // when !ok
    QTest::addColumn<int>("spans");             // when ok
    QTest::addColumn<QString>("diagnostic");    // expected diagnostic code, when ok

    auto bytesOf = [](const std::string& s) {
        return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
    };
    const std::string valid = serialized(buildRequest());

    // Decision: empty input is a valid (empty) OTLP request: no spans, a warning, no error.
    QTest::newRow("empty input") << QByteArray() << 0ull << true << model::ErrorCode::Syntax << 0
                                 << "empty_otlp_request";
    QTest::newRow("text") << QByteArray("this is not a protobuf message\n") << 0ull << false
                          << model::ErrorCode::Syntax << 0 << "";
    std::mt19937 rng(20240611);
    std::string garbage(4096, '\0');
    for (char& ch : garbage)
        ch = static_cast<char>(rng() & 0xff);
    QTest::newRow("random garbage")
        << bytesOf(garbage) << 0ull << false << model::ErrorCode::Syntax << 0 << "";
    QTest::newRow("overlong varint")
        << QByteArray(12, '\xff') << 0ull << false << model::ErrorCode::Syntax << 0 << "";
    QTest::newRow("truncated") << bytesOf(valid.substr(0, valid.size() / 2)) << 0ull << false
                               << model::ErrorCode::Syntax << 0 << "";
    QTest::newRow("truncated by one byte") << bytesOf(valid.substr(0, valid.size() - 1)) << 0ull
                                           << false << model::ErrorCode::Syntax << 0 << "";
    // Decodes (protobuf keeps unknown fields) but is not a trace request.
    QTest::newRow("other message") << QByteArray("\x28\x01\x32\x02hi", 6) << 0ull << false
                                   << model::ErrorCode::Syntax << 0 << "";
    QTest::newRow("too large") << bytesOf(valid) << 64ull << false << model::ErrorCode::TooLarge
                               << 0 << "";

    collector::ExportTraceServiceRequest req = buildRequest();
    req.mutable_resource_spans(1)->mutable_scope_spans(0)->mutable_spans(0)->set_name(
        "bad \xc3\x28 utf8");
    QTest::newRow("invalid utf-8 (proto3 string rule)")
        << bytesOf(serialized(req)) << 0ull << false << model::ErrorCode::Syntax << 0 << "";

    req = buildRequest();
    req.mutable_resource_spans(1)->mutable_scope_spans(0)->mutable_spans(0)->clear_span_id();
    QTest::newRow("span without span_id")
        << bytesOf(serialized(req)) << 0ull << true << model::ErrorCode::Syntax << 3
        << "span_without_span_id";
    req = buildRequest();
    req.mutable_resource_spans(1)->mutable_scope_spans(0)->mutable_spans(0)->clear_trace_id();
    QTest::newRow("span without trace_id")
        << bytesOf(serialized(req)) << 0ull << true << model::ErrorCode::Syntax << 3
        << "span_without_trace_id";
    req = buildRequest();
    req.mutable_resource_spans(1)->mutable_scope_spans(0)->mutable_spans(0)->set_end_time_unix_nano(
        kT0);
    QTest::newRow("end before start") << bytesOf(serialized(req)) << 0ull << true
                                      << model::ErrorCode::Syntax << 4 << "negative_duration";
    req = buildRequest();
    req.mutable_resource_spans(1)
        ->mutable_scope_spans(0)
        ->mutable_spans(0)
        ->clear_end_time_unix_nano();
    QTest::newRow("no end time") << bytesOf(serialized(req)) << 0ull << true
                                 << model::ErrorCode::Syntax << 4 << "missing_end_time";
    req = buildRequest();
    req.mutable_resource_spans(1)
        ->mutable_scope_spans(0)
        ->mutable_spans(0)
        ->set_start_time_unix_nano(~uint64_t{0});
    QTest::newRow("time beyond int64") << bytesOf(serialized(req)) << 0ull << true
                                       << model::ErrorCode::Syntax << 4 << "timestamp_out_of_range";
    req = buildRequest();
    req.mutable_resource_spans(1)->mutable_scope_spans(0)->mutable_spans(0)->set_span_id("odd");
    QTest::newRow("3-byte span id (hashed)") << bytesOf(serialized(req)) << 0ull << true
                                             << model::ErrorCode::Syntax << 4 << "non_hex_id";
    req = buildRequest();
    req.mutable_resource_spans(0)
        ->mutable_scope_spans(0)
        ->mutable_spans(0)
        ->set_dropped_attributes_count(3);
    QTest::newRow("exporter dropped data")
        << bytesOf(serialized(req)) << 0ull << true << model::ErrorCode::Syntax << 4
        << "exporter_dropped_data";
    req = buildRequest();
    addString(req.mutable_resource_spans(0)
                  ->mutable_scope_spans(0)
                  ->mutable_spans(0)
                  ->mutable_links(0)
                  ->mutable_attributes(),
              "link.kind", "batch");
    QTest::newRow("link attributes") << bytesOf(serialized(req)) << 0ull << true
                                     << model::ErrorCode::Syntax << 4 << "link_attributes_not_kept";
    // A ResourceSpans using a field this OTLP version does not know (here 1000, the old
    // instrumentation_library_spans): imported, with a warning instead of silence.
    Wire legacy;
    legacy.bytes(1000, "x");
    Wire legacyRequest;
    legacyRequest.bytes(1, legacy.out);
    QTest::newRow("unknown fields") << bytesOf(valid + legacyRequest.out) << 0ull << true
                                    << model::ErrorCode::Syntax << 4 << "unknown_protobuf_fields";
}

void OtlpProtoImporterTest::badInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(qulonglong, maxBytes);
    QFETCH(bool, ok);
    QFETCH(model::ErrorCode, code);
    QFETCH(int, spans);
    QFETCH(QString, diagnostic);
    import::ImportOptions options;
    if (maxBytes) options.maxRecordBytes = maxBytes;
    auto r =
        importBytes(std::string(bytes.constData(), static_cast<size_t>(bytes.size())), options);
    if (!ok) {
        QVERIFY(!r->status.ok());
        QCOMPARE(r->status.error().code, code);
        QCOMPARE(r->status.error().path, std::string("inline.pb"));
        if (code == model::ErrorCode::Syntax)
            QVERIFY2(r->status.error().detail.find(
                         "not a valid OTLP ExportTraceServiceRequest protobuf") !=
                         std::string::npos,
                     r->status.error().detail.c_str());
        QVERIFY(r->status.error().toString().find("inline.pb") != std::string::npos);
        return;
    }
    QVERIFY2(r->status.ok(), r->status.ok() ? "" : r->status.error().toString().c_str());
    QCOMPARE(r->dataset.spanCount(), static_cast<size_t>(spans));
    QVERIFY2(r->diagnostics.count(diagnostic.toStdString()) > 0, qPrintable(diagnostic));
    for (const model::DiagnosticEntry& e : r->diagnostics.entries())
        if (e.code == diagnostic.toStdString())
            QVERIFY2(e.firstSample.find("inline.pb") != std::string::npos, e.firstSample.c_str());
}

void OtlpProtoImporterTest::fileImport() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string valid = serialized(buildRequest());
    const QString path = dir.filePath("traces.pb");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(valid.data(), static_cast<qint64>(valid.size()));
    }
    model::Dataset dataset;
    model::Diagnostics diagnostics;
    model::DatasetBuilder builder(dataset, diagnostics, 0);
    uint64_t progress = 0;
    import::ImportOptions options;
    options.progress = [&](uint64_t done) { progress = done; };
    model::Status s = import::importOtlpProtobuf(path.toStdString(), builder, options);
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().toString().c_str());
    QCOMPARE(dataset.spanCount(), size_t{4});
    QCOMPARE(builder.spansAdded(), uint64_t{4});
    QCOMPARE(progress, uint64_t{valid.size()});

    // Limits, missing files, directories, cancellation.
    options.maxRecordBytes = valid.size() - 1;
    s = import::importOtlpProtobuf(path.toStdString(), builder, options);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, model::ErrorCode::TooLarge);
    QCOMPARE(s.error().path, path.toStdString());

    const std::string missing = dir.filePath("missing.pb").toStdString();
    s = import::importOtlpProtobuf(missing, builder);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, model::ErrorCode::CannotOpen);
    QCOMPARE(s.error().path, missing);

    s = import::importOtlpProtobuf(dir.path().toStdString(), builder);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, model::ErrorCode::CannotOpen);

    std::atomic<bool> cancel{true};
    import::ImportOptions cancelled;
    cancelled.cancel = &cancel;
    s = import::importOtlpProtobuf(path.toStdString(), builder, cancelled);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, model::ErrorCode::Cancelled);

    const QString bad = dir.filePath("garbage.pb");
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(valid.data(), static_cast<qint64>(valid.size() / 3));
    }
    s = import::importOtlpProtobuf(bad.toStdString(), builder);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, model::ErrorCode::Syntax);
    QCOMPARE(s.error().path, bad.toStdString());
    QCOMPARE(dataset.spanCount(), size_t{4}); // nothing added by the failed imports
}

void OtlpProtoImporterTest::jsonAndBase64Rendering() {
    auto b64 = [](const std::string& s) {
        std::string out;
        import::appendBase64(s, out);
        return out;
    };
    QCOMPARE(b64(""), std::string(""));
    QCOMPARE(b64("f"), std::string("Zg=="));
    QCOMPARE(b64("fo"), std::string("Zm8="));
    QCOMPARE(b64("foo"), std::string("Zm9v"));
    QCOMPARE(b64("foobar"), std::string("Zm9vYmFy"));
    QCOMPARE(b64(std::string("\xfb\xff", 2)), std::string("+/8="));

    common::AnyValue v;
    common::ArrayValue* array = v.mutable_array_value();
    array->add_values()->set_string_value(std::string("q\"\\\n\x01", 5));
    array->add_values()->set_double_value(std::numeric_limits<double>::infinity());
    array->add_values()->set_double_value(std::nan(""));
    array->add_values()->set_bytes_value("foo");
    array->add_values()->mutable_array_value();  // empty array
    array->add_values()->mutable_kvlist_value(); // empty map
    array->add_values()->set_int_value(std::numeric_limits<int64_t>::min());
    std::string json;
    import::appendAnyValueJson(v, json);
    QCOMPARE(
        json,
        std::string(
            "[\"q\\\"\\\\\\n\\u0001\",\"Infinity\",\"NaN\",\"Zm9v\",[],{},-9223372036854775808]"));
}

QTEST_GUILESS_MAIN(OtlpProtoImporterTest)
#include "otlp_proto_importer_test.moc"
