// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/BackgroundTask.h"

#include <QProgressBar>
#include <QThread>
#include <algorithm>

namespace rapport::ui {

BackgroundTask::BackgroundTask(QObject* parent)
    : QObject(parent)
{}

BackgroundTask::~BackgroundTask()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void BackgroundTask::start(Job job)
{
    Q_ASSERT(!m_thread);
    m_cancelled = false;
    m_permille = -2;
    m_thread.reset(QThread::create([this, job = std::move(job)] {
        job([this](qint64 done, qint64 total) {
            const int permille =
                total > 0 ? static_cast<int>(std::min<qint64>(1000, done * 1000 / total)) : -1;
            // Signals only when the shown value changes: a job reports thousands of times a second.
            if (m_permille.exchange(permille) != permille)
                emit progressed(permille);
            return !m_cancelled.load();
        });
    }));
    // wait() may have finished this job already; a late signal must not finish the next one.
    connect(m_thread.get(), &QThread::finished, this, [this, thread = m_thread.get()] {
        if (m_thread.get() == thread)
            finish();
    });
    m_thread->start();
}

void BackgroundTask::wait()
{
    if (m_thread) {
        m_thread->wait();
        finish();
    }
}

void BackgroundTask::finish()
{
    if (!m_thread)
        return;
    // Deleted here rather than later: the owner may start the next job from finished().
    m_thread->wait();
    m_thread.reset();
    emit finished();
}

void showProgress(QProgressBar& bar, int permille)
{
    bar.setRange(0, permille < 0 ? 0 : 1000);
    if (permille >= 0)
        bar.setValue(permille);
}

} // namespace rapport::ui
