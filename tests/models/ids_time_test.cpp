// Trace/span ID normalisation and time parsing at the edge (DESIGN §3). Expected values are
// derived by hand: hex digits read off the input, base64 decoded with `base64 -d | xxd -p`,
// epoch seconds checked with `date -u -d ... +%s`.
#include <QTest>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "models/core/ids.h"
#include "models/core/time_parse.h"

using namespace tg::model;

Q_DECLARE_METATYPE(tg::model::IdSpelling)

namespace {

// qint64 (not int64_t, which is `long` here) so QTest data rows get the column's exact type.
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

QByteArray b(const char* s) {
    return QByteArray(s);
}
std::string_view sv(const QByteArray& a) {
    return {a.constData(), static_cast<size_t>(a.size())};
}

} // namespace

class IdsTimeTest : public QObject {
    Q_OBJECT
private slots:
    void parsesTraceIds_data();
    void parsesTraceIds();
    void parsesSpanIds_data();
    void parsesSpanIds();
    void hashesNonHexIdsStably();
    void emptyIdsAreAbsent();
    void hexRoundTrips_data();
    void hexRoundTrips();
    void idsFromRawBytes();

    void parsesRfc3339_data();
    void parsesRfc3339();
    void rejectsBadRfc3339_data();
    void rejectsBadRfc3339();
    void daysFromCivilMatchesDate();
    void parsesGoDurations_data();
    void parsesGoDurations();
    void rejectsBadGoDurations_data();
    void rejectsBadGoDurations();
    void parsesDecimalInt64_data();
    void parsesDecimalInt64();
    void convertsMicrosToNanos_data();
    void convertsMicrosToNanos();
};

void IdsTimeTest::parsesTraceIds_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("hi");
    QTest::addColumn<quint64>("lo");
    QTest::addColumn<IdSpelling>("spelling");

    QTest::newRow("32 hex lower") << b("0df84e36b9e2ee3815d07f0867a5be1f")
                                  << Q_UINT64_C(0x0df84e36b9e2ee38)
                                  << Q_UINT64_C(0x15d07f0867a5be1f) << IdSpelling::Hex;
    QTest::newRow("32 hex UPPER") << b("5B8EFFF798038103D269B633813FC60C")
                                  << Q_UINT64_C(0x5b8efff798038103)
                                  << Q_UINT64_C(0xd269b633813fc60c) << IdSpelling::Hex;
    QTest::newRow("32 hex Mixed") << b("5b8EfFf798038103d269B633813fc60C")
                                  << Q_UINT64_C(0x5b8efff798038103)
                                  << Q_UINT64_C(0xd269b633813fc60c) << IdSpelling::Hex;
    // 31 digits are left-padded: the missing digit is the leading 0.
    QTest::newRow("31 hex") << b("df84e36b9e2ee3815d07f0867a5be1f")
                            << Q_UINT64_C(0x0df84e36b9e2ee38) << Q_UINT64_C(0x15d07f0867a5be1f)
                            << IdSpelling::Hex;
    QTest::newRow("17 hex") << b("1ffffffffffffffff") << Q_UINT64_C(0x1)
                            << Q_UINT64_C(0xffffffffffffffff) << IdSpelling::Hex;
    QTest::newRow("16 hex, hi=0") << b("463ac35c9f6413ad") << Q_UINT64_C(0)
                                  << Q_UINT64_C(0x463ac35c9f6413ad) << IdSpelling::Hex;
    QTest::newRow("1 hex") << b("f") << Q_UINT64_C(0) << Q_UINT64_C(0xf) << IdSpelling::Hex;
    // 24 hex digits without '=' are hex, not base64.
    QTest::newRow("24 hex") << b("000000000000000000000011") << Q_UINT64_C(0) << Q_UINT64_C(0x11)
                            << IdSpelling::Hex;
    // Jaeger api_v2 base64: 15 zero bytes then 0x11.
    QTest::newRow("base64 16 bytes")
        << b("AAAAAAAAAAAAAAAAAAAAEQ==") << Q_UINT64_C(0) << Q_UINT64_C(0x11) << IdSpelling::Base64;
    // Tempo: base64 -d | xxd -p = 4290b5877a9930de79bb428365398ecc.
    QTest::newRow("tempo base64") << b("QpC1h3qZMN55u0KDZTmOzA==") << Q_UINT64_C(0x4290b5877a9930de)
                                  << Q_UINT64_C(0x79bb428365398ecc) << IdSpelling::Base64;
    // Unpadded (URL-safe encoders drop the '=').
    QTest::newRow("base64 unpadded")
        << b("QpC1h3qZMN55u0KDZTmOzA") << Q_UINT64_C(0x4290b5877a9930de)
        << Q_UINT64_C(0x79bb428365398ecc) << IdSpelling::Base64;
    // Base64 of 8 bytes as a trace ID: a 64-bit trace, hi = 0.
    QTest::newRow("base64 8 bytes")
        << b("AAAAAAAAAAM=") << Q_UINT64_C(0) << Q_UINT64_C(3) << IdSpelling::Base64;
}

void IdsTimeTest::parsesTraceIds() {
    QFETCH(QByteArray, text);
    QFETCH(quint64, hi);
    QFETCH(quint64, lo);
    QFETCH(IdSpelling, spelling);
    const ParsedTraceId p = parseTraceId(sv(text));
    QCOMPARE(p.id.hi, hi);
    QCOMPARE(p.id.lo, lo);
    QCOMPARE(p.spelling, spelling);
}

void IdsTimeTest::parsesSpanIds_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("id");
    QTest::addColumn<IdSpelling>("spelling");

    QTest::newRow("16 hex") << b("e127af99e3b3e074") << Q_UINT64_C(0xe127af99e3b3e074)
                            << IdSpelling::Hex;
    QTest::newRow("16 HEX") << b("EEE19B7EC3C1B173") << Q_UINT64_C(0xeee19b7ec3c1b173)
                            << IdSpelling::Hex;
    // 15 digits (petclinic fixture) are left-padded.
    QTest::newRow("15 hex") << b("a68c6983a6d81a2") << Q_UINT64_C(0x0a68c6983a6d81a2)
                            << IdSpelling::Hex;
    QTest::newRow("1 hex") << b("2") << Q_UINT64_C(2) << IdSpelling::Hex;
    QTest::newRow("12 hex (not base64)")
        << b("abcdefabcdef") << Q_UINT64_C(0xabcdefabcdef) << IdSpelling::Hex;
    QTest::newRow("base64 8 bytes") << b("AAAAAAAAAAM=") << Q_UINT64_C(3) << IdSpelling::Base64;
    // base64 -d | xxd -p = da06579e57877587.
    QTest::newRow("base64 tempo span")
        << b("2gZXnleHdYc=") << Q_UINT64_C(0xda06579e57877587) << IdSpelling::Base64;
}

void IdsTimeTest::parsesSpanIds() {
    QFETCH(QByteArray, text);
    QFETCH(quint64, id);
    QFETCH(IdSpelling, spelling);
    const ParsedSpanId p = parseSpanId(sv(text));
    QCOMPARE(p.id, id);
    QCOMPARE(p.spelling, spelling);
}

void IdsTimeTest::hashesNonHexIdsStably() {
    const ParsedTraceId a = parseTraceId("trace-123");
    const ParsedTraceId again = parseTraceId("trace-123");
    const ParsedTraceId other = parseTraceId("trace-124");
    QCOMPARE(a.spelling, IdSpelling::Hashed);
    QCOMPARE(other.spelling, IdSpelling::Hashed);
    QVERIFY(!a.id.isZero());
    QVERIFY(a.id == again.id);
    QVERIFY(!(a.id == other.id));

    const ParsedSpanId s = parseSpanId("span-1");
    QCOMPARE(s.spelling, IdSpelling::Hashed);
    QVERIFY(s.id != 0);
    QCOMPARE(parseSpanId("span-1").id, s.id);
    QVERIFY(parseSpanId("span-2").id != s.id);

    // Too long for the ID width: hashed, not truncated.
    QCOMPARE(parseTraceId("0df84e36b9e2ee3815d07f0867a5be1f0").spelling, IdSpelling::Hashed);
    QCOMPARE(parseSpanId("e127af99e3b3e0740").spelling, IdSpelling::Hashed);
    // A hex-looking string with one bad character.
    QCOMPARE(parseTraceId("0df84e36b9e2ee3815d07f0867a5be1g").spelling, IdSpelling::Hashed);
    QCOMPARE(parseSpanId("e127af99e3b3e07z").spelling, IdSpelling::Hashed);
}

void IdsTimeTest::emptyIdsAreAbsent() {
    const ParsedTraceId t = parseTraceId("");
    QCOMPARE(t.spelling, IdSpelling::Empty);
    QVERIFY(t.id.isZero());
    const ParsedSpanId s = parseSpanId("");
    QCOMPARE(s.spelling, IdSpelling::Empty);
    QCOMPARE(s.id, SpanId(0));
}

void IdsTimeTest::hexRoundTrips_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("lower") << b("0df84e36b9e2ee3815d07f0867a5be1f")
                           << b("0df84e36b9e2ee3815d07f0867a5be1f");
    QTest::newRow("upper") << b("5B8EFFF798038103D269B633813FC60C")
                           << b("5b8efff798038103d269b633813fc60c");
    QTest::newRow("31 digits") << b("df84e36b9e2ee3815d07f0867a5be1f")
                               << b("0df84e36b9e2ee3815d07f0867a5be1f");
    QTest::newRow("16 digits") << b("463ac35c9f6413ad") << b("0000000000000000463ac35c9f6413ad");
    QTest::newRow("base64") << b("QpC1h3qZMN55u0KDZTmOzA==")
                            << b("4290b5877a9930de79bb428365398ecc");
    QTest::newRow("all ones") << b("ffffffffffffffffffffffffffffffff")
                              << b("ffffffffffffffffffffffffffffffff");
}

void IdsTimeTest::hexRoundTrips() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, canonical);
    const TraceId id = parseTraceId(sv(text)).id;
    QCOMPARE(QByteArray::fromStdString(id.toHex()), canonical);
    QVERIFY(parseTraceId(id.toHex()).id == id);

    QCOMPARE(QByteArray::fromStdString(spanIdToHex(0x0a68c6983a6d81a2)), b("0a68c6983a6d81a2"));
    QCOMPARE(QByteArray::fromStdString(spanIdToHex(0)), b("0000000000000000"));
    QCOMPARE(parseSpanId(spanIdToHex(0xda06579e57877587)).id, SpanId(0xda06579e57877587));
}

void IdsTimeTest::idsFromRawBytes() {
    const char trace[16] = {0x42, char(0x90), char(0xb5), char(0x87), 0x7a, char(0x99),
                            0x30, char(0xde), 0x79,       char(0xbb), 0x42, char(0x83),
                            0x65, 0x39,       char(0x8e), char(0xcc)};
    const ParsedTraceId t = traceIdFromBytes(std::string_view(trace, 16));
    QCOMPARE(t.spelling, IdSpelling::Base64);
    QCOMPARE(QByteArray::fromStdString(t.id.toHex()), b("4290b5877a9930de79bb428365398ecc"));
    const ParsedSpanId s = spanIdFromBytes(std::string_view(trace, 8));
    QCOMPARE(s.id, SpanId(0x4290b5877a9930de));
    QCOMPARE(traceIdFromBytes({}).spelling, IdSpelling::Empty);
    QCOMPARE(spanIdFromBytes({}).spelling, IdSpelling::Empty);
    QCOMPARE(traceIdFromBytes(std::string_view(trace, 5)).spelling, IdSpelling::Hashed);
    QCOMPARE(spanIdFromBytes(std::string_view(trace, 5)).spelling, IdSpelling::Hashed);
}

// --- time ---------------------------------------------------------------------------------------

void IdsTimeTest::parsesRfc3339_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ns");
    // `date -u -d 2017-01-26T16:46:31Z +%s` = 1485449191.
    QTest::newRow("micros Z") << b("2017-01-26T16:46:31.639875Z") << Q_INT64_C(1485449191639875000);
    QTest::newRow("no fraction") << b("2017-01-26T16:46:31Z") << Q_INT64_C(1485449191000000000);
    QTest::newRow("+01:00") << b("2017-01-26T17:46:31.639875+01:00")
                            << Q_INT64_C(1485449191639875000);
    QTest::newRow("-01:30") << b("2017-01-26T15:16:31.639875-01:30")
                            << Q_INT64_C(1485449191639875000);
    QTest::newRow("+00:00") << b("2017-01-26T16:46:31.639875+00:00")
                            << Q_INT64_C(1485449191639875000);
    QTest::newRow("lower t z") << b("2017-01-26t16:46:31.639875z")
                               << Q_INT64_C(1485449191639875000);
    QTest::newRow("space separator")
        << b("2017-01-26 16:46:31.639875Z") << Q_INT64_C(1485449191639875000);
    QTest::newRow("nanos") << b("2017-01-26T16:46:31.123456789Z") << Q_INT64_C(1485449191123456789);
    QTest::newRow("1 digit") << b("2017-01-26T16:46:31.5Z") << Q_INT64_C(1485449191500000000);
    // Digits beyond nanoseconds are dropped (truncated, not rounded).
    QTest::newRow("12 digits") << b("2017-01-26T16:46:31.123456789999Z")
                               << Q_INT64_C(1485449191123456789);
    QTest::newRow("comma fraction")
        << b("2017-01-26T16:46:31,5Z") << Q_INT64_C(1485449191500000000);
    QTest::newRow("epoch") << b("1970-01-01T00:00:00Z") << Q_INT64_C(0);
    QTest::newRow("before epoch") << b("1969-12-31T23:59:59Z") << Q_INT64_C(-1000000000);
    QTest::newRow("before epoch frac") << b("1969-12-31T23:59:59.5Z") << Q_INT64_C(-500000000);
    // `date -u -d 2000-02-29T00:00:00Z +%s` = 951782400 (leap day of a /400 year).
    QTest::newRow("leap day 2000") << b("2000-02-29T00:00:00Z") << Q_INT64_C(951782400000000000);
    QTest::newRow("2000-03-01") << b("2000-03-01T00:00:00Z") << Q_INT64_C(951868800000000000);
    // `date -u -d 2024-03-10T12:00:00Z +%s` = 1710072000.
    QTest::newRow("2024") << b("2024-03-10T12:00:00Z") << Q_INT64_C(1710072000000000000);
    // An offset moves across midnight and the year boundary.
    QTest::newRow("offset crosses year")
        << b("2000-01-01T00:30:00+01:00") << Q_INT64_C(946683000000000000);
}

void IdsTimeTest::parsesRfc3339() {
    QFETCH(QByteArray, text);
    QFETCH(qint64, ns);
    const std::optional<int64_t> got = parseRfc3339Ns(sv(text));
    QVERIFY2(got.has_value(), text.constData());
    QCOMPARE(*got, ns);
}

void IdsTimeTest::rejectsBadRfc3339_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << b("");
    QTest::newRow("date only") << b("2017-01-26");
    QTest::newRow("no zone") << b("2017-01-26T16:46:31");
    QTest::newRow("no zone, fraction") << b("2017-01-26T16:46:31.639875");
    QTest::newRow("dot without digits") << b("2017-01-26T16:46:31.Z");
    QTest::newRow("offset without colon") << b("2017-01-26T16:46:31+0100");
    QTest::newRow("short offset") << b("2017-01-26T16:46:31+01");
    QTest::newRow("trailing junk") << b("2017-01-26T16:46:31Zjunk");
    QTest::newRow("trailing space") << b("2017-01-26T16:46:31Z ");
    QTest::newRow("month 13") << b("2017-13-01T00:00:00Z");
    QTest::newRow("month 0") << b("2017-00-01T00:00:00Z");
    QTest::newRow("day 0") << b("2017-01-00T00:00:00Z");
    QTest::newRow("day 32") << b("2017-01-32T00:00:00Z");
    QTest::newRow("Feb 30") << b("2017-02-30T00:00:00Z");
    QTest::newRow("Feb 29 non-leap") << b("2017-02-29T00:00:00Z");
    QTest::newRow("Feb 29 1900") << b("1900-02-29T00:00:00Z");
    QTest::newRow("Apr 31") << b("2017-04-31T00:00:00Z");
    QTest::newRow("hour 24") << b("2017-01-26T24:00:00Z");
    QTest::newRow("minute 60") << b("2017-01-26T16:60:00Z");
    QTest::newRow("offset hour 24") << b("2017-01-26T16:46:31+24:00");
    QTest::newRow("offset minute 60") << b("2017-01-26T16:46:31+01:60");
    QTest::newRow("slashes") << b("2017/01/26T16:46:31Z");
    QTest::newRow("letters in year") << b("20x7-01-26T16:46:31Z");
    QTest::newRow("bad separator") << b("2017-01-26X16:46:31Z");
    QTest::newRow("unix seconds") << b("1485449191");
}

void IdsTimeTest::rejectsBadRfc3339() {
    QFETCH(QByteArray, text);
    const std::optional<int64_t> got = parseRfc3339Ns(sv(text));
    QVERIFY2(
        !got.has_value(),
        qPrintable(
            QStringLiteral("%1 parsed as %2").arg(QString::fromLatin1(text)).arg(got.value_or(0))));
}

void IdsTimeTest::daysFromCivilMatchesDate() {
    QCOMPARE(daysFromCivil(1970, 1, 1), Q_INT64_C(0));
    QCOMPARE(daysFromCivil(1969, 12, 31), Q_INT64_C(-1));
    QCOMPARE(daysFromCivil(2000, 3, 1), Q_INT64_C(951868800) / 86400);
    QCOMPARE(daysFromCivil(2017, 1, 26), Q_INT64_C(1485388800) / 86400); // 2017-01-26T00:00Z
}

void IdsTimeTest::parsesGoDurations_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ns");
    QTest::newRow("ns") << b("100000ns") << Q_INT64_C(100000);
    QTest::newRow("1.5s") << b("1.5s") << Q_INT64_C(1500000000);
    QTest::newRow("2m3.5s") << b("2m3.5s") << Q_INT64_C(123500000000);
    QTest::newRow("1h") << b("1h") << Q_INT64_C(3600000000000);
    QTest::newRow("all units") << b("1h2m3s4ms5us6ns") << Q_INT64_C(3723004005006);
    QTest::newRow("ms") << b("250ms") << Q_INT64_C(250000000);
    QTest::newRow("us") << b("7us") << Q_INT64_C(7000);
    QTest::newRow("micro sign") << b("1.5\xC2\xB5s") << Q_INT64_C(1500); // U+00B5, Go's spelling
    QTest::newRow("greek mu") << b("3\xCE\xBCs") << Q_INT64_C(3000);     // U+03BC
    QTest::newRow("negative") << b("-1\xC2\xB5s") << Q_INT64_C(-1000);
    QTest::newRow("plus sign") << b("+5s") << Q_INT64_C(5000000000);
    QTest::newRow("zero") << b("0") << Q_INT64_C(0);
    QTest::newRow("zero s") << b("0s") << Q_INT64_C(0);
    QTest::newRow("1ns as seconds") << b("0.000000001s") << Q_INT64_C(1);
    QTest::newRow("s plus 1ns") << b("1.000000001s") << Q_INT64_C(1000000001);
    QTest::newRow("leading dot") << b(".5s") << Q_INT64_C(500000000);
    QTest::newRow("1000h plus 1ns") << b("1000h0.000000001s") << Q_INT64_C(3600000000000001);
}

void IdsTimeTest::parsesGoDurations() {
    QFETCH(QByteArray, text);
    QFETCH(qint64, ns);
    const std::optional<int64_t> got = parseGoDurationNs(sv(text));
    QVERIFY2(got.has_value(), text.constData());
    QCOMPARE(*got, ns);
}

void IdsTimeTest::rejectsBadGoDurations_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << b("");
    QTest::newRow("unit only") << b("s");
    QTest::newRow("no unit") << b("1");
    QTest::newRow("no unit, fraction") << b("1.5");
    QTest::newRow("unknown unit") << b("1d");
    QTest::newRow("double sign") << b("--1s");
    QTest::newRow("trailing sign") << b("1s-");
    QTest::newRow("letters") << b("abc");
    QTest::newRow("sign only") << b("-");
    QTest::newRow("trailing number") << b("1s5");
    QTest::newRow("overflow") << b("3000000h");
    QTest::newRow("space") << b("1 s");
}

void IdsTimeTest::rejectsBadGoDurations() {
    QFETCH(QByteArray, text);
    const std::optional<int64_t> got = parseGoDurationNs(sv(text));
    QVERIFY2(
        !got.has_value(),
        qPrintable(
            QStringLiteral("%1 parsed as %2").arg(QString::fromUtf8(text)).arg(got.value_or(0))));
}

void IdsTimeTest::parsesDecimalInt64_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("value");
    QTest::newRow("0") << b("0") << true << Q_INT64_C(0);
    QTest::newRow("otlp ns") << b("1711138246978000000") << true << Q_INT64_C(1711138246978000000);
    QTest::newRow("max") << b("9223372036854775807") << true << kMax;
    QTest::newRow("leading zeros") << b("0000000000000000001") << true << Q_INT64_C(1);
    QTest::newRow("max + 1") << b("9223372036854775808") << false << Q_INT64_C(0);
    QTest::newRow("19 nines") << b("9999999999999999999") << false << Q_INT64_C(0);
    QTest::newRow("uint64 max") << b("18446744073709551615") << false << Q_INT64_C(0);
    QTest::newRow("20 digits") << b("00000000000000000001") << false << Q_INT64_C(0);
    QTest::newRow("huge") << b("123456789012345678901234567890") << false << Q_INT64_C(0);
    QTest::newRow("empty") << b("") << false << Q_INT64_C(0);
    QTest::newRow("negative") << b("-1") << false << Q_INT64_C(0);
    QTest::newRow("plus") << b("+1") << false << Q_INT64_C(0);
    QTest::newRow("letters") << b("12a") << false << Q_INT64_C(0);
    QTest::newRow("space") << b(" 1") << false << Q_INT64_C(0);
    QTest::newRow("float") << b("1.5") << false << Q_INT64_C(0);
}

void IdsTimeTest::parsesDecimalInt64() {
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    const std::optional<int64_t> got = parseDecimalInt64(sv(text));
    QCOMPARE(got.has_value(), valid);
    if (valid) QCOMPARE(*got, value);
}

void IdsTimeTest::convertsMicrosToNanos_data() {
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("nanos");
    QTest::newRow("0") << Q_INT64_C(0) << true << Q_INT64_C(0);
    QTest::newRow("1") << Q_INT64_C(1) << true << Q_INT64_C(1000);
    QTest::newRow("-1") << Q_INT64_C(-1) << true << Q_INT64_C(-1000);
    QTest::newRow("jaeger start") << Q_INT64_C(1485449191639875) << true
                                  << Q_INT64_C(1485449191639875000);
    QTest::newRow("limit") << kMax / 1000 << true << Q_INT64_C(9223372036854775000);
    QTest::newRow("-limit") << -(kMax / 1000) << true << Q_INT64_C(-9223372036854775000);
    QTest::newRow("limit + 1") << kMax / 1000 + 1 << false << Q_INT64_C(0);
    QTest::newRow("-limit - 1") << -(kMax / 1000) - 1 << false << Q_INT64_C(0);
    QTest::newRow("max") << kMax << false << Q_INT64_C(0);
    QTest::newRow("min") << kMin << false << Q_INT64_C(0);
}

void IdsTimeTest::convertsMicrosToNanos() {
    QFETCH(qint64, micros);
    QFETCH(bool, valid);
    QFETCH(qint64, nanos);
    const std::optional<int64_t> got = microsToNanos(micros);
    QCOMPARE(got.has_value(), valid);
    if (valid) QCOMPARE(*got, nanos);
}

QTEST_GUILESS_MAIN(IdsTimeTest)
#include "ids_time_test.moc"
