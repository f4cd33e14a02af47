// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/followups/FollowUpDialog.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/FollowUpRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/ContactPicker.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

namespace rapport::ui {

namespace {

constexpr int defaultDueDays = 14;

QDate today()
{
    return QDateTime::fromSecsSinceEpoch(Clock::nowSeconds()).date();
}

} // namespace

qint64 followUpDueAt(const QDate& date)
{
    return QDateTime(date, QTime(0, 0)).toSecsSinceEpoch();
}

QString followUpDayText(qint64 dueAt)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(dueAt).date(), QLocale::ShortFormat);
}

QString followUpOnText(const QString& summary)
{
    return FollowUpDialog::tr("Follow up on “%1”").arg(summary);
}

FollowUpDialog::FollowUpDialog(DatabaseSession& session, qint64 contactId, const QString& text,
                               QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_contact(new ContactPicker(session, this))
    , m_kind(new QComboBox(this))
    , m_text(new QLineEdit(text, this))
    , m_due(new QDateEdit(this))
    , m_owner(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Follow up"));
    m_kind->setObjectName(QStringLiteral("followUpKind"));
    m_kind->addItem(tr("Reach out to them"), static_cast<int>(FollowUpKind::ReachOut));
    m_kind->addItem(tr("Keep a promise we made"), static_cast<int>(FollowUpKind::OurCommitment));
    m_kind->addItem(tr("See that they keep their promise"), static_cast<int>(FollowUpKind::TheirCommitment));
    m_text->setObjectName(QStringLiteral("followUpText"));
    m_text->setPlaceholderText(tr("What to do, e.g. “send the slides”"));
    m_due->setObjectName(QStringLiteral("followUpDue"));
    m_due->setCalendarPopup(true);
    m_due->setMinimumDate(today());
    m_due->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    auto* due = new QHBoxLayout;
    due->addWidget(m_due, 1);
    for (const auto& [label, days] : {std::pair{tr("Tomorrow"), 1}, std::pair{tr("In a week"), 7},
                                      std::pair{tr("In 2 weeks"), 14}, std::pair{tr("In a month"), 30}}) {
        auto* quick = new QToolButton(this);
        quick->setText(label);
        connect(quick, &QToolButton::clicked, this, [this, days = days] { setDueInDays(days); });
        due->addWidget(quick);
    }
    setDueInDays(defaultDueDays);

    m_owner->setObjectName(QStringLiteral("followUpOwner"));
    m_owner->addItem(tr("Nobody"), QVariant(qint64(0)));
    if (const Result<QList<TeamMember>> members = TeamMemberRepository(session.database()).list()) {
        for (const TeamMember& member : *members)
            m_owner->addItem(member.name, member.id);
    }
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Contact:"), m_contact);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&To do:"), m_text);
    auto* dueLabel = new QLabel(tr("D&ue:"), this);
    dueLabel->setBuddy(m_due);
    form->addRow(dueLabel, due);
    form->addRow(tr("&Owner:"), m_owner);
    layOutEditDialog(*this, form, m_error);
    setMinimumWidth(520);

    // The owner is whoever is adding it, else whoever owns the relationship.
    const auto chooseOwner = [this](qint64 contactId) {
        qint64 owner = m_session.currentMemberId();
        if (owner <= 0) {
            if (const Result<Contact> contact = ContactRepository(m_session.database()).get(contactId))
                owner = contact->ownerId.value_or(0);
        }
        m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    };
    connect(m_contact, &ContactPicker::contactChosen, this, chooseOwner);
    if (contactId > 0) {
        m_contact->setContact(contactId);
        chooseOwner(contactId);
        m_text->setFocus();
    } else {
        chooseOwner(0);
        m_contact->setFocus();
    }
}

FollowUpDialog::~FollowUpDialog() = default;

void FollowUpDialog::setDueInDays(int days)
{
    m_due->setDate(today().addDays(days));
}

FollowUp FollowUpDialog::followUp() const
{
    FollowUp followUp;
    followUp.contactId = m_contact->contactId();
    followUp.kind = static_cast<FollowUpKind>(m_kind->currentData().toInt());
    followUp.text = m_text->text().trimmed();
    followUp.dueAt = followUpDueAt(m_due->date());
    if (const qint64 owner = m_owner->currentData().toLongLong(); owner > 0)
        followUp.ownerId = owner;
    return followUp;
}

void FollowUpDialog::accept()
{
    const FollowUp entered = followUp();
    QString problem;
    QWidget* focus = m_text;
    if (entered.contactId <= 0) {
        problem = tr("Choose a contact: type a name, email or handle and pick one.");
        focus = m_contact;
    } else if (entered.text.isEmpty()) {
        problem = tr("To do: say what to do, so that it still makes sense on the day.");
    } else {
        problem = FollowUpRepository::validationError(entered);
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        focus->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
