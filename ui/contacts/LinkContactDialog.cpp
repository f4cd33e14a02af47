// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/LinkContactDialog.h"

#include "core/base/Clock.h"
#include "ui/widgets/ContactPicker.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimeZone>

namespace rapport::ui {

qint64 linkDayAt(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

QDate linkDayOf(qint64 occurredAt)
{
    return QDateTime::fromSecsSinceEpoch(occurredAt, QTimeZone::utc()).date();
}

LinkContactDialog::LinkContactDialog(DatabaseSession& session, qint64 contactId, LinkKind kind,
                                     QWidget* parent)
    : QDialog(parent)
    , m_contactId(contactId)
    , m_other(new ContactPicker(session, this))
    , m_note(new QLineEdit(this))
    , m_dated(new QCheckBox(tr("O&n"), this))
    , m_date(new QDateEdit(this))
    , m_error(new QLabel(this))
{
    const bool introducer = kind == LinkKind::IntroducedBy;
    setWindowTitle(introducer ? tr("Introduced by") : tr("Knows"));
    m_other->setObjectName(QStringLiteral("linkContact"));
    m_note->setObjectName(QStringLiteral("linkNote"));
    m_note->setPlaceholderText(introducer ? tr("Optional, e.g. “at PyCon”")
                                          : tr("Optional, e.g. “colleagues”"));
    m_dated->setObjectName(QStringLiteral("linkDated"));
    m_date->setObjectName(QStringLiteral("linkDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_date->setDate(QDateTime::fromSecsSinceEpoch(Clock::nowSeconds()).date());
    m_date->setEnabled(false);
    connect(m_dated, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    auto* day = new QHBoxLayout;
    day->addWidget(m_dated);
    day->addWidget(m_date, 1);
    m_error->setObjectName(QStringLiteral("linkError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(introducer ? tr("&Introduced by:") : tr("&Knows:"), m_other);
    form->addRow(tr("N&ote:"), m_note);
    form->addRow(tr("Day:"), day);
    layOutEditDialog(*this, form, m_error);
    setMinimumWidth(460);
    m_other->setFocus();
}

LinkContactDialog::~LinkContactDialog() = default;

void LinkContactDialog::setLink(qint64 otherId, const LinkDetails& details)
{
    m_other->setContact(otherId);
    m_note->setText(details.note);
    m_dated->setChecked(details.occurredAt.has_value());
    if (details.occurredAt)
        m_date->setDate(linkDayOf(*details.occurredAt));
    m_note->setFocus();
}

qint64 LinkContactDialog::otherId() const
{
    return m_other->contactId();
}

LinkDetails LinkContactDialog::details() const
{
    LinkDetails details;
    details.note = m_note->text().trimmed();
    if (m_dated->isChecked())
        details.occurredAt = linkDayAt(m_date->date());
    return details;
}

void LinkContactDialog::accept()
{
    QString problem;
    if (otherId() <= 0)
        problem = tr("Choose a contact: type a name, email or handle and pick one.");
    else if (otherId() == m_contactId)
        problem = tr("Choose someone else: a contact is not linked to themselves.");
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_other->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
