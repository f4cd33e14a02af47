// SPDX-License-Identifier: GPL-3.0-or-later
// Edits of tags themselves rather than of the contacts carrying them.
#pragma once

#include "core/services/TagMerge.h"
#include "ui/undo/DatabaseCommand.h"

#include <QStringList>

namespace rapport::ui {

// Tags spelled twice made one ("core-contributors" into "Core contributors"); undo brings each back
// under its own id with its own contacts and cadence.
class MergeTagsCommand : public DatabaseCommand
{
public:
    MergeTagsCommand(DatabaseSession& session, const QString& keep, const QStringList& others);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_keep;
    QStringList m_others;
    TagMergeSnapshot m_before;
};

} // namespace rapport::ui
