// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ArchiveResultPage.h"

#include "ui/importing/ArchiveImportWizard.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace rapport::ui {

ArchiveResultPage::ArchiveResultPage(ArchiveImportWizard& wizard)
    : m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel import"), this))
{
    setTitle(tr("Import"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_wizard.task().cancel(); });
    connect(&m_wizard.task(), &BackgroundTask::progressed, this, [this](int permille) {
        if (m_running)
            showProgress(*m_progress, permille);
    });
    connect(&m_wizard.task(), &BackgroundTask::finished, this, [this] {
        if (m_running)
            finished();
    });
    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(progress);
    layout->addStretch(1);
}

void ArchiveResultPage::initializePage()
{
    m_running = true;
    m_written = false;
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Importing %1 in one transaction…").arg(m_wizard.path().toHtmlEscaped()));
    setSubTitle(QString());
    emit completeChanged();
    m_wizard.startRun(false);
}

bool ArchiveResultPage::isComplete() const
{
    return !m_running;
}

void ArchiveResultPage::finished()
{
    m_running = false;
    m_progress->hide();
    m_cancel->hide();
    const std::optional<Result<ConversationReport>>& outcome = m_wizard.outcome();
    if (outcome && *outcome && (*outcome)->written) {
        m_written = true;
        const ConversationReport& report = **outcome;
        setSubTitle(tr("Done: the lists and the scores are up to date."));
        m_status->setText(
            tr("<p>Imported from <b>%1</b> (%2):</p><table cellpadding=\"3\">"
               "<tr><td>Conversations created</td><td align=\"right\"><b>%3</b></td></tr>"
               "<tr><td>Already imported</td><td align=\"right\"><b>%4</b></td></tr>"
               "<tr><td>Contacts created</td><td align=\"right\"><b>%5</b></td></tr>"
               "<tr><td>Contacts matched</td><td align=\"right\"><b>%6</b></td></tr></table>")
                .arg(QFileInfo(m_wizard.path()).fileName().toHtmlEscaped(), report.format.toHtmlEscaped())
                .arg(report.created)
                .arg(report.unchanged)
                .arg(report.contactsCreated)
                .arg(report.contactsMatched));
        m_wizard.importWritten();
    } else {
        const QString reason = !outcome                                        ? tr("the import did not run")
                               : outcome->error().kind == ErrorKind::Cancelled ? tr("cancelled")
                                                                               : outcome->error().message;
        setSubTitle(tr("Nothing was imported: the database is as it was."));
        m_status->setStyleSheet(QStringLiteral("color: #c62828"));
        m_status->setText(tr("Nothing was imported: %1.").arg(reason.toHtmlEscaped()));
    }
    emit completeChanged();
}

} // namespace rapport::ui
