// SPDX-License-Identifier: GPL-3.0-or-later
// rapport duplicates and rapport merge as a script uses them: find the pair, merge it, and nothing is
// proposed again; the finder never writes, the merge refuses what is not a merge.
#include "core/storage/Database.h"
#include "tests/support/CliSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace rapport::test;

namespace {

// Grace Hopper twice: from LinkedIn without email, from Outlook with one; each with a conversation.
std::pair<QString, QString> twoGraces(const CliDatabase& db)
{
    const QString linkedIn = db.addContact({QStringLiteral("--name"), QStringLiteral("Grace Hopper"),
                                            QStringLiteral("--organization"), QStringLiteral("US Navy"),
                                            QStringLiteral("--tag"), QStringLiteral("Core contributors")});
    const QString outlook = db.addContact({QStringLiteral("--name"), QStringLiteral("Grace Hopper"),
                                           QStringLiteral("--organization"), QStringLiteral("US Navy"),
                                           QStringLiteral("--email"), QStringLiteral("grace@navy.example"),
                                           QStringLiteral("--tag"), QStringLiteral("core-contributors")});
    db.log(linkedIn, QStringLiteral("2026-10-01T10:00:00Z"), QStringLiteral("outbound"));
    db.log(outlook, QStringLiteral("2026-11-01T10:00:00Z"), QStringLiteral("inbound"));
    return {linkedIn, outlook};
}

QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("duplicates lists the pair and the tags spelled twice, and writes nothing", "[cli][duplicates]")
{
    CliDatabase db;
    const auto [linkedIn, outlook] = twoGraces(db);
    // A connection of its own keeps the WAL in place, so that the file and its log can be compared.
    const std::unique_ptr<rapport::Database> watcher = require(rapport::Database::open(db.path()));
    const qint64 versionBefore = watcher->dataVersion();
    const QByteArray fileBefore = bytesOf(db.path());
    const QByteArray walBefore = bytesOf(db.path() + QStringLiteral("-wal"));

    const Run text = db.run(QStringLiteral("duplicates"), {});
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("%1 Grace Hopper ~ %2 Grace Hopper: same name and organization "
                                           "(US Navy) (confidence 0.80)")
                                .arg(linkedIn, outlook)));
    CHECK(text.out.contains(
        QStringLiteral("tags spelled alike: Core contributors (1 contact), core-contributors (1 contact)")));
    CHECK(text.out.contains(QStringLiteral("1 pair, 1 group of tags")));

    const Run json = db.run(QStringLiteral("duplicates"), {QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray pairs = report.value(QStringLiteral("pairs")).toArray();
    REQUIRE(pairs.size() == 1);
    const QJsonObject pair = pairs.at(0).toObject();
    CHECK(pair.value(QStringLiteral("first")).toObject().value(QStringLiteral("id")).toInteger() ==
          linkedIn.toLongLong());
    CHECK(pair.value(QStringLiteral("second")).toObject().value(QStringLiteral("id")).toInteger() ==
          outlook.toLongLong());
    CHECK(pair.value(QStringLiteral("reason")).toString() == QStringLiteral("same-name-and-organization"));
    CHECK(pair.value(QStringLiteral("confidence")).toDouble() == Approx(0.8));
    const QJsonArray tags = report.value(QStringLiteral("tags")).toArray();
    REQUIRE(tags.size() == 1);
    const QJsonArray spellings = tags.at(0).toArray();
    REQUIRE(spellings.size() == 2);
    CHECK(spellings.at(1).toObject().value(QStringLiteral("name")).toString() ==
          QStringLiteral("core-contributors"));
    CHECK(spellings.at(1).toObject().value(QStringLiteral("contacts")).toInteger() == 1);

    const Run badRegion =
        db.run(QStringLiteral("duplicates"), {QStringLiteral("--region"), QStringLiteral("Narnia")});
    CHECK(badRegion.exitCode == 2);
    CHECK(badRegion.err.contains(QStringLiteral("--region 'Narnia': expected a two-letter country code")));

    CHECK(watcher->dataVersion() == versionBefore);
    CHECK(bytesOf(db.path()) == fileBefore);
    CHECK(bytesOf(db.path() + QStringLiteral("-wal")) == walBefore);
}

TEST_CASE("merge makes one record of the pair, and duplicates proposes nothing again", "[cli][merge]")
{
    CliDatabase db;
    const auto [linkedIn, outlook] = twoGraces(db);
    const Run merged = db.run(QStringLiteral("merge"), {linkedIn, QStringLiteral("grace@navy.example")});
    INFO(merged.err.toStdString());
    REQUIRE(merged.exitCode == 0);
    CHECK(merged.out ==
          QStringLiteral("merged %1 (Grace Hopper) into %2 (Grace Hopper): 1 email, phone or handle, 2 tags, "
                         "2 conversations, 0 trust notes\n")
              .arg(outlook, linkedIn));

    // The email now names the kept contact, whose score counts both conversations.
    const Run score =
        db.run(QStringLiteral("score"),
               {QStringLiteral("--contact"), QStringLiteral("grace@navy.example"), QStringLiteral("--json")});
    REQUIRE(score.exitCode == 0);
    const QJsonDocument scored = QJsonDocument::fromJson(score.out.toUtf8());
    const QJsonObject contact = scored.isArray() ? scored.array().at(0).toObject() : scored.object();
    CHECK(contact.value(QStringLiteral("id")).toInteger() == linkedIn.toLongLong());

    const Run again = db.run(QStringLiteral("duplicates"), {});
    CHECK(again.out.contains(QStringLiteral("0 pairs")));
    const Run check = db.run(QStringLiteral("check"), {});
    CHECK(check.exitCode == 0);
    CHECK(check.out.contains(QStringLiteral("contacts:       1 ")));
    CHECK(check.out.contains(QStringLiteral("interactions:   2\n")));
}

TEST_CASE("merge refuses what is not a merge, naming it, and changes nothing", "[cli][merge]")
{
    CliDatabase db;
    const auto [linkedIn, outlook] = twoGraces(db);
    const Run alone = db.run(QStringLiteral("merge"), {linkedIn});
    CHECK(alone.exitCode == 1);
    CHECK(alone.err.contains(QStringLiteral("missing OTHER")));
    const Run itself = db.run(QStringLiteral("merge"), {linkedIn, linkedIn});
    CHECK(itself.exitCode == 1);
    CHECK(itself.err.contains(QStringLiteral("contact %1 cannot be merged into itself").arg(linkedIn)));
    const Run unknown =
        db.run(QStringLiteral("merge"), {linkedIn, outlook, QStringLiteral("nobody@nowhere.example")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("nobody@nowhere.example")));
    const Run check = db.run(QStringLiteral("check"), {});
    CHECK(check.out.contains(QStringLiteral("contacts:       2 ")));
}

TEST_CASE("merge-tags makes one tag of two spellings, and refuses a tag that does not exist", "[cli][merge]")
{
    CliDatabase db;
    twoGraces(db);
    db.addContact({QStringLiteral("--name"), QStringLiteral("Ada Lovelace"), QStringLiteral("--tag"),
                   QStringLiteral("Core contributors"), QStringLiteral("--tag"),
                   QStringLiteral("core-contributors")});
    const Run unknown = db.run(QStringLiteral("merge-tags"),
                               {QStringLiteral("Core contributors"), QStringLiteral("Core contribs")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(
        QStringLiteral("no tag 'Core contribs'; tags: Core contributors, core-contributors")));

    const Run merged = db.run(QStringLiteral("merge-tags"),
                              {QStringLiteral("Core contributors"), QStringLiteral("CORE-contributors")});
    INFO(merged.err.toStdString());
    REQUIRE(merged.exitCode == 0);
    CHECK(merged.out ==
          QStringLiteral(
              "merged 'core-contributors' into 'Core contributors', which 3 contacts now carry (1 more)\n"));
    const Run again = db.run(QStringLiteral("duplicates"), {});
    CHECK(again.out.contains(QStringLiteral("0 groups of tags")));
    const Run check = db.run(QStringLiteral("check"), {});
    INFO(check.out.toStdString());
    CHECK(check.exitCode == 0);
}

TEST_CASE("import contacts warns about new contacts that look like ones already there", "[cli][duplicates]")
{
    CliDatabase db;
    const QString grace = db.addContact({QStringLiteral("--name"), QStringLiteral("Grace Hopper"),
                                         QStringLiteral("--organization"), QStringLiteral("US Navy")});
    QFile csv(db.file(QStringLiteral("linkedin.csv")));
    REQUIRE(csv.open(QIODevice::WriteOnly));
    csv.write("name,organization\nGrace Hoper,US Navy\n");
    csv.close();
    const Run imported = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), csv.fileName()});
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("1 created")));
    CHECK(
        imported.err.contains(QStringLiteral("rapport import: warning: new contact 2 Grace Hoper looks like "
                                             "contact %1 Grace Hopper: similar names, both with US Navy")
                                  .arg(grace)));
    CHECK(imported.err.contains(QStringLiteral("1 new contact looks like one already there")));
}

TEST_CASE("export person writes one JSON document, forget asks for --yes, then erases", "[cli][person]")
{
    CliDatabase db;
    const QString zeb = db.addContact({QStringLiteral("--name"), QStringLiteral("Zebulon Quixotic"),
                                       QStringLiteral("--email"), QStringLiteral("zeb@example.org")});
    db.log(zeb, QStringLiteral("2026-11-01T10:00:00Z"), QStringLiteral("inbound"));
    const QString output = db.file(QStringLiteral("zebulon.json"));
    const Run exported = db.run(QStringLiteral("export"),
                                {QStringLiteral("person"), QStringLiteral("--contact"),
                                 QStringLiteral("zeb@example.org"), QStringLiteral("--output"), output});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    QFile file(output);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(document.value(QStringLiteral("schema")).toString() == QStringLiteral("rapport-person/1"));
    CHECK(document.value(QStringLiteral("conversations")).toArray().size() == 1);

    const Run asked = db.run(QStringLiteral("forget"), {QStringLiteral("--contact"), zeb});
    CHECK(asked.exitCode == 1);
    CHECK(asked.err.contains(
        QStringLiteral("this would erase contact %1 (Zebulon Quixotic) with 1 email, phone or "
                       "handle, 1 conversation and 0 trust notes, for good; add --yes")
            .arg(zeb)));
    CHECK(db.run(QStringLiteral("check"), {}).out.contains(QStringLiteral("contacts:       1 ")));

    const Run forgot =
        db.run(QStringLiteral("forget"), {QStringLiteral("--contact"), zeb, QStringLiteral("--yes")});
    REQUIRE(forgot.exitCode == 0);
    CHECK(forgot.out.contains(QStringLiteral("forgot contact %1 (Zebulon Quixotic)").arg(zeb)));
    CHECK(db.run(QStringLiteral("check"), {}).out.contains(QStringLiteral("contacts:       0 ")));
    const Run gone =
        db.run(QStringLiteral("export"), {QStringLiteral("person"), QStringLiteral("--contact"), zeb});
    CHECK(gone.exitCode == 2);
}
