// SPDX-License-Identifier: GPL-3.0-or-later
// The bulk edits of selected contacts as undoable commands, each run as a modal background job.
#include "ui/undo/BulkContactCommands.h"

#include "core/services/ContactBulkEdit.h"
#include "core/services/ContactMerge.h"
#include "core/storage/DistinctContactRepository.h"
#include "ui/jobs/ModalTask.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/ContactCommands.h"

#include <QCoreApplication>
#include <functional>

namespace rapport::ui {

namespace {

using ScoredEdit = std::function<Status(Database&, ScoringEngine&, const ProgressCallback&)>;
using BulkEdit = std::function<Status(Database&, ContactBulkEdit&, const ProgressCallback&)>;

// Runs an edit of many contacts off the UI thread on its own connection and engine, then reloads the
// views. Only the first run may be cancelled (the command then never reaches the stack): undo and redo
// must finish what they start, or the stack would no longer say what the database holds.
Status runScored(DatabaseSession& session, bool firstRun, const QString& label, const ScoredEdit& edit)
{
    const Status done = ModalTask::run(
        session.path(), label,
        [&edit, attribution = session.changeAttribution()](Database& db,
                                                           const ProgressCallback& progress) -> Status {
            db.setChangeAttribution(attribution);
            Result<ScoringEngine> engine = ScoringEngine::open(db);
            if (!engine)
                return engine.error();
            return edit(db, *engine, progress);
        },
        firstRun ? ModalTask::Cancel::Allowed : ModalTask::Cancel::NotAllowed);
    if (done)
        session.everythingTouched();
    return done;
}

Status runBulk(DatabaseSession& session, bool firstRun, const QString& label, const BulkEdit& edit)
{
    return runScored(session, firstRun, label,
                     [&edit](Database& db, ScoringEngine& engine, const ProgressCallback& progress) {
                         ContactBulkEdit bulk(db, engine);
                         return edit(db, bulk, progress);
                     });
}

QString undoLabel(const QString& edit)
{
    return QCoreApplication::translate("rapport::ui::BulkContactCommands", "Undoing: %1").arg(edit);
}

QString contactCount(qsizetype count)
{
    return count == 1
               ? QCoreApplication::translate("rapport::ui::BulkContactCommands", "1 contact")
               : QCoreApplication::translate("rapport::ui::BulkContactCommands", "%1 contacts").arg(count);
}

} // namespace

BulkTagCommand::BulkTagCommand(DatabaseSession& session, const QList<qint64>& contactIds, const QString& tag)
    : DatabaseCommand(session, QCoreApplication::translate("rapport::ui::BulkContactCommands", "Tag %1 as %2")
                                   .arg(contactCount(contactIds.size()), tag.trimmed()))
    , m_contactIds(contactIds)
    , m_tag(tag.trimmed())
{}

Status BulkTagCommand::apply()
{
    return runBulk(session(), isFirstRun(), text(),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       Result<QList<qint64>> tagged = bulk.addTag(m_contactIds, m_tag, progress);
                       if (!tagged)
                           return Status(tagged.error());
                       m_tagged = std::move(*tagged);
                       return Status();
                   });
}

Status BulkTagCommand::revert()
{
    return runBulk(session(), false, undoLabel(text()),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       return bulk.removeTag(m_tagged, m_tag, progress);
                   });
}

BulkOwnerCommand::BulkOwnerCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                                   std::optional<qint64> ownerId)
    : DatabaseCommand(session,
                      QCoreApplication::translate("rapport::ui::BulkContactCommands", "Assign owner of %1")
                          .arg(contactCount(contactIds.size())))
    , m_contactIds(contactIds)
    , m_ownerId(ownerId)
{}

Status BulkOwnerCommand::apply()
{
    return runBulk(session(), isFirstRun(), text(),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       Result<QHash<qint64, std::optional<qint64>>> previous =
                           bulk.assignOwner(m_contactIds, m_ownerId, progress);
                       if (!previous)
                           return Status(previous.error());
                       m_previous = std::move(*previous);
                       return Status();
                   });
}

Status BulkOwnerCommand::revert()
{
    return runBulk(session(), false, undoLabel(text()),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       return bulk.restoreOwners(m_previous, progress);
                   });
}

BulkArchiveCommand::BulkArchiveCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                                       bool archived)
    : DatabaseCommand(session,
                      (archived
                           ? QCoreApplication::translate("rapport::ui::BulkContactCommands", "Archive %1")
                           : QCoreApplication::translate("rapport::ui::BulkContactCommands", "Unarchive %1"))
                          .arg(contactCount(contactIds.size())))
    , m_contactIds(contactIds)
    , m_archived(archived)
{}

Status BulkArchiveCommand::apply()
{
    return runBulk(session(), isFirstRun(), text(),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       Result<QList<qint64>> changed = bulk.setArchived(m_contactIds, m_archived, progress);
                       if (!changed)
                           return Status(changed.error());
                       m_changed = std::move(*changed);
                       return Status();
                   });
}

Status BulkArchiveCommand::revert()
{
    return runBulk(session(), false, undoLabel(text()),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       const Result<QList<qint64>> restored =
                           bulk.setArchived(m_changed, !m_archived, progress);
                       return restored ? Status() : Status(restored.error());
                   });
}

BulkDeleteCommand::BulkDeleteCommand(DatabaseSession& session, const QList<qint64>& contactIds)
    : DatabaseCommand(session, QCoreApplication::translate("rapport::ui::BulkContactCommands", "Delete %1")
                                   .arg(contactCount(contactIds.size())))
    , m_contactIds(contactIds)
{}

Status BulkDeleteCommand::apply()
{
    return runBulk(session(), isFirstRun(), text(),
                   [this](Database&, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                       Result<QList<ContactSnapshot>> deleted = bulk.remove(m_contactIds, progress);
                       if (!deleted)
                           return Status(deleted.error());
                       m_deleted = std::move(*deleted);
                       return Status();
                   });
}

Status BulkDeleteCommand::revert()
{
    const Status restored =
        runBulk(session(), false, undoLabel(text()),
                [this](Database& db, ContactBulkEdit& bulk, const ProgressCallback& progress) {
                    for (const ContactSnapshot& snapshot : m_deleted) {
                        if (Status free = checkContactIdFree(db, snapshot.contact); !free)
                            return free;
                    }
                    return bulk.restore(m_deleted, progress);
                });
    // The commands below this one know these contacts by their ids: if they cannot come back under them,
    // those commands would act on someone else.
    return restored ? restored : historyBroken(restored.error());
}

MergeContactsCommand::MergeContactsCommand(DatabaseSession& session, qint64 keepId,
                                           const QList<qint64>& otherIds,
                                           const std::optional<Contact>& fields, const QString& keptName)
    : DatabaseCommand(session,
                      QCoreApplication::translate("rapport::ui::BulkContactCommands", "Merge %1 into %2")
                          .arg(contactCount(otherIds.size()), keptName))
    , m_keepId(keepId)
    , m_otherIds(otherIds)
    , m_fields(fields)
{}

Status MergeContactsCommand::apply()
{
    return runScored(session(), isFirstRun(), text(),
                     [this](Database& db, ScoringEngine& engine, const ProgressCallback&) {
                         Result<QList<ContactSnapshot>> before =
                             ContactMerge(db, engine).merge(m_keepId, m_otherIds, m_fields);
                         if (!before)
                             return Status(before.error());
                         m_before = std::move(*before);
                         return Status();
                     });
}

Status MergeContactsCommand::revert()
{
    const Status restored =
        runScored(session(), false, undoLabel(text()),
                  [this](Database& db, ScoringEngine& engine, const ProgressCallback&) {
                      for (qsizetype i = 1; i < m_before.size(); ++i) {
                          if (Status free = checkContactIdFree(db, m_before.at(i).contact); !free)
                              return free;
                      }
                      return ContactMerge(db, engine).unmerge(m_before);
                  });
    // Later commands know the merged-away contacts by their ids, as after a delete.
    return restored ? restored : historyBroken(restored.error());
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
