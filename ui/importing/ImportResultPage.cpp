// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportResultPage.h"

#include "ui/importing/ImportWizard.h"
#include "ui/widgets/TaskProgressRow.h"

#include <QBoxLayout>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>

namespace rapport::ui {

ImportResultPage::ImportResultPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new TaskProgressRow(wizard.task(), tr("Cancel import"), this))
{
    setTitle(tr("Import"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_progress, &TaskProgressRow::finished, this, &ImportResultPage::finished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addStretch(1);
}

void ImportResultPage::initializePage()
{
    m_written = false;
    m_progress->begin();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Importing %1 in one transaction…").arg(m_wizard.path()));
    setSubTitle(QString());
    emit completeChanged();
    m_wizard.startImport(false);
}

QPushButton* ImportResultPage::cancelButton() const
{
    return m_progress->cancelButton();
}

bool ImportResultPage::isRunning() const
{
    return m_progress->isRunning();
}

bool ImportResultPage::isComplete() const
{
    return !isRunning();
}

void ImportResultPage::finished()
{
    const std::optional<Result<ImportReport>>& outcome = m_wizard.outcome();
    if (outcome && *outcome && (*outcome)->written) {
        m_written = true;
        const ImportReport& report = **outcome;
        setSubTitle(tr("Done: the lists and the scores are up to date."));
        QString text =
            tr("<p>Imported %1 from <b>%2</b> (%3):</p>")
                .arg(importTargetName(m_wizard.target()),
                     QFileInfo(m_wizard.path()).fileName().toHtmlEscaped(), report.format.toHtmlEscaped());
        text += QStringLiteral("<table cellpadding=\"3\">");
        const std::pair<QString, qint64> counts[] = {{tr("Created"), report.created},
                                                     {tr("Updated"), report.updated},
                                                     {tr("Unchanged"), report.unchanged},
                                                     {tr("Skipped"), report.skipped}};
        for (const auto& [label, count] : counts)
            text += QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
                        .arg(label)
                        .arg(count);
        text += QStringLiteral("</table>");
        for (const QString& reason : report.skippedReasons)
            text += QStringLiteral("<br>") + reason.toHtmlEscaped();
        if (report.lookAlikeCount > 0) {
            text +=
                QStringLiteral("<p>") + (report.lookAlikeCount == 1
                                             ? tr("1 new contact looks like one that was already there:")
                                             : tr("%1 new contacts look like ones that were already there:")
                                                   .arg(report.lookAlikeCount));
            for (const QString& lookAlike : report.lookAlikes)
                text += QStringLiteral("<br>") + lookAlike.toHtmlEscaped();
            text += QStringLiteral("<br>") +
                    tr("Relationship > Find possible duplicates (%1) merges them.")
                        .arg(QKeySequence(tr("Ctrl+Shift+D")).toString(QKeySequence::NativeText));
            text += QStringLiteral("</p>");
        }
        m_status->setText(text);
        m_wizard.importWritten();
    } else {
        QString reason;
        if (!outcome)
            reason = tr("the import did not run");
        else if (!*outcome)
            reason =
                outcome->error().kind == ErrorKind::Cancelled ? tr("cancelled") : outcome->error().message;
        else
            reason = (*outcome)->errors.value(0, tr("the file changed since it was checked"));
        setSubTitle(tr("Nothing was imported: the database is as it was."));
        m_status->setStyleSheet(QStringLiteral("color: #c62828"));
        m_status->setText(tr("Nothing was imported: %1.").arg(reason.toHtmlEscaped()));
    }
    emit completeChanged();
}

} // namespace rapport::ui
