// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/LogConversationDialog.h"

#include "core/base/Clock.h"
#include "core/storage/InteractionRepository.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/ContactPicker.h"
#include "ui/widgets/DateTimeField.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

namespace rapport::ui {

namespace {
const QString lastChannelKey = QStringLiteral("log/lastChannel");
}

LogConversationDialog::LogConversationDialog(DatabaseSession& session, qint64 contactId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_contact(new ContactPicker(session, this))
    , m_channel(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_when(new DateTimeField(this))
    , m_summary(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Log a conversation"));
    const std::array<QString, channelCount> channelLabels{tr("Email"), tr("Call"), tr("Meeting"),
                                                          tr("Forum"), tr("Chat"), tr("Social"),
                                                          tr("Event"), tr("Other")};
    for (Channel channel : allChannels)
        m_channel->addItem(channelIcon(channel), channelLabels[static_cast<size_t>(channel)],
                           static_cast<int>(channel));
    const int lastChannel = QSettings().value(lastChannelKey, static_cast<int>(Channel::Email)).toInt();
    m_channel->setCurrentIndex(m_channel->findData(lastChannel));
    m_direction->addItem(directionArrow(Direction::Outbound) + QLatin1Char(' ') +
                             tr("Outbound — we reached out"),
                         static_cast<int>(Direction::Outbound));
    m_direction->addItem(directionArrow(Direction::Inbound) + QLatin1Char(' ') +
                             tr("Inbound — they reached out"),
                         static_cast<int>(Direction::Inbound));
    m_direction->addItem(directionArrow(Direction::Mutual) + QLatin1Char(' ') + tr("Mutual — both took part"),
                         static_cast<int>(Direction::Mutual));
    m_when->setDateTime(Clock::nowUtc().toLocalTime());
    m_summary->setPlaceholderText(tr("What was it about? (optional)"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Contact:"), m_contact);
    form->addRow(tr("C&hannel:"), m_channel);
    form->addRow(tr("&Direction:"), m_direction);
    form->addRow(tr("&When:"), m_when);
    form->addRow(tr("&Summary:"), m_summary);
    layOutEditDialog(*this, form, m_error);
    setMinimumWidth(480);

    if (contactId > 0) {
        m_contact->setContact(contactId);
        m_summary->setFocus();
    } else {
        m_contact->setFocus();
    }
}

LogConversationDialog::~LogConversationDialog() = default;

void LogConversationDialog::editInteraction(const Interaction& interaction)
{
    m_editing = interaction;
    setWindowTitle(tr("Edit conversation"));
    m_contact->setContact(interaction.contactId);
    m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(interaction.channel)));
    m_direction->setCurrentIndex(m_direction->findData(static_cast<int>(interaction.direction)));
    m_when->setDateTime(QDateTime::fromSecsSinceEpoch(interaction.occurredAt).toLocalTime());
    m_summary->setText(interaction.summary);
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
    QSettings().setValue(lastChannelKey, static_cast<int>(entered.channel));
    QDialog::accept();
}

} // namespace rapport::ui
