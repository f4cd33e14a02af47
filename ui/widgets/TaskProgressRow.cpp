// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/TaskProgressRow.h"

#include "ui/jobs/BackgroundTask.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>

namespace rapport::ui {

TaskProgressRow::TaskProgressRow(BackgroundTask& task, const QString& cancelText, QWidget* parent)
    : QWidget(parent)
    , m_task(task)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(cancelText, this))
{
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_task.cancel(); });
    connect(&m_task, &BackgroundTask::progressed, this, [this](int permille) {
        if (m_running)
            showProgress(*m_progress, permille);
    });
    connect(&m_task, &BackgroundTask::finished, this, [this] {
        if (!m_running)
            return;
        m_running = false;
        hide();
        emit finished();
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    hide();
}

void TaskProgressRow::begin()
{
    m_running = true;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    show();
}

} // namespace rapport::ui
