#include "app/gui/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace tg::app {
namespace {

const QString kKey = QStringLiteral("recentFiles");
const QChar kSeparator = QLatin1Char('\n'); // never in a path we accept

QString label(const QStringList& paths) {
    const QString first = QFileInfo(paths.first()).fileName();
    return paths.size() == 1
               ? first
               : QObject::tr("%1 and %n more", nullptr, int(paths.size() - 1)).arg(first);
}

} // namespace

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu) {
    rebuild();
}

QList<QStringList> RecentFiles::entries() const {
    QList<QStringList> out;
    for (const QString& e : QSettings().value(kKey).toStringList())
        if (!e.isEmpty()) out << e.split(kSeparator);
    return out;
}

void RecentFiles::add(const QStringList& paths) {
    if (paths.isEmpty()) return;
    QStringList stored = QSettings().value(kKey).toStringList();
    const QString entry = paths.join(kSeparator);
    stored.removeAll(entry);
    stored.prepend(entry);
    while (stored.size() > kMax)
        stored.removeLast();
    QSettings().setValue(kKey, stored);
    rebuild();
}

void RecentFiles::rebuild() {
    m_menu->clear();
    const QList<QStringList> list = entries();
    int index = 1;
    for (const QStringList& paths : list) {
        const QString prefix =
            index < 10 ? QStringLiteral("&%1 ").arg(index) : QStringLiteral("1&0 ");
        QAction* action = m_menu->addAction(prefix + label(paths));
        action->setToolTip(paths.join(QLatin1Char('\n')));
        action->setStatusTip(QDir::toNativeSeparators(paths.join(QStringLiteral(", "))));
        connect(action, &QAction::triggered, this, [this, paths] { emit openRequested(paths); });
        ++index;
    }
    if (list.isEmpty())
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
    else {
        m_menu->addSeparator();
        connect(m_menu->addAction(tr("Clear Menu")), &QAction::triggered, this, [this] {
            QSettings().remove(kKey);
            rebuild();
        });
    }
}

} // namespace tg::app
