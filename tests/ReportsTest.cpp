// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV reports: contacts, interactions, notes, health and at-risk, their filters, and scores that
// come from the ScoringEngine.
#include "core/demo/DemoGenerator.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/CsvSupport.h"

#include <QBuffer>
#include <cmath>

using namespace rapport;
using namespace rapport::test;

namespace {

// A small community: Ada (thriving, owned by Sam, tag press), José (cooling), Zoë (at risk, owned by
// Kim, tag press), an archived contact, and one without history.
class ReportFixture
{
public:
    ReportFixture()
    {
        Database& db = m_database.db();
        m_sam = require(TeamMemberRepository(db).ensure(QStringLiteral("Sam")));
        m_kim = require(TeamMemberRepository(db).ensure(QStringLiteral("Kim")));
        ada = add(QStringLiteral("Ada Lovelace"), {{MethodKind::Email, QStringLiteral("ada@example.org")}},
                  {QStringLiteral("press"), QStringLiteral("Analysts")}, m_sam);
        jose = add(QStringLiteral("José \"Pepe\" Álvarez, Jr."),
                   {{MethodKind::Forum, QStringLiteral("jalvarez")}}, {}, m_sam);
        zoe = add(QStringLiteral("=Zoë 🚀"),
                  {{MethodKind::Phone, QStringLiteral("+1 555 0100")},
                   {MethodKind::Email, QStringLiteral("zoe@example.org")}},
                  {QStringLiteral("press")}, m_kim);
        archived = add(QStringLiteral("Old Friend"), {}, {}, std::nullopt);
        requireOk(ContactRepository(db).setArchived(archived, true));
        quiet = add(QStringLiteral("Quiet One"), {}, {}, std::nullopt);

        for (int i = 0; i < 12; ++i)
            log(ada, 2 + 7 * i, i % 2 ? Direction::Inbound : Direction::Outbound, Channel::Chat, m_sam,
                QStringLiteral("Chat %1, about \"plans\"\nand more").arg(i));
        for (int i = 0; i < 6; ++i)
            log(jose, 40 + 14 * i, Direction::Outbound, Channel::Email, m_kim,
                QStringLiteral("Email %1").arg(i));
        for (int i = 0; i < 4; ++i)
            log(zoe, 200 + 30 * i, Direction::Outbound, Channel::Call, std::nullopt,
                QStringLiteral("-call %1").arg(i));
        log(archived, 300, Direction::Inbound, Channel::Meeting, std::nullopt, QStringLiteral("Old times"));

        TrustNote note;
        note.contactId = ada;
        note.createdAt = testNow - 5 * daySeconds;
        note.authorId = m_kim;
        note.kind = TrustKind::CommitmentKept;
        note.trustLevel = 4;
        note.text = QStringLiteral("Delivered the talk, as promised; \"great\" feedback.");
        require(TrustNoteRepository(db).insert(note));
        note.contactId = zoe;
        note.createdAt = testNow - 100 * daySeconds;
        note.authorId.reset();
        note.kind = TrustKind::Concern;
        note.trustLevel.reset();
        note.text = QStringLiteral("@channel spam");
        require(TrustNoteRepository(db).insert(note));
    }

    Database& db() { return m_database.db(); }
    QList<QStringList> rows(ReportKind kind, const ReportFilter& filter = {})
    {
        return parseCsv(exportReport(db(), kind, filter));
    }

    qint64 ada = 0, jose = 0, zoe = 0, archived = 0, quiet = 0;

private:
    qint64 add(const QString& name, const QList<std::pair<MethodKind, QString>>& methods,
               const QStringList& tags, std::optional<qint64> owner)
    {
        Contact contact;
        contact.displayName = name;
        for (const auto& [kind, value] : methods)
            contact.methods << ContactMethod{0, kind, value, {}};
        contact.tags = tags;
        contact.ownerId = owner;
        return require(ContactRepository(db()).create(contact));
    }

    void log(qint64 contact, int daysAgo, Direction direction, Channel channel, std::optional<qint64> by,
             const QString& summary)
    {
        Interaction interaction;
        interaction.contactId = contact;
        interaction.occurredAt = testNow - daysAgo * daySeconds;
        interaction.direction = direction;
        interaction.channel = channel;
        interaction.loggedBy = by;
        interaction.summary = summary;
        require(ConversationLog(db(), *m_engine).log(interaction));
    }

    PinnedClock m_clock;
    TempDatabase m_database;
    std::optional<ScoringEngine> m_engine{require(ScoringEngine::open(m_database.db()))};
    qint64 m_sam = 0;
    qint64 m_kim = 0;
};

int indexOf(const QStringList& header, const char* column)
{
    const auto index = static_cast<int>(header.indexOf(QString::fromLatin1(column)));
    REQUIRE(index >= 0);
    return index;
}

} // namespace

TEST_CASE("Report kinds have stable names", "[reports]")
{
    CHECK(reportKindNames() == QStringList{QStringLiteral("contacts"), QStringLiteral("interactions"),
                                           QStringLiteral("notes"), QStringLiteral("health"),
                                           QStringLiteral("at-risk")});
    CHECK(parseReportKind(QStringLiteral(" At-Risk ")) == ReportKind::AtRisk);
    CHECK_FALSE(parseReportKind(QStringLiteral("everything")));
}

TEST_CASE("The contacts report lists every contact with methods, tags and owner", "[reports]")
{
    ReportFixture fixture;
    const QList<QStringList> rows = fixture.rows(ReportKind::Contacts);
    REQUIRE(rows.size() == 6);
    CHECK(rows[0] ==
          QStringList{QStringLiteral("id"), QStringLiteral("display_name"), QStringLiteral("given_name"),
                      QStringLiteral("family_name"), QStringLiteral("organization"), QStringLiteral("title"),
                      QStringLiteral("owner"), QStringLiteral("tags"), QStringLiteral("cadence_days"),
                      QStringLiteral("archived"), QStringLiteral("emails"), QStringLiteral("phones"),
                      QStringLiteral("handles"), QStringLiteral("created_at"), QStringLiteral("updated_at")});
    CHECK(rows[1][1] == QStringLiteral("Ada Lovelace"));
    CHECK(rows[1][6] == QStringLiteral("Sam"));
    CHECK(rows[1][7] == QStringLiteral("Analysts; press"));
    CHECK(rows[1][10] == QStringLiteral("ada@example.org"));
    CHECK(rows[1][13] == QStringLiteral("2026-06-01T00:00:00Z"));
    CHECK(rows[2][1] == QStringLiteral("José \"Pepe\" Álvarez, Jr."));
    CHECK(rows[2][12] == QStringLiteral("forum:jalvarez"));
    // Formula-like text is neutralized; the archived flag and id are numbers.
    CHECK(rows[3][1] == QStringLiteral("'=Zoë 🚀"));
    CHECK(rows[3][11] == QStringLiteral("'+1 555 0100"));
    CHECK(rows[4][9] == QStringLiteral("1"));
}

TEST_CASE("The interactions report streams the log in time order with names and keys", "[reports]")
{
    ReportFixture fixture;
    const QList<QStringList> rows = fixture.rows(ReportKind::Interactions);
    REQUIRE(rows.size() == 1 + 12 + 6 + 4 + 1);
    const QStringList& header = rows[0];
    CHECK(header == QStringList{QStringLiteral("id"), QStringLiteral("contact_id"),
                                QStringLiteral("contact_name"), QStringLiteral("contact_key"),
                                QStringLiteral("occurred_at"), QStringLiteral("channel"),
                                QStringLiteral("direction"), QStringLiteral("summary"),
                                QStringLiteral("body"), QStringLiteral("logged_by")});
    for (qsizetype i = 2; i < rows.size(); ++i)
        CHECK(rows[i - 1][4] <= rows[i][4]);
    const QStringList& newest = rows.last();
    CHECK(newest[2] == QStringLiteral("Ada Lovelace"));
    CHECK(newest[3] == QStringLiteral("ada@example.org"));
    CHECK(newest[4] == QStringLiteral("2026-05-30T00:00:00Z"));
    CHECK(newest[5] == QStringLiteral("chat"));
    CHECK(newest[7] == QStringLiteral("Chat 0, about \"plans\"\nand more"));
    CHECK(newest[9] == QStringLiteral("Sam"));
    bool sawJose = false;
    bool sawZoe = false;
    for (const QStringList& row : rows) {
        if (row[1] == QString::number(fixture.jose)) {
            sawJose = true;
            CHECK(row[3] == QStringLiteral("forum:jalvarez"));
        }
        if (row[1] == QString::number(fixture.zoe)) {
            sawZoe = true;
            CHECK(row[3] == QStringLiteral("zoe@example.org")); // the email, not the older phone
            CHECK(row[7].startsWith(QStringLiteral("'-call")));
            CHECK(row[9].isEmpty());
        }
    }
    CHECK(sawJose);
    CHECK(sawZoe);
}

TEST_CASE("Report filters: period, owner and tag", "[reports]")
{
    ReportFixture fixture;
    ReportFilter lastMonth;
    lastMonth.since = testNow - 30 * daySeconds;
    lastMonth.until = testNow - 2 * daySeconds; // exclusive: the chat 2 days ago is out
    const QList<QStringList> recent = fixture.rows(ReportKind::Interactions, lastMonth);
    CHECK(recent.size() == 1 + 4); // Ada's chats 9, 16, 23 and 30 days ago
    for (qsizetype i = 1; i < recent.size(); ++i)
        CHECK(recent[i][1] == QString::number(fixture.ada));

    ReportFilter kims;
    kims.owner = QStringLiteral("kim");
    CHECK(fixture.rows(ReportKind::Interactions, kims).size() == 1 + 4);
    CHECK(fixture.rows(ReportKind::Contacts, kims).size() == 1 + 1);
    ReportFilter press;
    press.tag = QStringLiteral("PRESS");
    CHECK(fixture.rows(ReportKind::Contacts, press).size() == 1 + 2);
    CHECK(fixture.rows(ReportKind::Notes, press).size() == 1 + 2);
    press.owner = QStringLiteral("Sam");
    CHECK(fixture.rows(ReportKind::Interactions, press).size() == 1 + 12);

    // The period selects contacts by their conversations in it.
    ReportFilter lastYear;
    lastYear.since = testNow - 150 * daySeconds;
    const QList<QStringList> contacts = fixture.rows(ReportKind::Contacts, lastYear);
    CHECK(contacts.size() == 1 + 2);

    ReportFilter nobody;
    nobody.owner = QStringLiteral("Zed");
    const Result<std::unique_ptr<Report>> unknownOwner =
        makeReport(ReportKind::Contacts, fixture.db(), nobody);
    REQUIRE_FALSE(unknownOwner.ok());
    CHECK(unknownOwner.error().kind == ErrorKind::BadInput);
    CHECK(unknownOwner.error().message == QStringLiteral("owner: no team member named 'Zed'"));
    ReportFilter noTag;
    noTag.tag = QStringLiteral("vip");
    CHECK(makeReport(ReportKind::Health, fixture.db(), noTag).error().message ==
          QStringLiteral("tag: no tag named 'vip'"));
    ReportFilter backwards;
    backwards.since = testNow;
    backwards.until = testNow - daySeconds;
    CHECK(makeReport(ReportKind::Notes, fixture.db(), backwards)
              .error()
              .message.startsWith(QStringLiteral("period:")));
}

TEST_CASE("The notes report lists notes with author, kind and trust level", "[reports]")
{
    ReportFixture fixture;
    const QList<QStringList> rows = fixture.rows(ReportKind::Notes);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] ==
          QStringList{QStringLiteral("id"), QStringLiteral("contact_id"), QStringLiteral("contact_name"),
                      QStringLiteral("contact_key"), QStringLiteral("created_at"), QStringLiteral("author"),
                      QStringLiteral("kind"), QStringLiteral("trust_level"), QStringLiteral("text")});
    CHECK(rows[1][6] == QStringLiteral("concern"));
    CHECK(rows[1][7].isEmpty());
    CHECK(rows[1][8] == QStringLiteral("'@channel spam"));
    CHECK(rows[2][5] == QStringLiteral("Kim"));
    CHECK(rows[2][7] == QStringLiteral("4"));
    CHECK(rows[2][8] == QStringLiteral("Delivered the talk, as promised; \"great\" feedback."));
}

TEST_CASE("The health report takes every score from the ScoringEngine", "[reports][scoring]")
{
    ReportFixture fixture;
    const QList<QStringList> rows = fixture.rows(ReportKind::Health);
    REQUIRE(rows.size() == 1 + 4); // the archived contact is left out
    const QStringList& header = rows[0];
    CHECK(header == QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("organization"),
                                QStringLiteral("owner"), QStringLiteral("tags"), QStringLiteral("band"),
                                QStringLiteral("score"), QStringLiteral("recency"),
                                QStringLiteral("frequency"), QStringLiteral("reciprocity"),
                                QStringLiteral("days_since_last"), QStringLiteral("cadence_days"),
                                QStringLiteral("overdue_ratio"), QStringLiteral("trust_level"),
                                QStringLiteral("last_channel"), QStringLiteral("delta_30"),
                                QStringLiteral("delta_90"), QStringLiteral("explanation")});
    const ScoringEngine engine = require(ScoringEngine::open(fixture.db()));
    const QList<ContactScore> scores = require(engine.scoreAll(testNow, true));
    auto cell = [&header](const QStringList& row, const char* column) {
        return row[indexOf(header, column)];
    };
    auto near = [](const QString& text, double value) {
        return std::abs(text.toDouble() - value) <= 0.005;
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        const qint64 id = row[0].toLongLong();
        const auto score = std::find_if(scores.begin(), scores.end(),
                                        [id](const ContactScore& s) { return s.contactId == id; });
        REQUIRE(score != scores.end());
        INFO("contact " << id);
        CHECK(cell(row, "band") == bandName(score->score.band));
        CHECK(cell(row, "explanation") == score->explanation());
        CHECK(near(cell(row, "recency"), score->score.recency));
        CHECK(near(cell(row, "frequency"), score->score.frequency));
        CHECK(near(cell(row, "reciprocity"), score->score.reciprocity));
        CHECK(near(cell(row, "cadence_days"), score->score.cadenceDays));
        if (score->score.hasHistory) {
            CHECK(near(cell(row, "score"), score->score.score));
            CHECK(near(cell(row, "days_since_last"), score->score.daysSinceLast));
            CHECK(near(cell(row, "overdue_ratio"), score->score.overdueRatio));
        } else {
            CHECK(cell(row, "score").isEmpty());
            CHECK(cell(row, "days_since_last").isEmpty());
        }
        CHECK(cell(row, "delta_30").isEmpty() == !score->delta30.has_value());
        if (score->delta30)
            CHECK(near(cell(row, "delta_30"), *score->delta30));
        CHECK(cell(row, "delta_90").isEmpty() == !score->delta90.has_value());
        if (score->delta90)
            CHECK(near(cell(row, "delta_90"), *score->delta90));
    }
    const QStringList& ada = rows[1];
    CHECK(cell(ada, "name") == QStringLiteral("Ada Lovelace"));
    CHECK(cell(ada, "owner") == QStringLiteral("Sam"));
    CHECK(cell(ada, "tags") == QStringLiteral("Analysts; press"));
    CHECK(cell(ada, "trust_level") == QStringLiteral("4"));
    CHECK(cell(ada, "last_channel") == QStringLiteral("chat"));
    CHECK(cell(rows[4], "band") == QStringLiteral("No history"));
    CHECK(cell(rows[4], "last_channel").isEmpty());

    // Read at the end of a past period, scores are those of that moment.
    ReportFilter past;
    past.until = testNow - 60 * daySeconds;
    const QList<QStringList> then = fixture.rows(ReportKind::Health, past);
    const QList<ContactScore> scoresThen = require(engine.scoreAll(*past.until, true));
    for (qsizetype i = 1; i < then.size(); ++i) {
        const qint64 id = then[i][0].toLongLong();
        const auto score = std::find_if(scoresThen.begin(), scoresThen.end(),
                                        [id](const ContactScore& s) { return s.contactId == id; });
        REQUIRE(score != scoresThen.end());
        CHECK(cell(then[i], "explanation") == score->explanation());
    }
}

TEST_CASE("The at-risk report keeps At risk and Cooling contacts, most overdue first", "[reports][scoring]")
{
    ReportFixture fixture;
    const QList<QStringList> rows = fixture.rows(ReportKind::AtRisk);
    REQUIRE(rows.size() == 1 + 2);
    const QStringList& header = rows[0];
    CHECK(rows[1][0] == QString::number(fixture.zoe));
    CHECK(rows[1][indexOf(header, "band")] == QStringLiteral("At risk"));
    CHECK(rows[2][0] == QString::number(fixture.jose));
    CHECK(rows[2][indexOf(header, "band")] == QStringLiteral("Cooling"));
    CHECK(rows[1][indexOf(header, "overdue_ratio")].toDouble() >
          rows[2][indexOf(header, "overdue_ratio")].toDouble());
}

TEST_CASE("Reports report progress and honour cancellation", "[reports]")
{
    PinnedClock clock;
    TempDatabase database;
    DemoOptions options;
    options.contacts = 100;
    options.interactions = 70000;
    options.endSeconds = testNow;
    require(DemoGenerator(database.db(), options).generate());
    std::unique_ptr<Report> report = require(makeReport(ReportKind::Interactions, database.db(), {}));
    QByteArray all;
    QBuffer sink(&all);
    REQUIRE(sink.open(QIODevice::WriteOnly));
    CsvWriter allWriter(sink, QStringLiteral("memory"));
    QList<std::pair<qint64, qint64>> reported;
    CHECK(require(report->write(allWriter, [&reported](qint64 done, qint64 total) {
              reported << std::pair{done, total};
              return true;
          })) == 70000);
    REQUIRE_FALSE(reported.isEmpty());
    CHECK(reported.last() == std::pair<qint64, qint64>{70000, 70000});

    report = require(makeReport(ReportKind::Interactions, database.db(), {}));
    QByteArray data;
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer, QStringLiteral("memory"));
    const Result<qint64> cancelled = report->write(writer, [](qint64, qint64) { return false; });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
}
