// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoEvents.h"

#include "core/demo/DemoRandom.h"
#include "core/storage/SqliteStatement.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <limits>
#include <tuple>

namespace rapport {

namespace {

constexpr qint64 daySeconds = 86400;
constexpr int meetupMonths = 16;
// About one contact in 50 comes to their city's meetup most months.
constexpr double regularShare = 0.02;
constexpr double regularComes = 0.75;
// Those who come to meetups, AMAs, webinars and chats at all: about one in three, so that most of an
// event's people have been to one before. A survey or a poll reaches everyone.
constexpr double goerShare = 0.35;

struct Range
{
    qint64 least;
    qint64 extra; // up to this many more
};

// What an event is and how many take part in each role; a webinar's no-shows registered, a meetup's said
// they would come.
struct EventSpec
{
    Event event;
    int city = -1; // a meetup's: 0 Berlin, 1 New York
    Range organized{0, 0};
    Range spoke{0, 0};
    Range attended{0, 0};
    Range answered{0, 0};
    Range noShows{0, 0};
    qint64 most = std::numeric_limits<qint64>::max(); // who take part at most
};

const std::array<const char*, 2> cities{"Berlin", "New York"};
const std::array<const char*, 2> citySlugs{"berlin", "nyc"};

Event makeEvent(const QString& name, EventKind kind, qint64 at, Channel channel, const QString& link)
{
    Event event;
    event.name = name;
    event.kind = kind;
    event.occurredAt = at;
    event.channel = channel;
    event.link = link;
    event.createdAt = at;
    return event;
}

// A moment `daysAgo` days before `end`, in the (UTC) afternoon, never after `end`.
qint64 afternoon(qint64 end, qint64 daysAgo)
{
    return std::min(end, (end / daySeconds - daysAgo) * daySeconds + 16 * 3600);
}

std::vector<EventSpec> eventSpecs(qint64 end)
{
    std::vector<EventSpec> specs;
    // Monthly meetups on the second Thursday, the cities taking turns; this month's only once it was.
    const QDate endDay = QDateTime::fromSecsSinceEpoch(end, Qt::UTC).date();
    const QDate thisMonth(endDay.year(), endDay.month(), 1);
    for (int back = meetupMonths - 1; back >= 0; --back) {
        const QDate first = thisMonth.addMonths(-back);
        const QDate day = first.addDays((Qt::Thursday - first.dayOfWeek() + 7) % 7 + 7);
        const int city = (first.year() * 12 + first.month()) % 2;
        const qint64 at = QDateTime(day, QTime(city == 0 ? 17 : 23, 0), Qt::UTC).toSecsSinceEpoch();
        if (at > end)
            continue;
        EventSpec spec;
        spec.event = makeEvent(
            QStringLiteral("%1 meetup, %2")
                .arg(QLatin1String(cities[static_cast<size_t>(city)]),
                     QLocale::c().toString(day, QStringLiteral("MMMM yyyy"))),
            EventKind::Meetup, at, Channel::Event,
            QStringLiteral("https://meetup.example/rapport-%1/%2")
                .arg(QLatin1String(citySlugs[static_cast<size_t>(city)]), day.toString(Qt::ISODate)));
        spec.city = city;
        spec.organized = {1, 1};
        spec.spoke = {1, 1};
        spec.attended = {8, 16}; // with the regulars, organizers and speakers: 15 to 40 in all
        spec.noShows = {2, 6};
        spec.most = 40; // the room
        specs.push_back(spec);
    }
    const auto add = [&](const QString& name, EventKind kind, qint64 daysAgo, Channel channel,
                         const QString& link) -> EventSpec& {
        EventSpec spec;
        spec.event = makeEvent(name, kind, afternoon(end, daysAgo), channel, link);
        specs.push_back(spec);
        return specs.back();
    };
    const QString community = QStringLiteral("https://community.example/");
    for (const auto& [name, daysAgo, slug] :
         {std::tuple{"Ask me anything: the maintainers", 400, "ama/maintainers"},
          std::tuple{"Ask me anything: the release team", 220, "ama/release-team"},
          std::tuple{"Ask me anything: documentation", 45, "ama/docs"}}) {
        EventSpec& spec = add(QString::fromUtf8(name), EventKind::Ama, daysAgo, Channel::Chat,
                              community + QLatin1String(slug));
        spec.spoke = {1, 1};
        spec.attended = {20, 30};
    }
    for (const auto& [name, daysAgo, slug] :
         {std::tuple{"Webinar: getting started", 300, "webinars/getting-started"},
          std::tuple{"Webinar: growing a local chapter", 90, "webinars/local-chapters"}}) {
        EventSpec& spec = add(QString::fromUtf8(name), EventKind::Webinar, daysAgo, Channel::Event,
                              community + QLatin1String(slug));
        spec.spoke = {1, 1};
        spec.attended = {25, 35};
        spec.noShows = {8, 12};
    }
    for (const auto& [name, daysAgo, slug] :
         {std::tuple{"Community podcast, episode 12", 250, "podcast/12"},
          std::tuple{"Community podcast, episode 13", 30, "podcast/13"}}) {
        add(QString::fromUtf8(name), EventKind::Podcast, daysAgo, Channel::Call,
            community + QLatin1String(slug))
            .spoke = {1, 1};
    }
    add(QStringLiteral("Community survey"), EventKind::Survey, 120, Channel::Email,
        community + QLatin1String("survey"))
        .answered = {80, 70};
    add(QStringLiteral("Poll: the next meetup's topic"), EventKind::Poll, 60, Channel::Social, QString())
        .answered = {30, 40};
    EventSpec& thread = add(QStringLiteral("What should the next release focus on?"), EventKind::ForumThread,
                            20, Channel::Forum, community + QLatin1String("t/next-release"));
    thread.organized = {1, 0};
    thread.answered = {5, 8};
    EventSpec& chat = add(QStringLiteral("Office hours"), EventKind::LiveChat, 10, Channel::Chat, QString());
    chat.organized = {1, 0};
    chat.attended = {8, 13};
    std::stable_sort(specs.begin(), specs.end(), [](const EventSpec& a, const EventSpec& b) {
        return a.event.occurredAt < b.event.occurredAt;
    });
    return specs;
}

} // namespace

DemoEventPlan planDemoEvents(const std::vector<DemoEventWindow>& windows, size_t teamMembers, qint64 end,
                             quint64 seed)
{
    // Another stream than the rest of the demo's, so that the events are the same whatever else changes.
    DemoRandom random(seed ^ 0xe7e27c0de5ULL);
    const size_t count = windows.size();
    std::vector<qint64> capacity(count);
    std::vector<int> regularOf(count, -1); // the city whose meetups they come to, or -1
    std::vector<char> goes(count, 0);
    for (size_t i = 0; i < count; ++i) {
        capacity[i] = windows[i].capacity;
        if (random.chance(regularShare))
            regularOf[i] = static_cast<int>(random.below(2));
        goes[i] = random.chance(goerShare);
    }

    DemoEventPlan plan;
    plan.tookPartBy.resize(count);
    std::vector<size_t> inEvent(count, SIZE_MAX); // the last event each contact was put in
    std::vector<size_t> pool;
    for (const EventSpec& spec : eventSpecs(end)) {
        const size_t event = plan.events.size();
        const qint64 at = spec.event.occurredAt;
        plan.events.push_back(spec.event);
        plan.loggedBy.push_back(teamMembers > 0 ? static_cast<size_t>(random.below(qint64(teamMembers))) : 0);
        std::array<QByteArray, participantRoleCount> texts;
        for (const ParticipantRole role : allParticipantRoles)
            texts[static_cast<size_t>(role)] = eventInteraction(spec.event, 0, role).summary.toUtf8();
        plan.summaries.push_back(std::move(texts));

        qint64 tookPart = 0;
        const auto canTakePart = [&](size_t contact) {
            return tookPart < spec.most && inEvent[contact] != event && capacity[contact] > 0 &&
                   windows[contact].from <= at && at <= windows[contact].to;
        };
        const auto take = [&](size_t contact, ParticipantRole role) {
            inEvent[contact] = event;
            if (role != ParticipantRole::InvitedNoShow) {
                ++tookPart;
                --capacity[contact];
                plan.tookPartBy[contact].push_back(plan.participations.size());
            }
            plan.participations.push_back({event, contact, role});
        };
        // Up to `range` more of those in `pool` who can take part, in a random order.
        const auto takeSome = [&](const Range& range, ParticipantRole role, bool noShows) {
            const qint64 wanted = range.least + random.below(range.extra + 1);
            qint64 taken = 0;
            for (size_t k = 0; k < pool.size() && taken < wanted; ++k) {
                std::swap(pool[k], pool[k + static_cast<size_t>(random.below(qint64(pool.size() - k)))]);
                const size_t contact = pool[k];
                if (noShows ? inEvent[contact] != event : canTakePart(contact)) {
                    take(contact, role);
                    ++taken;
                }
            }
        };

        pool.clear();
        if (spec.city >= 0) {
            for (size_t i = 0; i < count; ++i) {
                if (regularOf[i] == spec.city && canTakePart(i))
                    pool.push_back(i);
            }
            takeSome(spec.organized, ParticipantRole::Organized, false);
            for (const size_t regular : pool) {
                if (canTakePart(regular) && random.chance(regularComes))
                    take(regular, ParticipantRole::Attended);
            }
            pool.clear();
        }
        const bool everyone = spec.event.kind == EventKind::Survey || spec.event.kind == EventKind::Poll;
        for (size_t i = 0; i < count; ++i) {
            if (regularOf[i] < 0 && (everyone || goes[i]) && canTakePart(i))
                pool.push_back(i);
        }
        if (spec.city < 0)
            takeSome(spec.organized, ParticipantRole::Organized, false);
        takeSome(spec.spoke, ParticipantRole::Spoke, false);
        takeSome(spec.attended, ParticipantRole::Attended, false);
        takeSome(spec.answered, ParticipantRole::Answered, false);
        // Anyone can be invited and not come, those with no conversations yet too.
        pool.resize(count);
        for (size_t i = 0; i < count; ++i)
            pool[i] = i;
        takeSome(spec.noShows, ParticipantRole::InvitedNoShow, true);
    }
    return plan;
}

Result<qint64> writeDemoEvents(Database& db, const DemoEventPlan& plan, const std::vector<qint64>& contactIds,
                               const std::vector<qint64>& interactionIds)
{
    SqliteStatement insertEvent(
        db.handle(), "INSERT INTO events (name, kind, occurred_at, channel, link, created_at) VALUES "
                     "(?1, ?2, ?3, ?4, ?5, ?3)");
    SqliteStatement insertParticipant(db.handle(), "INSERT INTO event_participants (event_id, contact_id, "
                                                   "role, interaction_id) VALUES (?1, ?2, ?3, ?4)");
    const auto failed = [](const SqliteStatement& statement) {
        return Error::database(QStringLiteral("demo events: %1").arg(statement.errorMessage()));
    };
    std::vector<qint64> eventIds;
    eventIds.reserve(plan.events.size());
    for (const Event& event : plan.events) {
        insertEvent.bind(1, event.name);
        insertEvent.bind(2, eventKindName(event.kind));
        insertEvent.bind(3, event.occurredAt);
        insertEvent.bind(4, channelName(event.channel));
        insertEvent.bind(5, event.link);
        insertEvent.step();
        if (!insertEvent.ok())
            return failed(insertEvent);
        insertEvent.reset();
        eventIds.push_back(db.lastInsertId());
    }
    for (size_t i = 0; i < plan.participations.size(); ++i) {
        const DemoParticipation& participation = plan.participations[i];
        insertParticipant.bind(1, eventIds[participation.event]);
        insertParticipant.bind(2, contactIds[participation.contact]);
        insertParticipant.bind(3, participantRoleName(participation.role));
        if (interactionIds[i] > 0)
            insertParticipant.bind(4, interactionIds[i]);
        else
            insertParticipant.bindNull(4);
        insertParticipant.step();
        if (!insertParticipant.ok())
            return failed(insertParticipant);
        insertParticipant.reset();
    }
    return static_cast<qint64>(eventIds.size());
}

} // namespace rapport
