// SPDX-License-Identifier: GPL-3.0-or-later
// Introductions and acquaintances: rapport link (who introduced a contact, whom they know), rapport unlink
// and rapport links (a contact's links both ways, read-only).
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/IsoTime.h"
#include "core/services/PersonData.h"
#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"

#include <QJsonDocument>

namespace rapport::cli {

namespace {

const QCommandLineOption introducedByOption{QStringLiteral("introduced-by"),
                                            QStringLiteral("The contact who introduced --contact."),
                                            QStringLiteral("REF")};
const QCommandLineOption knowsOption{
    QStringLiteral("knows"), QStringLiteral("A contact --contact knows (both ways)."), QStringLiteral("REF")};

// The other contact: the one --introduced-by or --knows names (exactly one of them).
struct OtherEnd
{
    LinkKind kind = LinkKind::Knows;
    qint64 id = 0;
};

Result<OtherEnd> otherEnd(const CommandParser& parser, Database& db)
{
    const bool introduced = parser.isSet(QStringLiteral("introduced-by"));
    if (introduced == parser.isSet(QStringLiteral("knows")))
        return Error::usage(QStringLiteral("give one of --introduced-by and --knows"));
    const QString option = introduced ? QStringLiteral("introduced-by") : QStringLiteral("knows");
    const Result<qint64> id = ContactRepository(db).resolve(parser.value(option));
    if (!id)
        return optionError(option, id.error());
    return OtherEnd{introduced ? LinkKind::IntroducedBy : LinkKind::Knows, *id};
}

// "12 (Ada Lovelace)".
Result<QString> shownContact(Database& db, qint64 id)
{
    const Result<Contact> contact = ContactRepository(db).get(id);
    if (!contact)
        return contact.error();
    return QStringLiteral("%1 (%2)").arg(id).arg(contact->effectiveDisplayName());
}

QString linkLine(const LinkedContact& linked)
{
    QString line = QStringLiteral("%1 (%2)").arg(linked.contactId).arg(linked.name);
    if (linked.link.details.occurredAt)
        line += QStringLiteral(", %1").arg(formatIsoMoment(*linked.link.details.occurredAt).left(10));
    if (!linked.link.details.note.isEmpty())
        line += QStringLiteral(": %1").arg(linked.link.details.note);
    return line;
}

} // namespace

int runLink(const QStringList& arguments)
{
    const QString command = QStringLiteral("link");
    CommandParser parser(
        command,
        QStringLiteral("rapport link --contact A (--introduced-by B [--replace] | --knows B) "
                       "--database PATH [--note TEXT] [--date DATE]"),
        QStringLiteral("Records that B introduced A (a person has one introducer: another "
                       "one is refused unless --replace), or that A and B know each "
                       "other. Linking the same people again takes the new note and "
                       "date. Both contacts' histories record it."));
    parser.addOption(contactReferenceOption());
    parser.addOption(introducedByOption);
    parser.addOption(knowsOption);
    parser.addOption({QStringLiteral("replace"), QStringLiteral("Replace A's introducer.")});
    parser.addOption(
        {QStringLiteral("note"), QStringLiteral("How or where, in a line."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("date"),
                      QStringLiteral("When the introduction happened, or since when they know each other "
                                     "(ISO 8601)."),
                      QStringLiteral("DATE")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    LinkDetails details{parser.value(QStringLiteral("note")), std::nullopt};
    if (parser.isSet(QStringLiteral("date"))) {
        const Result<qint64> date = parseIsoMoment(parser.value(QStringLiteral("date")));
        if (!date)
            return fail(command, Error::badInput(QStringLiteral("--date: %1").arg(date.error().message)));
        details.occurredAt = *date;
    }
    if (parser.isSet(QStringLiteral("replace")) && parser.isSet(QStringLiteral("knows")))
        return fail(command, Error::usage(QStringLiteral("--replace goes with --introduced-by")));
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<qint64> contact = requiredContact(parser, **db);
    if (!contact)
        return fail(command, contact.error());
    const Result<OtherEnd> other = otherEnd(parser, **db);
    if (!other)
        return fail(command, other.error());
    ContactLinkRepository links(**db);
    const Result<std::optional<ContactLink>> previous =
        other->kind == LinkKind::IntroducedBy
            ? links.setIntroducer(*contact, other->id, details, parser.isSet(QStringLiteral("replace")))
            : links.addKnows(*contact, other->id, details);
    if (!previous)
        return fail(command, previous.error());
    const Result<QString> first = shownContact(**db, *contact);
    const Result<QString> second = shownContact(**db, other->id);
    if (!first || !second)
        return fail(command, first ? second.error() : first.error());
    out() << (other->kind == LinkKind::IntroducedBy ? QStringLiteral("contact %1 introduced by %2")
                                                    : QStringLiteral("contact %1 knows %2"))
                 .arg(*first, *second);
    if (*previous && (*previous)->otherEnd(*contact) != other->id)
        out() << QStringLiteral(" (replacing contact %1)").arg((*previous)->otherEnd(*contact));
    else if (*previous)
        out() << QStringLiteral(" (updated)");
    out() << '\n' << Qt::flush;
    return Success;
}

int runUnlink(const QStringList& arguments)
{
    const QString command = QStringLiteral("unlink");
    CommandParser parser(
        command, QStringLiteral("rapport unlink --contact A (--introduced-by B | --knows B) --database PATH"),
        QStringLiteral("Removes an introduction or a knows link; B must be the one linked."));
    parser.addOption(contactReferenceOption());
    parser.addOption(introducedByOption);
    parser.addOption(knowsOption);
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<qint64> contact = requiredContact(parser, **db);
    if (!contact)
        return fail(command, contact.error());
    const Result<OtherEnd> other = otherEnd(parser, **db);
    if (!other)
        return fail(command, other.error());
    ContactLinkRepository links(**db);
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    Result<std::optional<ContactLink>> removed = std::optional<ContactLink>();
    if (other->kind == LinkKind::IntroducedBy) {
        const Result<std::optional<ContactLink>> current = links.introducerOf(*contact);
        if (!current)
            return fail(command, current.error());
        if (*current && (*current)->otherId == other->id)
            removed = links.removeIntroducer(*contact);
    } else {
        removed = links.removeKnows(*contact, other->id);
    }
    if (!removed)
        return fail(command, removed.error());
    if (!*removed)
        return fail(
            command,
            Error::notFound(
                other->kind == LinkKind::IntroducedBy
                    ? QStringLiteral("contact %1 was not introduced by contact %2")
                          .arg(*contact)
                          .arg(other->id)
                    : QStringLiteral("contact %1 is not linked to contact %2").arg(*contact).arg(other->id)));
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    out() << QStringLiteral("removed: contact %1 %2 contact %3")
                 .arg(*contact)
                 .arg(other->kind == LinkKind::IntroducedBy ? QStringLiteral("introduced by")
                                                            : QStringLiteral("knows"))
                 .arg(other->id)
          << '\n'
          << Qt::flush;
    return Success;
}

int runLinks(const QStringList& arguments)
{
    const QString command = QStringLiteral("links");
    CommandParser parser(command, QStringLiteral("rapport links --contact A --database PATH [--json]"),
                         QStringLiteral("Prints who introduced a contact, whom they introduced and whom they "
                                        "know. Writes nothing."));
    parser.addOption(contactReferenceOption());
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Prints JSON: {\"contact\": {…}, \"introduced_by\": …, \"introduced\": "
                                     "[…], \"knows\": […]}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<qint64> contact = requiredContact(parser, **db);
    if (!contact)
        return fail(command, contact.error());
    const Result<QString> shown = shownContact(**db, *contact);
    if (!shown)
        return fail(command, shown.error());
    const Result<PersonLinks> links = ContactLinkRepository(**db).linksOf(*contact);
    if (!links)
        return fail(command, links.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject document = personLinksJson(*links);
        const Result<Contact> record = ContactRepository(**db).get(*contact);
        if (!record)
            return fail(command, record.error());
        document.insert(QStringLiteral("contact"),
                        QJsonObject{{QStringLiteral("id"), *contact},
                                    {QStringLiteral("display_name"), record->effectiveDisplayName()}});
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented) << Qt::flush;
        return Success;
    }
    out() << QStringLiteral("contact %1").arg(*shown) << '\n';
    out() << QStringLiteral("introduced by: %1")
                 .arg(links->introducedBy ? linkLine(*links->introducedBy) : QStringLiteral("-"))
          << '\n';
    for (const auto& [label, people] : {std::pair{QStringLiteral("introduced"), &links->introduced},
                                        std::pair{QStringLiteral("knows"), &links->knows}}) {
        out() << QStringLiteral("%1: %2").arg(label, counted(people->size(), "contact", "contacts")) << '\n';
        for (const LinkedContact& linked : *people)
            out() << "  " << linkLine(linked) << '\n';
    }
    out().flush();
    return Success;
}

} // namespace rapport::cli
