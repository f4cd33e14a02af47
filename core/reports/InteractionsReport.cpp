// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/InteractionsReport.h"

#include "core/csv/CsvWriter.h"
#include "core/reports/ContactLabels.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

namespace {

constexpr qint64 progressEvery = 1 << 16;

} // namespace

QStringList InteractionsReport::columns() const
{
    return {QStringLiteral("id"),          QStringLiteral("contact_id"),  QStringLiteral("contact_name"),
            QStringLiteral("contact_key"), QStringLiteral("occurred_at"), QStringLiteral("channel"),
            QStringLiteral("direction"),   QStringLiteral("summary"),     QStringLiteral("body"),
            QStringLiteral("logged_by")};
}

Result<qint64> InteractionsReport::write(CsvWriter& writer, const ProgressCallback& progress)
{
    const Result<ContactLabels> labels = ContactLabels::load(database());
    if (!labels)
        return labels.error();
    const std::string conditions =
        scope().periodConditions("i.occurred_at") + scope().contactConditions("i.contact_id", false);
    qint64 total = 0;
    if (progress) {
        SqliteStatement count(database().handle(),
                              ("SELECT count(*) FROM interactions i WHERE 1" + conditions).c_str());
        scope().bind(count);
        if (count.step())
            total = count.columnInt64(0);
        if (!count.ok())
            return Error::database(count.errorMessage());
    }
    const std::string sql = "SELECT i.id, i.contact_id, i.occurred_at, i.channel, i.direction, i.summary,"
                            " i.body, i.logged_by FROM interactions i WHERE 1" +
                            conditions + " ORDER BY i.occurred_at, i.id";
    const Result<qint64> count = writeRows(
        writer, sql,
        [&labels](CsvWriter& out, const SqliteStatement& rows) {
            out.addInteger(rows.columnInt64(0));
            labels->addContactCells(out, rows.columnInt64(1));
            out.addMoment(rows.columnInt64(2));
            out.addText(rows.columnView(3));
            out.addText(rows.columnView(4));
            out.addText(rows.columnView(5));
            out.addText(rows.columnView(6));
            labels->addMemberCell(out, rows, 7);
        },
        progressEvery, total, progress);
    if (count)
        reportProgress(progress, *count, total);
    return count;
}

} // namespace rapport
