// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoGenerator.h"

#include "core/base/Clock.h"
#include "core/demo/DemoEvents.h"
#include "core/demo/DemoFollowUps.h"
#include "core/demo/DemoInteractionWriter.h"
#include "core/demo/DemoIntroductions.h"
#include "core/demo/DemoNames.h"
#include "core/demo/DemoRandom.h"
#include "core/model/TrustNote.h"
#include "core/scoring/RelationshipStateStore.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/BulkLoad.h"
#include "core/storage/SqliteStatement.h"

#include <algorithm>
#include <vector>

namespace rapport {

namespace {

constexpr qint64 progressEvery = 1 << 15;
// How far back the oldest generated conversation may go, in days.
constexpr double historyDays = 3 * 365;

enum class Profile
{
    NoHistory,
    New,
    Thriving,
    Steady,
    Cooling,
    Dropped,
    OneSided
};

struct ContactPlan
{
    Profile profile = Profile::Steady;
    double cadenceDays = 14;
    double quietDays = 0; // days between the last conversation and the end date
    double inboundShare = 0.5;
    Channel favouriteChannel = Channel::Email;
    double weight = 1;
    qint64 interactions = 0;
};

Profile drawProfile(DemoRandom& random)
{
    const double u = random.uniform();
    if (u < 0.06)
        return Profile::NoHistory;
    if (u < 0.14)
        return Profile::New;
    if (u < 0.30)
        return Profile::Thriving;
    if (u < 0.60)
        return Profile::Steady;
    if (u < 0.78)
        return Profile::Cooling;
    if (u < 0.92)
        return Profile::Dropped;
    return Profile::OneSided;
}

ContactPlan drawPlan(DemoRandom& random)
{
    ContactPlan plan;
    plan.profile = drawProfile(random);
    plan.favouriteChannel = random.pick(allChannels);
    // A heavy tail: a few relationships carry much of the traffic.
    plan.weight = std::min(20.0, 1.0 / std::max(0.05, random.uniform()));
    switch (plan.profile) {
    case Profile::NoHistory:
        plan.weight = 0;
        break;
    case Profile::New:
        plan.weight = 0;
        plan.cadenceDays = 10 + random.uniform() * 20;
        plan.quietDays = random.uniform() * 10;
        break;
    case Profile::Thriving:
        plan.cadenceDays = 3 + random.uniform() * 7;
        plan.quietDays = random.uniform() * plan.cadenceDays * 0.8;
        plan.inboundShare = 0.4 + random.uniform() * 0.2;
        plan.weight *= 3;
        break;
    case Profile::Steady:
        plan.cadenceDays = 10 + random.uniform() * 25;
        plan.quietDays = random.uniform() * plan.cadenceDays * 1.2;
        plan.inboundShare = 0.3 + random.uniform() * 0.4;
        break;
    case Profile::Cooling:
        plan.cadenceDays = 7 + random.uniform() * 21;
        plan.quietDays = plan.cadenceDays * (2 + random.uniform() * 2);
        plan.inboundShare = 0.25 + random.uniform() * 0.3;
        break;
    case Profile::Dropped:
        plan.cadenceDays = 14 + random.uniform() * 30;
        plan.quietDays = plan.cadenceDays * (5 + random.uniform() * 10);
        plan.inboundShare = 0.2 + random.uniform() * 0.4;
        plan.weight *= 0.5;
        break;
    case Profile::OneSided:
        plan.cadenceDays = 14 + random.uniform() * 20;
        plan.quietDays = random.uniform() * plan.cadenceDays * 3;
        plan.inboundShare = 0.03;
        plan.weight *= 0.4;
        break;
    }
    return plan;
}

// Splits `total` interactions over the plans in proportion to their weights,
// exactly.
void distributeInteractions(std::vector<ContactPlan>& plans, qint64 total, DemoRandom& random)
{
    qint64 assigned = 0;
    for (ContactPlan& plan : plans) {
        if (plan.profile == Profile::New) {
            plan.interactions = 1 + random.below(3);
            assigned += plan.interactions;
        }
    }
    if (assigned > total) {
        for (ContactPlan& plan : plans)
            plan.interactions = 0;
        assigned = 0;
    }
    std::vector<size_t> weighted;
    double weightSum = 0;
    for (size_t i = 0; i < plans.size(); ++i) {
        if (plans[i].weight > 0) {
            weighted.push_back(i);
            weightSum += plans[i].weight;
        }
    }
    if (weighted.empty()) {
        for (size_t i = 0; i < plans.size(); ++i)
            weighted.push_back(i);
    }
    const qint64 remaining = total - assigned;
    qint64 given = 0;
    if (weightSum > 0) {
        for (ContactPlan& plan : plans) {
            const auto share = static_cast<qint64>(static_cast<double>(remaining) * plan.weight / weightSum);
            plan.interactions += share;
            given += share;
        }
    }
    for (size_t i = 0; given < remaining; ++i, ++given)
        ++plans[weighted[i % weighted.size()]].interactions;
}

Direction drawDirection(DemoRandom& random, Channel channel, double inboundShare)
{
    const bool together =
        channel == Channel::Meeting || channel == Channel::Event || channel == Channel::Call;
    if (together && random.chance(channel == Channel::Call ? 0.5 : 0.75))
        return Direction::Mutual;
    return random.chance(inboundShare) ? Direction::Inbound : Direction::Outbound;
}

QByteArray summaryText(Channel channel, bool theirs, const QByteArray& topic)
{
    switch (channel) {
    case Channel::Email:
        return (theirs ? "They emailed about " : "Emailed them about ") + topic;
    case Channel::Call:
        return "Call about " + topic;
    case Channel::Meeting:
        return "Met to discuss " + topic;
    case Channel::Forum:
        return (theirs ? "They replied on the forum about " : "Answered their forum thread on ") + topic;
    case Channel::Chat:
        return (theirs ? "They pinged us in chat about " : "Chatted about ") + topic;
    case Channel::Social:
        return (theirs ? "They mentioned us in a post on " : "Replied to their post on ") + topic;
    case Channel::Event:
        return "Talked at the event about " + topic;
    case Channel::Other:
        break;
    }
    return "Caught up about " + topic;
}

// Every summary the generator writes, by channel, inbound or not, and topic: built once, they are bound to
// millions of rows without an allocation each.
using SummaryTable = std::array<std::array<std::vector<QByteArray>, 2>, channelCount>;

SummaryTable allSummaries()
{
    SummaryTable table;
    for (Channel channel : allChannels) {
        for (const bool theirs : {false, true}) {
            std::vector<QByteArray>& texts = table[static_cast<size_t>(channel)][theirs ? 1 : 0];
            for (const char* topic : demo::topics)
                texts.push_back(summaryText(channel, theirs, QByteArray(topic)));
        }
    }
    return table;
}

const QByteArray& drawSummary(const SummaryTable& table, DemoRandom& random, Channel channel,
                              Direction direction)
{
    const size_t topic = random.index(demo::topics);
    return table[static_cast<size_t>(channel)][direction == Direction::Inbound ? 1 : 0][topic];
}

// ASCII letters of a name, lower-cased, for generated email addresses and
// handles.
QByteArray asciiKey(const QString& name)
{
    QByteArray key;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            key.append(static_cast<char>(c.toLower().unicode()));
    }
    return key.isEmpty() ? QByteArray("user") : key;
}

struct TimedInteraction
{
    qint64 at;
    Channel channel;
    Direction direction;
    qint64 participation = -1; // the event participation it is, if any
};

// The contact's conversations, oldest first: touches spaced around its cadence,
// some in same-day bursts.
std::vector<TimedInteraction> drawTimeline(DemoRandom& random, const ContactPlan& plan, qint64 end)
{
    std::vector<TimedInteraction> timeline;
    timeline.reserve(static_cast<size_t>(plan.interactions));
    double cadence = plan.cadenceDays;
    if (static_cast<double>(plan.interactions) * cadence * 0.6 > historyDays)
        cadence = historyDays / (static_cast<double>(plan.interactions) * 0.6);
    double t = static_cast<double>(end) - plan.quietDays * secondsPerDay;
    while (static_cast<qint64>(timeline.size()) < plan.interactions) {
        const Channel channel = random.chance(0.6) ? plan.favouriteChannel : random.pick(allChannels);
        const qint64 dayStart = static_cast<qint64>(t) / secondsPerDay * secondsPerDay;
        const qint64 at = std::min<qint64>(dayStart + 7 * 3600 + random.below(12 * 3600), end);
        const qint64 burst = random.chance(0.2) ? 2 + random.below(4) : 1;
        for (qint64 i = 0; i < burst && static_cast<qint64>(timeline.size()) < plan.interactions; ++i) {
            const Channel inBurst = i == 0 || channel != Channel::Meeting ? channel : Channel::Email;
            timeline.push_back({std::max<qint64>(0, at - i * 600), inBurst,
                                drawDirection(random, inBurst, plan.inboundShare)});
        }
        t -= cadence * secondsPerDay * (0.4 + random.exponential(0.6));
    }
    std::sort(timeline.begin(), timeline.end(),
              [](const TimedInteraction& a, const TimedInteraction& b) { return a.at < b.at; });
    return timeline;
}

// When each contact can take part in an event: between the first and the last conversation their plan
// gives them (drawTimeline() spaces them about a cadence apart back from the quiet days), so that taking
// part changes no one's profile; someone with no conversations can only be invited and not come.
std::vector<DemoEventWindow> eventWindows(const std::vector<ContactPlan>& plans, qint64 end)
{
    std::vector<DemoEventWindow> windows;
    windows.reserve(plans.size());
    for (const ContactPlan& plan : plans) {
        const double last = static_cast<double>(end) - plan.quietDays * secondsPerDay;
        const double span =
            std::min(historyDays, static_cast<double>(plan.interactions) * plan.cadenceDays) * secondsPerDay;
        windows.push_back({static_cast<qint64>(last - span), static_cast<qint64>(last), plan.interactions});
    }
    return windows;
}

} // namespace

Result<DemoSummary> DemoGenerator::generate(const ProgressCallback& progress)
{
    const DemoOptions& options = m_options;
    if (options.contacts < 1 || options.interactions < 0 || options.trustNotes < -1)
        return Error::usage(
            QStringLiteral("demo: --contacts must be at least 1, --interactions and --notes at "
                           "least 0"));
    const qint64 noteCount = options.trustNotes < 0 ? options.contacts : options.trustNotes;
    const qint64 end = options.endSeconds > 0 ? options.endSeconds : Clock::nowSeconds();

    const Result<ScoringEngine> engine = ScoringEngine::open(m_db);
    if (!engine)
        return engine.error();
    const ScoringSettings& settings = engine->settings();

    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<QVariant> existing = m_db.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return Error::badInput(QStringLiteral("demo: '%1' already holds %2 contacts; demo data goes "
                                              "into a new or "
                                              "empty database")
                                   .arg(m_db.path())
                                   .arg(existing->toLongLong()));

    // The database is empty: dropping the log's time index and rebuilding it once
    // at the end is cheaper than maintaining it (BulkLoad).
    BulkLoad bulk(m_db, BulkLoad::AllTables);
    if (Status suspended = bulk.suspend(true); !suspended)
        return suspended.error();

    DemoRandom random(options.seed);
    DemoSummary summary;
    auto failed = [](const SqliteStatement& statement) {
        return Error::database(QStringLiteral("demo: %1").arg(statement.errorMessage()));
    };

    SqliteStatement insertMember(m_db.handle(),
                                 "INSERT INTO team_members (name, email, created_at) VALUES (?1, ?2, ?3)");
    // Each member's address is also their identity, so that importing their mail knows who "me" is.
    SqliteStatement insertIdentity(
        m_db.handle(), "INSERT INTO team_identities (member_id, kind, value, normalized, created_at)"
                       " VALUES (?1, 'email', ?2, ?2, ?3)");
    std::vector<qint64> memberIds;
    for (const char* name : demo::teamMembers) {
        const QString memberName = QString::fromUtf8(name);
        const QByteArray email = asciiKey(memberName.section(QLatin1Char(' '), 0, 0)) + "@team.example";
        insertMember.bind(1, memberName);
        insertMember.bind(2, email);
        insertMember.bind(3, end - 900 * secondsPerDay);
        insertMember.step();
        if (!insertMember.ok())
            return failed(insertMember);
        insertMember.reset();
        memberIds.push_back(m_db.lastInsertId());
        insertIdentity.bind(1, memberIds.back());
        insertIdentity.bind(2, email);
        insertIdentity.bind(3, end - 900 * secondsPerDay);
        insertIdentity.step();
        if (!insertIdentity.ok())
            return failed(insertIdentity);
        insertIdentity.reset();
    }
    summary.teamMembers = static_cast<qint64>(memberIds.size());

    struct DemoTag
    {
        const char* name;
        double cadence; // 0: none
    };
    const std::array<DemoTag, 10> tags{{{"core-contributors", 14},
                                        {"forum-moderators", 0},
                                        {"press", 30},
                                        {"partners", 30},
                                        {"ambassadors", 21},
                                        {"beta-testers", 0},
                                        {"meetup-berlin", 0},
                                        {"meetup-nyc", 0},
                                        {"speakers", 0},
                                        {"sponsors", 45}}};
    SqliteStatement insertTag(m_db.handle(), "INSERT INTO tags (name, cadence_days) VALUES (?1, ?2)");
    std::vector<qint64> tagIds;
    for (const DemoTag& tag : tags) {
        insertTag.bind(1, QByteArray(tag.name));
        if (tag.cadence > 0)
            insertTag.bind(2, tag.cadence);
        insertTag.step();
        if (!insertTag.ok())
            return failed(insertTag);
        insertTag.reset();
        tagIds.push_back(m_db.lastInsertId());
    }

    std::vector<ContactPlan> plans;
    plans.reserve(static_cast<size_t>(options.contacts));
    for (qint64 i = 0; i < options.contacts; ++i)
        plans.push_back(drawPlan(random));
    distributeInteractions(plans, options.interactions, random);
    const DemoEventPlan events =
        planDemoEvents(eventWindows(plans, end), memberIds.size(), end, options.seed);
    // Taking part in an event is one of the contact's conversations, not one more: the demo keeps its size.
    for (size_t i = 0; i < plans.size(); ++i)
        plans[i].interactions -= static_cast<qint64>(events.tookPartBy[i].size());
    std::vector<qint64> participationInteractions(events.participations.size(), 0);

    SqliteStatement insertContact(m_db.handle(), "INSERT INTO contacts (given_name, family_name, "
                                                 "display_name, organization, title, owner_id,"
                                                 " cadence_days, created_at, updated_at) VALUES (?1, ?2, "
                                                 "?3, ?4, ?5, ?6, ?7, ?8, ?8)");
    SqliteStatement insertMethod(m_db.handle(),
                                 "INSERT INTO contact_methods (contact_id, kind, value, normalized)"
                                 " VALUES (?1, ?2, ?3, ?4)");
    SqliteStatement insertContactTag(m_db.handle(),
                                     "INSERT INTO contact_tags (contact_id, tag_id) VALUES (?1, ?2)");
    DemoInteractionWriter interactionWriter(m_db);
    const SummaryTable summaries = allSummaries();
    RelationshipStateWriter stateWriter(m_db);

    // Interactions get the ids after the largest so far in the order they are queued (no AUTOINCREMENT).
    const Result<QVariant> lastInteraction =
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM interactions"));
    if (!lastInteraction)
        return lastInteraction.error();
    qint64 nextInteractionId = lastInteraction->toLongLong() + 1;
    std::vector<qint64> contactIds;
    std::vector<std::pair<qint64, qint64>> activeSpans; // first and last interaction of each contact
    contactIds.reserve(plans.size());
    activeSpans.reserve(plans.size());
    const qint64 total = options.contacts + options.interactions + noteCount;
    qint64 done = 0;

    for (qint64 index = 0; index < options.contacts; ++index) {
        const ContactPlan& plan = plans[static_cast<size_t>(index)];
        const QString given = QString::fromUtf8(random.pick(demo::givenNames));
        const QString family = QString::fromUtf8(random.pick(demo::familyNames));
        const qint64 owner = random.chance(0.88) ? random.pick(memberIds) : 0; // 0: nobody owns it
        insertContact.bind(1, given);
        insertContact.bind(2, family);
        insertContact.bind(3, given + QLatin1Char(' ') + family);
        insertContact.bind(4, QByteArray(random.pick(demo::organizations)));
        insertContact.bind(5, QByteArray(random.pick(demo::titles)));
        if (owner > 0)
            insertContact.bind(6, owner);
        if (random.chance(0.05))
            insertContact.bind(7, static_cast<double>(random.pick(std::array{7, 14, 30, 90})));
        insertContact.bind(8, end - 1000 * secondsPerDay);
        insertContact.step();
        if (!insertContact.ok())
            return failed(insertContact);
        insertContact.reset();
        const qint64 contactId = m_db.lastInsertId();
        contactIds.push_back(contactId);

        const QByteArray key = asciiKey(given) + '.' + asciiKey(family) + QByteArray::number(contactId);
        auto addMethod = [&](const char* kind, const QByteArray& value, const QByteArray& normalized) {
            insertMethod.bind(1, contactId);
            insertMethod.bind(2, QByteArray(kind));
            insertMethod.bindStatic(3, value);
            insertMethod.bindStatic(4, normalized);
            insertMethod.step();
            const bool ok = insertMethod.ok();
            insertMethod.reset();
            return ok;
        };
        const QByteArray email = key + '@' + random.pick(demo::mailDomains);
        bool methodsOk = addMethod("email", email, email);
        const QByteArray handle = asciiKey(given) + '_' + QByteArray::number(contactId);
        if (random.chance(0.4))
            methodsOk = methodsOk && addMethod("forum", handle, handle);
        if (random.chance(0.25))
            methodsOk = methodsOk && addMethod("x", '@' + handle, handle);
        if (random.chance(0.15))
            methodsOk = methodsOk && addMethod("github", handle, handle);
        if (random.chance(0.1))
            methodsOk = methodsOk && addMethod("mastodon", '@' + handle + "@mastodon.example",
                                               handle + "@mastodon.example");
        if (!methodsOk)
            return failed(insertMethod);

        const qint64 tagCount = random.below(4) == 0 ? 0 : 1 + random.below(2);
        qint64 firstTag = random.below(static_cast<qint64>(tagIds.size()));
        for (qint64 t = 0; t < tagCount; ++t) {
            insertContactTag.bind(1, contactId);
            insertContactTag.bind(
                2, tagIds[static_cast<size_t>((firstTag + t * 3) % static_cast<qint64>(tagIds.size()))]);
            insertContactTag.step();
            if (!insertContactTag.ok())
                return failed(insertContactTag);
            insertContactTag.reset();
        }

        RelationshipState state;
        std::vector<TimedInteraction> timeline = drawTimeline(random, plan, end);
        if (const std::vector<size_t>& tookPart = events.tookPartBy[static_cast<size_t>(index)];
            !tookPart.empty()) {
            for (const size_t participation : tookPart) {
                const DemoParticipation& taken = events.participations[participation];
                const Event& event = events.events[taken.event];
                timeline.push_back({event.occurredAt, event.channel, *roleDirection(taken.role),
                                    static_cast<qint64>(participation)});
            }
            std::stable_sort(
                timeline.begin(), timeline.end(),
                [](const TimedInteraction& a, const TimedInteraction& b) { return a.at < b.at; });
        }
        for (const TimedInteraction& interaction : timeline) {
            qint64 loggedBy = owner;
            const QByteArray* text = nullptr;
            if (interaction.participation >= 0) {
                const auto participation = static_cast<size_t>(interaction.participation);
                const DemoParticipation& taken = events.participations[participation];
                text = &events.summaries[taken.event][static_cast<size_t>(taken.role)];
                loggedBy = memberIds[events.loggedBy[taken.event]];
                participationInteractions[participation] = nextInteractionId;
            } else {
                text = &drawSummary(summaries, random, interaction.channel, interaction.direction);
            }
            ++nextInteractionId;
            if (Status added = interactionWriter.add(contactId, interaction.at, interaction.channel,
                                                     interaction.direction, *text, loggedBy);
                !added)
                return added.error();
            state.apply(interaction.at, interaction.direction, settings.channelWeight(interaction.channel),
                        settings);
            if (++done % progressEvery == 0 && !reportProgress(progress, done, total))
                return Error::cancelled();
        }
        if (state.hasHistory()) {
            if (Status written = stateWriter.write(contactId, state); !written)
                return written.error();
            activeSpans.emplace_back(timeline.front().at, timeline.back().at);
        } else {
            activeSpans.emplace_back(end - 30 * secondsPerDay, end);
        }
        summary.interactions += static_cast<qint64>(timeline.size());
        ++done;
    }
    if (Status flushed = interactionWriter.flush(); !flushed)
        return flushed.error();
    summary.contacts = options.contacts;

    SqliteStatement insertNote(m_db.handle(),
                               "INSERT INTO trust_notes (contact_id, created_at, author_id, kind,"
                               " trust_level, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const std::array<std::pair<TrustKind, int>, trustKindCount> kindsWithLevels{
        {{TrustKind::CommitmentKept, 4},
         {TrustKind::CommitmentBroken, 2},
         {TrustKind::SharedValue, 4},
         {TrustKind::Boundary, 3},
         {TrustKind::Concern, 2},
         {TrustKind::Appreciation, 5},
         {TrustKind::Context, 3}}};
    for (qint64 n = 0; n < noteCount; ++n) {
        const auto index = static_cast<size_t>(random.below(options.contacts));
        const auto [from, to] = activeSpans[index];
        const auto& [kind, level] = random.pick(kindsWithLevels);
        const QByteArray kindKey = trustKindName(kind).toUtf8();
        const QByteArray text(random.pick(demo::trustTexts[static_cast<size_t>(kind)]));
        insertNote.bind(1, contactIds[index]);
        insertNote.bind(2, from + random.below(std::max<qint64>(1, to - from + 1)));
        insertNote.bind(3, random.pick(memberIds));
        insertNote.bindStatic(4, kindKey);
        if (random.chance(0.6))
            insertNote.bind(5, static_cast<qint64>(std::clamp<qint64>(level + random.below(3) - 1, 1, 5)));
        insertNote.bindStatic(6, text);
        insertNote.step();
        if (!insertNote.ok())
            return failed(insertNote);
        insertNote.reset();
        if (++done % progressEvery == 0 && !reportProgress(progress, done, total))
            return Error::cancelled();
    }
    summary.trustNotes = noteCount;
    const Result<qint64> followUps =
        addDemoFollowUps(m_db, contactIds, activeSpans, memberIds, end, options.seed);
    if (!followUps)
        return followUps.error();
    summary.followUps = *followUps;
    if (Status linked = writeDemoIntroductions(m_db, contactIds, end, options.seed); !linked)
        return linked.error();
    const Result<qint64> written = writeDemoEvents(m_db, events, contactIds, participationInteractions);
    if (!written)
        return written.error();
    summary.events = *written;

    if (Status restored = bulk.restore(); !restored)
        return restored.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    reportProgress(progress, total, total);
    return summary;
}

} // namespace rapport
