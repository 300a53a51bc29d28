// Min/max-per-pixel-column decimation of line series, on hand-worked inputs.
#include <QTest>
#include <cmath>
#include <random>
#include <vector>

#include "views/charts/line_decimation.h"

using tg::view::decimateMinMax;

class LineDecimationTest : public QObject {
    Q_OBJECT
private slots:
    void keepsMinAndMaxPerColumnInTimeOrder();
    void keepsEverythingWhenFewPoints();
    void spikeAndDipSurvive();
    void neverMoreThanTwoPerColumn();
    void dropsOutsideRangeAndNonFinite();
};

void LineDecimationTest::keepsMinAndMaxPerColumnInTimeOrder() {
    // 10 points over [0, 10) in 2 columns of width 5: column 0 holds x 0..4 (y 1 5 2 2 9: min
    // 1 at x0, max 9 at x4), column 1 holds x 5..9 (y 0 3 3 3 4: min 0 at x5, max 4 at x9).
    const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const std::vector<double> y{1, 5, 2, 2, 9, 0, 3, 3, 3, 4};
    const QList<QPointF> got = decimateMinMax(x, y, 0, 10, 2);
    const QList<QPointF> want{{0, 1}, {4, 9}, {5, 0}, {9, 4}};
    QCOMPARE(got, want);

    // A column whose maximum comes before its minimum keeps that order (x 0..4: max 8 at x1,
    // min -1 at x3; x 5..9 all 2: one point, the first).
    const std::vector<double> y2{3, 8, 4, -1, 5, 2, 2, 2, 2, 2};
    const QList<QPointF> want2{{1, 8}, {3, -1}, {5, 2}};
    QCOMPARE(decimateMinMax(x, y2, 0, 10, 2), want2);
}

void LineDecimationTest::keepsEverythingWhenFewPoints() {
    // 6 points and 3 columns: 6 <= 2 * 3, so all are kept as they are.
    const std::vector<double> x{0, 1, 2, 3, 4, 5};
    const std::vector<double> y{5, 4, 3, 2, 1, 0};
    const QList<QPointF> got = decimateMinMax(x, y, 0, 6, 3);
    QCOMPARE(got.size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(got[i], QPointF(i, 5 - i));
}

void LineDecimationTest::spikeAndDipSurvive() {
    // 100,000 flat samples with one spike (x 50,000 -> 100) and one dip (x 70,001 -> -50),
    // drawn 100 pixels wide: both extremes must be among the points.
    const size_t n = 100'000;
    std::vector<double> x(n), y(n, 1.0);
    for (size_t i = 0; i < n; ++i)
        x[i] = double(i);
    y[50'000] = 100;
    y[70'001] = -50;
    const QList<QPointF> got = decimateMinMax(x, y, 0, double(n), 100);
    QVERIFY(got.size() <= 200);
    QVERIFY(got.contains(QPointF(50'000, 100)));
    QVERIFY(got.contains(QPointF(70'001, -50)));
}

void LineDecimationTest::neverMoreThanTwoPerColumn() {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> value(-1000, 1000);
    for (int width : {1, 2, 37, 640, 1999}) {
        std::vector<double> x(50'000), y(50'000);
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = double(i) * 0.37;
            y[i] = value(rng);
        }
        const QList<QPointF> got = decimateMinMax(x, y, x.front(), x.back(), width);
        QVERIFY2(got.size() <= 2 * width, qPrintable(QString::number(width)));
        for (qsizetype i = 1; i < got.size(); ++i)
            QVERIFY(got[i - 1].x() <= got[i].x());
        // The global extremes are each some column's extreme.
        const double hi = *std::max_element(y.begin(), y.end());
        const double lo = *std::min_element(y.begin(), y.end());
        bool seenHi = false, seenLo = false;
        for (const QPointF& p : got)
            seenHi |= p.y() == hi, seenLo |= p.y() == lo;
        QVERIFY(seenHi && seenLo);
    }
}

void LineDecimationTest::dropsOutsideRangeAndNonFinite() {
    // Range [2, 6]: x 0, 1 and 7 are outside; the NaN at x 3 and the infinity at x 5 are
    // skipped. Left: (2, 20), (4, 40), (6, 60).
    const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7};
    const std::vector<double> y{0, 10, 20, NAN, 40, INFINITY, 60, 70};
    const QList<QPointF> got = decimateMinMax(x, y, 2, 6, 10);
    const QList<QPointF> want{{2, 20}, {4, 40}, {6, 60}};
    QCOMPARE(got, want);
    QVERIFY(decimateMinMax(x, y, 100, 200, 10).isEmpty());
}

QTEST_GUILESS_MAIN(LineDecimationTest)
#include "line_decimation_test.moc"
