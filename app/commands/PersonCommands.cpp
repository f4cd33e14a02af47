// SPDX-License-Identifier: GPL-3.0-or-later
// A person's data: rapport export person (everything kept about one contact, as JSON), rapport history
// (how their record changed) and rapport forget (all of it erased from the file).
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/Clock.h"
#include "core/base/IsoTime.h"
#include "core/services/PersonData.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/FileDiagnosis.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace rapport::cli {

namespace {

const QCommandLineOption contactOption{
    QStringLiteral("contact"), QStringLiteral("The person: id, email or handle."), QStringLiteral("C")};

// Upgrades copy the whole file beside it; a forgotten person is still in those copies.
QStringList upgradeBackups(const QString& databasePath)
{
    const QFileInfo file(databasePath);
    QStringList backups;
    for (const QFileInfo& backup :
         file.dir().entryInfoList({file.fileName() + QStringLiteral(".v*.bak")}, QDir::Files))
        backups << backup.filePath();
    return backups;
}

} // namespace

int runExportPerson(const QStringList& arguments)
{
    const QString command = QStringLiteral("export person");
    CommandParser parser(
        command, QStringLiteral("rapport export person --contact C --database PATH [--output FILE]"),
        QStringLiteral("Writes everything kept about one person — fields, emails, phones, handles, "
                       "tags, conversations, trust notes, the score with its explanation and its "
                       "weekly history, the change history — as one JSON document (schema "
                       "rapport-person/1) to stdout or --output."));
    parser.addOption(contactOption);
    parser.addOption({QStringLiteral("output"),
                      QStringLiteral("Write to this file (replaced only once complete) instead of stdout."),
                      QStringLiteral("FILE")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<qint64> id = requiredContact(parser, **db);
    if (!id)
        return fail(command, id.error());
    const Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    const Result<QJsonObject> document = personDocument(**db, *engine, *id, Clock::nowSeconds());
    if (!document)
        return fail(command, document.error());
    const QByteArray json = QJsonDocument(*document).toJson(QJsonDocument::Indented);
    if (!parser.isSet(QStringLiteral("output"))) {
        out() << QString::fromUtf8(json);
        out().flush();
        return Success;
    }
    const QString path = parser.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        const QString reason = fileDiagnosis::whyCannotWrite(path);
        return fail(command, Error::database(QStringLiteral("--output: cannot write '%1': %2")
                                                 .arg(path, reason.isEmpty() ? file.errorString() : reason)));
    }
    out() << QStringLiteral("exported everything about contact %1 to %2").arg(*id).arg(path) << Qt::endl;
    return Success;
}

int runHistory(const QStringList& arguments)
{
    const QString command = QStringLiteral("history");
    CommandParser parser(command, QStringLiteral("rapport history --contact C --database PATH [--json]"),
                         QStringLiteral("Prints how a contact's record changed, newest first: when, who "
                                        "(the team member set as \"I am\"), what changed from what to "
                                        "what, and in the course of what (edit, command_line, import, "
                                        "merge, bulk_edit, undo, redo)."));
    parser.addOption(contactOption);
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Prints JSON: {\"contact\": {…}, \"changes\": […]}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<qint64> id = requiredContact(parser, **db);
    if (!id)
        return fail(command, id.error());
    const Result<Contact> contact = ContactRepository(**db).get(*id);
    if (!contact)
        return fail(command, contact.error());
    const Result<QList<ContactChange>> changes = ContactChangeLog(**db).listForContact(*id);
    if (!changes)
        return fail(command, changes.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const ContactChange& change : *changes)
            rows.append(contactChangeJson(change));
        const QJsonObject person{{QStringLiteral("id"), *id},
                                 {QStringLiteral("display_name"), contact->effectiveDisplayName()}};
        out() << QJsonDocument(
                     QJsonObject{{QStringLiteral("contact"), person}, {QStringLiteral("changes"), rows}})
                     .toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    out() << QStringLiteral("contact %1 (%2): %3")
                 .arg(*id)
                 .arg(contact->effectiveDisplayName(), counted(changes->size(), "change", "changes"))
          << '\n';
    for (const ContactChange& change : *changes) {
        out() << QStringLiteral("%1  %2  %3  [%4]")
                     .arg(formatIsoMoment(change.changedAt),
                          change.authorName.isEmpty() ? QStringLiteral("-") : change.authorName,
                          describeContactChange(change), changeSourceName(change.source))
              << '\n';
    }
    out().flush();
    return Success;
}

int runForget(const QStringList& arguments)
{
    const QString command = QStringLiteral("forget");
    CommandParser parser(
        command, QStringLiteral("rapport forget --contact C --database PATH [--yes]"),
        QStringLiteral("Erases one person: their fields, emails, phones, handles, tags, "
                       "conversations, trust notes, change history, scores and search-index entries, in one "
                       "transaction, overwriting the freed pages and emptying the write-ahead "
                       "log. Only salted hashes of their emails, phones and handles stay, so "
                       "that a later import skips them. Without --yes it only says what would "
                       "be erased."));
    parser.addOption(contactOption);
    parser.addOption({QStringLiteral("yes"), QStringLiteral("Erase without asking again.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db =
        parser.openDatabase(parser.isSet(QStringLiteral("yes")) ? CommandParser::Access::ReadWrite
                                                                : CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<qint64> id = requiredContact(parser, **db);
    if (!id)
        return fail(command, id.error());
    if (!parser.isSet(QStringLiteral("yes"))) {
        const Result<ContactSnapshot> person = ContactRepository(**db).snapshot(*id);
        if (!person)
            return fail(command, person.error());
        return fail(
            command,
            Error::usage(QStringLiteral("this would erase contact %1 (%2) with %3, %4 and %5, for good; "
                                        "add --yes to erase")
                             .arg(*id)
                             .arg(person->contact.effectiveDisplayName(),
                                  counted(person->contact.methods.size(), "email, phone or handle",
                                          "emails, phones and handles"),
                                  counted(person->interactions.size(), "conversation", "conversations"),
                                  counted(person->notes.size(), "trust note", "trust notes"))));
    }
    const Result<ForgetReport> report = PersonEraser(**db).forget(*id);
    if (!report)
        return fail(command, report.error());
    out() << QStringLiteral("forgot contact %1 (%2): %3, %4, %5")
                 .arg(*id)
                 .arg(report->name,
                      counted(report->methods, "email, phone or handle", "emails, phones and handles"),
                      counted(report->conversations, "conversation", "conversations"),
                      counted(report->notes, "trust note", "trust notes"))
          << Qt::endl;
    if (!report->checkpointed)
        err() << "rapport forget: warning: another program is reading the database, so its write-ahead log "
                 "(-wal) still holds older pages until that program closes it\n";
    for (const QString& backup : upgradeBackups((*db)->path()))
        err() << "rapport forget: warning: the upgrade backup '" << backup
              << "' still holds this person's data as it was then; delete it if it is no longer needed\n";
    err().flush();
    return Success;
}

} // namespace rapport::cli
