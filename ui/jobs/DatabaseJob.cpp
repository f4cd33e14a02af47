// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/DatabaseJob.h"

#include "ui/jobs/BackgroundTask.h"

#include <QApplication>
#include <QEvent>
#include <QProgressDialog>
#include <QTimer>
#include <limits>

namespace rapport::ui {

namespace {

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::Shortcut:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::ContextMenu:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::Drop:
        return true;
    default:
        return false;
    }
}

} // namespace

DatabaseJob::DatabaseJob(const QString& label, Cancel cancel, QWidget* parent)
    : m_task(std::make_unique<BackgroundTask>())
    , m_dialog(std::make_unique<QProgressDialog>(label, tr("Cancel"), 0, 0,
                                                 parent ? parent : QApplication::activeWindow()))
    , m_outcome(std::make_shared<Status>())
{
    m_dialog->setWindowTitle(QStringLiteral("Rapport"));
    m_dialog->setWindowModality(Qt::ApplicationModal);
    m_dialog->setAutoReset(false);
    m_dialog->setAutoClose(false);
    // QProgressDialog shows itself after its own delay once a value is set; this job decides when.
    m_dialog->setMinimumDuration(std::numeric_limits<int>::max());
    if (cancel == Cancel::NotAllowed)
        m_dialog->setCancelButton(nullptr);
    connect(m_dialog.get(), &QProgressDialog::canceled, m_task.get(), &BackgroundTask::cancel);
    connect(m_task.get(), &BackgroundTask::progressed, m_dialog.get(), [this](int permille) {
        if (permille >= 0) {
            m_dialog->setMaximum(1000);
            m_dialog->setValue(permille);
        }
    });
    connect(m_task.get(), &BackgroundTask::finished, this, &DatabaseJob::finish);
}

DatabaseJob* DatabaseJob::start(const QString& databasePath, const ChangeAttribution& attribution,
                                const QString& label, Job job, Cancel cancel, QWidget* parent)
{
    auto* started = new DatabaseJob(label, cancel, parent);
    // Until the modal dialog shows, the window still paints but takes no input: no second edit may
    // start while this one runs.
    qApp->installEventFilter(started);
    QTimer::singleShot(dialogDelayMs, started, &DatabaseJob::showDialog);
    started->m_task->start([outcome = started->m_outcome, databasePath, attribution,
                            job = std::move(job)](const ProgressCallback& report) {
        Result<std::unique_ptr<Database>> db = Database::open(databasePath);
        if (!db) {
            *outcome = db.error();
            return;
        }
        (*db)->setChangeAttribution(attribution);
        *outcome = job(**db, report);
    });
    return started;
}

DatabaseJob::~DatabaseJob()
{
    qApp->removeEventFilter(this);
}

bool DatabaseJob::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_finished && isUserInput(event->type()))
        return true;
    return QObject::eventFilter(watched, event);
}

void DatabaseJob::showDialog()
{
    if (m_finished)
        return;
    // The modal dialog blocks the other windows' input itself, and its Cancel must get the clicks.
    qApp->removeEventFilter(this);
    m_dialog->show();
}

void DatabaseJob::wait()
{
    m_task->wait();
}

void DatabaseJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    qApp->removeEventFilter(this);
    m_dialog->hide();
    emit finished(*m_outcome);
    deleteLater();
}

} // namespace rapport::ui
