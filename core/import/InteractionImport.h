// Imports conversations: each row names its contact (id, email or handle), when, the channel and the
// direction. Rows already in the log (same contact, moment, channel, direction and summary) are left
// alone, so importing a file twice adds nothing. Writing goes through raw SQLite statements with the
// search trigger suspended (BulkLoad), and the scores of the contacts whose log grew are rebuilt by the
// ScoringEngine inside the same transaction.
#pragma once

#include "ContactResolver.h"
#include "RowImport.h"
#include "TeamMemberCache.h"
#include "model/Channel.h"
#include "scoring/ScoringEngine.h"

#include <QSet>
#include <memory>
#include <optional>

namespace rapport {

class BulkLoad;
class SqliteStatement;

class InteractionImport : public RowImport
{
public:
    InteractionImport(Database& db, ScoringEngine& engine);
    ~InteractionImport() override;

    Status begin(bool writing, qint64 rows) override;
    Result<RowResult> row(const MappedRow& row) override;
    Status end(const ProgressCallback& progress) override;
    QList<qint64> touchedContacts() const override;

private:
    Database& m_db;
    ScoringEngine& m_engine;
    bool m_writing = false;
    std::optional<ContactResolver> m_contacts;
    std::optional<TeamMemberCache> m_members;
    std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<BulkLoad> m_bulk;
    qint64 m_lastIdBefore = 0;
    qint64 m_now = 0;
    QSet<qint64> m_touched;
};

} // namespace rapport
