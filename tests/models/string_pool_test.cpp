// StringPool: stable dense ids, id 0 = "", views that survive growth (block storage), find().
#include <QTest>

#include <string>
#include <string_view>
#include <vector>

#include "models/core/string_pool.h"

using namespace tg::model;

class StringPoolTest : public QObject {
    Q_OBJECT
private slots:
    void idZeroIsEmpty();
    void idsAreDenseAndStable();
    void distinguishesSimilarStrings();
    void viewsSurviveManyInserts();
    void stringLargerThanABlock();
    void findDoesNotInsert();
};

void StringPoolTest::idZeroIsEmpty() {
    StringPool pool;
    QCOMPARE(pool.size(), size_t(1));
    QCOMPARE(pool.view(0), std::string_view());
    QCOMPARE(pool.intern(""), StringId(0));
    QCOMPARE(pool.intern(std::string_view()), StringId(0));
    QCOMPARE(pool.size(), size_t(1));
    StringId id = 99;
    QVERIFY(pool.find("", id));
    QCOMPARE(id, StringId(0));
}

void StringPoolTest::idsAreDenseAndStable() {
    StringPool pool;
    QCOMPARE(pool.intern("frontend"), StringId(1));
    QCOMPARE(pool.intern("checkout"), StringId(2));
    QCOMPARE(pool.intern("frontend"), StringId(1));
    QCOMPARE(pool.intern("GET /cart"), StringId(3));
    QCOMPARE(pool.intern("checkout"), StringId(2));
    QCOMPARE(pool.size(), size_t(4));
    // The id of an early string does not change while the table is rehashed many times.
    for (int i = 0; i < 50000; ++i)
        pool.intern("k" + std::to_string(i));
    QCOMPARE(pool.intern("frontend"), StringId(1));
    QCOMPARE(pool.intern("GET /cart"), StringId(3));
    QCOMPARE(pool.intern("k0"), StringId(4));
    QCOMPARE(pool.intern("k49999"), StringId(4 + 49999));
    QCOMPARE(pool.size(), size_t(4 + 50000));
    for (int i = 0; i < 50000; i += 997)
        QCOMPARE(pool.view(StringId(4 + i)), std::string_view("k" + std::to_string(i)));
}

void StringPoolTest::distinguishesSimilarStrings() {
    StringPool pool;
    const std::string withNul("a\0b", 3);
    const StringId a = pool.intern("a");
    const StringId nul = pool.intern(withNul);
    const StringId ab = pool.intern("ab");
    const StringId upper = pool.intern("A");
    const StringId eight = pool.intern("12345678"); // exactly one 8-byte word in the hash
    const StringId nine = pool.intern("123456789"); // one word plus a tail byte
    QVERIFY(a != nul && nul != ab && a != ab && a != upper && eight != nine);
    QCOMPARE(pool.view(nul), std::string_view(withNul));
    QCOMPARE(pool.view(nul).size(), size_t(3));
    QCOMPARE(pool.intern(withNul), nul);
    QCOMPARE(pool.view(nine), std::string_view("123456789"));
    // Non-ASCII text is stored byte for byte.
    const StringId utf8 = pool.intern("Zürich µs ✓");
    QCOMPARE(pool.view(utf8), std::string_view("Zürich µs ✓"));
}

void StringPoolTest::viewsSurviveManyInserts() {
    StringPool pool;
    struct Kept {
        StringId id;
        std::string text;
        std::string_view view;
    };
    std::vector<Kept> kept;
    size_t bytes = 0;
    // ~3 MiB of distinct strings: several 1 MiB blocks get filled; views taken early must still
    // point at the same bytes at the end (the pool never moves stored text).
    for (int i = 0; bytes < 3u * 1024 * 1024; ++i) {
        std::string s = "service-" + std::to_string(i) + "/operation/" +
                        std::string(static_cast<size_t>(i % 40), 'x');
        bytes += s.size();
        const StringId id = pool.intern(s);
        if (i % 101 == 0) kept.push_back({id, s, pool.view(id)});
    }
    QVERIFY(kept.size() > 100);
    QVERIFY(pool.bytesUsed() >= bytes);
    for (const Kept& k : kept) {
        QCOMPARE(k.view, std::string_view(k.text)); // the old view still reads right
        QCOMPARE(static_cast<const void*>(pool.view(k.id).data()),
                 static_cast<const void*>(k.view.data()));
        QCOMPARE(pool.intern(k.text), k.id);
        StringId found = 0;
        QVERIFY(pool.find(k.text, found));
        QCOMPARE(found, k.id);
    }
}

void StringPoolTest::stringLargerThanABlock() {
    StringPool pool;
    const StringId before = pool.intern("before");
    const std::string_view beforeView = pool.view(before);
    const std::string big(3u * 1024 * 1024 + 17, 'b'); // larger than a whole block
    const std::string medium(300 * 1024, 'm');         // a quarter block: gets its own block
    const StringId bigId = pool.intern(big);
    const StringId after = pool.intern("after"); // goes on into the small-string block
    const StringId mediumId = pool.intern(medium);
    const StringId after2 = pool.intern("after2");
    std::vector<StringId> small;
    for (int i = 0; i < 70000; ++i)
        small.push_back(pool.intern("small-string-number-" + std::to_string(i)));

    QCOMPARE(pool.view(bigId).size(), big.size());
    QVERIFY(pool.view(bigId) == std::string_view(big));
    QVERIFY(pool.view(mediumId) == std::string_view(medium));
    QCOMPARE(pool.view(before), std::string_view("before"));
    QCOMPARE(static_cast<const void*>(pool.view(before).data()),
             static_cast<const void*>(beforeView.data()));
    QCOMPARE(pool.view(after), std::string_view("after"));
    QCOMPARE(pool.view(after2), std::string_view("after2"));
    for (int i = 0; i < 70000; i += 1111)
        QCOMPARE(pool.view(small[static_cast<size_t>(i)]),
                 std::string_view("small-string-number-" + std::to_string(i)));
    QCOMPARE(pool.intern(big), bigId);
    StringId found = 0;
    QVERIFY(pool.find(medium, found));
    QCOMPARE(found, mediumId);
    // A pool whose very first string is large still stores small strings afterwards.
    StringPool first;
    const StringId firstBig = first.intern(big);
    const StringId tiny = first.intern("tiny");
    QCOMPARE(first.view(tiny), std::string_view("tiny"));
    QVERIFY(first.view(firstBig) == std::string_view(big));
}

void StringPoolTest::findDoesNotInsert() {
    StringPool pool;
    pool.intern("present");
    StringId id = 12345;
    QVERIFY(!pool.find("absent", id));
    QCOMPARE(id, StringId(12345)); // untouched on a miss
    QCOMPARE(pool.size(), size_t(2));
    QVERIFY(pool.find("present", id));
    QCOMPARE(id, StringId(1));
    // A prefix or extension of a present string is a different key.
    QVERIFY(!pool.find("presen", id));
    QVERIFY(!pool.find("present ", id));
    QCOMPARE(pool.size(), size_t(2));
}

QTEST_GUILESS_MAIN(StringPoolTest)
#include "string_pool_test.moc"
