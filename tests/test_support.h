#pragma once
// Small helpers shared by tests: where the shared fixtures are, and skipping with a clear
// message when they are absent (CI always has them; a bare checkout may not).
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace tg::test {

// Cleaned ("a/../b" → "b"), as the app stores the paths it opens: tools/dev.sh configures the
// folder as <repo>/../shared/fixtures.
inline QString fixturePath(const QString& relative) {
    return QDir::cleanPath(QStringLiteral(TOPOGRAPH_FIXTURES_DIR) + QLatin1Char('/') + relative);
}

inline QString testDataPath(const QString& relative) {
    return QStringLiteral(TOPOGRAPH_TEST_DATA_DIR) + QLatin1Char('/') + relative;
}

} // namespace tg::test

// Skips the current test when the shared fixtures folder is missing.
#define TG_REQUIRE_FIXTURE(relative)                                                               \
    do {                                                                                           \
        if (!QFileInfo::exists(tg::test::fixturePath(relative)))                                   \
            QSKIP(qPrintable(                                                                      \
                QStringLiteral("shared fixture absent: %1 (set TOPOGRAPH_FIXTURES_DIR)")           \
                    .arg(tg::test::fixturePath(relative))));                                       \
    } while (0)
