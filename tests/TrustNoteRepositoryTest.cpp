// SPDX-License-Identifier: GPL-3.0-or-later
// Trust notes: writing, reading, editing and deleting them, the latest trust level, and refusing bad ones.
#include "core/storage/TrustNoteRepository.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 addContact(Database& db, const QString& name)
{
    Contact contact;
    contact.displayName = name;
    return require(ContactRepository(db).create(contact));
}

TrustNote note(qint64 contactId, std::optional<int> level, const QString& text, qint64 createdAt = 0)
{
    TrustNote written;
    written.contactId = contactId;
    written.createdAt = createdAt;
    written.trustLevel = level;
    written.text = text;
    return written;
}

const QString noteCount = QStringLiteral("SELECT count(*) FROM trust_notes");

} // namespace

TEST_CASE("A trust note reads back with all its fields", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 author = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));

    TrustNote written = note(ana, 4, QStringLiteral("  Sent the reference letter on time. "));
    written.authorId = author;
    written.kind = TrustKind::CommitmentKept;
    const qint64 id = require(notes.insert(written));
    CHECK(id > 0);
    const TrustNote stored = require(notes.get(id));
    CHECK(stored.id == id);
    CHECK(stored.contactId == ana);
    CHECK(stored.createdAt == testNow);
    CHECK(stored.authorId == author);
    CHECK(stored.kind == TrustKind::CommitmentKept);
    CHECK(stored.trustLevel == 4);
    CHECK(stored.text == QStringLiteral("Sent the reference letter on time."));
}

TEST_CASE("Every trust kind is stored and read back", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    for (int i = 0; i < trustKindCount; ++i) {
        TrustNote written = note(ana, std::nullopt, QStringLiteral("note %1").arg(i));
        written.kind = static_cast<TrustKind>(i);
        CHECK(require(notes.get(require(notes.insert(written)))).kind == written.kind);
    }
    CHECK(require(notes.count()) == trustKindCount);
}

TEST_CASE("A note's creation time is kept when given", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 id = require(notes.insert(note(ana, 3, {}, testNow - 7 * daySeconds)));
    const TrustNote stored = require(notes.get(id));
    CHECK(stored.createdAt == testNow - 7 * daySeconds);
    CHECK(stored.text.isEmpty());
    CHECK(stored.trustLevel == 3);
    CHECK_FALSE(stored.authorId.has_value());
}

TEST_CASE("A contact's notes are listed newest first", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"));
    const qint64 old = require(notes.insert(note(ana, 2, QStringLiteral("old"), testNow - 9 * daySeconds)));
    const qint64 recent = require(notes.insert(note(ana, 4, QStringLiteral("recent"), testNow - daySeconds)));
    const qint64 middle =
        require(notes.insert(note(ana, {}, QStringLiteral("middle"), testNow - 5 * daySeconds)));
    require(notes.insert(note(sam, 1, QStringLiteral("other contact"))));

    QList<qint64> ids;
    for (const TrustNote& listed : require(notes.listForContact(ana)))
        ids << listed.id;
    CHECK(ids == QList<qint64>{recent, middle, old});
    CHECK(require(notes.listForContact(sam)).size() == 1);
    CHECK(require(notes.listForContact(sam + 10)).isEmpty());
    CHECK(require(notes.count()) == 4);
}

TEST_CASE("The latest trust level comes from the newest note that has one", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    CHECK(require(notes.latestTrustLevel(ana)) == std::nullopt);

    require(notes.insert(note(ana, {}, QStringLiteral("no level yet"), testNow - 10 * daySeconds)));
    CHECK(require(notes.latestTrustLevel(ana)) == std::nullopt);

    require(notes.insert(note(ana, 2, QStringLiteral("wary"), testNow - 8 * daySeconds)));
    require(notes.insert(note(ana, 5, QStringLiteral("trusted"), testNow - 3 * daySeconds)));
    require(notes.insert(note(ana, 1, QStringLiteral("older, written later"), testNow - 6 * daySeconds)));
    require(notes.insert(note(ana, {}, QStringLiteral("newest, without a level"), testNow - daySeconds)));
    CHECK(require(notes.latestTrustLevel(ana)) == 5);

    // Two notes at the same moment: the one written last wins.
    require(notes.insert(note(ana, 3, QStringLiteral("same time, first"), testNow)));
    require(notes.insert(note(ana, 4, QStringLiteral("same time, second"), testNow)));
    CHECK(require(notes.latestTrustLevel(ana)) == 4);
}

TEST_CASE("Editing a note changes its stored fields", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 id = require(notes.insert(note(ana, 3, QStringLiteral("fine"), testNow - daySeconds)));

    TrustNote changed = require(notes.get(id));
    changed.kind = TrustKind::Concern;
    changed.trustLevel = std::nullopt;
    changed.text = QStringLiteral("missed two deadlines");
    requireOk(notes.update(changed));

    const TrustNote stored = require(notes.get(id));
    CHECK(stored.kind == TrustKind::Concern);
    CHECK_FALSE(stored.trustLevel.has_value());
    CHECK(stored.text == QStringLiteral("missed two deadlines"));
    CHECK(stored.createdAt == testNow - daySeconds);
    CHECK(require(notes.count()) == 1);
}

TEST_CASE("Reading, editing or deleting a note that does not exist is a not-found error", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));

    const Result<TrustNote> got = notes.get(8);
    REQUIRE_FALSE(got.ok());
    CHECK(got.error().kind == ErrorKind::NotFound);
    CHECK(got.error().message.contains(QStringLiteral("8")));

    TrustNote ghost = note(ana, 3, QStringLiteral("ghost"));
    ghost.id = 8;
    const Status updated = notes.update(ghost);
    REQUIRE_FALSE(updated.ok());
    CHECK(updated.error().kind == ErrorKind::NotFound);

    const Status removed = notes.remove(8);
    REQUIRE_FALSE(removed.ok());
    CHECK(removed.error().kind == ErrorKind::NotFound);
    CHECK(temp.number(noteCount) == 0);
}

TEST_CASE("Deleting a note removes only that note", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 gone = require(notes.insert(note(ana, 5, QStringLiteral("gone"))));
    const qint64 kept = require(notes.insert(note(ana, 2, QStringLiteral("kept"), testNow - daySeconds)));

    requireOk(notes.remove(gone));
    CHECK(require(notes.count()) == 1);
    CHECK(require(notes.get(kept)).text == QStringLiteral("kept"));
    CHECK(require(notes.latestTrustLevel(ana)) == 2);
}

TEST_CASE("Notes follow their contact and author when those are deleted", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"));
    const qint64 author = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    TrustNote byRobin = note(sam, 4, QStringLiteral("reliable"));
    byRobin.authorId = author;
    const qint64 samsNote = require(notes.insert(byRobin));
    require(notes.insert(note(ana, 1, QStringLiteral("unreliable"))));

    requireOk(TeamMemberRepository(temp.db()).remove(author));
    CHECK_FALSE(require(notes.get(samsNote)).authorId.has_value());

    requireOk(ContactRepository(temp.db()).remove(ana));
    CHECK(require(notes.count()) == 1);
    CHECK(require(notes.latestTrustLevel(ana)) == std::nullopt);
}

TEST_CASE("Trust levels 1 to 5 are accepted", "[notes][validation]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    for (int level = 1; level <= 5; ++level)
        CHECK(require(notes.get(require(notes.insert(note(ana, level, {}))))).trustLevel == level);
}

TEST_CASE("Invalid notes are refused naming the field and store nothing", "[notes][validation]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    require(notes.insert(note(ana, 3, QStringLiteral("existing"))));
    const qint64 before = temp.number(noteCount);

    TrustNote written = note(ana, 3, QStringLiteral("text"));
    ErrorKind kind = ErrorKind::BadInput;
    QString field;
    SECTION("a contact that does not exist")
    {
        written.contactId = ana + 20;
        kind = ErrorKind::NotFound;
        field = QStringLiteral("contact:");
    }
    SECTION("no contact at all")
    {
        written.contactId = 0;
        field = QStringLiteral("contact:");
    }
    SECTION("trust level 0")
    {
        written.trustLevel = 0;
        field = QStringLiteral("trust level: 0");
    }
    SECTION("trust level 6")
    {
        written.trustLevel = 6;
        field = QStringLiteral("trust level: 6");
    }
    SECTION("neither text nor a trust level")
    {
        written.trustLevel = std::nullopt;
        written.text = QStringLiteral("   ");
        field = QStringLiteral("text:");
    }
    SECTION("an author who does not exist")
    {
        written.authorId = 77;
        field = QStringLiteral("author:");
    }

    const Result<qint64> inserted = notes.insert(written);
    REQUIRE_FALSE(inserted.ok());
    CHECK(inserted.error().kind == kind);
    CHECK(inserted.error().message.startsWith(field));
    CHECK(temp.number(noteCount) == before);
}

TEST_CASE("An invalid edit is refused naming the field and leaves the note as it was", "[notes][validation]")
{
    PinnedClock clock;
    TempDatabase temp;
    TrustNoteRepository notes(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 id = require(notes.insert(note(ana, 3, QStringLiteral("steady"))));

    TrustNote changed = require(notes.get(id));
    changed.text = QStringLiteral("changed");
    ErrorKind kind = ErrorKind::BadInput;
    QString field;
    SECTION("trust level 6")
    {
        changed.trustLevel = 6;
        field = QStringLiteral("trust level:");
    }
    SECTION("a contact that does not exist")
    {
        changed.contactId = ana + 20;
        kind = ErrorKind::NotFound;
        field = QStringLiteral("contact:");
    }
    SECTION("an author who does not exist")
    {
        changed.authorId = 77;
        field = QStringLiteral("author:");
    }

    const Status updated = notes.update(changed);
    REQUIRE_FALSE(updated.ok());
    CHECK(updated.error().kind == kind);
    CHECK(updated.error().message.startsWith(field));
    const TrustNote stored = require(notes.get(id));
    CHECK(stored.text == QStringLiteral("steady"));
    CHECK(stored.trustLevel == 3);
    CHECK(stored.contactId == ana);
    CHECK_FALSE(stored.authorId.has_value());
}

TEST_CASE("Recent notes across contacts come newest first, optionally of one kind", "[notes]")
{
    PinnedClock clock;
    TempDatabase temp;
    Contact ada;
    ada.displayName = QStringLiteral("Ada");
    Contact grace;
    grace.displayName = QStringLiteral("Grace");
    const qint64 adaId = require(ContactRepository(temp.db()).create(ada));
    const qint64 graceId = require(ContactRepository(temp.db()).create(grace));
    TrustNoteRepository notes(temp.db());
    for (int i = 0; i < 5; ++i) {
        TrustNote note;
        note.contactId = i % 2 == 0 ? adaId : graceId;
        note.createdAt = testNow - (5 - i) * daySeconds;
        note.kind = i == 3 ? TrustKind::Concern : TrustKind::CommitmentKept;
        note.text = QStringLiteral("note %1").arg(i);
        require(notes.insert(note));
    }
    const QList<ListedTrustNote> recent = require(notes.listRecent(3));
    REQUIRE(recent.size() == 3);
    CHECK(recent[0].note.text == QStringLiteral("note 4"));
    CHECK(recent[0].contactName == QStringLiteral("Ada"));
    CHECK(recent[1].contactName == QStringLiteral("Grace"));
    const QList<ListedTrustNote> concerns = require(notes.listRecent(10, TrustKind::Concern));
    REQUIRE(concerns.size() == 1);
    CHECK(concerns[0].note.text == QStringLiteral("note 3"));
}
