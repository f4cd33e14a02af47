// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ContactsReport.h"

#include "core/csv/CsvWriter.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

namespace {

constexpr qint64 progressEvery = 4096;

} // namespace

QStringList ContactsReport::columns() const
{
    return {QStringLiteral("id"),          QStringLiteral("display_name"), QStringLiteral("given_name"),
            QStringLiteral("family_name"), QStringLiteral("organization"), QStringLiteral("title"),
            QStringLiteral("owner"),       QStringLiteral("tags"),         QStringLiteral("cadence_days"),
            QStringLiteral("archived"),    QStringLiteral("emails"),       QStringLiteral("phones"),
            QStringLiteral("handles"),     QStringLiteral("created_at"),   QStringLiteral("updated_at")};
}

Result<qint64> ContactsReport::write(CsvWriter& writer, const ProgressCallback& progress)
{
    // Lists inside a cell are separated by "; " (Rapport's import splits on ';'), methods in the order
    // they were added, tags by name.
    const std::string sql =
        "SELECT c.id, c.display_name, c.given_name, c.family_name, c.organization, c.title, t.name,"
        " (SELECT group_concat(name, '; ') FROM (SELECT g.name FROM contact_tags ct JOIN tags g"
        "   ON g.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY g.name COLLATE NOCASE)),"
        " c.cadence_days, c.archived,"
        " (SELECT group_concat(value, '; ') FROM (SELECT value FROM contact_methods"
        "   WHERE contact_id = c.id AND kind = 'email' ORDER BY id)),"
        " (SELECT group_concat(value, '; ') FROM (SELECT value FROM contact_methods"
        "   WHERE contact_id = c.id AND kind = 'phone' ORDER BY id)),"
        " (SELECT group_concat(kind || ':' || value, '; ') FROM (SELECT kind, value FROM contact_methods"
        "   WHERE contact_id = c.id AND kind <> 'email' AND kind <> 'phone' ORDER BY id)),"
        " c.created_at, c.updated_at"
        " FROM contacts c LEFT JOIN team_members t ON t.id = c.owner_id WHERE 1" +
        scope().contactConditions("c.id", true) + " ORDER BY c.id";
    return writeRows(
        writer, sql,
        [](CsvWriter& out, const SqliteStatement& rows) {
            out.addInteger(rows.columnInt64(0));
            for (int column = 1; column <= 7; ++column)
                out.addText(rows.columnView(column));
            out.addNumber(rows.columnIsNull(8) ? std::nullopt : std::optional<double>(rows.columnDouble(8)));
            out.addInteger(rows.columnInt64(9));
            for (int column = 10; column <= 12; ++column)
                out.addText(rows.columnView(column));
            out.addMoment(rows.columnInt64(13));
            out.addMoment(rows.columnInt64(14));
        },
        progressEvery, 0, progress);
}

} // namespace rapport
