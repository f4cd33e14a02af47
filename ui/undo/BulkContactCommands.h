// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk edits of the selected contacts: tag, owner, archive, delete, merge. One command each, undone as one
// step, every contact in one transaction run off the UI thread with progress; the views reload once
// afterwards, not per contact. Only the first run, before the push, may be cancelled.
#pragma once

#include "core/model/ContactSnapshot.h"
#include "ui/undo/DatabaseCommand.h"

#include <QHash>
#include <QList>
#include <optional>

namespace rapport::ui {

class BulkTagCommand : public DatabaseCommand
{
public:
    BulkTagCommand(DatabaseSession& session, const QList<qint64>& contactIds, const QString& tag);

protected:
    Status apply() override;
    Status revert() override;

private:
    QList<qint64> m_contactIds;
    QString m_tag;
    QList<qint64> m_tagged; // only these lacked the tag; undo leaves the others as they were
};

class BulkOwnerCommand : public DatabaseCommand
{
public:
    BulkOwnerCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                     std::optional<qint64> ownerId);

protected:
    Status apply() override;
    Status revert() override;

private:
    QList<qint64> m_contactIds;
    std::optional<qint64> m_ownerId;
    QHash<qint64, std::optional<qint64>> m_previous;
};

class BulkArchiveCommand : public DatabaseCommand
{
public:
    BulkArchiveCommand(DatabaseSession& session, const QList<qint64>& contactIds, bool archived);

protected:
    Status apply() override;
    Status revert() override;

private:
    QList<qint64> m_contactIds;
    bool m_archived;
    QList<qint64> m_changed;
};

class BulkDeleteCommand : public DatabaseCommand
{
public:
    BulkDeleteCommand(DatabaseSession& session, const QList<qint64>& contactIds);

protected:
    Status apply() override;
    Status revert() override;

private:
    QList<qint64> m_contactIds;
    QList<ContactSnapshot> m_deleted;
};

// Contacts that are one person become one record (ContactMerge); undo brings each back under its ids.
class MergeContactsCommand : public DatabaseCommand
{
public:
    // `fields` as chosen in the merge dialog; without them, KEEP's fields win where both are set.
    MergeContactsCommand(DatabaseSession& session, qint64 keepId, const QList<qint64>& otherIds,
                         const std::optional<Contact>& fields, const QString& keptName);

protected:
    Status apply() override;
    Status revert() override;

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
