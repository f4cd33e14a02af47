// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk edits of the selected contacts: tag, owner, archive, delete, merge. One command each, undone as one
// step, every contact in one transaction run off the UI thread with progress (BackgroundCommand); the views
// reload once afterwards, not per contact.
#pragma once

#include "core/model/ContactSnapshot.h"
#include "ui/undo/BackgroundCommand.h"

#include <QHash>
#include <QList>
#include <optional>

namespace rapport::ui {

class BulkTagCommand : public BackgroundCommand
{
public:
    BulkTagCommand(DatabaseSession& session, const QList<qint64>& contactIds, const QString& tag);

protected:
    Work applyWork() override;
    Work revertWork() override;

private:
    QList<qint64> m_contactIds;
    QString m_tag;
    QList<qint64> m_tagged; // only these lacked the tag; undo leaves the others as they were
};

class BulkOwnerCommand : public BackgroundCommand
{
public:
    BulkOwnerCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                     std::optional<qint64> ownerId);

protected:
    Work applyWork() override;
    Work revertWork() override;

private:
    QList<qint64> m_contactIds;
    std::optional<qint64> m_ownerId;
    QHash<qint64, std::optional<qint64>> m_previous;
};

class BulkArchiveCommand : public BackgroundCommand
{
public:
    BulkArchiveCommand(DatabaseSession& session, const QList<qint64>& contactIds, bool archived);

protected:
    Work applyWork() override;
    Work revertWork() override;

private:
    QList<qint64> m_contactIds;
    bool m_archived;
    QList<qint64> m_changed;
};

class BulkDeleteCommand : public BackgroundCommand
{
public:
    BulkDeleteCommand(DatabaseSession& session, const QList<qint64>& contactIds);

protected:
    Work applyWork() override;
    Work revertWork() override;
    // The commands below this one know these contacts by their ids: if they cannot come back under
    // them, those commands would act on someone else.
    bool failedRevertBreaksHistory() const override { return true; }

private:
    QList<qint64> m_contactIds;
    QList<ContactSnapshot> m_deleted;
};

// Contacts that are one person become one record (ContactMerge); undo brings each back under its ids.
class MergeContactsCommand : public BackgroundCommand
{
public:
    // `fields` as chosen in the merge dialog; without them, KEEP's fields win where both are set.
    MergeContactsCommand(DatabaseSession& session, qint64 keepId, const QList<qint64>& otherIds,
                         const std::optional<Contact>& fields, const QString& keptName);

protected:
    Work applyWork() override;
    Work revertWork() override;
    // The commands below this one know these contacts by their ids: if they cannot come back under
    // them, those commands would act on someone else.
    bool failedRevertBreaksHistory() const override { return true; }

private:
    qint64 m_keepId;
    QList<qint64> m_otherIds;
    std::optional<Contact> m_fields;
    QList<ContactSnapshot> m_before;
};

// Two contacts marked "not the same person", so that Possible duplicates stops proposing them.
class MarkDistinctCommand : public DatabaseCommand
{
public:
    MarkDistinctCommand(DatabaseSession& session, qint64 first, qint64 second, const QString& names);

protected:
    Status apply() override;
    Status revert() override;

private:
    qint64 m_first;
    qint64 m_second;
};

} // namespace rapport::ui
