// The comparison view on two hand-built traces. A ("aaa"): frontend GET / [0,100] >
// cart get [10,50] > db query [20,30]. B ("bbb"): frontend GET / [0,150] > cart get [10,40],
// payments charge [50,140]. Worked out by hand (ms):
//   frontend: A 100 self 60 (100 − 40 covered), B 150 self 30 (150 − 30 − 90) → Δ +50, self −30
//   cart:     A 40 self 30 (40 − 10),            B 30 self 30                  → Δ −10, self 0
//   db query: only in A, 10, self 10                                          → Δ −10, self −10
//   payments: only in B, 90, self 90                                          → Δ +90, self +90
// By service (self): payments +90, frontend −30, db −10 (cart 0 is left out); net +50.
#include <QAbstractItemModelTester>
#include <QBrush>
#include <QLabel>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include "models/trace/trace_compare.h"
#include "models/trace/trace_tree.h"
#include "tests/views/explorer/explorer_test_data.h"
#include "views/explorer/trace_compare_model.h"
#include "views/explorer/trace_compare_view.h"

using tg::test::kMs;
using tg::view::TraceCompareModel;

namespace {

std::shared_ptr<const tg::model::TraceComparison> buildComparison() {
    tg::test::ExplorerTestData data;
    tg::test::buildExplorerTestData(data, {
                                              {"aaa", 1, 0, 0, 100, "frontend", "GET /"},
                                              {"aaa", 2, 1, 10, 50, "cart", "get"},
                                              {"aaa", 3, 2, 20, 30, "db", "query"},
                                              {"bbb", 4, 0, 0, 150, "frontend", "GET /"},
                                              {"bbb", 5, 4, 10, 40, "cart", "get"},
                                              {"bbb", 6, 4, 50, 140, "payments", "charge"},
                                          });
    const auto& index = *data.index;
    auto treeOf = [&](size_t t) {
        const auto rows = index.rowsOf(index.traces[t]);
        return tg::model::TraceTree::build(*data.dataset, data.structure,
                                           std::vector<uint32_t>(rows.begin(), rows.end()));
    };
    // Both start at the same time: the index orders them by id, "aaa" first.
    return std::make_shared<const tg::model::TraceComparison>(
        tg::model::compareTraces(*data.dataset, treeOf(0), treeOf(1)));
}

QString text(const QModelIndex& i) {
    return i.data().toString();
}

} // namespace

class TraceCompareViewTest : public QObject {
    Q_OBJECT
private slots:
    void modelShowsAlignedTree();
    void differencesAreColoured();
    void viewShowsSummaryAndHeadline();
};

void TraceCompareViewTest::modelShowsAlignedTree() {
    TraceCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(buildComparison());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex frontend = model.index(0, TraceCompareModel::kName);
    QCOMPARE(text(frontend), QStringLiteral("frontend: GET /"));
    QCOMPARE(text(frontend.siblingAtColumn(TraceCompareModel::kLeft)), QStringLiteral("100 ms"));
    QCOMPARE(text(frontend.siblingAtColumn(TraceCompareModel::kRight)), QStringLiteral("150 ms"));
    QCOMPARE(frontend.data(TraceCompareModel::kDeltaNsRole).toLongLong(), 50 * kMs);
    QCOMPARE(frontend.data(TraceCompareModel::kSelfDeltaNsRole).toLongLong(), -30 * kMs);
    QCOMPARE(text(frontend.siblingAtColumn(TraceCompareModel::kLeftSelf)),
             QStringLiteral("60.0 ms"));
    QCOMPARE(text(frontend.siblingAtColumn(TraceCompareModel::kRightSelf)),
             QStringLiteral("30.0 ms"));
    QCOMPARE(model.rowCount(frontend), 2); // cart (both), payments (B only)

    const QModelIndex cart = model.index(0, 0, frontend);
    QCOMPARE(text(cart), QStringLiteral("cart: get"));
    QCOMPARE(cart.data(TraceCompareModel::kPresenceRole).toString(), QStringLiteral("both"));
    QCOMPARE(cart.data(TraceCompareModel::kDeltaNsRole).toLongLong(), -10 * kMs);
    QCOMPARE(model.rowCount(cart), 1);
    const QModelIndex db = model.index(0, 0, cart);
    QCOMPARE(db.data(TraceCompareModel::kPresenceRole).toString(), QStringLiteral("left"));
    QVERIFY(text(db).contains(QStringLiteral("only in A")));
    QCOMPARE(text(db.siblingAtColumn(TraceCompareModel::kRight)), QStringLiteral("\u2014"));
    QCOMPARE(db.data(TraceCompareModel::kDeltaNsRole).toLongLong(), -10 * kMs);
    QCOMPARE(db.parent(), cart);

    const QModelIndex payments = model.index(1, 0, frontend);
    QCOMPARE(payments.data(TraceCompareModel::kPresenceRole).toString(), QStringLiteral("right"));
    QVERIFY(text(payments).contains(QStringLiteral("only in B")));
    QCOMPARE(text(payments.siblingAtColumn(TraceCompareModel::kLeft)), QStringLiteral("\u2014"));
    QCOMPARE(text(payments.siblingAtColumn(TraceCompareModel::kDelta)), QStringLiteral("+90.0 ms"));
    QVERIFY(payments.data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(payments.parent(), frontend);
}

void TraceCompareViewTest::differencesAreColoured() {
    TraceCompareModel model;
    model.setComparison(buildComparison());
    const QModelIndex frontend = model.index(0, 0);
    const QColor slower = frontend.siblingAtColumn(TraceCompareModel::kDelta)
                              .data(Qt::ForegroundRole)
                              .value<QBrush>()
                              .color();
    const QColor faster = frontend.siblingAtColumn(TraceCompareModel::kSelfDelta)
                              .data(Qt::ForegroundRole)
                              .value<QBrush>()
                              .color();
    QVERIFY2(slower.red() > 150 && slower.green() < 100, "slower (B spent more) is red");
    QVERIFY2(faster.green() > 120 && faster.red() < 100, "faster is green");
    // cart's self time did not change: no colour.
    const QModelIndex cart = model.index(0, TraceCompareModel::kSelfDelta, frontend);
    QCOMPARE(text(cart), QStringLiteral("\u00B10"));
    QVERIFY(!cart.data(Qt::ForegroundRole).isValid());
}

void TraceCompareViewTest::viewShowsSummaryAndHeadline() {
    tg::view::TraceCompareView view;
    view.resize(900, 600);
    view.show();
    view.setComparison(buildComparison(), QStringLiteral("frontend: GET / (fast)"),
                       QStringLiteral("frontend: GET / (slow)"));
    QTreeWidget* summary = view.summary();
    QCOMPARE(summary->topLevelItemCount(), 3);
    QCOMPARE(summary->topLevelItem(0)->text(0), QStringLiteral("payments"));
    QCOMPARE(summary->topLevelItem(0)->text(1), QStringLiteral("+90.0 ms"));
    QCOMPARE(summary->topLevelItem(0)->text(2), QStringLiteral("180%")); // 90 of the net 50
    QCOMPARE(summary->topLevelItem(1)->text(0), QStringLiteral("frontend"));
    QCOMPARE(summary->topLevelItem(1)->text(1), QStringLiteral("\u221230.0 ms"));
    QCOMPARE(summary->topLevelItem(2)->text(0), QStringLiteral("db"));
    QCOMPARE(summary->topLevelItem(2)->text(1), QStringLiteral("\u221210.0 ms"));
    const QString headline = view.headline()->text();
    QVERIFY2(headline.contains(QStringLiteral("50.0 ms slower")), qPrintable(headline));
    QVERIFY2(headline.contains(QStringLiteral("+50%")), qPrintable(headline));
    QVERIFY(headline.contains(QStringLiteral("(slow)")));
    // The tree is expanded: the B-only payments row is visible.
    const QModelIndex payments = view.model()->index(1, 0, view.model()->index(0, 0));
    QVERIFY(view.tree()->isExpanded(view.model()->index(0, 0)));
    QVERIFY(!view.tree()->visualRect(payments).isEmpty());
    view.clear();
    QCOMPARE(view.summary()->topLevelItemCount(), 0);
    QCOMPARE(view.model()->rowCount(), 0);
}

QTEST_MAIN(TraceCompareViewTest)
#include "trace_compare_view_test.moc"
