#include "NotesReport.h"

#include "ContactLabels.h"
#include "csv/CsvWriter.h"
#include "storage/SqliteStatement.h"

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
    const Result<ContactLabels> labels = ContactLabels::load(m_db);
    if (!labels)
        return labels.error();
    const std::string sql = "SELECT n.id, n.contact_id, n.created_at, n.author_id, n.kind, n.trust_level,"
                            " n.text FROM trust_notes n WHERE 1" +
                            m_scope.periodConditions("n.created_at") +
                            m_scope.contactConditions("n.contact_id", false) + " ORDER BY n.created_at, n.id";
    SqliteStatement rows(m_db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    m_scope.bind(rows);
    if (Status header = writer.writeHeader(columns()); !header)
        return header.error();
    qint64 count = 0;
    while (rows.step()) {
        const qint64 contactId = rows.columnInt64(1);
        const ContactLabels::Entry* contact = labels->find(contactId);
        writer.addInteger(rows.columnInt64(0));
        writer.addInteger(contactId);
        writer.addText(contact ? QByteArrayView(contact->name) : QByteArrayView());
        writer.addText(contact ? QByteArrayView(contact->key) : QByteArrayView());
        writer.addMoment(rows.columnInt64(2));
        if (rows.columnIsNull(3))
            writer.addEmpty();
        else
            writer.addText(QByteArrayView(labels->memberName(rows.columnInt64(3))));
        writer.addText(rows.columnView(4));
        if (rows.columnIsNull(5))
            writer.addEmpty();
        else
            writer.addInteger(rows.columnInt64(5));
        writer.addText(rows.columnView(6));
        if (Status ended = writer.endRow(); !ended)
            return ended.error();
        if (++count % progressEvery == 0 && !reportProgress(progress, count, 0))
            return Error::cancelled();
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    if (Status finished = writer.finish(); !finished)
        return finished.error();
    return count;
}

} // namespace rapport
