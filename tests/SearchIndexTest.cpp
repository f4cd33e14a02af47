// SPDX-License-Identifier: GPL-3.0-or-later
// Full-text search over contacts, their methods, interaction summaries and trust notes, and keeping the
// indexes in step with the tables they cover.
#include "core/storage/SearchIndex.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

Contact person(const QString& given, const QString& family, const QString& email = {})
{
    Contact contact;
    contact.givenName = given;
    contact.familyName = family;
    if (!email.isEmpty())
        contact.methods << ContactMethod{0, MethodKind::Email, email, QString()};
    return contact;
}

Interaction conversation(qint64 contactId, const QString& summary, qint64 occurredAt = testNow - daySeconds)
{
    Interaction interaction;
    interaction.contactId = contactId;
    interaction.occurredAt = occurredAt;
    interaction.summary = summary;
    return interaction;
}

TrustNote noteAbout(qint64 contactId, const QString& text, std::optional<int> level = std::nullopt)
{
    TrustNote note;
    note.contactId = contactId;
    note.text = text;
    note.trustLevel = level;
    return note;
}

// A small address book shared by the search tests.
struct Fixture
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts{temp.db()};
    InteractionRepository interactions{temp.db()};
    TrustNoteRepository notes{temp.db()};
    SearchIndex search{temp.db()};
    qint64 jose = 0;
    qint64 ana = 0;
    qint64 sam = 0;

    Fixture()
    {
        Contact joseContact =
            person(QStringLiteral("José"), QStringLiteral("García"), QStringLiteral("jg@acme.example"));
        joseContact.organization = QStringLiteral("Acme Foundation");
        jose = require(contacts.create(joseContact));
        Contact anaContact =
            person(QStringLiteral("Ana"), QStringLiteral("Lima"), QStringLiteral("ana.lima@example.org"));
        anaContact.methods << ContactMethod{0, MethodKind::GitHub, QStringLiteral("@octo-ana"), QString()};
        ana = require(contacts.create(anaContact));
        sam = require(contacts.create(person(QStringLiteral("Sam"), QStringLiteral("Okafor"))));
    }

    QList<qint64> find(const QString& text) { return require(search.findContacts(text)); }
};

} // namespace

TEST_CASE("Contacts are found by a prefix of any of their names", "[search]")
{
    Fixture f;
    CHECK(f.find(QStringLiteral("Jos")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("garc")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("lima")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("OKAF")) == QList<qint64>{f.sam});
    // Every word must match.
    CHECK(f.find(QStringLiteral("ana lim")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("ana okafor")).isEmpty());
    CHECK(f.find(QStringLiteral("nobody")).isEmpty());
}

TEST_CASE("Search ignores accents in both the query and the names", "[search]")
{
    Fixture f;
    CHECK(f.find(QStringLiteral("jose")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("garcia")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("JOSÉ")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("Ána")) == QList<qint64>{f.ana});
}

TEST_CASE("Contacts are found by organization, email and handle", "[search]")
{
    Fixture f;
    CHECK(f.find(QStringLiteral("acme")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("foundation")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("ana.lima@example.org")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("jg@acme")) == QList<qint64>{f.jose});
    CHECK(f.find(QStringLiteral("@octo-ana")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("octo")) == QList<qint64>{f.ana});
}

TEST_CASE("Contacts are found by words of their interaction summaries and notes", "[search]")
{
    Fixture f;
    const qint64 call =
        require(f.interactions.insert(conversation(f.sam, QStringLiteral("Discussed the roadmap"))));
    const qint64 promise =
        require(f.notes.insert(noteAbout(f.ana, QStringLiteral("Kept her promise about the grant"))));

    CHECK(f.find(QStringLiteral("roadmap")) == QList<qint64>{f.sam});
    CHECK(f.find(QStringLiteral("road")) == QList<qint64>{f.sam});
    CHECK(require(f.search.findInteractions(QStringLiteral("roadmap"))) == QList<qint64>{call});
    CHECK(require(f.search.findInteractions(QStringLiteral("grant"))).isEmpty());

    CHECK(f.find(QStringLiteral("grant")) == QList<qint64>{f.ana});
    CHECK(require(f.search.findNotes(QStringLiteral("promise"))) == QList<qint64>{promise});
    CHECK(require(f.search.findNotes(QStringLiteral("roadmap"))).isEmpty());
}

TEST_CASE("Name matches come before matches in conversations and notes", "[search]")
{
    Fixture f;
    require(f.interactions.insert(conversation(f.sam, QStringLiteral("Intro to Ana's team"))));
    require(f.notes.insert(noteAbout(f.jose, QStringLiteral("Ana vouched for him"))));
    CHECK(f.find(QStringLiteral("ana")) == QList<qint64>{f.ana, f.sam, f.jose});
    CHECK(require(f.search.findContacts(QStringLiteral("ana"), 1)) == QList<qint64>{f.ana});
}

TEST_CASE("A contact who matches several ways is listed once", "[search]")
{
    Fixture f;
    require(f.interactions.insert(conversation(f.ana, QStringLiteral("lima workshop"))));
    require(f.notes.insert(noteAbout(f.ana, QStringLiteral("met in Lima"))));
    CHECK(f.find(QStringLiteral("lima")) == QList<qint64>{f.ana});
}

TEST_CASE("Renaming a contact finds them by the new name and not the old one", "[search][sync]")
{
    Fixture f;
    Contact changed = require(f.contacts.get(f.ana));
    changed.familyName = QStringLiteral("Souza");
    changed.displayName.clear();
    changed.organization = QStringLiteral("Globex");
    changed.methods = {ContactMethod{0, MethodKind::Email, QStringLiteral("ana@globex.example"), QString()}};
    requireOk(f.contacts.update(changed));

    CHECK(f.find(QStringLiteral("souza")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("globex")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("lima")).isEmpty());
    CHECK(f.find(QStringLiteral("octo")).isEmpty());
    CHECK(f.find(QStringLiteral("ana.lima@example.org")).isEmpty());
    requireOk(f.search.verify());
}

TEST_CASE("Edited and deleted conversations and notes are searched as they are now", "[search][sync]")
{
    Fixture f;
    const qint64 call = require(f.interactions.insert(conversation(f.sam, QStringLiteral("budget review"))));
    const qint64 note = require(f.notes.insert(noteAbout(f.jose, QStringLiteral("punctual always"))));

    Interaction editedCall = require(f.interactions.get(call));
    editedCall.summary = QStringLiteral("hiring plans");
    requireOk(f.interactions.update(editedCall));
    TrustNote editedNote = require(f.notes.get(note));
    editedNote.text = QStringLiteral("late twice");
    requireOk(f.notes.update(editedNote));

    CHECK(require(f.search.findInteractions(QStringLiteral("budget"))).isEmpty());
    CHECK(require(f.search.findInteractions(QStringLiteral("hiring"))) == QList<qint64>{call});
    CHECK(f.find(QStringLiteral("budget")).isEmpty());
    CHECK(f.find(QStringLiteral("hiring")) == QList<qint64>{f.sam});
    CHECK(require(f.search.findNotes(QStringLiteral("punctual"))).isEmpty());
    CHECK(require(f.search.findNotes(QStringLiteral("late"))) == QList<qint64>{note});

    requireOk(f.interactions.remove(call));
    requireOk(f.notes.remove(note));
    CHECK(require(f.search.findInteractions(QStringLiteral("hiring"))).isEmpty());
    CHECK(f.find(QStringLiteral("hiring")).isEmpty());
    CHECK(require(f.search.findNotes(QStringLiteral("late"))).isEmpty());
    CHECK(f.find(QStringLiteral("late")).isEmpty());
    requireOk(f.search.verify());
}

TEST_CASE("A deleted contact is no longer found by name, method, conversation or note", "[search][sync]")
{
    Fixture f;
    const qint64 call =
        require(f.interactions.insert(conversation(f.ana, QStringLiteral("conference keynote"))));
    require(f.notes.insert(noteAbout(f.ana, QStringLiteral("generous mentor"))));

    requireOk(f.contacts.remove(f.ana));
    CHECK(f.find(QStringLiteral("ana")).isEmpty());
    CHECK(f.find(QStringLiteral("octo")).isEmpty());
    CHECK(f.find(QStringLiteral("keynote")).isEmpty());
    CHECK(f.find(QStringLiteral("mentor")).isEmpty());
    CHECK(require(f.search.findInteractions(QStringLiteral("keynote"))).isEmpty());
    CHECK(require(f.search.findNotes(QStringLiteral("mentor"))).isEmpty());
    CHECK_FALSE(f.interactions.get(call).ok());
    CHECK(f.find(QStringLiteral("jose")) == QList<qint64>{f.jose});
    requireOk(f.search.verify());
}

TEST_CASE("What a person types becomes quoted prefix terms", "[search][match]")
{
    CHECK(SearchIndex::toMatchExpression(QStringLiteral("ana")) == QStringLiteral("\"ana\"*"));
    CHECK(SearchIndex::toMatchExpression(QStringLiteral("  ana   lima ")) ==
          QStringLiteral("\"ana\"* \"lima\"*"));
    CHECK(SearchIndex::toMatchExpression(QStringLiteral("a\"b OR -c*")) ==
          QStringLiteral("\"a\"* \"b\"* \"OR\"* \"-c*\"*"));
    CHECK(SearchIndex::toMatchExpression(QStringLiteral("José")) == QStringLiteral("\"José\"*"));
    CHECK(SearchIndex::toMatchExpression(QString()).isEmpty());
    CHECK(SearchIndex::toMatchExpression(QStringLiteral(" - * \" ( ) : ^ ")).isEmpty());
}

TEST_CASE("Query syntax typed by a person never becomes an FTS5 syntax error", "[search][match]")
{
    Fixture f;
    for (const QString& text :
         {QStringLiteral("a\"b OR -c*"), QStringLiteral("\""), QStringLiteral("\"\""), QStringLiteral("*"),
          QStringLiteral("-"), QStringLiteral("AND"), QStringLiteral("OR ana"), QStringLiteral("NOT"),
          QStringLiteral("NEAR(ana lima)"), QStringLiteral("name:ana"), QStringLiteral("^ana"),
          QStringLiteral("ana)"), QStringLiteral("(ana"), QStringLiteral("{name}: ana"),
          QStringLiteral("a+b"), QStringLiteral("'; DROP TABLE contacts; --"), QStringLiteral("ana*lima"),
          QStringLiteral("   ")}) {
        CAPTURE(text);
        const Result<QList<qint64>> contacts = f.search.findContacts(text);
        INFO((contacts.ok() ? std::string() : contacts.error().message.toStdString()));
        CHECK(contacts.ok());
        CHECK(f.search.findInteractions(text).ok());
        CHECK(f.search.findNotes(text).ok());
    }
    // Operators are searched as words: "NOT ana" finds nobody, as nobody has a word starting with "not".
    CHECK(f.find(QStringLiteral("NOT ana")).isEmpty());
    CHECK(f.find(QStringLiteral("ana AND")).isEmpty());
    CHECK(f.find(QStringLiteral("name:ana")).isEmpty());
    CHECK(f.find(QStringLiteral("(ana")) == QList<qint64>{f.ana});
    CHECK(f.find(QStringLiteral("-")).isEmpty());
    CHECK(require(f.contacts.count()) == 3);
}

TEST_CASE("The search indexes stay consistent through many changes", "[search][sync]")
{
    Fixture f;
    QList<qint64> ids;
    for (int i = 0; i < 60; ++i) {
        Contact contact = person(QStringLiteral("Person%1").arg(i), QStringLiteral("Family%1").arg(i % 7),
                                 QStringLiteral("p%1@example.com").arg(i));
        contact.organization = QStringLiteral("Org%1").arg(i % 5);
        const qint64 id = require(f.contacts.create(contact));
        ids << id;
        for (int j = 0; j < 3; ++j) {
            require(f.interactions.insert(conversation(id, QStringLiteral("topic%1 round%2").arg(i).arg(j),
                                                       testNow - (j + 1) * daySeconds)));
        }
        require(f.notes.insert(noteAbout(id, QStringLiteral("note%1").arg(i), 1 + i % 5)));
    }
    for (int i = 0; i < 60; i += 3) {
        Contact contact = require(f.contacts.get(ids.at(i)));
        contact.givenName = QStringLiteral("Renamed%1").arg(i);
        contact.displayName.clear();
        contact.methods << ContactMethod{0, MethodKind::X, QStringLiteral("@handle%1").arg(i), QString()};
        requireOk(f.contacts.update(contact));
        const QList<Interaction> logged = require(f.interactions.listForContact(ids.at(i)));
        Interaction edited = logged.at(0);
        edited.summary = QStringLiteral("edited%1").arg(i);
        requireOk(f.interactions.update(edited));
        requireOk(f.interactions.remove(logged.at(1).id));
        TrustNote note = require(f.notes.listForContact(ids.at(i))).at(0);
        note.text = QStringLiteral("rewritten%1").arg(i);
        requireOk(f.notes.update(note));
    }
    for (int i = 1; i < 60; i += 4)
        requireOk(f.contacts.remove(ids.at(i)));

    requireOk(f.search.verify());
    // 54 was renamed, given a handle, had a conversation edited and one deleted, and its note rewritten.
    CHECK(f.find(QStringLiteral("renamed54")) == QList<qint64>{ids.at(54)});
    CHECK(f.find(QStringLiteral("person54")).isEmpty());
    CHECK(f.find(QStringLiteral("handle54")) == QList<qint64>{ids.at(54)});
    CHECK(f.find(QStringLiteral("edited54")) == QList<qint64>{ids.at(54)});
    CHECK(f.find(QStringLiteral("rewritten54")) == QList<qint64>{ids.at(54)});
    CHECK(f.find(QStringLiteral("note54")).isEmpty());
    CHECK(require(f.search.findInteractions(QStringLiteral("topic54"))).size() == 1);
    // 53 was removed with everything it had; 52 was left alone.
    CHECK(f.find(QStringLiteral("person53")).isEmpty());
    CHECK(f.find(QStringLiteral("topic53")).isEmpty());
    CHECK(f.find(QStringLiteral("note53")).isEmpty());
    CHECK(f.find(QStringLiteral("person52")) == QList<qint64>{ids.at(52)});
    CHECK(require(f.search.findInteractions(QStringLiteral("topic52"))).size() == 3);
    CHECK(require(f.search.findNotes(QStringLiteral("note52"))).size() == 1);
    CHECK(require(f.search.findInteractions(QStringLiteral("round1"))).size() ==
          f.temp.number(QStringLiteral("SELECT count(*) FROM interactions WHERE summary LIKE '%round1'")));
    CHECK(f.temp.number(QStringLiteral("SELECT count(*) FROM contact_search")) ==
          require(f.contacts.count()));
}

TEST_CASE("The consistency check notices an index that drifted from its table", "[search][sync]")
{
    Fixture f;
    require(f.interactions.insert(conversation(f.sam, QStringLiteral("budget review"))));
    requireOk(f.search.verify());

    requireOk(f.temp.db().execute(QStringLiteral("DROP TRIGGER interactions_search_update")));
    requireOk(f.temp.db().execute(QStringLiteral("UPDATE interactions SET summary = 'something else'")));
    const Status verified = f.search.verify();
    REQUIRE_FALSE(verified.ok());
    CHECK(verified.error().kind == ErrorKind::Database);
    CHECK(verified.error().message.contains(QStringLiteral("interaction_search")));
}

TEST_CASE("Search results are limited", "[search]")
{
    Fixture f;
    for (int i = 0; i < 5; ++i)
        require(f.contacts.create(person(QStringLiteral("Kim"), QStringLiteral("Number%1").arg(i))));
    CHECK(f.find(QStringLiteral("kim")).size() == 5);
    CHECK(require(f.search.findContacts(QStringLiteral("kim"), 2)).size() == 2);
    CHECK(require(f.search.findContacts(QStringLiteral("number"), 3)).size() == 3);
}
