// SPDX-License-Identifier: GPL-3.0-or-later
// rapport merge: contacts that are one person become one record, the first one given.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/services/ContactMerge.h"
#include "core/storage/ContactRepository.h"

namespace rapport::cli {

int runMerge(const QStringList& arguments)
{
    const QString command = QStringLiteral("merge");
    CommandParser parser(
        command, QStringLiteral("rapport merge KEEP OTHER... --database PATH"),
        QStringLiteral("Merges contacts that are one person into KEEP: it takes their emails, phones, "
                       "handles, tags, conversations and trust notes; where both have a field (name, "
                       "organization, title, owner, cadence), KEEP's value wins, and the others fill "
                       "the fields KEEP lacks. The others are deleted and KEEP's score is rebuilt from "
                       "the merged log, all in one transaction. 'rapport duplicates' finds candidates."));
    parser.addPositional(QStringLiteral("KEEP"), QStringLiteral("The contact to keep: id, email or handle."));
    parser.addPositional(QStringLiteral("OTHER"), QStringLiteral("The contacts merged into it."));
    parser.repeatLastPositional();
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    ContactRepository contacts(**db);
    QList<qint64> ids;
    for (const QString& reference : parser.positionals()) {
        const Result<qint64> id = contacts.resolve(reference);
        if (!id)
            return fail(command, id.error());
        ids << *id;
    }
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    const Result<QList<ContactSnapshot>> before = ContactMerge(**db, *engine).merge(ids.first(), ids.mid(1));
    if (!before)
        return fail(command, before.error());
    const Result<ContactSnapshot> merged = contacts.snapshot(ids.first());
    if (!merged)
        return fail(command, merged.error());
    QStringList others;
    for (qsizetype i = 1; i < before->size(); ++i)
        others << QStringLiteral("%1 (%2)")
                      .arg(before->at(i).contact.id)
                      .arg(before->at(i).contact.effectiveDisplayName());
    out() << QStringLiteral("merged %1 into %2 (%3): %4, %5, %6, %7")
                 .arg(others.join(QStringLiteral(", ")))
                 .arg(merged->contact.id)
                 .arg(merged->contact.effectiveDisplayName(),
                      counted(merged->contact.methods.size(), "email, phone or handle",
                              "emails, phones and handles"),
                      counted(merged->contact.tags.size(), "tag", "tags"),
                      counted(merged->interactions.size(), "conversation", "conversations"),
                      counted(merged->notes.size(), "trust note", "trust notes"))
          << Qt::endl;
    return Success;
}

} // namespace rapport::cli
