// SPDX-License-Identifier: GPL-3.0-or-later
// A link between two contacts: one introduced the other, or they know each other. Communities grow by
// introductions; knowing who brought whom, and who knows whom, says whom to ask for the next one.
#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace rapport {

enum class LinkKind : int
{
    IntroducedBy = 0, // contactId was introduced by otherId; a person has at most one introducer
    Knows             // symmetric: kept once, contactId < otherId
};

QString linkKindName(LinkKind kind); // stable key: "introduced_by", "knows"
std::optional<LinkKind> parseLinkKind(const QString& text);

// What a person says about a link besides who: a note and when it happened.
struct LinkDetails
{
    QString note;
    std::optional<qint64> occurredAt; // seconds since the epoch, UTC; nullopt when nobody said
};

struct ContactLink
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 otherId = 0;
    LinkKind kind = LinkKind::Knows;
    LinkDetails details;
    qint64 createdAt = 0;

    // The end of the link that is not `contactId` (for a knows link, either end asks for the other).
    qint64 otherEnd(qint64 from) const { return from == contactId ? otherId : contactId; }
};

// One linked contact as a contact's page and `rapport links` show it.
struct LinkedContact
{
    ContactLink link;
    qint64 contactId = 0; // the other person
    QString name;
};

// A contact's links, both ways.
struct PersonLinks
{
    std::optional<LinkedContact> introducedBy;
    QList<LinkedContact> introduced; // the people this contact introduced, by name
    QList<LinkedContact> knows;      // by name
    bool isEmpty() const { return !introducedBy && introduced.isEmpty() && knows.isEmpty(); }
};

// Someone who introduced others, with how many of those the count keeps.
struct Connector
{
    qint64 contactId = 0;
    QString name;
    int introduced = 0;
};

} // namespace rapport
