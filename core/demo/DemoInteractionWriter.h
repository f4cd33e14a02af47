// SPDX-License-Identifier: GPL-3.0-or-later
// Stores the demo generator's conversations many rows per INSERT: with one row per statement, SQLite spends
// a large part of each insert starting and ending the statement (cursors, allocations) rather than storing
// the row. Rows keep the order they were added in, so their ids are those of one insert per row.
#pragma once

#include "core/model/Channel.h"
#include "core/storage/Database.h"

#include <array>
#include <memory>

namespace rapport {

class SqliteStatement;

class DemoInteractionWriter
{
public:
    explicit DemoInteractionWriter(Database& db);
    ~DemoInteractionWriter();
    DemoInteractionWriter(const DemoInteractionWriter&) = delete;
    DemoInteractionWriter& operator=(const DemoInteractionWriter&) = delete;

    // Queues one interaction, created when it occurred; `loggedBy` 0 is nobody. `summary` is not copied:
    // it must stay alive and unchanged until flush().
    Status add(qint64 contactId, qint64 occurredAt, Channel channel, Direction direction,
               const QByteArray& summary, qint64 loggedBy);
    // Stores the queued rows.
    Status flush();

private:
    static constexpr int batchRows = 64;

    struct Row
    {
        qint64 contactId;
        qint64 occurredAt;
        Channel channel;
        Direction direction;
        const QByteArray* summary;
        qint64 loggedBy;
    };

    Status write(SqliteStatement& statement, int first, int count);

    std::unique_ptr<SqliteStatement> m_batch;  // batchRows rows
    std::unique_ptr<SqliteStatement> m_single; // the last rows, fewer than batchRows
    std::array<Row, batchRows> m_rows{};
    int m_queued = 0;
    std::array<QByteArray, channelCount> m_channelKeys;
    std::array<QByteArray, directionCount> m_directionKeys{"outbound", "inbound", "mutual"};
};

} // namespace rapport
