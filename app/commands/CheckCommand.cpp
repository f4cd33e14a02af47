// SPDX-License-Identifier: GPL-3.0-or-later
// rapport check: the integrity and consistency report of a database.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/services/ConsistencyCheck.h"

namespace rapport::cli {

int runCheck(const QStringList& arguments)
{
    const QString command = QStringLiteral("check");
    CommandParser parser(
        command, QStringLiteral("rapport check --database PATH"),
        QStringLiteral("Checks the file's integrity, its search indexes and that every stored score "
                       "state matches the interaction log. Exits 0 when consistent, 3 otherwise."));
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<ConsistencyReport> report = ConsistencyCheck(**db).run();
    if (!report)
        return fail(command, report.error());
    out() << "database:       " << (*db)->path() << '\n'
          << "schema version: " << report->schemaVersion << '\n'
          << "contacts:       " << report->contacts << " (" << report->scoredContacts << " with history)\n"
          << "interactions:   " << report->interactions << '\n'
          << "trust notes:    " << report->trustNotes << '\n'
          << "team members:   " << report->teamMembers << '\n';
    if (!report->toReview.isEmpty()) {
        out() << "to review:" << '\n';
        for (const QString& item : report->toReview)
            out() << "  - " << item << '\n';
    }
    if (report->consistent()) {
        out() << "consistent: integrity, foreign keys, search indexes and scoring state all check out"
              << Qt::endl;
        return Success;
    }
    out() << "NOT consistent:" << '\n';
    for (const QString& problem : report->problems)
        out() << "  - " << problem << '\n';
    out().flush();
    return DatabaseError;
}

} // namespace rapport::cli
