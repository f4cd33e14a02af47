// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoFollowUps.h"

#include "core/base/Clock.h"
#include "core/demo/DemoRandom.h"
#include "core/model/FollowUp.h"
#include "core/storage/SqliteStatement.h"

#include <array>

namespace rapport {

namespace {

constexpr std::array reachOutTexts{
    "Ask how the new role is going",    "Check in after the meetup",
    "Share the recording of the AMA",   "Ask for feedback on the onboarding guide",
    "Invite to the contributors' call", "Follow up on the sponsorship question",
};
constexpr std::array ourPromiseTexts{
    "Send the slides from the talk", "Introduce them to the docs team",     "Review their pull request",
    "Send the swag we promised",     "Answer the question about licensing", "Share the survey results",
};
constexpr std::array theirPromiseTexts{
    "They send the translation draft", "They confirm the venue",    "They share the meetup photos",
    "They write the guest blog post",  "They send the speaker bio", "They review the roadmap draft",
};

} // namespace

Result<qint64> addDemoFollowUps(Database& db, const std::vector<qint64>& contactIds,
                                const std::vector<std::pair<qint64, qint64>>& activeSpans,
                                const std::vector<qint64>& memberIds, qint64 end, quint64 seed)
{
    DemoRandom random(seed ^ 0x666f6c6c6f777570ULL); // "followup"
    // Promises follow recent conversations: only people talked to in the last two months.
    std::vector<size_t> recent;
    for (size_t i = 0; i < contactIds.size(); ++i) {
        if (activeSpans[i].second >= end - 60 * secondsPerDay)
            recent.push_back(i);
    }
    if (recent.empty() || memberIds.empty())
        return qint64(0);
    const qint64 wanted = std::max<qint64>(1, static_cast<qint64>(contactIds.size()) / 40);
    SqliteStatement insert(
        db.handle(), "INSERT INTO follow_ups (contact_id, kind, text, owner_id, due_at, status, created_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6)");
    const qint64 today = end - end % secondsPerDay;
    for (qint64 n = 0; n < wanted; ++n) {
        const size_t index = recent[static_cast<size_t>(random.below(static_cast<qint64>(recent.size())))];
        const double kind = random.uniform();
        const FollowUpKind followUpKind = kind < 0.5   ? FollowUpKind::ReachOut
                                          : kind < 0.8 ? FollowUpKind::OurCommitment
                                                       : FollowUpKind::TheirCommitment;
        const char* text = followUpKind == FollowUpKind::ReachOut        ? random.pick(reachOutTexts)
                           : followUpKind == FollowUpKind::OurCommitment ? random.pick(ourPromiseTexts)
                                                                         : random.pick(theirPromiseTexts);
        // A fifth overdue by up to a week, a tenth due today, the rest within the next month.
        const double when = random.uniform();
        const qint64 dueDay = when < 0.2 ? -1 - random.below(7) : when < 0.3 ? 0 : 1 + random.below(30);
        const qint64 dueAt = today + dueDay * secondsPerDay;
        const qint64 createdAt =
            std::min(end, std::max(activeSpans[index].second, dueAt - 21 * secondsPerDay));
        insert.bind(1, contactIds[index]);
        insert.bind(2, followUpKindName(followUpKind));
        insert.bindStatic(3, QByteArrayView(text));
        insert.bind(4, random.pick(memberIds));
        insert.bind(5, dueAt);
        insert.bind(6, createdAt);
        insert.step();
        if (!insert.ok())
            return Error::database(QStringLiteral("demo: %1").arg(insert.errorMessage()));
        insert.reset();
    }
    return wanted;
}

} // namespace rapport
