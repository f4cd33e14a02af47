// SPDX-License-Identifier: GPL-3.0-or-later
// The bulk edits of selected contacts as undoable commands whose writes run off the UI thread.
#include "ui/undo/BulkContactCommands.h"

#include "core/services/ContactBulkEdit.h"
#include "core/services/ContactMerge.h"
#include "core/storage/DistinctContactRepository.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/ContactCommands.h"

#include <QCoreApplication>

namespace rapport::ui {

namespace {

// Keeps what a bulk edit returns for its undo; its error otherwise.
template <typename T>
Status keep(Result<T> result, T& into)
{
    if (!result)
        return result.error();
    into = std::move(*result);
    return {};
}

Status eachContactIdFree(Database& db, const QList<ContactSnapshot>& snapshots, qsizetype from)
{
    for (qsizetype i = from; i < snapshots.size(); ++i) {
        if (Status free = checkContactIdFree(db, snapshots.at(i).contact); !free)
            return free;
    }
    return {};
}

QString contactCount(qsizetype count)
{
    return count == 1
               ? QCoreApplication::translate("rapport::ui::BulkContactCommands", "1 contact")
               : QCoreApplication::translate("rapport::ui::BulkContactCommands", "%1 contacts").arg(count);
}

} // namespace

BulkTagCommand::BulkTagCommand(DatabaseSession& session, const QList<qint64>& contactIds, const QString& tag)
    : BackgroundCommand(session,
                        QCoreApplication::translate("rapport::ui::BulkContactCommands", "Tag %1 as %2")
                            .arg(contactCount(contactIds.size()), tag.trimmed()))
    , m_contactIds(contactIds)
    , m_tag(tag.trimmed())
{}

BackgroundCommand::Work BulkTagCommand::applyWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        return keep(ContactBulkEdit(db, engine).addTag(m_contactIds, m_tag, progress), m_tagged);
    };
}

BackgroundCommand::Work BulkTagCommand::revertWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        return ContactBulkEdit(db, engine).removeTag(m_tagged, m_tag, progress);
    };
}

BulkOwnerCommand::BulkOwnerCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                                   std::optional<qint64> ownerId)
    : BackgroundCommand(session,
                        QCoreApplication::translate("rapport::ui::BulkContactCommands", "Assign owner of %1")
                            .arg(contactCount(contactIds.size())))
    , m_contactIds(contactIds)
    , m_ownerId(ownerId)
{}

BackgroundCommand::Work BulkOwnerCommand::applyWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        return keep(ContactBulkEdit(db, engine).assignOwner(m_contactIds, m_ownerId, progress), m_previous);
    };
}

BackgroundCommand::Work BulkOwnerCommand::revertWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        return ContactBulkEdit(db, engine).restoreOwners(m_previous, progress);
    };
}

BulkArchiveCommand::BulkArchiveCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                                       bool archived)
    : BackgroundCommand(
          session,
          (archived ? QCoreApplication::translate("rapport::ui::BulkContactCommands", "Archive %1")
                    : QCoreApplication::translate("rapport::ui::BulkContactCommands", "Unarchive %1"))
              .arg(contactCount(contactIds.size())))
    , m_contactIds(contactIds)
    , m_archived(archived)
{}

BackgroundCommand::Work BulkArchiveCommand::applyWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        return keep(ContactBulkEdit(db, engine).setArchived(m_contactIds, m_archived, progress), m_changed);
    };
}

BackgroundCommand::Work BulkArchiveCommand::revertWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        const Result<QList<qint64>> restored =
            ContactBulkEdit(db, engine).setArchived(m_changed, !m_archived, progress);
        return restored ? Status() : Status(restored.error());
    };
}

BulkDeleteCommand::BulkDeleteCommand(DatabaseSession& session, const QList<qint64>& contactIds)
    : BackgroundCommand(session, QCoreApplication::translate("rapport::ui::BulkContactCommands", "Delete %1")
                                     .arg(contactCount(contactIds.size())))
    , m_contactIds(contactIds)
{}

BackgroundCommand::Work BulkDeleteCommand::applyWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        return keep(ContactBulkEdit(db, engine).remove(m_contactIds, progress), m_deleted);
    };
}

BackgroundCommand::Work BulkDeleteCommand::revertWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
        if (Status free = eachContactIdFree(db, m_deleted, 0); !free)
            return free;
        return ContactBulkEdit(db, engine).restore(m_deleted, progress);
    };
}

MergeContactsCommand::MergeContactsCommand(DatabaseSession& session, qint64 keepId,
                                           const QList<qint64>& otherIds,
                                           const std::optional<Contact>& fields, const QString& keptName)
    : BackgroundCommand(session,
                        QCoreApplication::translate("rapport::ui::BulkContactCommands", "Merge %1 into %2")
                            .arg(contactCount(otherIds.size()), keptName))
    , m_keepId(keepId)
    , m_otherIds(otherIds)
    , m_fields(fields)
{}

BackgroundCommand::Work MergeContactsCommand::applyWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback&) {
        return keep(ContactMerge(db, engine).merge(m_keepId, m_otherIds, m_fields), m_before);
    };
}

BackgroundCommand::Work MergeContactsCommand::revertWork()
{
    return [this](Database& db, ScoringEngine& engine, const ProgressCallback&) {
        // The first snapshot is the kept contact, which never went away.
        if (Status free = eachContactIdFree(db, m_before, 1); !free)
            return free;
        return ContactMerge(db, engine).unmerge(m_before);
    };
}

MarkDistinctCommand::MarkDistinctCommand(DatabaseSession& session, qint64 first, qint64 second,
                                         const QString& names)
    : DatabaseCommand(
          session, QCoreApplication::translate("rapport::ui::BulkContactCommands", "Not the same person: %1")
                       .arg(names))
    , m_first(first)
    , m_second(second)
{}

Status MarkDistinctCommand::apply()
{
    const Status marked = DistinctContactRepository(session().database()).mark(m_first, m_second);
    if (marked)
        session().everythingTouched();
    return marked;
}

Status MarkDistinctCommand::revert()
{
    const Status unmarked = DistinctContactRepository(session().database()).unmark(m_first, m_second);
    if (unmarked)
        session().everythingTouched();
    return unmarked;
}

} // namespace rapport::ui
