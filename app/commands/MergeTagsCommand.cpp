// SPDX-License-Identifier: GPL-3.0-or-later
// rapport merge-tags: tags that are one tag spelled twice become the first one given.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/services/TagMerge.h"

namespace rapport::cli {

int runMergeTags(const QStringList& arguments)
{
    const QString command = QStringLiteral("merge-tags");
    CommandParser parser(
        command, QStringLiteral("rapport merge-tags KEEP OTHER... --database PATH"),
        QStringLiteral("Merges tags that are one tag spelled twice into KEEP: every contact carrying one of "
                       "them carries KEEP, and the others are deleted. KEEP keeps its prior cadence, or "
                       "takes the first other's when it has none. 'rapport duplicates' lists tags "
                       "spelled alike."));
    parser.addPositional(QStringLiteral("KEEP"), QStringLiteral("The tag to keep, as it is spelled."));
    parser.addPositional(QStringLiteral("OTHER"), QStringLiteral("The tags merged into it."));
    parser.repeatLastPositional();
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const QStringList names = parser.positionals();
    const Result<TagMergeSnapshot> before = TagMerge(**db).merge(names.first(), names.mid(1));
    if (!before)
        return fail(command, before.error());
    QStringList others;
    for (const Tag& tag : before->merged)
        others << QStringLiteral("'%1'").arg(tag.name);
    out() << QStringLiteral("merged %1 into '%2', which %3 now carry (%4 more)")
                 .arg(others.join(QStringLiteral(", ")), before->kept.name,
                      counted(before->carryingAfter, "contact", "contacts"))
                 .arg(before->newlyTagged.size())
          << Qt::endl;
    return Success;
}

} // namespace rapport::cli
