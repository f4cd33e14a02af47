// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/InteractionsReport.h"

#include "core/csv/CsvWriter.h"
#include "core/csv/SortedCsvRows.h"
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
    // The statements below read one snapshot, whatever other connections write meanwhile.
    Transaction snapshot(database(), TransactionMode::Read);
    if (!snapshot.status().ok())
        return snapshot.status().error();
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
    // No ORDER BY: the rows are read in storage order and put in time order by SortedCsvRows.
    const std::string sql = "SELECT i.id, i.contact_id, i.occurred_at, i.channel, i.direction, i.summary,"
                            " i.body, i.logged_by FROM interactions i WHERE 1" +
                            conditions;
    SqliteStatement rows(database().handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    scope().bind(rows);
    SortedCsvRows sorted;
    CsvWriter& out = sorted.cells();
    while (rows.step()) {
        const qint64 id = rows.columnInt64(0);
        const qint64 occurredAt = rows.columnInt64(2);
        out.addInteger(id);
        labels->addContactCells(out, rows.columnInt64(1));
        out.addMoment(occurredAt);
        out.addText(rows.columnView(3));
        out.addText(rows.columnView(4));
        out.addText(rows.columnView(5));
        out.addText(rows.columnView(6));
        labels->addMemberCell(out, rows, 7);
        if (Status ended = sorted.endRow({occurredAt, id}); !ended)
            return ended.error();
        if (sorted.rows() % progressEvery == 0 && !reportProgress(progress, sorted.rows(), total))
            return Error::cancelled();
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    if (Status header = writer.writeHeader(columns()); !header)
        return header.error();
    if (Status written = sorted.writeTo(writer); !written)
        return written.error();
    if (Status finished = writer.finish(); !finished)
        return finished.error();
    reportProgress(progress, sorted.rows(), total);
    return sorted.rows();
}

} // namespace rapport
