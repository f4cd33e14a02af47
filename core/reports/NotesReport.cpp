// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/NotesReport.h"

#include "core/csv/CsvWriter.h"
#include "core/reports/ContactLabels.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

namespace {

constexpr qint64 progressEvery = 4096;

} // namespace

QStringList NotesReport::columns() const
{
    return {QStringLiteral("id"),          QStringLiteral("contact_id"),  QStringLiteral("contact_name"),
            QStringLiteral("contact_key"), QStringLiteral("created_at"),  QStringLiteral("author"),
            QStringLiteral("kind"),        QStringLiteral("trust_level"), QStringLiteral("text")};
}

Result<qint64> NotesReport::write(CsvWriter& writer, const ProgressCallback& progress)
{
    const Result<ContactLabels> labels = ContactLabels::load(database());
    if (!labels)
        return labels.error();
    const std::string sql = "SELECT n.id, n.contact_id, n.created_at, n.author_id, n.kind, n.trust_level,"
                            " n.text FROM trust_notes n WHERE 1" +
                            scope().periodConditions("n.created_at") +
                            scope().contactConditions("n.contact_id", false) + " ORDER BY n.created_at, n.id";
    return writeRows(
        writer, sql,
        [&labels](CsvWriter& out, const SqliteStatement& rows) {
            out.addInteger(rows.columnInt64(0));
            labels->addContactCells(out, rows.columnInt64(1));
            out.addMoment(rows.columnInt64(2));
            labels->addMemberCell(out, rows, 3);
            out.addText(rows.columnView(4));
            if (rows.columnIsNull(5))
                out.addEmpty();
            else
                out.addInteger(rows.columnInt64(5));
            out.addText(rows.columnView(6));
        },
        progressEvery, 0, progress);
}

} // namespace rapport
