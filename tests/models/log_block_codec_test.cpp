// The packed log block (models/workspace/log_block_codec.h): records round-trip exactly,
// including extreme times (deltas that wrap), every attribute type, stated and linked IDs in
// each combination, and empty bodies; a damaged blob (cut at any byte, or any byte changed)
// is reported by the decoder without reading outside it; token starts accumulate counts.
// Expected values are the inputs themselves.
#include <QTest>

#include <climits>

#include "models/workspace/log_block_codec.h"

using namespace tg::model;
using namespace tg::model::logblock;

namespace {

std::vector<Attribute> sampleAttributes() {
    std::vector<Attribute> a(5);
    a[0].key = 7;
    a[0].type = AttrType::Int;
    a[0].i = INT64_MIN;
    a[1].key = 300;
    a[1].type = AttrType::Double;
    a[1].d = -0.25;
    a[2].key = 1;
    a[2].type = AttrType::Bool;
    a[2].b = true;
    a[3].key = 70000;
    a[3].type = AttrType::String;
    a[3].s = 123456;
    a[4].key = 2;
    a[4].type = AttrType::Json;
    a[4].s = 0;
    return a;
}

std::vector<PackedLogRecord> sampleRecords(const std::vector<Attribute>& attrs) {
    std::vector<PackedLogRecord> rs(5);
    rs[0].timeNs = INT64_MAX; // then INT64_MIN: the delta wraps
    rs[0].observedNs = INT64_MIN;
    rs[0].severity = 5;
    rs[0].flags = 0x1F;
    rs[0].severityText = 4000000000u;
    rs[0].stream = 9;
    rs[0].source = 65535;
    rs[0].trace = {1, 2};
    rs[0].span = 3;
    rs[0].linkTrace = {1, 2}; // linked = stated
    rs[0].linkSpan = 3;
    rs[0].body = "connection refused";
    rs[0].attributes = attrs;
    rs[1].timeNs = INT64_MIN;
    rs[1].linkTrace = {0, 0xabc}; // derived only
    rs[1].linkSpan = 0x77;
    rs[2].timeNs = -5;
    rs[2].trace = {0xFFFFFFFFFFFFFFFFull, 0};
    rs[2].linkTrace = {4, 4}; // stated and linked differ
    rs[2].span = 8;
    rs[2].body = std::string_view("nul\0inside", 10);
    rs[3].timeNs = 1'700'000'000'000'000'000;
    rs[3].observedNs = 1'700'000'000'000'000'001;
    rs[3].body = std::string_view(); // empty
    rs[4].timeNs = 1'700'000'000'000'000'000;
    rs[4].span = 1;
    rs[4].attributes = std::span<const Attribute>(attrs).subspan(3);
    return rs;
}

void compareRecords(const PackedLogRecord& a, const PackedLogRecord& b) {
    QCOMPARE(a.timeNs, b.timeNs);
    QCOMPARE(a.observedNs, b.observedNs);
    QCOMPARE(a.severity, b.severity);
    QCOMPARE(a.flags, b.flags);
    QCOMPARE(a.severityText, b.severityText);
    QCOMPARE(a.stream, b.stream);
    QCOMPARE(a.source, b.source);
    QVERIFY(a.trace == b.trace);
    QCOMPARE(a.span, b.span);
    QVERIFY(a.linkTrace == b.linkTrace);
    QCOMPARE(a.linkSpan, b.linkSpan);
    QCOMPARE(a.body, b.body);
    QCOMPARE(a.attributes.size(), b.attributes.size());
    for (size_t i = 0; i < a.attributes.size(); ++i) {
        QCOMPARE(a.attributes[i].key, b.attributes[i].key);
        QCOMPARE(a.attributes[i].type, b.attributes[i].type);
        QCOMPARE(a.attributes[i].i, b.attributes[i].i); // the union's bits
    }
}

std::string encode(const std::vector<PackedLogRecord>& rs) {
    BlockEncoder enc;
    for (const auto& r : rs)
        enc.append(r);
    return enc.finish();
}

// Decodes the whole blob; true when every record decoded and nothing was left over.
bool decodesWhole(std::string_view blob, size_t& decoded) {
    BlockDecoder dec(blob);
    PackedLogRecord r;
    decoded = 0;
    while (dec.next(r))
        ++decoded;
    return dec.ok() && dec.atEnd();
}

} // namespace

class LogBlockCodecTest : public QObject {
    Q_OBJECT
private slots:
    void recordsRoundTrip() {
        const auto attrs = sampleAttributes();
        const auto rs = sampleRecords(attrs);
        const std::string blob = encode(rs);
        BlockDecoder dec(blob);
        QCOMPARE(dec.count(), rs.size());
        PackedLogRecord r;
        for (const auto& expected : rs) {
            QVERIFY(dec.next(r));
            compareRecords(r, expected);
        }
        QVERIFY(!dec.next(r));
        QVERIFY(dec.ok());
        QVERIFY(dec.atEnd());
    }

    void encoderStartsEachBlockFresh() {
        const auto attrs = sampleAttributes();
        const auto rs = sampleRecords(attrs);
        BlockEncoder enc;
        enc.append(rs[3]);
        enc.clear();
        for (const auto& r : rs)
            enc.append(r);
        QCOMPARE(enc.finish(), encode(rs)); // no delta base left from before clear()
        QCOMPARE(enc.count(), rs.size());
    }

    void damagedBlobsAreReported() {
        const auto attrs = sampleAttributes();
        const std::string blob = encode(sampleRecords(attrs));
        size_t decoded = 0;
        QVERIFY(decodesWhole(blob, decoded));
        QCOMPARE(decoded, size_t(5));
        // Every cut: never the whole block (records need every byte), never a crash.
        for (size_t n = 0; n < blob.size(); ++n)
            QVERIFY2(!decodesWhole(std::string_view(blob).substr(0, n), decoded),
                     qPrintable(QString::number(n)));
        // A trailing byte is not ours either.
        QVERIFY(!decodesWhole(blob + '\0', decoded));
        // Every byte changed to every value: the decoder stays inside the blob (ASan checks)
        // and either decodes some records or reports damage.
        for (size_t i = 0; i < blob.size(); ++i)
            for (int v = 0; v < 256; v += 17) {
                std::string bad = blob;
                bad[i] = static_cast<char>(v);
                decodesWhole(bad, decoded);
                QVERIFY(decoded <= 5);
            }
        QVERIFY(!decodesWhole("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01", decoded));
        QVERIFY(!decodesWhole("\x05", decoded)); // five records promised, none there
    }

    void tokenStartsAccumulate() {
        const std::vector<uint32_t> counts{2, 0, 300, 1};
        std::string blob;
        encodeTokenCounts(counts, blob);
        std::vector<uint32_t> starts;
        QVERIFY(decodeTokenStarts(blob, 4, starts));
        QCOMPARE(starts, (std::vector<uint32_t>{0, 2, 2, 302, 303}));
        QVERIFY(!decodeTokenStarts(blob, 3, starts)); // a count left over
        QVERIFY(!decodeTokenStarts(blob, 5, starts)); // a count missing
        // A damaged record count (the file's row_count) is refused before it sizes anything.
        QVERIFY(!decodeTokenStarts(blob, size_t(1) << 40, starts));
        QVERIFY(!decodeTokenStarts(blob, SIZE_MAX, starts));
        // Counts whose total passes 2^32 would leave the starts unsorted.
        std::string huge;
        encodeTokenCounts(std::vector<uint32_t>{UINT32_MAX, 1}, huge);
        QVERIFY(!decodeTokenStarts(huge, 2, starts));
    }
};

QTEST_APPLESS_MAIN(LogBlockCodecTest)
#include "log_block_codec_test.moc"
