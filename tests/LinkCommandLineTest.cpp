// SPDX-License-Identifier: GPL-3.0-or-later
// rapport link, unlink and links as a script uses them: introductions and knows links by id or email,
// the errors that name what is wrong, and a read-only listing as text and JSON.
#include "tests/support/CliSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace rapport::test;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

TEST_CASE("link records introductions and knows links, unlink removes them, links lists them", "[cli][links]")
{
    CliDatabase db;
    const QString ada = db.addContact({QStringLiteral("--name"), QStringLiteral("Ada"),
                                       QStringLiteral("--email"), QStringLiteral("ada@example.org")});
    const QString grace = db.addContact({QStringLiteral("--name"), QStringLiteral("Grace"),
                                         QStringLiteral("--email"), QStringLiteral("grace@example.org")});
    const QString linus = db.addContact({QStringLiteral("--name"), QStringLiteral("Linus")});

    const Run introduced = db.run(QStringLiteral("link"),
                                  {QStringLiteral("--contact"), QStringLiteral("ada@example.org"),
                                   QStringLiteral("--introduced-by"), QStringLiteral("grace@example.org"),
                                   QStringLiteral("--note"), QStringLiteral("at PyCon"),
                                   QStringLiteral("--date"), QStringLiteral("2026-05-01")});
    INFO(introduced.err.toStdString());
    REQUIRE(introduced.exitCode == 0);
    CHECK(introduced.out.trimmed() ==
          QStringLiteral("contact %1 (Ada) introduced by %2 (Grace)").arg(ada, grace));

    const Run second = db.run(QStringLiteral("link"),
                              {QStringLiteral("--contact"), ada, QStringLiteral("--introduced-by"), linus});
    CHECK(second.exitCode == 1);
    CHECK(second.err.contains(QStringLiteral("already introduced by #%1 (Grace)").arg(grace)));
    const Run self =
        db.run(QStringLiteral("link"), {QStringLiteral("--contact"), ada, QStringLiteral("--knows"), ada});
    CHECK(self.exitCode == 1);
    CHECK(self.err.trimmed() ==
          QStringLiteral("rapport link: contact %1 cannot be linked to itself").arg(ada));
    const Run both =
        db.run(QStringLiteral("link"), {QStringLiteral("--contact"), ada, QStringLiteral("--knows"), linus,
                                        QStringLiteral("--introduced-by"), grace});
    CHECK(both.exitCode == 1);
    const Run unknown =
        db.run(QStringLiteral("link"),
               {QStringLiteral("--contact"), ada, QStringLiteral("--knows"), QStringLiteral("nobody@x.org")});
    CHECK(unknown.exitCode != 0);
    CHECK(unknown.err.contains(QStringLiteral("--knows")));
    const Run badDate =
        db.run(QStringLiteral("link"), {QStringLiteral("--contact"), ada, QStringLiteral("--knows"), linus,
                                        QStringLiteral("--date"), QStringLiteral("2026-02-30")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("--date")));

    REQUIRE(
        db.run(QStringLiteral("link"), {QStringLiteral("--contact"), ada, QStringLiteral("--introduced-by"),
                                        linus, QStringLiteral("--replace")})
            .exitCode == 0);
    REQUIRE(
        db.run(QStringLiteral("link"), {QStringLiteral("--contact"), linus, QStringLiteral("--knows"), grace})
            .exitCode == 0);

    // Read-only: the file does not change.
    const QByteArray before = fileHash(db.path());
    const Run listed = db.run(QStringLiteral("links"), {QStringLiteral("--contact"), linus});
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out.trimmed().split(QLatin1Char('\n')) ==
          QStringList{QStringLiteral("contact %1 (Linus)").arg(linus), QStringLiteral("introduced by: -"),
                      QStringLiteral("introduced: 1 contact"), QStringLiteral("  %1 (Ada)").arg(ada),
                      QStringLiteral("knows: 1 contact"), QStringLiteral("  %1 (Grace)").arg(grace)});
    const Run json =
        db.run(QStringLiteral("links"), {QStringLiteral("--contact"), ada, QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject document = QJsonDocument::fromJson(json.outBytes).object();
    CHECK(document.value(QStringLiteral("contact")).toObject().value(QStringLiteral("id")).toInteger() ==
          ada.toLongLong());
    CHECK(
        document.value(QStringLiteral("introduced_by")).toObject().value(QStringLiteral("name")).toString() ==
        QStringLiteral("Linus"));
    CHECK(document.value(QStringLiteral("knows")).toArray().isEmpty());
    CHECK(fileHash(db.path()) == before);

    const Run history = db.run(QStringLiteral("history"), {QStringLiteral("--contact"), grace});
    CHECK(history.out.contains(QStringLiteral("Introduced #%1 (Ada)").arg(ada)));
    CHECK(history.out.contains(QStringLiteral("Introduction of #%1 (Ada) removed").arg(ada)));
    CHECK(history.out.contains(QStringLiteral("Knows #%1 (Linus)").arg(linus)));

    const Run wrong = db.run(QStringLiteral("unlink"),
                             {QStringLiteral("--contact"), ada, QStringLiteral("--introduced-by"), grace});
    CHECK(wrong.exitCode != 0);
    CHECK(wrong.err.contains(QStringLiteral("was not introduced by contact %1").arg(grace)));
    const Run unlinked = db.run(QStringLiteral("unlink"),
                                {QStringLiteral("--contact"), grace, QStringLiteral("--knows"), linus});
    REQUIRE(unlinked.exitCode == 0);
    CHECK(db.run(QStringLiteral("links"), {QStringLiteral("--contact"), grace})
              .out.contains(u"knows: 0 contacts"));

    const Run help = db.run(QStringLiteral("link"), {QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("--introduced-by")));
}
