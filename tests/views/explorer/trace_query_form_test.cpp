// The search form: attribute and duration parsing (table of inputs with the expected pairs,
// nanoseconds or errors, worked out by hand), the query made from filled fields, operations
// following the chosen service, and bad input naming the field without searching.
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "views/explorer/trace_query_form.h"

using tg::view::TraceQueryForm;
using Tags = std::vector<std::pair<std::string, std::string>>;

namespace {

tg::view::SearchCatalog catalog() {
    tg::view::SearchCatalog c;
    c.services = {QStringLiteral("checkout"), QStringLiteral("frontend")};
    c.operationsByService[QStringLiteral("checkout")] = {QStringLiteral("POST /pay")};
    c.operationsByService[QStringLiteral("frontend")] = {QStringLiteral("GET /checkout"),
                                                         QStringLiteral("GET /home")};
    c.operations = {QStringLiteral("GET /checkout"), QStringLiteral("GET /home"),
                    QStringLiteral("POST /pay")};
    c.startNs = 1'700'000'000'000'000'000; // 2023-11-14 22:13:20 UTC
    c.endNs = 1'700'000'004'000'000'000;   // 4 s later
    return c;
}

QStringList items(const QComboBox* box) {
    QStringList out;
    for (int i = 0; i < box->count(); ++i)
        out << box->itemText(i);
    return out;
}

} // namespace

class TraceQueryFormTest : public QObject {
    Q_OBJECT
private slots:
    void parsesTags_data();
    void parsesTags();
    void parsesDurations_data();
    void parsesDurations();
    void buildsQueryFromFields();
    void operationsFollowService();
    void badDurationNamesTheField();
    void returnSubmits();
};

void TraceQueryFormTest::parsesTags_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Tags>("expected");
    QTest::newRow("empty") << QString() << true << Tags{};
    QTest::newRow("one") << QStringLiteral("error=true") << true << Tags{{"error", "true"}};
    QTest::newRow("two, extra spaces")
        << QStringLiteral("  http.status_code=503   peer.service=db ") << true
        << Tags{{"http.status_code", "503"}, {"peer.service", "db"}};
    QTest::newRow("quoted value") << QStringLiteral("http.route=\"/a b\" x=1") << true
                                  << Tags{{"http.route", "/a b"}, {"x", "1"}};
    QTest::newRow("empty value") << QStringLiteral("k=") << true << Tags{{"k", ""}};
    QTest::newRow("value with =") << QStringLiteral("q=a=b") << true << Tags{{"q", "a=b"}};
    QTest::newRow("no =") << QStringLiteral("error") << false << Tags{};
    QTest::newRow("no key") << QStringLiteral("=x") << false << Tags{};
    QTest::newRow("open quote") << QStringLiteral("k=\"abc") << false << Tags{};
}

void TraceQueryFormTest::parsesTags() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(Tags, expected);
    Tags out;
    QString problem;
    QCOMPARE(tg::view::parseTagFilters(text, out, &problem), ok);
    if (ok) {
        QCOMPARE(out, expected);
    } else {
        QVERIFY(!problem.isEmpty());
    }
}

void TraceQueryFormTest::parsesDurations_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ns"); // -1: not a duration
    QTest::newRow("ms") << QStringLiteral("250ms") << qint64(250'000'000);
    QTest::newRow("s fraction") << QStringLiteral("1.5s") << qint64(1'500'000'000);
    QTest::newRow("us") << QStringLiteral("300us") << qint64(300'000);
    QTest::newRow("minutes") << QStringLiteral("2m") << qint64(120'000'000'000);
    QTest::newRow("bare number = ms") << QStringLiteral(" 12.5 ") << qint64(12'500'000);
    QTest::newRow("unknown unit") << QStringLiteral("5 parsecs") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1s") << qint64(-1);
    QTest::newRow("words") << QStringLiteral("slow") << qint64(-1);
}

void TraceQueryFormTest::parsesDurations() {
    QFETCH(QString, text);
    QFETCH(qint64, ns);
    const auto parsed = tg::view::parseDurationFilter(text);
    if (ns < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(qint64(*parsed), ns);
    }
}

void TraceQueryFormTest::buildsQueryFromFields() {
    TraceQueryForm form;
    form.setCatalog(catalog());
    // A reset form asks for everything.
    auto q = form.query();
    QVERIFY(q);
    QVERIFY(q->service.empty() && q->operation.empty() && q->tags.empty());
    QVERIFY(!q->minDurationNs && !q->maxDurationNs && !q->fromNs && !q->toNs);
    QVERIFY(!q->errorsOnly);
    QCOMPARE(q->limit, size_t(0));

    form.setService(QStringLiteral("frontend"));
    form.setOperation(QStringLiteral("GET /checkout"));
    form.tagsEdit()->setText(QStringLiteral("http.route=/charge"));
    form.minDurationEdit()->setText(QStringLiteral("100ms"));
    form.maxDurationEdit()->setText(QStringLiteral("2s"));
    form.errorsOnlyBox()->setChecked(true);
    form.fromBox()->setChecked(true);
    form.fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(1'700'000'001'000, Qt::UTC));
    form.toBox()->setChecked(true);
    form.toEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(1'700'000'002'500, Qt::UTC));
    form.limitBox()->setValue(20);
    q = form.query();
    QVERIFY(q);
    QCOMPARE(q->service, std::string("frontend"));
    QCOMPARE(q->operation, std::string("GET /checkout"));
    QCOMPARE(q->tags, (Tags{{"http.route", "/charge"}}));
    QCOMPARE(*q->minDurationNs, int64_t(100'000'000));
    QCOMPARE(*q->maxDurationNs, int64_t(2'000'000'000));
    QVERIFY(q->errorsOnly);
    QCOMPARE(*q->fromNs, int64_t(1'700'000'001'000'000'000));
    QCOMPARE(*q->toNs, int64_t(1'700'000'002'500'999'999)); // the whole last millisecond
    QCOMPARE(q->limit, size_t(20));

    form.reset();
    q = form.query();
    QVERIFY(q && q->service.empty() && !q->errorsOnly && !q->fromNs && q->tags.empty());
}

void TraceQueryFormTest::operationsFollowService() {
    TraceQueryForm form;
    form.setCatalog(catalog());
    QCOMPARE(items(form.serviceBox()),
             (QStringList{QString(), QStringLiteral("checkout"), QStringLiteral("frontend")}));
    QCOMPARE(items(form.operationBox()).size(), 4); // "any" + all three
    form.setService(QStringLiteral("checkout"));
    QCOMPARE(items(form.operationBox()), (QStringList{QString(), QStringLiteral("POST /pay")}));
    form.setService(QStringLiteral("frontend"));
    QCOMPARE(items(form.operationBox()), (QStringList{QString(), QStringLiteral("GET /checkout"),
                                                      QStringLiteral("GET /home")}));
}

void TraceQueryFormTest::badDurationNamesTheField() {
    TraceQueryForm form;
    form.setCatalog(catalog());
    form.minDurationEdit()->setText(QStringLiteral("fast"));
    QString problem;
    QVERIFY(!form.query(&problem));
    QVERIFY2(problem.contains(QStringLiteral("fast")), qPrintable(problem));
    form.minDurationEdit()->setText(QStringLiteral("2s"));
    form.maxDurationEdit()->setText(QStringLiteral("1s"));
    QVERIFY(!form.query(&problem));
    QVERIFY2(problem.contains(QStringLiteral("maximum")), qPrintable(problem));
    form.tagsEdit()->setText(QStringLiteral("novalue"));
    form.maxDurationEdit()->clear();
    QVERIFY(!form.query(&problem));
    QVERIFY2(problem.contains(QStringLiteral("novalue")), qPrintable(problem));
}

void TraceQueryFormTest::returnSubmits() {
    TraceQueryForm form;
    form.setCatalog(catalog());
    form.show();
    QSignalSpy submitted(&form, &TraceQueryForm::submitted);
    form.minDurationEdit()->setFocus();
    QTest::keyClick(form.minDurationEdit(), Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QTest::mouseClick(form.findButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 2);
}

QTEST_MAIN(TraceQueryFormTest)
#include "trace_query_form_test.moc"
