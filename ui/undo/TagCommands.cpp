// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/TagCommands.h"

#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

MergeTagsCommand::MergeTagsCommand(DatabaseSession& session, const QString& keep, const QStringList& others)
    : DatabaseCommand(
          session, QCoreApplication::translate("rapport::ui::TagCommands", "Merge tags into “%1”").arg(keep))
    , m_keep(keep)
    , m_others(others)
{}

Status MergeTagsCommand::apply()
{
    Result<TagMergeSnapshot> before = TagMerge(session().database()).merge(m_keep, m_others);
    if (!before)
        return before.error();
    m_before = std::move(*before);
    session().everythingTouched();
    return {};
}

Status MergeTagsCommand::revert()
{
    const Status unmerged = TagMerge(session().database()).unmerge(m_before);
    if (unmerged)
        session().everythingTouched();
    return unmerged;
}

} // namespace rapport::ui
