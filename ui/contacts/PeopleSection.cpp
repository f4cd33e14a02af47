// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/PeopleSection.h"

#include "core/storage/ContactLinkRepository.h"
#include "ui/contacts/LinkActions.h"
#include "ui/session/DatabaseSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

// The links the section's label follows: a person's page, or removing the link shown before the ✕.
const QString contactScheme = QStringLiteral("contact:");
const QString removeIntroducerScheme = QStringLiteral("remove-introducer:");
const QString removeKnowsScheme = QStringLiteral("remove-knows:");

QString removeLink(const QString& scheme, qint64 id)
{
    return QStringLiteral(" <a href=\"%1%2\" style=\"text-decoration:none; color:#9e9e9e\">✕</a>")
        .arg(scheme)
        .arg(id);
}

// A person of the People section, as a link the panel follows, then the ✕ that removes the link.
QString personLink(const LinkedContact& linked, const QString& removeScheme, qint64 removeId)
{
    QString text = QStringLiteral("<a href=\"%1%2\">%3</a>")
                       .arg(contactScheme)
                       .arg(linked.contactId)
                       .arg(linked.name.toHtmlEscaped());
    if (!linked.link.details.note.isEmpty())
        text += QStringLiteral(" <i>(%1)</i>").arg(linked.link.details.note.toHtmlEscaped());
    return text + removeLink(removeScheme, removeId);
}

} // namespace

PeopleSection::PeopleSection(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_links(new QLabel(this))
    , m_introducer(new QPushButton(tr("&Introduced by…"), this))
    , m_knows(new QPushButton(tr("&Knows…"), this))
{
    m_links->setObjectName(QStringLiteral("people"));
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_links->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_links, &QLabel::linkActivated, this, &PeopleSection::follow);
    // A ✕ says what it removes when the pointer rests on it.
    connect(m_links, &QLabel::linkHovered, this, [this](const QString& link) {
        QString tip;
        if (link.startsWith(removeIntroducerScheme))
            tip = tr("Remove this introduction (undoable)");
        else if (link.startsWith(removeKnowsScheme))
            tip = tr("Remove that they know each other (undoable)");
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(QCursor::pos(), tip, m_links);
    });
    m_introducer->setObjectName(QStringLiteral("introducedByButton"));
    m_introducer->setToolTip(tr("Record who introduced them; another introducer replaces the one recorded."));
    m_knows->setObjectName(QStringLiteral("knowsButton"));
    m_knows->setToolTip(tr("Record someone among your contacts whom they know."));
    connect(m_introducer, &QPushButton::clicked, this,
            [this] { LinkActions(m_session, this).chooseIntroducer(m_contactId); });
    connect(m_knows, &QPushButton::clicked, this,
            [this] { LinkActions(m_session, this).chooseAcquaintance(m_contactId); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_introducer);
    buttons->addWidget(m_knows);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_links);
    layout->addLayout(buttons);
}

PeopleSection::~PeopleSection() = default;

QString PeopleSection::text() const
{
    return m_links->text();
}

void PeopleSection::showContact(qint64 contactId)
{
    m_contactId = contactId;
    const Result<PersonLinks> links = ContactLinkRepository(m_session.database()).linksOf(contactId);
    if (!links) {
        m_links->setText(links.error().message.toHtmlEscaped());
        return;
    }
    QStringList lines{tr("<b>People</b>")};
    if (links->introducedBy)
        lines << tr("Introduced by %1")
                     .arg(personLink(*links->introducedBy, removeIntroducerScheme, contactId));
    if (!links->introduced.isEmpty()) {
        QStringList people;
        for (const LinkedContact& linked : links->introduced)
            people << personLink(linked, removeIntroducerScheme, linked.contactId);
        lines
            << tr("Introduced (%1): %2").arg(links->introduced.size()).arg(people.join(QStringLiteral(", ")));
    }
    if (!links->knows.isEmpty()) {
        QStringList people;
        for (const LinkedContact& linked : links->knows)
            people << personLink(linked, removeKnowsScheme, linked.contactId);
        lines << tr("Knows (%1): %2").arg(links->knows.size()).arg(people.join(QStringLiteral(", ")));
    }
    if (links->isEmpty())
        lines << tr("No introductions or acquaintances recorded.");
    m_links->setText(lines.join(QStringLiteral("<br>")));
}

void PeopleSection::follow(const QString& link)
{
    const auto idAfter = [&link](const QString& scheme) {
        return link.mid(scheme.size()).toLongLong();
    };
    if (link.startsWith(contactScheme))
        emit contactLinkActivated(idAfter(contactScheme));
    else if (link.startsWith(removeIntroducerScheme))
        LinkActions(m_session, this).removeIntroducer(idAfter(removeIntroducerScheme));
    else if (link.startsWith(removeKnowsScheme))
        LinkActions(m_session, this).removeKnows(m_contactId, idAfter(removeKnowsScheme));
}

} // namespace rapport::ui
