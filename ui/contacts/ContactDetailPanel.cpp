// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/ContactDetailPanel.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/FollowUpRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/contacts/PeopleSection.h"
#include "ui/contacts/TimelineModel.h"
#include "ui/followups/FollowUpDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/trustnotes/TrustNoteDialog.h"
#include "ui/undo/ConversationCommands.h"
#include "ui/undo/TrustNoteCommands.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/ComponentBar.h"
#include "ui/widgets/SparklineWidget.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <cmath>

namespace rapport::ui {

namespace {

constexpr int trendWeeks = 26;

} // namespace

ContactDetailPanel::ContactDetailPanel(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_score(new QLabel(this))
    , m_band(new QLabel(this))
    , m_delta(new QLabel(this))
    , m_recency(newComponentBar(tr("Recency %v"), this))
    , m_frequency(newComponentBar(tr("Frequency %v"), this))
    , m_reciprocity(newComponentBar(tr("Reciprocity %v"), this))
    , m_trend(new SparklineWidget(this))
    , m_explanation(new QLabel(this))
    , m_people(new PeopleSection(session, this))
    , m_log(new QPushButton(tr("&Log conversation…"), this))
    , m_note(new QPushButton(tr("Add &trust note…"), this))
    , m_edit(new QPushButton(tr("&Edit contact…"), this))
    , m_followUp(new QPushButton(tr("Follow &up…"), this))
    , m_followUps(new QLabel(this))
    , m_timeline(new QListView(this))
    , m_timelineModel(new TimelineModel(session, this))
{
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    QFont scoreFont = m_score->font();
    scoreFont.setPointSizeF(scoreFont.pointSizeF() * 2.6);
    scoreFont.setBold(true);
    m_score->setFont(scoreFont);
    m_score->setMinimumWidth(m_score->fontMetrics().horizontalAdvance(QStringLiteral("100")) + 8);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_people->setObjectName(QStringLiteral("peopleSection"));
    connect(m_people, &PeopleSection::contactLinkActivated, this, &ContactDetailPanel::contactLinkActivated);
    m_trend->setFixedWidth(150);
    m_trend->setToolTip(tr("Score at the end of each of the last %1 weeks").arg(trendWeeks));

    auto* badge = new QVBoxLayout;
    badge->addWidget(m_band, 0, Qt::AlignLeft);
    badge->addWidget(m_delta, 0, Qt::AlignLeft);
    auto* header = new QHBoxLayout;
    header->addWidget(m_score);
    header->addLayout(badge);
    header->addStretch();
    header->addWidget(m_trend);
    auto* bars = new QVBoxLayout;
    bars->setSpacing(3);
    bars->addWidget(m_recency);
    bars->addWidget(m_frequency);
    bars->addWidget(m_reciprocity);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_log);
    actions->addWidget(m_note);
    actions->addWidget(m_followUp);
    actions->addWidget(m_edit);
    actions->addStretch();
    m_followUp->setToolTip(
        tr("Something to do for them by a date: it shows on Today that day (Ctrl+Shift+F)."));
    m_followUps->setObjectName(QStringLiteral("openFollowUps"));
    m_followUps->setWordWrap(true);
    m_followUps->setTextFormat(Qt::RichText);

    m_timeline->setModel(m_timelineModel);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setUniformItemSizes(true);
    m_timeline->setWordWrap(false);
    auto* editEntry = new QAction(tr("Edit…"), m_timeline);
    editEntry->setShortcut(QKeySequence(Qt::Key_F2));
    editEntry->setShortcutContext(Qt::WidgetShortcut);
    m_timeline->addAction(editEntry);
    connect(editEntry, &QAction::triggered, this, &ContactDetailPanel::editSelectedEntry);
    // Enter or a double click opens the entry.
    connect(m_timeline, &QListView::activated, this, &ContactDetailPanel::editSelectedEntry);
    auto* deleteEntry = new QAction(tr("Delete"), m_timeline);
    deleteEntry->setShortcut(QKeySequence::Delete);
    deleteEntry->setShortcutContext(Qt::WidgetShortcut);
    m_timeline->addAction(deleteEntry);
    auto* followUpEntry = new QAction(tr("Follow up on this…"), m_timeline);
    m_timeline->addAction(followUpEntry);
    connect(followUpEntry, &QAction::triggered, this, &ContactDetailPanel::followUpSelectedEntry);
    m_timeline->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(deleteEntry, &QAction::triggered, this, &ContactDetailPanel::deleteSelectedEntry);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addLayout(header);
    layout->addLayout(bars);
    layout->addWidget(m_explanation);
    layout->addWidget(m_people);
    layout->addLayout(actions);
    layout->addWidget(m_followUps);
    auto* timelineHeader = new QHBoxLayout;
    timelineHeader->addWidget(
        new QLabel(tr("<b>Timeline</b> — conversations, trust notes and changes, newest first"), this));
    timelineHeader->addStretch();
    timelineHeader->addWidget(new QLabel(tr("Show:"), this));
    for (const auto& [kind, label, name] :
         {std::tuple{TimelineModel::Kind::Conversation, tr("C&onversations"), "showConversations"},
          std::tuple{TimelineModel::Kind::TrustNote, tr("T&rust notes"), "showTrustNotes"},
          std::tuple{TimelineModel::Kind::Change, tr("C&hanges"), "showChanges"}}) {
        auto* shown = new QCheckBox(label, this);
        shown->setObjectName(QLatin1String(name));
        shown->setChecked(m_timelineModel->isKindShown(kind));
        connect(shown, &QCheckBox::toggled, this,
                [this, kind = kind](bool checked) { m_timelineModel->setKindShown(kind, checked); });
        timelineHeader->addWidget(shown);
    }
    layout->addLayout(timelineHeader);
    layout->addWidget(m_timeline, 1);

    connect(m_log, &QPushButton::clicked, this, [this] { emit logConversationRequested(m_contactId); });
    connect(m_note, &QPushButton::clicked, this, [this] { emit trustNoteRequested(m_contactId); });
    connect(m_edit, &QPushButton::clicked, this, [this] { emit editContactRequested(m_contactId); });
    connect(m_followUp, &QPushButton::clicked, this,
            [this] { emit followUpRequested(m_contactId, QString()); });
    connect(&m_session, &DatabaseSession::contactChanged, this, [this](qint64 contactId) {
        if (contactId == m_contactId)
            refresh();
    });
    connect(&m_session, &DatabaseSession::contactsReset, this, &ContactDetailPanel::refresh);
    showContact(0);
}

ContactDetailPanel::~ContactDetailPanel() = default;

void ContactDetailPanel::showContact(qint64 contactId)
{
    m_contactId = contactId;
    m_timelineModel->setContact(contactId);
    refresh();
}

QString ContactDetailPanel::explanationText() const
{
    return m_explanation->text();
}

QString ContactDetailPanel::peopleText() const
{
    return m_people->text();
}

void ContactDetailPanel::refresh()
{
    const Result<Contact> contact = m_contactId > 0 ? ContactRepository(m_session.database()).get(m_contactId)
                                                    : Result<Contact>(Error::notFound(QString()));
    const bool shown = contact.ok();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_score, m_band, m_delta, m_recency, m_frequency,
                                                           m_reciprocity, m_trend, m_log, m_note, m_edit,
                                                           m_followUp, m_followUps, m_timeline, m_people})
        widget->setVisible(shown);
    if (!shown) {
        m_name->setText(tr("No contact selected"));
        m_details->setText(tr("Pick someone in the list, or press Ctrl+L to log a conversation."));
        m_explanation->clear();
        return;
    }
    m_name->setText(contact->effectiveDisplayName());
    QStringList details;
    const QString role = QStringList{contact->title, contact->organization}
                             .filter(QRegularExpression(QStringLiteral("\\S")))
                             .join(QStringLiteral(", "));
    if (!role.isEmpty())
        details << role;
    for (const ContactMethod& method : contact->methods)
        details << QStringLiteral("%1: %2").arg(methodKindName(method.kind), method.value.toHtmlEscaped());
    if (contact->ownerId) {
        if (const Result<TeamMember> owner =
                TeamMemberRepository(m_session.database()).get(*contact->ownerId))
            details << tr("owner: %1").arg(owner->name.toHtmlEscaped());
    }
    if (!contact->tags.isEmpty())
        details << tr("tags: %1").arg(contact->tags.join(QStringLiteral(", ")).toHtmlEscaped());
    m_details->setText(details.join(QStringLiteral(" · ")));
    showOpenFollowUps();
    m_people->showContact(m_contactId);

    // Read at every refresh: the page must count a conversation logged a minute ago.
    const qint64 now = Clock::nowSeconds();
    const Result<ContactScore> score = m_session.engine().score(m_contactId, now);
    if (!score) {
        m_explanation->setText(score.error().message);
        return;
    }
    const RelationshipScore& s = score->score;
    m_score->setText(s.hasHistory ? QString::number(std::lround(s.score)) : QStringLiteral("—"));
    m_band->setText(bandName(s.band));
    m_band->setStyleSheet(
        QStringLiteral("background: %1; color: white; border-radius: 9px; padding: 2px 10px;")
            .arg(bandColor(s.band).name()));
    m_delta->setText(score->delta30 ? tr("%1 vs 30 days ago").arg(formatScoreDelta(*score->delta30))
                                    : QString());
    m_recency->setValue(static_cast<int>(std::lround(s.recency)));
    m_frequency->setValue(static_cast<int>(std::lround(s.frequency)));
    m_reciprocity->setValue(static_cast<int>(std::lround(s.reciprocity)));
    m_explanation->setText(score->explanation());

    QList<double> trend;
    if (const Result<QList<WeeklyScore>> weeks =
            m_session.engine().weeklyHistory(m_contactId, now, trendWeeks)) {
        for (const WeeklyScore& week : *weeks)
            trend << (week.score.hasHistory ? week.score.score : std::nan(""));
    }
    m_trend->setValues(trend);
}

bool ContactDetailPanel::editSelectedEntry()
{
    const TimelineModel::Entry* entry = m_timelineModel->entryAt(m_timeline->currentIndex().row());
    if (!entry)
        return false;
    if (const auto* interaction = std::get_if<Interaction>(entry)) {
        const Interaction before = *interaction;
        LogConversationDialog dialog(m_session, before.contactId, this);
        dialog.editInteraction(before);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        return DatabaseCommand::push(m_session, std::make_unique<EditConversationCommand>(
                                                    m_session, before, dialog.interaction()))
            .ok();
    }
    // The history is a record of what happened: it is not edited.
    if (std::holds_alternative<ContactChange>(*entry))
        return false;
    const TrustNote before = std::get<TrustNote>(*entry);
    TrustNoteDialog dialog(before.contactId, m_name->text(), this);
    dialog.editNote(before);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return DatabaseCommand::push(m_session,
                                 std::make_unique<EditTrustNoteCommand>(m_session, before, dialog.note()))
        .ok();
}

void ContactDetailPanel::showOpenFollowUps()
{
    FollowUpFilter filter;
    filter.contactId = m_contactId;
    const Result<QList<ListedFollowUp>> open = FollowUpRepository(m_session.database()).listOpen(filter);
    if (!open) {
        m_followUps->setText(
            tr("Could not read the follow-ups: %1").arg(open.error().message.toHtmlEscaped()));
        return;
    }
    m_followUps->setVisible(!open->isEmpty());
    const QDate today = QDateTime::fromSecsSinceEpoch(Clock::nowSeconds()).date();
    QStringList lines;
    for (const ListedFollowUp& listed : *open) {
        const QDate due = QDateTime::fromSecsSinceEpoch(listed.followUp.dueAt).date();
        const QString day = followUpDayText(listed.followUp.dueAt);
        QString when = tr("due %1").arg(day);
        if (due < today)
            when = QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                       .arg(tr("overdue since %1").arg(day));
        QString line = QStringLiteral("%1 — %2").arg(listed.followUp.text.toHtmlEscaped(), when);
        if (isCommitment(listed.followUp.kind))
            line += listed.followUp.kind == FollowUpKind::OurCommitment ? tr(" (our promise)")
                                                                        : tr(" (their promise)");
        if (!listed.ownerName.isEmpty())
            line += tr(", %1").arg(listed.ownerName.toHtmlEscaped());
        lines << line;
    }
    m_followUps->setText(
        tr("<b>Follow-ups</b> (close them on Today): %1").arg(lines.join(QStringLiteral(" · "))));
}

void ContactDetailPanel::followUpSelectedEntry()
{
    const TimelineModel::Entry* entry = m_timelineModel->entryAt(m_timeline->currentIndex().row());
    QString text;
    if (const auto* interaction = entry ? std::get_if<Interaction>(entry) : nullptr) {
        if (!interaction->summary.isEmpty())
            text = followUpOnText(interaction->summary);
    } else if (const auto* note = entry ? std::get_if<TrustNote>(entry) : nullptr) {
        text = note->text;
    }
    emit followUpRequested(m_contactId, text);
}

void ContactDetailPanel::deleteSelectedEntry()
{
    const TimelineModel::Entry* entry = m_timelineModel->entryAt(m_timeline->currentIndex().row());
    if (!entry)
        return;
    if (const auto* interaction = std::get_if<Interaction>(entry))
        emit deleteEntryRequested(interaction->id);
    else if (const auto* note = std::get_if<TrustNote>(entry))
        // push() reports a failure itself; there is nothing else to do then.
        static_cast<void>(DatabaseCommand::push(
            m_session, std::make_unique<AddRemoveTrustNoteCommand>(
                           m_session, *note, AddRemoveTrustNoteCommand::Action::Delete)));
    // A change stays: the history is append-only.
}

} // namespace rapport::ui
