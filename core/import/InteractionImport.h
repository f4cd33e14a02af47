// SPDX-License-Identifier: GPL-3.0-or-later
// Imports conversations: each row names its contact (id, email or handle), when, the channel and the
// direction. Rows already in the log (same contact, moment, channel, direction and summary) are left
// alone, so importing a file twice adds nothing. The scores of the contacts whose log grew are rebuilt by
// the ScoringEngine inside the same transaction.
#pragma once

#include "core/import/LogImport.h"
#include "core/scoring/ScoringEngine.h"

namespace rapport {

class InteractionImport : public LogImport
{
public:
    InteractionImport(Database& db, ScoringEngine& engine);

    Status begin(bool writing, qint64 rows) override;
    Result<RowResult> row(const MappedRow& row) override;
    Status end(const ProgressCallback& progress) override;

private:
    ScoringEngine& m_engine;
    qint64 m_now = 0;
};

} // namespace rapport
