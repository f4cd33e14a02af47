#include "InteractionsReport.h"

#include "ContactLabels.h"
#include "csv/CsvWriter.h"
#include "storage/SqliteStatement.h"

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
    const Result<ContactLabels> labels = ContactLabels::load(m_db);
    if (!labels)
        return labels.error();
    const std::string conditions =
        m_scope.periodConditions("i.occurred_at") + m_scope.contactConditions("i.contact_id", false);
    qint64 total = 0;
    if (progress) {
        SqliteStatement count(m_db.handle(),
                              ("SELECT count(*) FROM interactions i WHERE 1" + conditions).c_str());
        m_scope.bind(count);
        if (count.step())
            total = count.columnInt64(0);
        if (!count.ok())
            return Error::database(count.errorMessage());
    }
    const std::string sql = "SELECT i.id, i.contact_id, i.occurred_at, i.channel, i.direction, i.summary,"
                            " i.body, i.logged_by FROM interactions i WHERE 1" +
                            conditions + " ORDER BY i.occurred_at, i.id";
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
        writer.addText(rows.columnView(3));
        writer.addText(rows.columnView(4));
        writer.addText(rows.columnView(5));
        writer.addText(rows.columnView(6));
        if (rows.columnIsNull(7))
            writer.addEmpty();
        else
            writer.addText(QByteArrayView(labels->memberName(rows.columnInt64(7))));
        if (Status ended = writer.endRow(); !ended)
            return ended.error();
        if (++count % progressEvery == 0 && !reportProgress(progress, count, total))
            return Error::cancelled();
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    if (Status finished = writer.finish(); !finished)
        return finished.error();
    reportProgress(progress, count, total);
    return count;
}

} // namespace rapport
