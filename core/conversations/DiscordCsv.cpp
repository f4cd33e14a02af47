// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/DiscordCsv.h"

#include "core/base/IsoTime.h"
#include "core/conversations/DiscordExport.h"
#include "core/conversations/JsonFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

namespace rapport {

namespace {

const QStringList header{QStringLiteral("AuthorID"),    QStringLiteral("Author"),
                         QStringLiteral("Date"),        QStringLiteral("Content"),
                         QStringLiteral("Attachments"), QStringLiteral("Reactions")};
enum Column
{
    AuthorId,
    Author,
    Date,
    Content
};

const QRegularExpression& rawMention()
{
    static const QRegularExpression mention(QStringLiteral("<@!?(\\d+)>"));
    return mention;
}

// "ann#1234" as Discord's newer names have it: "ann".
QString withoutDiscriminator(const QString& name)
{
    static const QRegularExpression discriminator(QStringLiteral("#\\d{1,4}$"));
    return QString(name).remove(discriminator);
}

bool isSnowflake(const QString& text)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{1,20}$"));
    return digits.match(text).hasMatch();
}

} // namespace

std::optional<qint64> discordMoment(const QString& text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    // Microseconds, as a data package writes them, are more than the ISO reader takes.
    static const QRegularExpression fraction(QStringLiteral("(:\\d{2}\\.\\d{3})\\d+"));
    trimmed.replace(fraction, QStringLiteral("\\1"));
    if (const Result<qint64> iso = parseIsoMoment(trimmed))
        return *iso;
    for (const char* format : {"M/d/yyyy h:mm AP", "M/d/yyyy h:mm:ss AP", "dd-MMM-yy hh:mm AP"}) {
        QDateTime local = QDateTime::fromString(trimmed, QString::fromLatin1(format));
        if (!local.isValid())
            continue;
        // Qt reads "yy" as 19yy; Discord began in 2015.
        if (local.date().year() < 2000)
            local = local.addYears(100);
        return local.toSecsSinceEpoch();
    }
    return std::nullopt;
}

bool DiscordCsv::recognizes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(256);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    return head.startsWith("AuthorID,Author,Date,Content,") ||
           head.startsWith("\"AuthorID\",\"Author\",\"Date\",\"Content\",");
}

Result<std::unique_ptr<ConversationSource>> DiscordCsv::open(const QString& path, bool withBodies)
{
    // "Guild - channel [id].csv", or with the category between: "Guild - Category - channel [id].csv".
    static const QRegularExpression fileName(QStringLiteral("^(.*?) - .*\\[(\\d+)\\]"));
    const QRegularExpressionMatch named = fileName.match(QFileInfo(path).completeBaseName());
    if (!named.hasMatch())
        return Error::badInput(
            QStringLiteral("%1: the file name does not say which channel this is: keep the name "
                           "DiscordChatExporter gives it, \"Guild - channel [id].csv\"")
                .arg(path));
    std::unique_ptr<DiscordCsv> exported(new DiscordCsv(path, withBodies));
    exported->m_channelId = named.captured(2);
    exported->m_direct =
        named.captured(1).compare(QLatin1String("Direct Messages"), Qt::CaseInsensitive) == 0;
    if (Status read = exported->readAuthors(); !read)
        return read.error();
    exported->prepareMentions();
    Result<std::unique_ptr<CsvReader>> rows = exported->openRows();
    if (!rows)
        return rows.error();
    exported->m_rows = std::move(*rows);
    return std::unique_ptr<ConversationSource>(std::move(exported));
}

Result<std::unique_ptr<CsvReader>> DiscordCsv::openRows() const
{
    Result<std::unique_ptr<CsvReader>> reader = CsvReader::open(m_path);
    if (!reader)
        return reader.error();
    const Result<bool> first = (*reader)->next();
    if (!first)
        return first.error();
    if (!*first || (*reader)->record().texts() != header)
        return Error::badInput(
            QStringLiteral("%1: line 1: not a DiscordChatExporter CSV export: expected the "
                           "header %2")
                .arg(m_path, header.join(QLatin1Char(','))));
    (*reader)->setColumnNames(header);
    return reader;
}

// The first pass: who wrote, for DMs and mentions; and every row checked, so that a damaged file is refused
// before anything is read from it.
Status DiscordCsv::readAuthors()
{
    Result<std::unique_ptr<CsvReader>> reader = openRows();
    if (!reader)
        return reader.error();
    for (;;) {
        const Result<bool> more = (*reader)->next();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        const CsvRecord& row = (*reader)->record();
        const QString id = row.text(AuthorId).trimmed();
        if (!isSnowflake(id))
            return Error::badInput(QStringLiteral("%1: not a Discord user id: '%2'")
                                       .arg((*reader)->location(row.fieldLine(AuthorId), AuthorId), id));
        const QString date = row.text(Date);
        if (!date.trimmed().isEmpty() && !discordMoment(date))
            return Error::badInput(QStringLiteral("%1: not a date Rapport reads: '%2' (export with --locale "
                                                  "en-US, the default)")
                                       .arg((*reader)->location(row.fieldLine(Date), Date), date));
        if (!m_names.contains(id)) {
            m_names.insert(id, row.text(Author).trimmed());
            m_authors << id;
        }
    }
}

// One pattern for "@name" with every author's name, with and without its "#1234", the longest first so
// that "@ann lee" is not read as "@ann".
void DiscordCsv::prepareMentions()
{
    QStringList names;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
        for (const QString& name : {it.value(), withoutDiscriminator(it.value())}) {
            const QString key = name.toCaseFolded();
            if (!key.isEmpty() && !m_nameIds.contains(key)) {
                m_nameIds.insert(key, it.key());
                names << QRegularExpression::escape(name);
            }
        }
    }
    if (names.isEmpty())
        return;
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    m_byName = QRegularExpression(QStringLiteral("(?:^|(?<=\\W))@(") + names.join(QLatin1Char('|')) +
                                      QStringLiteral(")(?!\\w)"),
                                  QRegularExpression::CaseInsensitiveOption);
}

Status DiscordCsv::identifyMe(const QStringList& given)
{
    for (const QString& typed : given) {
        const QString key = typed.trimmed().toCaseFolded();
        for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
            if (!key.isEmpty() && (it.key() == key || it.value().toCaseFolded() == key ||
                                   withoutDiscriminator(it.value()).toCaseFolded() == key))
                m_me.insert(it.key());
        }
    }
    if (!m_me.isEmpty())
        return {};
    if (given.isEmpty())
        return Error::usage(
            QStringLiteral("who is \"me\" in this Discord export? Give --me with your Discord "
                           "user id or name") +
            otherWayToGiveMe(QStringLiteral("a discord")));
    return Error::usage(QStringLiteral("no author of this Discord export has the id or name '%1' (the --me "
                                       "values and the --by member's identities)")
                            .arg(given.join(QStringLiteral("', '"))));
}

Result<bool> DiscordCsv::next(ConversationRecord& record)
{
    const Result<bool> more = m_rows->next();
    if (!more || !*more)
        return more;
    record = ConversationRecord();
    const CsvRecord& row = m_rows->record();
    record.location = m_rows->location(row.line());
    judge(row, record);
    return true;
}

// The ids of the people a message mentions: "<@id>" as written with --markdown false, or "@name" with the
// name an author of the file has.
QStringList DiscordCsv::mentioned(const QString& content) const
{
    QStringList ids;
    for (auto it = rawMention().globalMatch(content); it.hasNext();)
        ids << it.next().captured(1);
    if (!content.contains(QLatin1Char('@')) || m_byName.pattern().isEmpty())
        return ids;
    for (auto it = m_byName.globalMatch(content); it.hasNext();)
        ids << m_nameIds.value(it.next().captured(1).toCaseFolded());
    return ids;
}

// "<@123>" as "@ann" when ann wrote in the channel.
QString DiscordCsv::readable(const QString& content) const
{
    QString out;
    qsizetype at = 0;
    for (auto it = rawMention().globalMatch(content); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString name = m_names.value(match.captured(1));
        out += content.mid(at, match.capturedStart() - at) +
               (name.isEmpty() ? match.captured() : QLatin1Char('@') + name);
        at = match.capturedEnd();
    }
    return out + content.mid(at);
}

void DiscordCsv::judge(const CsvRecord& row, ConversationRecord& record) const
{
    const QString author = row.text(AuthorId).trimmed();
    const std::optional<qint64> moment = discordMoment(row.text(Date));
    if (!moment) {
        record.skipReason = QStringLiteral("no date");
        return;
    }
    const QString content = row.text(Content);
    const bool mine = m_me.contains(author);
    QStringList others;
    if (m_direct) {
        if (mine)
            others = m_authors;
        else
            others << author;
    } else {
        const QStringList mentions = mentioned(content);
        if (mine)
            others = mentions;
        else if (std::any_of(mentions.cbegin(), mentions.cend(),
                             [&](const QString& id) { return m_me.contains(id); }))
            others << author;
    }
    QSet<QString> seen;
    for (const QString& id : std::as_const(others)) {
        if (m_me.contains(id) || seen.contains(id))
            continue;
        seen.insert(id);
        const QString name = m_names.value(id);
        // Someone mentioned by id who wrote nothing here has no name to be a contact by.
        if (!name.isEmpty())
            record.counterparts << discordCounterpart(id, withoutDiscriminator(name), name);
    }
    if (record.counterparts.isEmpty()) {
        record.skipReason = !mine      ? QStringLiteral("not yours")
                            : m_direct ? QStringLiteral("DM no one else wrote in")
                                       : QStringLiteral("channel message to no one (no mention)");
        return;
    }
    record.channel = Channel::Chat;
    record.direction = mine ? Direction::Outbound : Direction::Inbound;
    record.occurredAt = *moment;
    const QString shown = readable(content);
    record.summary = summaryLine(shown);
    if (m_withBodies)
        record.body = shown;
    // The CSV has no message ids: a message is its author, minute and text, the same in every export of
    // the channel (two equal messages in one minute count once).
    record.sourceKey = "discord\n" + m_channelId.toUtf8() + "\ncsv\n" + author.toUtf8() + '\n' +
                       QByteArray::number(*moment) + '\n' + content.toUtf8();
}

} // namespace rapport
