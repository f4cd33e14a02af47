// SPDX-License-Identifier: GPL-3.0-or-later
// A channel exported by DiscordChatExporter as CSV (AuthorID,Author,Date,Content,Attachments,Reactions) as
// conversation records, read twice in constant memory: once for who wrote, once for the messages. The file
// name, "Guild - channel [id].csv" as the exporter writes it, gives the channel; "Direct Messages" as the
// guild makes it a DM, where each message is with every other author. The CSV keeps no replies, so in a
// server channel only mentions between me and someone count: "<@id>" when exported with --markdown false,
// else "@name" with the name in the Author column. Dates are the exporter's local time (or UTC with --utc)
// in the en-US forms it writes, or ISO 8601.
#pragma once

#include "core/conversations/ConversationSource.h"
#include "core/csv/CsvReader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace rapport {

class DiscordCsv : public ConversationSource
{
public:
    // Whether the file starts with DiscordChatExporter's CSV header.
    static bool recognizes(const QString& path);
    static Result<std::unique_ptr<ConversationSource>> open(const QString& path, bool withBodies);

    Status identifyMe(const QStringList& given) override;
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return QStringLiteral("discord"); }

private:
    DiscordCsv(QString path, bool withBodies)
        : m_path(std::move(path))
        , m_withBodies(withBodies)
    {}
    // Opens the file past its header; a bad-input error when the header is not the exporter's.
    Result<std::unique_ptr<CsvReader>> openRows() const;
    Status readAuthors();
    void prepareMentions();
    void judge(const CsvRecord& row, ConversationRecord& record) const;
    QStringList mentioned(const QString& content) const;
    QString readable(const QString& content) const;

    QString m_path;
    bool m_withBodies;
    QString m_channelId;
    bool m_direct = false;
    QHash<QString, QString> m_names;   // author id -> the Author column, the handle
    QStringList m_authors;             // in order of their first message
    QHash<QString, QString> m_nameIds; // case-folded name, with or without "#1234" -> author id
    QRegularExpression m_byName;       // "@name" of any author
    QSet<QString> m_me;                // author ids
    std::unique_ptr<CsvReader> m_rows;
};

// When DiscordChatExporter wrote `text` (its Date column, or a Discord data package's Timestamp): ISO 8601
// (with an offset, or UTC without one, to the microsecond), or the exporter's en-US "3/17/2025 10:00 AM"
// and older "17-Mar-25 10:00 AM" in local time.
std::optional<qint64> discordMoment(const QString& text);

} // namespace rapport
