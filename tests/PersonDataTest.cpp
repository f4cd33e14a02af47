// SPDX-License-Identifier: GPL-3.0-or-later
// A person's data: everything kept about one contact as one JSON document, and forgetting them so that
// neither the file nor its write-ahead log holds their name, address or words, and no import brings
// them back.
#include "core/services/PersonData.h"

#include "core/import/CsvImporter.h"
#include "core/services/ConsistencyCheck.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/CsvSupport.h"
#include "tests/support/ScoringFixture.h"

#include <QFile>
#include <QJsonArray>

using namespace rapport;
using namespace rapport::test;

namespace {

// A person whose every word is unlike any other in the database, to look for in its bytes.
qint64 addZebulon(ScoringFixture& fixture)
{
    Database& db = fixture.database().db();
    const qint64 id = fixture.contactWithLog(regularLog(3, 10, 2, [](int) { return Direction::Inbound; }),
                                             QStringLiteral("Zebulon Quixotic"));
    Contact zebulon = require(ContactRepository(db).get(id));
    zebulon.organization = QStringLiteral("Xylophone Guild");
    zebulon.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("zeb.quixotic@example.org"),
                                     QString()}
                    << ContactMethod{0, MethodKind::GitHub, QStringLiteral("zebquix"), QString()};
    zebulon.tags << QStringLiteral("Quixoticists");
    requireOk(ContactRepository(db).update(zebulon));
    TrustNote note;
    note.contactId = id;
    note.createdAt = testNow - daySeconds;
    note.kind = TrustKind::Boundary;
    note.text = QStringLiteral("Zebulon prefers xylography discussions by mail");
    require(TrustNoteRepository(db).insert(note));
    return id;
}

QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("A person's document holds everything kept about them", "[person]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 id = addZebulon(fixture);
    const QJsonObject document = require(personDocument(db, fixture.engine(), id, testNow));
    CHECK(document.value(QStringLiteral("schema")).toString() == QStringLiteral("rapport-person/1"));
    const QJsonObject contact = document.value(QStringLiteral("contact")).toObject();
    CHECK(contact.value(QStringLiteral("display_name")).toString() == QStringLiteral("Zebulon Quixotic"));
    CHECK(contact.value(QStringLiteral("organization")).toString() == QStringLiteral("Xylophone Guild"));
    CHECK(contact.value(QStringLiteral("methods")).toArray().size() == 2);
    CHECK(contact.value(QStringLiteral("tags")).toArray() == QJsonArray{QStringLiteral("Quixoticists")});
    CHECK(document.value(QStringLiteral("conversations")).toArray().size() == 3);
    const QJsonArray notes = document.value(QStringLiteral("trust_notes")).toArray();
    REQUIRE(notes.size() == 1);
    CHECK(notes.at(0).toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("boundary"));
    const QJsonObject score = document.value(QStringLiteral("score")).toObject();
    CHECK(score.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("Last contact")));
    CHECK(document.value(QStringLiteral("score_history")).toArray().size() == 52);
    // The history, newest first: the update that gave Zebulon an organization, after his creation.
    const QJsonArray changes = document.value(QStringLiteral("changes")).toArray();
    REQUIRE(changes.size() == 5);
    const QJsonObject organization = changes.at(3).toObject();
    CHECK(organization.value(QStringLiteral("field")).toString() == QStringLiteral("organization"));
    CHECK(organization.value(QStringLiteral("old_value")).isNull());
    CHECK(organization.value(QStringLiteral("new_value")).toString() == QStringLiteral("Xylophone Guild"));
    CHECK(organization.value(QStringLiteral("source")).toString() == QStringLiteral("edit"));
    CHECK(organization.value(QStringLiteral("description")).toString() ==
          QStringLiteral("Organization set to Xylophone Guild"));
    CHECK(changes.at(4).toObject().value(QStringLiteral("field")).toString() == QStringLiteral("contact"));
    CHECK(personDocument(db, fixture.engine(), 9999, testNow).error().kind == ErrorKind::NotFound);
}

TEST_CASE("A forgotten person leaves no trace in the file or its log, and imports skip them",
          "[person][forget]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 other = fixture.contactWithLog(regularLog(4, 7, 1, [](int) { return Direction::Outbound; }),
                                                QStringLiteral("Ada"));
    const qint64 id = addZebulon(fixture);
    // What was changed away is kept only in the history, which is forgotten with the rest.
    ContactRepository contacts(db);
    Contact changed = require(contacts.get(id));
    changed.organization = QStringLiteral("Marimba Union");
    changed.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("zyzzyva.old@example.org"),
                                     QString()};
    requireOk(contacts.update(changed));
    changed = require(contacts.get(id));
    changed.methods.removeIf([](const ContactMethod& method) { return method.value.startsWith(u"zyzzyva"); });
    requireOk(contacts.update(changed));
    REQUIRE(require(ContactChangeLog(db).listForContact(id)).constFirst().oldValue ==
            QStringLiteral("zyzzyva.old@example.org"));
    const QString path = fixture.database().path();
    for (const QByteArray& word :
         {QByteArray("Quixotic"), QByteArray("zebquix"), QByteArray("Xylophone"), QByteArray("zyzzyva")})
        REQUIRE((bytesOf(path).contains(word) || bytesOf(path + QStringLiteral("-wal")).contains(word)));

    const ForgetReport report = require(PersonEraser(db).forget(id));
    CHECK(report.name == QStringLiteral("Zebulon Quixotic"));
    CHECK(report.methods == 2);
    CHECK(report.conversations == 3);
    CHECK(report.notes == 1);
    CHECK(report.checkpointed);
    CHECK_FALSE(require(ContactRepository(db).exists(id)));
    CHECK(require(ContactRepository(db).exists(other)));
    const ConsistencyReport consistency = require(ConsistencyCheck(db).run());
    INFO(consistency.problems.join(QStringLiteral("; ")).toStdString());
    CHECK(consistency.consistent());
    CHECK(require(
        PersonEraser(db).isForgotten(QStringLiteral("email"), QStringLiteral("zeb.quixotic@example.org"))));
    CHECK_FALSE(
        require(PersonEraser(db).isForgotten(QStringLiteral("email"), QStringLiteral("ada@example.org"))));

    fixture.database().close();
    const QByteArray file = bytesOf(path);
    const QByteArray wal = bytesOf(path + QStringLiteral("-wal"));
    REQUIRE(file.contains("Ada"));
    for (const QByteArray& word :
         {QByteArray("Zebulon"), QByteArray("Quixotic"), QByteArray("quixotic"), QByteArray("zebquix"),
          QByteArray("Xylophone"), QByteArray("xylography"), QByteArray("Marimba"), QByteArray("zyzzyva")}) {
        INFO(word.toStdString());
        CHECK_FALSE(file.contains(word));
        CHECK_FALSE(wal.contains(word));
    }
    fixture.database().reopen();

    QTemporaryDir dir;
    const QString csv = writeFile(dir.path(), QStringLiteral("again.csv"),
                                  "name,email\nZeb Q,ZEB.QUIXOTIC@example.org\nGrace,grace@example.org\n");
    ImportOptions options;
    options.target = ImportTarget::Contacts;
    const ImportReport skipped = require(CsvImporter(fixture.database().db(), csv, options).run(false));
    CHECK(skipped.summary() == QStringLiteral("1 created, 0 unchanged, 0 updated, 1 skipped"));
    REQUIRE(skipped.skippedReasons.size() == 1);
    CHECK(skipped.skippedReasons.front().contains(QStringLiteral("line 2: skipped: forgotten: email")));
    options.includeForgotten = true;
    CHECK(require(CsvImporter(fixture.database().db(), csv, options).run(true)).created == 1);
}
