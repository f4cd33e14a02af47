// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ActivityWeeksWriter.h"

#include "core/model/Channel.h"
#include "core/storage/ContactDirectory.h"
#include "core/storage/SqliteStatement.h"

#include <QHash>
#include <algorithm>
#include <array>

namespace rapport {

namespace {

// The schema's week expression, with the same (truncating) remainder as SQLite's %.
qint64 weekOf(qint64 moment)
{
    return moment - (moment - 345600) % 604800;
}

struct Key
{
    qint64 week;
    qint64 ownerId;
    qint64 tagId;
    int channel;
    int direction;
    bool operator==(const Key&) const = default;
};

size_t qHash(const Key& key, size_t seed = 0)
{
    return qHashMulti(seed, key.week, key.ownerId, key.tagId, key.channel * directionCount + key.direction);
}

} // namespace

Status ActivityWeeksWriter::addInteractionsAfter(qint64 lastId)
{
    const Result<std::vector<ContactIndexEntry>> contacts = ContactDirectory(m_db).index();
    if (!contacts)
        return contacts.error();
    QHash<Key, qint64> counts;
    SqliteStatement rows(m_db.handle(), "SELECT contact_id, occurred_at, channel, direction FROM interactions"
                                        " WHERE id > ?1");
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, lastId);
    const ContactIndexEntry* contact = nullptr;
    while (rows.step()) {
        const qint64 contactId = rows.columnInt64(0);
        if (!contact || contact->id != contactId) {
            const auto found =
                std::lower_bound(contacts->begin(), contacts->end(), contactId,
                                 [](const ContactIndexEntry& entry, qint64 id) { return entry.id < id; });
            if (found == contacts->end() || found->id != contactId)
                return Error::database(QStringLiteral("interaction log: unknown contact %1").arg(contactId));
            contact = &*found;
        }
        const std::optional<Channel> channel = channelFromKey(rows.columnUtf8(2));
        const std::optional<Direction> direction = directionFromKey(rows.columnUtf8(3));
        if (!channel || !direction)
            return Error::database(QStringLiteral("interaction log: unknown channel '%1' or direction '%2'")
                                       .arg(rows.columnText(2), rows.columnText(3)));
        Key key{weekOf(rows.columnInt64(1)), contact->ownerId, 0, static_cast<int>(*channel),
                static_cast<int>(*direction)};
        ++counts[key];
        for (const qint64 tagId : contact->tagIds) {
            key.tagId = tagId;
            ++counts[key];
        }
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());

    std::array<QByteArray, channelCount> channelKeys;
    for (const Channel channel : allChannels)
        channelKeys[static_cast<size_t>(channel)] = channelName(channel).toUtf8();
    std::array<QByteArray, directionCount> directionKeys;
    for (int direction = 0; direction < directionCount; ++direction)
        directionKeys[static_cast<size_t>(direction)] = directionName(Direction(direction)).toUtf8();
    SqliteStatement upsert(m_db.handle(),
                           "INSERT INTO activity_weeks (week, owner_id, tag_id, channel, direction, n)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET n = n + excluded.n");
    if (!upsert.isValid())
        return Error::database(upsert.errorMessage());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const Key& key = it.key();
        upsert.bind(1, key.week);
        upsert.bind(2, key.ownerId);
        upsert.bind(3, key.tagId);
        upsert.bindStatic(4, channelKeys[static_cast<size_t>(key.channel)]);
        upsert.bindStatic(5, directionKeys[static_cast<size_t>(key.direction)]);
        upsert.bind(6, it.value());
        upsert.step();
        if (!upsert.ok())
            return Error::database(upsert.errorMessage());
        upsert.reset();
    }
    return {};
}

} // namespace rapport
