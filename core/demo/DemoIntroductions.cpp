// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoIntroductions.h"

#include "core/demo/DemoRandom.h"
#include "core/storage/SqliteStatement.h"

#include <algorithm>
#include <array>

namespace rapport {

namespace {

constexpr qint64 daySeconds = 86400;
constexpr std::array<const char*, 6> introductionNotes{
    "met at the meetup",     "via the mailing list", "at the conference dinner",
    "a colleague of theirs", "through the Discord",  "",
};

Error failed(const SqliteStatement& statement)
{
    return Error::database(QStringLiteral("demo introductions: %1").arg(statement.errorMessage()));
}

} // namespace

Status writeDemoIntroductions(Database& db, const std::vector<qint64>& contactIds, qint64 end, quint64 seed)
{
    const auto count = static_cast<qint64>(contactIds.size());
    if (count < 2)
        return {};
    // Another stream than the rest of the demo's, so that adding links changes none of its other data.
    DemoRandom random(seed ^ 0x1d7c0ffeeULL);
    SqliteStatement insert(
        db.handle(), "INSERT OR IGNORE INTO contact_links (contact_id, other_id, kind, note, occurred_at, "
                     "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const auto link = [&](qint64 contactId, qint64 otherId, const char* kind) -> Status {
        const qint64 at = end - random.below(730) * daySeconds;
        insert.bind(1, contactId);
        insert.bind(2, otherId);
        insert.bind(3, QByteArray(kind));
        insert.bind(4, QByteArray(random.pick(introductionNotes)));
        if (random.chance(0.7))
            insert.bind(5, at);
        else
            insert.bindNull(5);
        insert.bind(6, at);
        insert.step();
        if (!insert.ok())
            return failed(insert);
        insert.reset();
        return {};
    };

    // Everyone but the connectors, in a shuffled order: each is introduced at most once.
    std::vector<qint64> order = contactIds;
    for (size_t i = order.size() - 1; i > 0; --i)
        std::swap(order[i], order[static_cast<size_t>(random.below(static_cast<qint64>(i) + 1))]);
    const qint64 connectors = std::clamp<qint64>(count / 60, 1, 8);
    size_t next = static_cast<size_t>(connectors);
    for (qint64 c = 0; c < connectors; ++c) {
        const qint64 introducer = order[static_cast<size_t>(c)];
        const qint64 introduced = 10 + random.below(21);
        for (qint64 n = 0; n < introduced && next < order.size(); ++n, ++next) {
            if (Status linked = link(order[next], introducer, "introduced_by"); !linked)
                return linked;
        }
    }
    // Occasional introducers: one or two people each.
    for (; next + 1 < order.size() && random.chance(0.85) && next < static_cast<size_t>(count) / 2;
         next += 2) {
        if (Status linked = link(order[next + 1], order[next], "introduced_by"); !linked)
            return linked;
    }
    // People who know each other, kept in canonical order.
    for (qint64 n = 0; n < count / 3; ++n) {
        const qint64 a = contactIds[static_cast<size_t>(random.below(count))];
        const qint64 b = contactIds[static_cast<size_t>(random.below(count))];
        if (a == b)
            continue;
        if (Status linked = link(std::min(a, b), std::max(a, b), "knows"); !linked)
            return linked;
    }
    return {};
}

} // namespace rapport
