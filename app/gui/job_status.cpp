#include "app/gui/job_status.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace tg::app {

JobStatus::JobStatus(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("sessionSummary"));
    m_jobText = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_cancel->setToolTip(tr("Stop the running job; what is loaded stays as it is"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_jobs.isEmpty()) return;
        const auto cancel = m_jobs.last().cancel; // may end the job (and so erase it)
        if (cancel) cancel();
    });
    layout->addWidget(m_jobText);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addSpacing(12);
    layout->addWidget(m_summary);
    refresh();
}

int JobStatus::begin(const QString& text, std::function<void()> cancel) {
    m_jobs.append({m_nextId, text, 0, 0, std::move(cancel)});
    refresh();
    return m_nextId++;
}

void JobStatus::update(int id, const QString& text, quint64 done, quint64 total) {
    for (Job& job : m_jobs) {
        if (job.id != id) continue;
        job.text = text;
        job.done = done;
        job.total = total;
    }
    refresh();
}

void JobStatus::end(int id) {
    m_jobs.removeIf([id](const Job& job) { return job.id == id; });
    refresh();
}

void JobStatus::setSummary(const QString& summary) {
    m_summary->setText(summary);
}

void JobStatus::refresh() {
    const bool busy = !m_jobs.isEmpty();
    m_jobText->setVisible(busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (!busy) return;
    const Job& job = m_jobs.last();
    QString text = job.text;
    if (job.total > 0) {
        const QLocale locale;
        text += QStringLiteral(" %1 / %2")
                    .arg(locale.formattedDataSize(qint64(job.done)),
                         locale.formattedDataSize(qint64(job.total)));
        m_progress->setRange(0, 1000);
        m_progress->setValue(
            int(1000.0 * double(std::min(job.done, job.total)) / double(job.total)));
    } else {
        m_progress->setRange(0, 0); // busy indicator
    }
    m_jobText->setText(text + QStringLiteral("…"));
    m_cancel->setEnabled(bool(job.cancel));
}

} // namespace tg::app
