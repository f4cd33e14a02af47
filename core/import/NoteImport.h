// Imports trust notes: each row names its contact (id, email or handle), when the note was written, its
// kind, an optional trust level and its text. Notes already stored (same contact, moment, kind, level and
// text) are left alone, so importing a file twice adds nothing.
#pragma once

#include "ContactResolver.h"
#include "RowImport.h"
#include "TeamMemberCache.h"

#include <QSet>
#include <memory>
#include <optional>

namespace rapport {

class BulkLoad;
class SqliteStatement;

class NoteImport : public RowImport
{
public:
    explicit NoteImport(Database& db);
    ~NoteImport() override;

    Status begin(bool writing, qint64 rows) override;
    Result<RowResult> row(const MappedRow& row) override;
    Status end(const ProgressCallback& progress) override;
    QList<qint64> touchedContacts() const override;

private:
    Database& m_db;
    bool m_writing = false;
    std::optional<ContactResolver> m_contacts;
    std::optional<TeamMemberCache> m_members;
    std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<BulkLoad> m_bulk;
    qint64 m_lastIdBefore = 0;
    QSet<qint64> m_touched;
};

} // namespace rapport
