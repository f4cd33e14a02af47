// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ArchiveResultPage.h"

#include "ui/importing/ArchiveImportWizard.h"
#include "ui/widgets/TaskProgressRow.h"

#include <QBoxLayout>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>

namespace rapport::ui {

ArchiveResultPage::ArchiveResultPage(ArchiveImportWizard& wizard)
    : m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new TaskProgressRow(wizard.task(), tr("Cancel import"), this))
{
    setTitle(tr("Import"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_progress, &TaskProgressRow::finished, this, &ArchiveResultPage::finished);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addStretch(1);
}

void ArchiveResultPage::initializePage()
{
    m_written = false;
    m_progress->begin();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Importing %1 in one transaction…").arg(m_wizard.path().toHtmlEscaped()));
    setSubTitle(QString());
    emit completeChanged();
    m_wizard.startRun(false);
}

QPushButton* ArchiveResultPage::cancelButton() const
{
    return m_progress->cancelButton();
}

bool ArchiveResultPage::isRunning() const
{
    return m_progress->isRunning();
}

bool ArchiveResultPage::isComplete() const
{
    return !isRunning();
}

void ArchiveResultPage::finished()
{
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
