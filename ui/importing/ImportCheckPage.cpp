// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportCheckPage.h"

#include "ui/importing/ImportWizard.h"
#include "ui/widgets/TaskProgressRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>

namespace rapport::ui {

ImportCheckPage::ImportCheckPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new TaskProgressRow(wizard.task(), tr("Cancel check"), this))
    , m_again(new QPushButton(tr("Check again"), this))
    , m_problems(new QStringListModel(this))
    , m_problemsView(new QListView(this))
    , m_warning(new QLabel(this))
{
    setTitle(tr("Check every row"));
    setSubTitle(tr("A dry run of the import: every row is read and checked against the database, and "
                   "nothing is written."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsView->setModel(m_problems);
    m_problemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemsView->setWordWrap(true);
    m_problemsView->setAlternatingRowColors(true);
    m_warning->setWordWrap(true);
    m_warning->setText(tr("<b>An import cannot be undone.</b> Import writes every row in one transaction: "
                          "all of them, or none if anything fails. Edit > Undo does not reach it, and the "
                          "undo history is cleared afterwards."));

    connect(m_again, &QPushButton::clicked, this, &ImportCheckPage::start);
    connect(m_progress, &TaskProgressRow::finished, this, &ImportCheckPage::finished);

    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_again, 0, Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(progress);
    // The list takes the room when it is shown; otherwise the texts stay at the top.
    layout->addWidget(m_problemsView, 100);
    layout->addWidget(m_warning);
    layout->addStretch(1);
}

void ImportCheckPage::initializePage()
{
    start();
}

QPushButton* ImportCheckPage::cancelButton() const
{
    return m_progress->cancelButton();
}

bool ImportCheckPage::isRunning() const
{
    return m_progress->isRunning();
}

void ImportCheckPage::cleanupPage()
{
    if (isRunning()) {
        m_wizard.task().cancel();
        m_wizard.task().wait();
    }
}

bool ImportCheckPage::isComplete() const
{
    return !isRunning() && m_ready;
}

void ImportCheckPage::start()
{
    m_ready = false;
    m_problems->setStringList({});
    m_problemsView->hide();
    m_warning->hide();
    m_again->hide();
    m_progress->begin();
    setStatus(tr("Checking %1…").arg(m_wizard.path()), false);
    emit completeChanged();
    m_wizard.startImport(true);
}

void ImportCheckPage::finished()
{
    const std::optional<Result<ImportReport>>& outcome = m_wizard.outcome();
    QStringList lines;
    if (!outcome || !*outcome) {
        const bool cancelled = outcome && outcome->error().kind == ErrorKind::Cancelled;
        setStatus(cancelled ? tr("Cancelled: the file was not checked, and nothing was written.")
                            : tr("This file cannot be imported. Go Back to change the encoding or the "
                                 "columns, or correct the file:"),
                  !cancelled);
        if (outcome && !cancelled)
            lines << outcome->error().message;
        m_again->show();
    } else if (!(*outcome)->ok()) {
        const ImportReport& report = **outcome;
        setStatus(report.errorCount == 1
                      ? tr("1 problem: nothing will be imported until it is corrected.")
                      : tr("%1 problems: nothing will be imported until they are corrected.")
                            .arg(report.errorCount),
                  true);
        lines = report.errors;
        if (report.errorCount > report.errors.size())
            lines << tr("… and %1 more").arg(report.errorCount - report.errors.size());
        m_again->show();
    } else {
        const ImportReport& report = **outcome;
        m_ready = true;
        const QString counted = m_wizard.preview().cards
                                    ? tr("%n cards", nullptr, static_cast<int>(report.rows))
                                    : tr("%n rows", nullptr, static_cast<int>(report.rows));
        setStatus(tr("<b>%1</b> (%2, %3): ready to import.")
                      .arg(report.summary(), counted, report.format.toHtmlEscaped()),
                  false);
        lines = report.skippedReasons;
        if (!report.unimportedProperties.isEmpty())
            lines << tr("vCard properties not imported: %1")
                         .arg(report.unimportedProperties.join(QStringLiteral(", ")));
        m_warning->show();
    }
    m_problems->setStringList(lines);
    m_problemsView->setVisible(!lines.isEmpty());
    emit completeChanged();
}

void ImportCheckPage::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828") : QString());
}

} // namespace rapport::ui
