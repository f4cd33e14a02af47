// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoInteractionWriter.h"

#include "core/storage/SqliteStatement.h"

#include <string>

namespace rapport {

namespace {

constexpr int columnsPerRow = 6;

std::string insertSql(int rows)
{
    std::string sql =
        "INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, logged_by,"
        " created_at) VALUES ";
    for (int row = 0; row < rows; ++row) {
        const int base = row * columnsPerRow;
        auto parameter = [base](int column) {
            return "?" + std::to_string(base + column);
        };
        sql += row == 0 ? "(" : ", (";
        for (int column = 1; column <= columnsPerRow; ++column)
            sql += parameter(column) + ", ";
        sql += parameter(2) + ")"; // created_at: when it occurred
    }
    return sql;
}

Error failed(const SqliteStatement& statement)
{
    return Error::database(QStringLiteral("demo: %1").arg(statement.errorMessage()));
}

} // namespace

DemoInteractionWriter::DemoInteractionWriter(Database& db)
    : m_batch(std::make_unique<SqliteStatement>(db.handle(), insertSql(batchRows).c_str()))
    , m_single(std::make_unique<SqliteStatement>(db.handle(), insertSql(1).c_str()))
{
    for (Channel channel : allChannels)
        m_channelKeys[static_cast<size_t>(channel)] = channelName(channel).toUtf8();
}

DemoInteractionWriter::~DemoInteractionWriter() = default;

Status DemoInteractionWriter::add(qint64 contactId, qint64 occurredAt, Channel channel, Direction direction,
                                  const QByteArray& summary, qint64 loggedBy)
{
    m_rows[static_cast<size_t>(m_queued++)] = {contactId, occurredAt, channel, direction, &summary, loggedBy};
    if (m_queued < batchRows)
        return {};
    m_queued = 0;
    return write(*m_batch, 0, batchRows);
}

Status DemoInteractionWriter::flush()
{
    for (int row = 0; row < m_queued; ++row) {
        if (Status written = write(*m_single, row, 1); !written)
            return written;
    }
    m_queued = 0;
    return {};
}

Status DemoInteractionWriter::write(SqliteStatement& statement, int first, int count)
{
    for (int row = 0; row < count; ++row) {
        const Row& values = m_rows[static_cast<size_t>(first) + static_cast<size_t>(row)];
        const int base = row * columnsPerRow;
        statement.bind(base + 1, values.contactId);
        statement.bind(base + 2, values.occurredAt);
        statement.bindStatic(base + 3, m_channelKeys[static_cast<size_t>(values.channel)]);
        statement.bindStatic(base + 4, m_directionKeys[static_cast<size_t>(values.direction)]);
        statement.bindStatic(base + 5, *values.summary);
        if (values.loggedBy > 0)
            statement.bind(base + 6, values.loggedBy);
    }
    statement.step();
    if (!statement.ok()) {
        const Error error = failed(statement);
        statement.reset();
        return error;
    }
    statement.reset();
    return {};
}

} // namespace rapport
