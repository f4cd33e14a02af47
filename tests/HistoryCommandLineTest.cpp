// SPDX-License-Identifier: GPL-3.0-or-later
// rapport history as a script reads it: a contact's changes newest first, made by the command line and
// imports, attributed to the desktop app's "I am" member for the file, as text and as JSON.
#include "tests/support/CliSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace rapport::test;

TEST_CASE("history prints a contact's changes newest first, by the \"I am\" member, as text and JSON",
          "[cli][history]")
{
    CliDatabase db;
    QTemporaryDir configHome;
    REQUIRE(configHome.isValid());
    const QString id =
        db.addContact({QStringLiteral("--name"), QStringLiteral("Ada Lovelace"), QStringLiteral("--email"),
                       QStringLiteral("ada@example.org"), QStringLiteral("--organization"),
                       QStringLiteral("Engines"), QStringLiteral("--owner"), QStringLiteral("Sam")});
    setCurrentMember(configHome.path(), db.path(), 1);
    QFile csv(db.file(QStringLiteral("update.csv")));
    REQUIRE(csv.open(QIODevice::WriteOnly));
    csv.write("display_name,emails,organization\nAda Lovelace,ada@example.org,Royal Society\n");
    csv.close();
    const Run imported = runWithConfigHome(db, configHome.path(), QStringLiteral("import"),
                                           {QStringLiteral("contacts"), csv.fileName()});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);

    const Run text =
        db.run(QStringLiteral("history"), {QStringLiteral("--contact"), QStringLiteral("ada@example.org")});
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    const QStringList lines = text.out.trimmed().split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 3);
    CHECK(lines.at(0) == QStringLiteral("contact %1 (Ada Lovelace): 2 changes").arg(id));
    CHECK(lines.at(1).endsWith(QStringLiteral("  Sam  Organization: Engines → Royal Society  [import]")));
    CHECK(lines.at(2).endsWith(QStringLiteral("  -  Created as Ada Lovelace  [command_line]")));
    CHECK(lines.at(2).contains(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  "))));

    const Run json =
        db.run(QStringLiteral("history"), {QStringLiteral("--contact"), id, QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(document.value(QStringLiteral("contact"))
              .toObject()
              .value(QStringLiteral("display_name"))
              .toString() == QStringLiteral("Ada Lovelace"));
    const QJsonArray changes = document.value(QStringLiteral("changes")).toArray();
    REQUIRE(changes.size() == 2);
    const QJsonObject newest = changes.at(0).toObject();
    CHECK(newest.value(QStringLiteral("author")).toString() == QStringLiteral("Sam"));
    CHECK(newest.value(QStringLiteral("source")).toString() == QStringLiteral("import"));
    CHECK(newest.value(QStringLiteral("field")).toString() == QStringLiteral("organization"));
    CHECK(newest.value(QStringLiteral("old_value")).toString() == QStringLiteral("Engines"));
    CHECK(newest.value(QStringLiteral("new_value")).toString() == QStringLiteral("Royal Society"));
    const QJsonObject created = changes.at(1).toObject();
    CHECK(created.value(QStringLiteral("author")).isNull());
    CHECK(created.value(QStringLiteral("field")).toString() == QStringLiteral("contact"));
    CHECK(created.value(QStringLiteral("old_value")).isNull());
    CHECK(created.value(QStringLiteral("source")).toString() == QStringLiteral("command_line"));

    const Run help = db.run(QStringLiteral("history"), {QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("--json")));
    CHECK(runRapport({QStringLiteral("--help")}).out.contains(QStringLiteral("rapport history")));
}

TEST_CASE("history names what is wrong with --contact", "[cli][history]")
{
    CliDatabase db;
    db.addContact({QStringLiteral("--name"), QStringLiteral("Ada")});
    const Run missing = db.run(QStringLiteral("history"), {});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("--contact is required")));
    const Run unknown = db.run(QStringLiteral("history"),
                               {QStringLiteral("--contact"), QStringLiteral("nobody@example.org")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("rapport history: --contact:")));
}
