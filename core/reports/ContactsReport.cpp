// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ContactsReport.h"

#include "core/csv/CsvWriter.h"
#include "core/reports/ContactLists.h"
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
    // The statements below read one snapshot, whatever other connections write meanwhile.
    Transaction snapshot(database(), TransactionMode::Read);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    ContactLists lists(database());
    if (Status started = lists.start(); !started)
        return started.error();
    const std::string sql =
        "SELECT c.id, c.display_name, c.given_name, c.family_name, c.organization, c.title,"
        " t.name, c.cadence_days, c.archived, c.created_at, c.updated_at"
        " FROM contacts c LEFT JOIN team_members t ON t.id = c.owner_id WHERE 1" +
        scope().contactConditions("c.id", true) + " ORDER BY c.id";
    Status listed;
    const Result<qint64> count = writeRows(
        writer, sql,
        [&lists, &listed](CsvWriter& out, const SqliteStatement& rows) {
            const qint64 id = rows.columnInt64(0);
            if (Status moved = lists.moveTo(id); !moved && listed)
                listed = moved;
            out.addInteger(id);
            for (int column = 1; column <= 6; ++column)
                out.addText(rows.columnView(column));
            out.addText(QByteArrayView(lists.tags));
            out.addNumber(rows.columnIsNull(7) ? std::nullopt : std::optional<double>(rows.columnDouble(7)));
            out.addInteger(rows.columnInt64(8));
            out.addText(QByteArrayView(lists.emails));
            out.addText(QByteArrayView(lists.phones));
            out.addText(QByteArrayView(lists.handles));
            out.addMoment(rows.columnInt64(9));
            out.addMoment(rows.columnInt64(10));
        },
        progressEvery, 0, progress);
    if (!listed)
        return listed.error();
    return count;
}

} // namespace rapport
