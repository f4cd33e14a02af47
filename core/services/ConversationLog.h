// SPDX-License-Identifier: GPL-3.0-or-later
// Logging, editing and deleting conversations, each in one transaction with the scoring update, so a
// score never disagrees with the log it came from. The command line and the GUI both log through here.
#pragma once

#include "core/model/Interaction.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Database.h"

namespace rapport {

class ConversationLog
{
public:
    ConversationLog(Database& db, ScoringEngine& engine)
        : m_db(db)
        , m_engine(engine)
    {}

    Result<qint64> log(const Interaction& interaction);
    // Logs a deleted interaction again under its own id (undo of a delete, redo of a log).
    Result<qint64> restore(const Interaction& interaction);
    Status edit(const Interaction& interaction);
    Status remove(qint64 interactionId);

private:
    Result<qint64> write(const Interaction& interaction, bool keepId);
    Database& m_db;
    ScoringEngine& m_engine;
};

} // namespace rapport
