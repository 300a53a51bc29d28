#pragma once
// File ▸ Open Recent: the last opened inputs (files or sets of files), newest first, at most 10,
// kept in QSettings. Each entry reopens exactly the files it was opened with.
//
// Thread affinity: GUI thread.
#include <QObject>
#include <QStringList>

class QMenu;

namespace tg::app {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 10;
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    void add(const QStringList& paths);
    QList<QStringList> entries() const;

signals:
    void openRequested(const QStringList& paths);

private:
    void rebuild();
    QMenu* m_menu;
};

} // namespace tg::app
