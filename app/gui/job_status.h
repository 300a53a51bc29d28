#pragma once
// The status bar's job area: a short session summary, and for the most recent running job
// (import, layout, export) its stage, a progress bar (bytes when known, busy otherwise) and a
// Cancel button that calls the job's cancel function.
//
// Thread affinity: GUI thread (a widget); jobs report through their owners' signals.
#include <QList>
#include <QWidget>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tg::app {

class JobStatus : public QWidget {
    Q_OBJECT
public:
    explicit JobStatus(QWidget* parent = nullptr);

    int begin(const QString& text, std::function<void()> cancel); // returns the job id
    void update(int id, const QString& text, quint64 done, quint64 total);
    void end(int id);
    void setSummary(const QString& summary);
    bool hasJobs() const { return !m_jobs.isEmpty(); }

    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    struct Job {
        int id = 0;
        QString text;
        quint64 done = 0;
        quint64 total = 0;
        std::function<void()> cancel;
    };
    void refresh();

    QList<Job> m_jobs; // running jobs; the last one is shown
    int m_nextId = 1;
    QLabel* m_summary = nullptr;
    QLabel* m_jobText = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace tg::app
