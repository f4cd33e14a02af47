// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/LogConversationDialog.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "ui/followups/FollowUpDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/ContactPicker.h"
#include "ui/widgets/DateTimeField.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace rapport::ui {

LogConversationDialog::LogConversationDialog(DatabaseSession& session, qint64 contactId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_contact(new ContactPicker(session, this))
    , m_channel(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_when(new DateTimeField(this))
    , m_summary(new QLineEdit(this))
    , m_followUpIn(new QComboBox(this))
    , m_followUpText(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Log a conversation"));
    for (Channel channel : allChannels)
        m_channel->addItem(channelIcon(channel), channelLabel(channel), static_cast<int>(channel));
    m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(Channel::Email)));
    // The word first, so that typing its first letter picks it.
    for (const auto& [direction, label] : {std::pair{Direction::Outbound, tr("Outbound — we reached out")},
                                           std::pair{Direction::Inbound, tr("Inbound — they reached out")},
                                           std::pair{Direction::Mutual, tr("Mutual — both took part")}})
        m_direction->addItem(label + QLatin1Char(' ') + directionArrow(direction),
                             static_cast<int>(direction));
    connect(m_contact, &ContactPicker::contactChosen, this, &LogConversationDialog::useUsualChannel);
    m_when->setDateTime(Clock::nowUtc().toLocalTime());
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setPlaceholderText(tr("What was it about? (optional)"));
    m_followUpIn->setObjectName(QStringLiteral("followUpIn"));
    m_followUpIn->addItem(tr("No"), 0);
    for (const auto& [label, days] :
         {std::pair{tr("In 3 days"), 3}, std::pair{tr("In a week"), 7}, std::pair{tr("In 2 weeks"), 14},
          std::pair{tr("In a month"), 30}, std::pair{tr("In 3 months"), 91}})
        m_followUpIn->addItem(label, days);
    m_followUpText->setObjectName(QStringLiteral("followUpText"));
    m_followUpText->setPlaceholderText(tr("What to do then (optional)"));
    m_followUpText->setEnabled(false);
    connect(m_followUpIn, &QComboBox::currentIndexChanged, this,
            [this] { m_followUpText->setEnabled(m_followUpIn->currentData().toInt() > 0); });
    auto* followUpRow = new QHBoxLayout;
    followUpRow->addWidget(m_followUpIn);
    followUpRow->addWidget(m_followUpText, 1);
    m_followUpRow = followUpRow;
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_form = new QFormLayout;
    m_form->addRow(tr("&Contact:"), m_contact);
    m_form->addRow(tr("C&hannel:"), m_channel);
    m_form->addRow(tr("&Direction:"), m_direction);
    m_form->addRow(tr("&When:"), m_when);
    m_form->addRow(tr("&Summary:"), m_summary);
    auto* followUpLabel = new QLabel(tr("&Follow up:"), this);
    followUpLabel->setBuddy(m_followUpIn);
    m_form->addRow(followUpLabel, followUpRow);
    layOutEditDialog(*this, m_form, m_error);
    setMinimumWidth(480);

    if (contactId > 0) {
        m_contact->setContact(contactId);
        m_summary->setFocus();
    } else {
        m_contact->setFocus();
    }
}

LogConversationDialog::~LogConversationDialog() = default;

void LogConversationDialog::useUsualChannel(qint64 contactId)
{
    if (m_editing)
        return;
    const Result<QList<Interaction>> last =
        InteractionRepository(m_session.database()).listForContact(contactId, 1);
    if (last && !last->isEmpty())
        m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(last->front().channel)));
}

void LogConversationDialog::editInteraction(const Interaction& interaction)
{
    m_editing = interaction;
    setWindowTitle(tr("Edit conversation"));
    m_contact->setContact(interaction.contactId);
    m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(interaction.channel)));
    m_direction->setCurrentIndex(m_direction->findData(static_cast<int>(interaction.direction)));
    m_when->setDateTime(QDateTime::fromSecsSinceEpoch(interaction.occurredAt).toLocalTime());
    m_summary->setText(interaction.summary);
    m_form->setRowVisible(m_followUpRow, false);
    m_summary->setFocus();
    m_summary->selectAll();
}

Interaction LogConversationDialog::interaction() const
{
    Interaction interaction = m_editing.value_or(Interaction{});
    interaction.contactId = m_contact->contactId();
    interaction.channel = static_cast<Channel>(m_channel->currentData().toInt());
    interaction.direction = static_cast<Direction>(m_direction->currentData().toInt());
    if (const std::optional<QDateTime> when = m_when->dateTime())
        interaction.occurredAt = when->toSecsSinceEpoch();
    interaction.summary = m_summary->text().trimmed();
    if (!m_editing && m_session.currentMemberId() > 0)
        interaction.loggedBy = m_session.currentMemberId();
    return interaction;
}

std::optional<FollowUp> LogConversationDialog::followUp() const
{
    const int days = m_followUpIn->currentData().toInt();
    if (m_editing || days <= 0)
        return std::nullopt;
    FollowUp followUp;
    followUp.contactId = m_contact->contactId();
    followUp.text = m_followUpText->text().trimmed();
    if (followUp.text.isEmpty()) {
        const QString summary = m_summary->text().trimmed();
        followUp.text = summary.isEmpty() ? tr("Follow up") : followUpOnText(summary);
    }
    followUp.dueAt = followUpDueAt(QDateTime::fromSecsSinceEpoch(Clock::nowSeconds()).date().addDays(days));
    followUp.ownerId =
        m_session.currentMemberId() > 0 ? std::optional<qint64>(m_session.currentMemberId()) : std::nullopt;
    if (!followUp.ownerId) {
        if (const Result<Contact> contact = ContactRepository(m_session.database()).get(followUp.contactId))
            followUp.ownerId = contact->ownerId;
    }
    return followUp;
}

void LogConversationDialog::accept()
{
    const Interaction entered = interaction();
    QString problem;
    if (entered.contactId <= 0)
        problem = tr("Choose a contact: type a name, email or handle and pick one.");
    else if (!m_when->dateTime())
        problem = tr("When: \"%1\" is not a date and time. Type %2.")
                      .arg(m_when->text().trimmed(), DateTimeField::acceptedForms());
    else if (entered.occurredAt > Clock::nowSeconds())
        problem = tr("When: %1 is in the future. Log conversations that have already happened.")
                      .arg(m_when->text().trimmed());
    else
        problem = InteractionRepository::validationError(entered);
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        (entered.contactId > 0 ? static_cast<QWidget*>(m_when) : m_contact)->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
