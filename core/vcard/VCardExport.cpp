// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vcard/VCardExport.h"

#include "core/reports/ReportScope.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/ContactUidRepository.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TrustNoteRepository.h"
#include "core/vcard/VCardContactMapping.h"

namespace rapport {

namespace {

constexpr qint64 progressEvery = 256;

} // namespace

Result<QByteArray> contactVCard(Database& db, qint64 contactId, VCardVersion version)
{
    const Result<Contact> contact = ContactRepository(db).get(contactId);
    if (!contact)
        return contact.error();
    VCardExtras extras;
    const Result<QStringList> uids = ContactUidRepository(db).uidsOf(contactId);
    if (!uids)
        return uids.error();
    if (!uids->isEmpty())
        extras.uid = uids->constFirst();
    // Only context notes: a card goes to phones and address books, where a commitment broken or a
    // concern about the person has no place; the JSON of `export person` holds every note.
    const Result<QList<TrustNote>> notes = TrustNoteRepository(db).listForContact(contactId);
    if (!notes)
        return notes.error();
    for (const TrustNote& note : *notes) {
        if (note.kind == TrustKind::Context && !note.text.trimmed().isEmpty())
            extras.notes.prepend(note.text); // listed newest first
    }
    return writeVCard(vcardFromContact(*contact, extras, version), version);
}

Result<qint64> exportVCards(Database& db, const ReportFilter& filter, VCardVersion version, QIODevice& out,
                            const QString& outName, const ProgressCallback& progress)
{
    const Result<ReportScope> scope = ReportScope::resolve(db, filter);
    if (!scope)
        return scope.error();
    // One snapshot for the list and every card, without blocking writers (WAL).
    Transaction snapshot(db, TransactionMode::Read);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    const std::string sql =
        "SELECT c.id FROM contacts c WHERE 1" + scope->contactConditions("c.id", true) + " ORDER BY c.id";
    SqliteStatement rows(db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    scope->bind(rows);
    QList<qint64> ids;
    while (rows.step())
        ids << rows.columnInt64(0);
    if (!rows.ok())
        return Error::database(rows.errorMessage());

    qint64 written = 0;
    for (const qint64 id : std::as_const(ids)) {
        const Result<QByteArray> card = contactVCard(db, id, version);
        if (!card)
            return card.error();
        if (out.write(*card) != card->size())
            return Error::database(QStringLiteral("cannot write '%1': %2").arg(outName, out.errorString()));
        if (++written % progressEvery == 0 && !reportProgress(progress, written, ids.size()))
            return Error::cancelled();
    }
    reportProgress(progress, written, ids.size());
    return written;
}

} // namespace rapport
