// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ArchiveCheckPage.h"

#include "ui/importing/ArchiveImportWizard.h"
#include "ui/importing/ArchivePeopleModel.h"
#include "ui/widgets/TaskProgressRow.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace rapport::ui {

namespace {

// "bot: 3, not yours: 12", largest first.
QString reasons(const QMap<QString, qint64>& counted)
{
    QList<std::pair<QString, qint64>> sorted;
    for (auto it = counted.cbegin(); it != counted.cend(); ++it)
        sorted << std::pair{it.key(), it.value()};
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    QStringList parts;
    for (const auto& [reason, count] : sorted)
        parts << QStringLiteral("%1: %2").arg(reason.toHtmlEscaped()).arg(count);
    return parts.join(QStringLiteral(", "));
}

} // namespace

ArchiveCheckPage::ArchiveCheckPage(ArchiveImportWizard& wizard)
    : m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new TaskProgressRow(wizard.task(), tr("Cancel dry run"), this))
    , m_again(new QPushButton(tr("Run again"), this))
    , m_skipped(new QLabel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_peopleView(new QTableView(this))
    , m_choice(new QLabel(this))
{
    setTitle(tr("What the import would do"));
    setSubTitle(tr("A dry run: the whole archive is read and matched against your contacts, and nothing is "
                   "written. Untick the people you do not want in Rapport."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    for (QLabel* label : {m_status, m_skipped, m_choice}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_sorted->setSourceModel(m_wizard.people());
    m_sorted->setSortRole(Qt::UserRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_peopleView->setModel(m_sorted);
    m_peopleView->setSortingEnabled(true);
    m_peopleView->sortByColumn(ArchivePeopleModel::ConversationsColumn, Qt::DescendingOrder);
    m_peopleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peopleView->setAlternatingRowColors(true);
    m_peopleView->verticalHeader()->hide();
    m_peopleView->horizontalHeader()->setSectionResizeMode(ArchivePeopleModel::NameColumn,
                                                           QHeaderView::Stretch);
    m_peopleView->horizontalHeader()->setSectionResizeMode(ArchivePeopleModel::AddressColumn,
                                                           QHeaderView::Stretch);

    connect(m_again, &QPushButton::clicked, this, &ArchiveCheckPage::start);
    connect(m_wizard.people(), &ArchivePeopleModel::leftOutChanged, this, &ArchiveCheckPage::showChoice);
    connect(m_progress, &TaskProgressRow::finished, this, &ArchiveCheckPage::finished);

    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_again, 0, Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(progress);
    layout->addWidget(m_skipped);
    layout->addWidget(m_peopleView, 1);
    layout->addWidget(m_choice);
}

void ArchiveCheckPage::initializePage()
{
    start();
}

QPushButton* ArchiveCheckPage::cancelButton() const
{
    return m_progress->cancelButton();
}

bool ArchiveCheckPage::isRunning() const
{
    return m_progress->isRunning();
}

void ArchiveCheckPage::cleanupPage()
{
    if (isRunning()) {
        m_wizard.task().cancel();
        m_wizard.task().wait();
    }
}

bool ArchiveCheckPage::isComplete() const
{
    return !isRunning() && m_ready && m_wizard.people()->includedCount() > 0;
}

void ArchiveCheckPage::start()
{
    m_ready = false;
    m_wizard.people()->setPeople({});
    for (QWidget* hidden : {static_cast<QWidget*>(m_skipped), static_cast<QWidget*>(m_peopleView),
                            static_cast<QWidget*>(m_choice), static_cast<QWidget*>(m_again)})
        hidden->hide();
    m_progress->begin();
    setStatus(tr("Reading %1…").arg(m_wizard.path().toHtmlEscaped()), false);
    emit completeChanged();
    m_wizard.startRun(true);
}

void ArchiveCheckPage::finished()
{
    const std::optional<Result<ConversationReport>>& outcome = m_wizard.outcome();
    if (!outcome || !*outcome) {
        const bool cancelled = outcome && outcome->error().kind == ErrorKind::Cancelled;
        setStatus(cancelled ? tr("Cancelled: the archive was not read to its end, and nothing was written.")
                            : tr("This archive cannot be imported: %1")
                                  .arg(outcome ? outcome->error().message.toHtmlEscaped() : QString()),
                  !cancelled);
        m_again->show();
        emit completeChanged();
        return;
    }
    const ConversationReport& report = **outcome;
    m_ready = true;
    const QString conversations =
        report.created == 1 ? tr("1 conversation") : tr("%1 conversations").arg(report.created);
    setStatus(tr("<b>%1</b> to create (%2 outbound, %3 inbound), %4 already imported, from "
                 "%5 messages (%6).<br>Contacts: <b>%7 new</b>, %8 matched.")
                  .arg(conversations)
                  .arg(report.outbound)
                  .arg(report.inbound)
                  .arg(report.unchanged)
                  .arg(report.messages)
                  .arg(report.format.toHtmlEscaped())
                  .arg(report.contactsCreated)
                  .arg(report.contactsMatched),
              false);
    QStringList skipped;
    if (!report.skippedMessages.isEmpty())
        skipped << tr("Messages skipped — %1.").arg(reasons(report.skippedMessages));
    if (!report.skippedPeople.isEmpty())
        skipped << tr("People left out — %1.").arg(reasons(report.skippedPeople));
    m_skipped->setText(skipped.join(QStringLiteral("<br>")));
    m_skipped->setVisible(!skipped.isEmpty());
    m_wizard.people()->setPeople(report.people);
    m_peopleView->resizeColumnsToContents();
    m_peopleView->horizontalHeader()->setSectionResizeMode(ArchivePeopleModel::NameColumn,
                                                           QHeaderView::Stretch);
    m_peopleView->setVisible(!report.people.isEmpty());
    m_choice->show();
    showChoice();
}

void ArchiveCheckPage::showChoice()
{
    const qsizetype all = m_wizard.people()->rowCount();
    const qsizetype included = m_wizard.people()->includedCount();
    if (all == 0) {
        m_choice->setText(tr("Nobody to import: nothing in this archive is a conversation of yours."));
    } else if (included == all) {
        m_choice->setText(tr("All %n people will be imported.", nullptr, static_cast<int>(all)));
    } else {
        m_choice->setText(tr("%1 of %2 people will be imported; the conversations with the %3 unticked are "
                             "left out, and they do not become contacts.")
                              .arg(included)
                              .arg(all)
                              .arg(all - included));
    }
    emit completeChanged();
}

void ArchiveCheckPage::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828") : QString());
}

} // namespace rapport::ui
