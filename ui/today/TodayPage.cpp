// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/today/TodayPage.h"

#include "core/base/Clock.h"
#include "core/storage/TeamMemberRepository.h"
#include "ui/session/DatabaseSession.h"
#include "ui/today/DueFollowUpModel.h"
#include "ui/today/SuggestionModel.h"
#include "ui/undo/FollowUpCommands.h"
#include "ui/undo/ReachOutCommands.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/DeferredRefresh.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

const QString limitKey = QStringLiteral("today/limit");
constexpr int maximumLimit = 100;

QTableView* newTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QLabel* sectionLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    return label;
}

// The end of the day `days` from today, in local time: a snooze ends when that day begins.
qint64 startOfDayIn(int days)
{
    const QDate day = QDateTime::fromSecsSinceEpoch(Clock::nowSeconds()).date().addDays(days);
    return QDateTime(day, QTime(0, 0)).toSecsSinceEpoch();
}

} // namespace

TodayPage::TodayPage(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_dueModel(new DueFollowUpModel(this))
    , m_reachOutModel(new SuggestionModel(this))
    , m_rekindleModel(new SuggestionModel(this))
    , m_deferredRefresh(new DeferredRefresh(this, [this] { refresh(); }))
{
    setObjectName(QStringLiteral("todayPage"));
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("todayOwner"));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_limit = new QSpinBox(this);
    m_limit->setObjectName(QStringLiteral("todayLimit"));
    m_limit->setRange(1, maximumLimit);
    m_limit->setValue(QSettings().value(limitKey, defaultTodayLimit).toInt());
    m_limit->setSuffix(tr(" people"));
    fillOwners();

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    auto* forLabel = new QLabel(tr("&For:"), this);
    forLabel->setBuddy(m_owner);
    header->addWidget(forLabel);
    header->addWidget(m_owner);
    auto* limitLabel = new QLabel(tr("&Suggest up to:"), this);
    limitLabel->setBuddy(m_limit);
    header->addWidget(limitLabel);
    header->addWidget(m_limit);

    m_dueSummary = sectionLabel(this);
    m_dueTable = newTable(m_dueModel, QStringLiteral("todayFollowUps"), this);
    m_dueTable->setColumnWidth(DueFollowUpModel::DueColumn, 110);
    m_dueTable->setColumnWidth(DueFollowUpModel::NameColumn, 200);
    m_dueTable->setColumnWidth(DueFollowUpModel::KindColumn, 110);
    m_dueTable->setColumnWidth(DueFollowUpModel::TextColumn, 360);
    m_done = new QPushButton(tr("D&one"), this);
    m_kept = new QPushButton(tr("&Kept"), this);
    m_broken = new QPushButton(tr("&Broken"), this);
    m_drop = new QPushButton(tr("Dro&p"), this);
    m_done->setToolTip(tr("The reach-out happened."));
    m_kept->setToolTip(tr("The promise was kept: writes a “commitment kept” trust note."));
    m_broken->setToolTip(tr("The promise was broken: writes a “commitment broken” trust note."));
    m_drop->setToolTip(tr("No longer needed."));
    auto* followUpActions = new QHBoxLayout;
    for (auto [button, status] :
         {std::pair{m_done, FollowUpStatus::Done}, std::pair{m_kept, FollowUpStatus::Kept},
          std::pair{m_broken, FollowUpStatus::Broken}, std::pair{m_drop, FollowUpStatus::Dropped}}) {
        const FollowUpStatus closing = status;
        connect(button, &QPushButton::clicked, this, [this, closing] { closeCurrentFollowUp(closing); });
        followUpActions->addWidget(button);
    }
    followUpActions->addStretch();

    m_reachOutSummary = sectionLabel(this);
    m_reachOutSummary->setObjectName(QStringLiteral("todayReachOutSummary"));
    m_reachOutTable = suggestionTable(m_reachOutModel, QStringLiteral("todayReachOut"));
    m_rekindleSummary = sectionLabel(this);
    m_rekindleTable = suggestionTable(m_rekindleModel, QStringLiteral("todayRekindle"));
    m_lastTable = m_reachOutTable;

    m_log = new QPushButton(tr("&Log conversation…"), this);
    m_log->setToolTip(tr("Log the conversation with the selected person (Enter)."));
    connect(m_log, &QPushButton::clicked, this, [this] {
        if (const qint64 contactId = currentContactId(); contactId > 0)
            emit logConversationRequested(contactId);
    });
    m_snooze = new QToolButton(this);
    m_snooze->setText(tr("S&nooze a week"));
    m_snooze->setPopupMode(QToolButton::MenuButtonPopup);
    m_snooze->setToolTip(tr("Leave the selected person off the suggestions for a while."));
    connect(m_snooze, &QToolButton::clicked, this, [this] { snoozeCurrent(startOfDayIn(7)); });
    auto* snoozeMenu = new QMenu(m_snooze);
    snoozeMenu->addAction(tr("For 3 days"), this, [this] { snoozeCurrent(startOfDayIn(3)); });
    snoozeMenu->addAction(tr("For a week"), this, [this] { snoozeCurrent(startOfDayIn(7)); });
    snoozeMenu->addAction(tr("For a month"), this, [this] { snoozeCurrent(startOfDayIn(30)); });
    snoozeMenu->addAction(tr("Until a date…"), this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Snooze until"));
        auto* date = new QDateEdit(QDateTime::fromSecsSinceEpoch(startOfDayIn(14)).date(), &dialog);
        date->setCalendarPopup(true);
        date->setMinimumDate(QDateTime::fromSecsSinceEpoch(startOfDayIn(1)).date());
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto* form = new QFormLayout(&dialog);
        form->addRow(tr("Suggest again on:"), date);
        form->addRow(buttons);
        if (dialog.exec() == QDialog::Accepted)
            snoozeCurrent(QDateTime(date->date(), QTime(0, 0)).toSecsSinceEpoch());
    });
    m_snooze->setMenu(snoozeMenu);
    m_dismiss = new QPushButton(tr("D&ismiss"), this);
    m_dismiss->setToolTip(tr("Leave the selected person off the suggestions until the next conversation."));
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismissCurrent(); });
    auto* suggestionActions = new QHBoxLayout;
    suggestionActions->addWidget(m_log);
    suggestionActions->addWidget(m_snooze);
    suggestionActions->addWidget(m_dismiss);
    suggestionActions->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_dueSummary);
    layout->addWidget(m_dueTable, 1);
    layout->addLayout(followUpActions);
    layout->addWidget(m_reachOutSummary);
    layout->addWidget(m_reachOutTable, 3);
    layout->addWidget(m_rekindleSummary);
    layout->addWidget(m_rekindleTable, 2);
    layout->addLayout(suggestionActions);

    connect(m_dueTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const ListedFollowUp* listed = m_dueModel->followUpAt(index.row()))
            emit contactRequested(listed->followUp.contactId);
    });
    connect(m_dueTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateActions(); });
    connect(m_owner, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_limit, &QSpinBox::valueChanged, this, [this](int limit) {
        QSettings().setValue(limitKey, limit);
        m_deferredRefresh->schedule();
    });
    connect(&m_session, &DatabaseSession::contactChanged, m_deferredRefresh, &DeferredRefresh::schedule);
    connect(&m_session, &DatabaseSession::contactsReset, this, [this] {
        fillOwners();
        m_deferredRefresh->schedule();
    });
    connect(&m_session, &DatabaseSession::scoresLoaded, m_deferredRefresh, &DeferredRefresh::schedule);
    refresh();
}

TodayPage::~TodayPage() = default;

QTableView* TodayPage::suggestionTable(SuggestionModel* model, const QString& name)
{
    QTableView* table = newTable(model, name, this);
    table->setItemDelegateForColumn(SuggestionModel::BandColumn, new BandChipDelegate(table));
    const std::array<int, SuggestionModel::ColumnCount - 1> widths{200, 130, 100, 60};
    for (int column = 0; column < SuggestionModel::ReasonColumn; ++column)
        table->setColumnWidth(column, widths[static_cast<size_t>(column)]);
    connect(table, &QTableView::activated, this, [this, model](const QModelIndex& index) {
        if (const ReachOutSuggestion* suggestion = model->suggestionAt(index.row()))
            emit logConversationRequested(suggestion->contactId);
    });
    // One person is current across both lists: choosing in one clears the other.
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, table] {
        if (!table->currentIndex().isValid())
            return;
        m_lastTable = table;
        QTableView* other = table == m_reachOutTable ? m_rekindleTable : m_reachOutTable;
        if (other) {
            const QSignalBlocker blocker(other->selectionModel());
            other->clearSelection();
            other->setCurrentIndex({});
        }
        updateActions();
    });
    return table;
}

void TodayPage::fillOwners()
{
    const QVariant chosen =
        m_owner->count() > 0 ? m_owner->currentData() : QVariant(m_session.currentMemberId());
    const QSignalBlocker blocker(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("Everyone"), QVariant(qint64(0)));
    const Result<QList<TeamMember>> members = TeamMemberRepository(m_session.database()).list();
    if (!members) {
        emit m_session.errorOccurred(tr("Could not read the team: %1").arg(members.error().message));
        return;
    }
    for (const TeamMember& member : *members)
        m_owner->addItem(member.name, QVariant(member.id));
    const int index = m_owner->findData(chosen);
    m_owner->setCurrentIndex(index >= 0 ? index : 0);
}

std::optional<qint64> TodayPage::chosenOwner() const
{
    const qint64 id = m_owner->currentData().toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void TodayPage::refresh()
{
    m_deferredRefresh->markFresh();
    const qint64 now = Clock::nowSeconds();
    m_title->setText(
        tr("<h2>Today, %1</h2>")
            .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(now).date(), QLocale::LongFormat)));
    if (!m_session.scoresReady()) {
        m_reachOutSummary->setText(tr("Reading the scores…"));
        return;
    }
    const qint64 keptContact = currentContactId();
    TodayOptions options;
    options.now = now;
    options.ownerId = chosenOwner();
    options.limit = m_limit->value();
    Result<TodayPlan> plan =
        planToday(m_session.database(), m_session.board(), m_session.engine().settings(), options);
    if (!plan) {
        emit m_session.errorOccurred(tr("Could not plan the day: %1").arg(plan.error().message));
        return;
    }
    m_dueModel->setFollowUps(plan->due, now);
    m_dueSummary->setText(plan->due.isEmpty()
                              ? tr("<b>Follow-ups due</b>: none today.")
                              : tr("<b>Follow-ups due</b> (%1): promises and reach-outs due by "
                                   "tonight. Enter opens the contact.")
                                    .arg(plan->due.size()));
    m_dueTable->setVisible(!plan->due.isEmpty());
    const qint64 suggested = static_cast<qint64>(plan->reachOut.size());
    QString reachOut = m_session.board().entries().empty()
                           ? tr("<b>Reach out</b>: no contacts yet. Add the first one with New contact "
                                "(Ctrl+Shift+N), or bring them in with File › Import (Ctrl+Shift+I); "
                                "<code>rapport --demo</code> opens a database to try things on.")
                       : plan->overdueCount == 0
                           ? tr("<b>Reach out</b>: nobody is past their usual cadence.")
                           : tr("<b>Reach out</b>: the %1 of %2 overdue relationships a "
                                "touch now helps most, or that slip a band "
                                "within a week without one. Enter logs the conversation.")
                                 .arg(suggested)
                                 .arg(plan->overdueCount);
    if (plan->heldCount > 0)
        reachOut += tr(" %1 more snoozed or dismissed.").arg(plan->heldCount);
    m_reachOutSummary->setText(reachOut);
    m_rekindleSummary->setText(plan->rekindle.empty()
                                   ? tr("<b>Rekindle?</b> Nobody has been silent for over a year.")
                                   : tr("<b>Rekindle?</b> Silent for over a year: worth a note if the "
                                        "relationship still matters."));
    m_reachOutModel->setSuggestions(std::move(plan->reachOut));
    m_rekindleModel->setSuggestions(std::move(plan->rekindle));
    m_rekindleTable->setVisible(m_rekindleModel->rowCount() > 0);

    // Stay on the person who was current when they are still listed, else the first one.
    bool restored = false;
    for (QTableView* table : {m_reachOutTable, m_rekindleTable}) {
        auto* model = static_cast<SuggestionModel*>(table->model());
        for (int row = 0; row < model->rowCount() && !restored; ++row) {
            if (model->suggestionAt(row)->contactId == keptContact) {
                table->setCurrentIndex(model->index(row, 0));
                restored = true;
            }
        }
    }
    if (!restored && m_reachOutModel->rowCount() > 0)
        m_reachOutTable->setCurrentIndex(m_reachOutModel->index(0, 0));
    else if (!restored && m_rekindleModel->rowCount() > 0)
        m_rekindleTable->setCurrentIndex(m_rekindleModel->index(0, 0));
    if (m_dueModel->rowCount() > 0)
        m_dueTable->setCurrentIndex(m_dueModel->index(0, 0));
    updateActions();
}

const ReachOutSuggestion* TodayPage::currentSuggestion() const
{
    if (!m_lastTable || !m_lastTable->currentIndex().isValid())
        return nullptr;
    return static_cast<SuggestionModel*>(m_lastTable->model())
        ->suggestionAt(m_lastTable->currentIndex().row());
}

qint64 TodayPage::currentContactId() const
{
    if (m_dueTable->hasFocus()) {
        if (const ListedFollowUp* listed = m_dueModel->followUpAt(m_dueTable->currentIndex().row()))
            return listed->followUp.contactId;
    }
    const ReachOutSuggestion* suggestion = currentSuggestion();
    return suggestion ? suggestion->contactId : 0;
}

void TodayPage::updateActions()
{
    const ListedFollowUp* listed = m_dueModel->followUpAt(m_dueTable->currentIndex().row());
    const bool commitment = listed && isCommitment(listed->followUp.kind);
    m_done->setEnabled(listed && !commitment);
    m_kept->setEnabled(commitment);
    m_broken->setEnabled(commitment);
    m_drop->setEnabled(listed != nullptr);
    for (QWidget* button : {m_done, m_kept, m_broken, m_drop})
        button->setVisible(m_dueModel->rowCount() > 0);
    const bool suggestion = currentSuggestion() != nullptr;
    m_log->setEnabled(suggestion);
    m_snooze->setEnabled(suggestion);
    m_dismiss->setEnabled(suggestion);
}

bool TodayPage::closeCurrentFollowUp(FollowUpStatus status)
{
    const ListedFollowUp* listed = m_dueModel->followUpAt(m_dueTable->currentIndex().row());
    if (!listed)
        return false;
    // The buttons that do not fit the kind are disabled; a call from elsewhere is refused the same way.
    const bool keptOrBroken = status == FollowUpStatus::Kept || status == FollowUpStatus::Broken;
    if ((keptOrBroken && !isCommitment(listed->followUp.kind)) ||
        (status == FollowUpStatus::Done && isCommitment(listed->followUp.kind)))
        return false;
    return DatabaseCommand::push(m_session, std::make_unique<CloseFollowUpCommand>(
                                                m_session, listed->followUp, status, listed->contactName))
        .ok();
}

bool TodayPage::snoozeCurrent(qint64 until)
{
    const ReachOutSuggestion* suggestion = currentSuggestion();
    if (!suggestion)
        return false;
    return DatabaseCommand::push(m_session, std::make_unique<HoldReachOutCommand>(
                                                m_session, suggestion->contactId, until, suggestion->name))
        .ok();
}

bool TodayPage::dismissCurrent()
{
    const ReachOutSuggestion* suggestion = currentSuggestion();
    if (!suggestion)
        return false;
    return DatabaseCommand::push(m_session,
                                 std::make_unique<HoldReachOutCommand>(m_session, suggestion->contactId,
                                                                       std::nullopt, suggestion->name))
        .ok();
}

} // namespace rapport::ui
