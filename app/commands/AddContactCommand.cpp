// SPDX-License-Identifier: GPL-3.0-or-later
// rapport add-contact: creates one contact and prints its id.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <limits>

namespace rapport::cli {

namespace {

// Core names the field it refuses ("email: …", "forum: …"); the user typed an option.
Error asOptionError(const Error& error)
{
    const QString field = error.message.section(QLatin1Char(':'), 0, 0);
    if (parseMethodKind(field) && field != QLatin1String("email") && field != QLatin1String("phone"))
        return {error.kind, QStringLiteral("--handle %1").arg(error.message)};
    for (const char* option : {"name", "organization", "title", "tag", "email", "phone", "cadence"}) {
        if (field == QLatin1String(option))
            return optionError(field, error);
    }
    return error;
}

} // namespace

int runAddContact(const QStringList& arguments)
{
    const QString command = QStringLiteral("add-contact");
    CommandParser parser(
        command,
        QStringLiteral("rapport add-contact --database PATH --name NAME [--email E]... "
                       "[--handle SERVICE:HANDLE]... [--phone P]... [--organization O] [--title T] "
                       "[--tag T]... [--owner NAME] [--cadence DAYS]"),
        QStringLiteral("Adds a contact and prints its id."));
    parser.addOption(
        {QStringLiteral("name"), QStringLiteral("Full name as shown in lists."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("email"), QStringLiteral("An email address (repeatable)."), QStringLiteral("E")});
    parser.addOption(
        {QStringLiteral("phone"), QStringLiteral("A phone number (repeatable)."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("handle"),
                      QStringLiteral("A handle on a service, e.g. forum:alice, x:@alice, github:alice, "
                                     "mastodon:@alice@example.social (repeatable). Services: %1.")
                          .arg(methodKindNames().mid(2).join(QStringLiteral(", "))),
                      QStringLiteral("SERVICE:HANDLE")});
    parser.addOption({QStringLiteral("organization"), QStringLiteral("Organization."), QStringLiteral("O")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("Job title or role."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("tag"), QStringLiteral("A tag or community (repeatable)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("owner"),
                      QStringLiteral("Team member who owns the relationship (created if new)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("cadence"), QStringLiteral("Keep in touch every DAYS days."),
                      QStringLiteral("DAYS")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (!parser.isSet(QStringLiteral("name")))
        return fail(command, Error::usage(QStringLiteral("--name is required")));

    Contact contact;
    contact.displayName = parser.value(QStringLiteral("name")).trimmed();
    contact.givenName = contact.displayName.section(QLatin1Char(' '), 0, 0);
    contact.familyName = contact.displayName.section(QLatin1Char(' '), 1);
    contact.organization = parser.value(QStringLiteral("organization"));
    contact.title = parser.value(QStringLiteral("title"));
    contact.tags = parser.parser().values(QStringLiteral("tag"));
    for (const QString& email : parser.parser().values(QStringLiteral("email")))
        contact.methods << ContactMethod{0, MethodKind::Email, email, QString()};
    for (const QString& phone : parser.parser().values(QStringLiteral("phone")))
        contact.methods << ContactMethod{0, MethodKind::Phone, phone, QString()};
    for (const QString& handle : parser.parser().values(QStringLiteral("handle"))) {
        const qsizetype colon = handle.indexOf(QLatin1Char(':'));
        const std::optional<MethodKind> kind = colon > 0 ? parseMethodKind(handle.left(colon)) : std::nullopt;
        if (!kind)
            return fail(command,
                        Error::badInput(QStringLiteral("--handle '%1': expected SERVICE:HANDLE with SERVICE "
                                                       "one of %2")
                                            .arg(handle, methodKindNames().join(QStringLiteral(", ")))));
        contact.methods << ContactMethod{0, *kind, handle.mid(colon + 1), QString()};
    }
    if (parser.isSet(QStringLiteral("cadence"))) {
        bool ok = false;
        const double days = parser.value(QStringLiteral("cadence")).toDouble(&ok);
        contact.cadenceDays = ok ? days : std::numeric_limits<double>::quiet_NaN();
    }
    if (const QString problem = ContactRepository::validationError(contact); !problem.isEmpty())
        return fail(command, asOptionError(Error::badInput(problem)));

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    if (parser.isSet(QStringLiteral("owner"))) {
        const Result<qint64> ownerId =
            TeamMemberRepository(**db).ensure(parser.value(QStringLiteral("owner")));
        if (!ownerId)
            return fail(command, optionError(QStringLiteral("owner"), ownerId.error()));
        contact.ownerId = *ownerId;
    }
    const Result<qint64> id = ContactRepository(**db).create(contact);
    if (!id)
        return fail(command, asOptionError(id.error()));
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    out() << *id << Qt::endl;
    return Success;
}

} // namespace rapport::cli
