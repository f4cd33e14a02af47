// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/FollowUpSupport.h"

#include "core/base/IsoTime.h"
#include "core/storage/TeamMemberRepository.h"

#include <QDateTime>

namespace rapport::cli {

QString followUpDate(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().toString(Qt::ISODate);
}

QJsonObject followUpJson(const ListedFollowUp& listed)
{
    const FollowUp& followUp = listed.followUp;
    return QJsonObject{{QStringLiteral("id"), followUp.id},
                       {QStringLiteral("contact"), QJsonObject{{QStringLiteral("id"), followUp.contactId},
                                                               {QStringLiteral("name"), listed.contactName}}},
                       {QStringLiteral("kind"), followUpKindName(followUp.kind)},
                       {QStringLiteral("text"), followUp.text},
                       {QStringLiteral("owner"), listed.ownerName},
                       {QStringLiteral("due"), formatIsoMoment(followUp.dueAt)}};
}

QString followUpLine(const ListedFollowUp& listed)
{
    const FollowUp& followUp = listed.followUp;
    return QStringLiteral("%1 due %2 %3 %4 (%5)%6: %7")
        .arg(followUp.id)
        .arg(followUpDate(followUp.dueAt), followUpKindName(followUp.kind))
        .arg(followUp.contactId)
        .arg(listed.contactName,
             listed.ownerName.isEmpty() ? QString() : QStringLiteral(", owner %1").arg(listed.ownerName),
             followUp.text);
}

Result<std::optional<qint64>> ownerFilter(const CommandParser& parser, Database& db)
{
    if (!parser.isSet(QStringLiteral("owner")))
        return std::optional<qint64>();
    const QString name = parser.value(QStringLiteral("owner"));
    const Result<std::optional<TeamMember>> owner = TeamMemberRepository(db).findByName(name);
    if (!owner)
        return owner.error();
    if (!*owner)
        return Error::badInput(QStringLiteral("--owner: no team member named '%1'").arg(name));
    return std::optional<qint64>((*owner)->id);
}

} // namespace rapport::cli
