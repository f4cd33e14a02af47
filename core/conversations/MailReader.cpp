// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/MailReader.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <fcntl.h>
#include <mutex>
// GLib's D-Bus headers name a field "signals", a keyword Qt defines as a macro.
#undef signals
#include <gmime/gmime.h>

namespace rapport {

namespace {

constexpr qint64 sniffBytes = 4096;

enum class Content
{
    Empty,
    Mbox,
    Message,
    Binary,
    Other
};

struct Sniffed
{
    Content content = Content::Other;
    qint64 start = 0; // past a UTF-8 byte order mark
};

// What a file holds, from its first bytes.
Result<Sniffed> sniff(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    QByteArray head = file.read(sniffBytes);
    Sniffed sniffed;
    if (head.startsWith("\xEF\xBB\xBF")) {
        sniffed.start = 3;
        head.remove(0, 3);
    }
    static const QRegularExpression headerLine(QStringLiteral("^[!-9;-~]+:"));
    if (head.contains('\0'))
        sniffed.content = Content::Binary;
    else if (head.trimmed().isEmpty())
        sniffed.content = Content::Empty;
    else if (head.startsWith("From "))
        sniffed.content = Content::Mbox;
    else if (headerLine.match(QString::fromLatin1(head.left(head.indexOf('\n')))).hasMatch())
        sniffed.content = Content::Message;
    return sniffed;
}

// The date of an mbox "From sender Www Mmm dd hh:mm:ss [zone] yyyy" line: asctime's form, with the zone
// that Google Takeout writes before the year. UTC when no zone is given.
std::optional<qint64> markerDate(const QByteArray& marker)
{
    static const QList<QByteArray> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QList<QByteArray> words = marker.simplified().split(' ');
    for (qsizetype i = 2; i + 3 < words.size(); ++i) {
        const qsizetype month = months.indexOf(words.at(i));
        if (month < 0)
            continue;
        bool dayOk = false;
        const int day = words.at(i + 1).toInt(&dayOk);
        const QTime time = QTime::fromString(QString::fromLatin1(words.at(i + 2)), QStringLiteral("H:mm:ss"));
        int offsetSeconds = 0;
        QByteArray yearWord = words.at(i + 3);
        if (yearWord.size() != 4 && i + 4 < words.size()) {
            const QByteArray& zone = words.at(i + 3);
            if (zone.size() == 5 && (zone.at(0) == '+' || zone.at(0) == '-')) {
                const int hhmm = zone.mid(1).toInt();
                offsetSeconds = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (zone.at(0) == '-' ? -1 : 1);
            }
            yearWord = words.at(i + 4);
        }
        bool yearOk = false;
        const int year = yearWord.toInt(&yearOk);
        const QDate date(year, static_cast<int>(month) + 1, dayOk ? day : 0);
        if (!yearOk || !date.isValid() || !time.isValid())
            return std::nullopt;
        return QDateTime(date, time, Qt::UTC).toSecsSinceEpoch() - offsetSeconds;
    }
    return std::nullopt;
}

QString text(const char* utf8)
{
    return utf8 ? QString::fromUtf8(utf8).simplified() : QString();
}

QString header(GMimeMessage* message, const char* name)
{
    return text(g_mime_object_get_header(GMIME_OBJECT(message), name));
}

// The mailboxes of a list, those of groups ("team: a@x, b@y;") included.
void collectMailboxes(InternetAddressList* list, QList<MailAddress>& into)
{
    if (!list)
        return;
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress* address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            collectMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), into);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const QString addr = text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
            if (!addr.isEmpty())
                into << MailAddress{addr, text(internet_address_get_name(address))};
        }
    }
}

// The first text/plain part that is not an attachment, depth first; forwarded messages are not looked in.
GMimeTextPart* plainPart(GMimeObject* object)
{
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* multipart = GMIME_MULTIPART(object);
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i) {
            if (GMimeTextPart* found = plainPart(g_mime_multipart_get_part(multipart, i)))
                return found;
        }
        return nullptr;
    }
    if (GMIME_IS_TEXT_PART(object) &&
        g_mime_content_type_is_type(g_mime_object_get_content_type(object), "text", "plain") &&
        !g_mime_part_is_attachment(GMIME_PART(object)))
        return GMIME_TEXT_PART(object);
    return nullptr;
}

QString bodyOf(GMimeMessage* message)
{
    GMimeObject* top = g_mime_message_get_mime_part(message);
    GMimeTextPart* part = top ? plainPart(top) : nullptr;
    if (!part)
        return {};
    char* decoded = g_mime_text_part_get_text(part);
    QString body = QString::fromUtf8(decoded);
    g_free(decoded);
    body.remove(QLatin1Char('\r'));
    return body.trimmed();
}

void fill(MailMessage& out, GMimeMessage* message, const QByteArray& marker, bool withBodies)
{
    QList<MailAddress> senders;
    collectMailboxes(g_mime_message_get_from(message), senders);
    out.from = senders.isEmpty() ? std::nullopt : std::optional<MailAddress>(senders.constFirst());
    out.recipients.clear();
    collectMailboxes(g_mime_message_get_to(message), out.recipients);
    collectMailboxes(g_mime_message_get_cc(message), out.recipients);
    if (GDateTime* date = g_mime_message_get_date(message))
        out.date = g_date_time_to_unix(date);
    else
        out.date = markerDate(marker);
    out.subject = text(g_mime_message_get_subject(message));
    const char* messageId = g_mime_message_get_message_id(message);
    out.messageId = messageId ? QByteArray(messageId).trimmed() : QByteArray();
    GMimeObject* object = GMIME_OBJECT(message);
    const char* rawFrom = g_mime_object_get_header(object, "From");
    const char* rawDate = g_mime_object_get_header(object, "Date");
    const char* rawSubject = g_mime_object_get_header(object, "Subject");
    out.identityBytes = QByteArray(rawFrom ? rawFrom : "") + '\n' + (rawDate ? rawDate : "") + '\n' +
                        (rawSubject ? rawSubject : "");
    out.listId = header(message, "List-Id");
    out.precedence = header(message, "Precedence");
    out.autoSubmitted = header(message, "Auto-Submitted");
    out.body = withBodies ? bodyOf(message) : QString();
    out.headerless = !out.from && out.recipients.isEmpty() && !rawDate && out.messageId.isEmpty();
}

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

} // namespace

// One open file: GMime's stream and parser over it.
struct MailReader::Parser
{
    Parser(QString path, GMimeStream* stream, bool mbox)
        : path(std::move(path))
        , stream(stream)
        , parser(g_mime_parser_new_with_stream(stream))
        , mbox(mbox)
    {
        g_mime_parser_set_format(parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
    }
    ~Parser()
    {
        g_object_unref(parser);
        g_object_unref(stream);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    // After GMime failed on what followed a "From " line, starts it again at the next "From " line.
    void restartAtNextMarker()
    {
        QFile file(path);
        const qint64 failedAt = g_mime_parser_tell(parser);
        if (failedAt < 0 || !file.open(QIODevice::ReadOnly) || !file.seek(failedAt)) {
            finished = true;
            return;
        }
        file.readLine(); // the line GMime stopped at is not a marker: skipping it guarantees progress
        for (qint64 at = file.pos(); !file.atEnd(); at = file.pos()) {
            if (file.readLine().startsWith("From ")) {
                g_mime_stream_seek(stream, at, GMIME_STREAM_SEEK_SET);
                g_mime_parser_init_with_stream(parser, stream);
                return;
            }
        }
        finished = true;
    }

    QString path;
    GMimeStream* stream;
    GMimeParser* parser;
    bool mbox;
    bool finished = false;
    qint64 messages = 0;
};

MailReader::MailReader(QString root, QStringList files, MailFormat format, bool withBodies)
    : m_root(std::move(root))
    , m_files(std::move(files))
    , m_format(format)
    , m_withBodies(withBodies)
{}

MailReader::~MailReader() = default;

Result<std::unique_ptr<MailReader>> MailReader::open(const QString& path, MailFormat format, bool withBodies)
{
    initGMime();
    const QFileInfo info(path);
    if (!info.exists())
        return Error::badInput(QStringLiteral("%1: no such file or folder").arg(path));
    QStringList files;
    QString root;
    if (info.isDir()) {
        root = path;
        QDirIterator found(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (found.hasNext()) {
            const QFileInfo file(found.next());
            if (!file.fileName().startsWith(QLatin1Char('.')) &&
                file.suffix().compare(QLatin1String("msf"), Qt::CaseInsensitive) != 0)
                files << file.filePath();
        }
        files.sort(); // the same archive reads in the same order everywhere
    } else {
        files << path;
    }
    return std::unique_ptr<MailReader>(new MailReader(root, std::move(files), format, withBodies));
}

QString MailReader::formatName() const
{
    if (m_readMbox && m_readEml)
        return QStringLiteral("mbox and eml");
    return m_readEml ? QStringLiteral("eml") : QStringLiteral("mbox");
}

Result<bool> MailReader::openNextFile()
{
    while (m_nextFile < m_files.size()) {
        const QString path = m_files.at(m_nextFile++);
        const Result<Sniffed> sniffed = sniff(path);
        if (!sniffed)
            return sniffed.error();
        if (sniffed->content == Content::Empty)
            continue;
        const bool mailContent = sniffed->content == Content::Mbox || sniffed->content == Content::Message;
        const QString suffix = QFileInfo(path).suffix().toLower();
        const bool claimsMail = m_root.isEmpty() || suffix == QLatin1String("eml") ||
                                suffix == QLatin1String("mbox") || m_format == MailFormat::Mbox ||
                                m_format == MailFormat::Eml;
        if (!mailContent && !claimsMail) {
            m_ignored << path;
            continue;
        }
        if (sniffed->content == Content::Binary)
            return Error::badInput(QStringLiteral("%1: not mail: a binary file").arg(path));
        if (!mailContent)
            return Error::badInput(
                QStringLiteral("%1: not mail: it starts with neither an mbox \"From \" line "
                               "nor a mail header")
                    .arg(path));
        const bool mbox = sniffed->content == Content::Mbox;
        if (m_format == MailFormat::Mbox && !mbox)
            return Error::badInput(
                QStringLiteral("%1: not an mbox file: it does not start with a \"From \" line").arg(path));
        if (m_format == MailFormat::Eml && mbox)
            return Error::badInput(QStringLiteral("%1: not an .eml file: it starts with an mbox \"From \" "
                                                  "line (use --format mbox or auto)")
                                       .arg(path));
        GError* error = nullptr;
        GMimeStream* stream = g_mime_stream_fs_open(QFile::encodeName(path).constData(), O_RDONLY, 0, &error);
        if (!stream) {
            const QString reason = QString::fromUtf8(error->message);
            g_error_free(error);
            return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(path, reason));
        }
        g_mime_stream_seek(stream, sniffed->start, GMIME_STREAM_SEEK_SET);
        m_parser = std::make_unique<Parser>(path, stream, mbox);
        (mbox ? m_readMbox : m_readEml) = true;
        return true;
    }
    return false;
}

Result<bool> MailReader::next(MailMessage& message)
{
    for (;;) {
        if (!m_parser) {
            const Result<bool> opened = openNextFile();
            if (!opened || !*opened)
                return opened;
        }
        Parser& current = *m_parser;
        if (current.finished || g_mime_parser_eos(current.parser)) {
            m_parser.reset();
            continue;
        }
        GMimeMessage* parsed = g_mime_parser_construct_message(current.parser, nullptr);
        ++current.messages;
        message.location = current.mbox
                               ? QStringLiteral("%1: message %2").arg(current.path).arg(current.messages)
                               : current.path;
        if (!current.mbox) {
            current.finished = true;
            if (!parsed)
                return Error::badInput(
                    QStringLiteral("%1: not mail: GMime cannot read it as a message").arg(current.path));
        }
        if (!parsed) {
            // What followed a "From " line inside a body: GMime took the line for the next message.
            const QString location = message.location;
            message = MailMessage();
            message.location = location;
            message.headerless = true;
            current.restartAtNextMarker();
            return true;
        }
        // GMime hands over a copy of the marker line (transfer full).
        char* marker = current.mbox ? g_mime_parser_get_mbox_marker(current.parser) : nullptr;
        fill(message, parsed, QByteArray(marker ? marker : ""), m_withBodies);
        g_free(marker);
        g_object_unref(parsed);
        if (!current.mbox && !message.from && message.recipients.isEmpty())
            return Error::badInput(
                QStringLiteral("%1: not mail: it has neither a From nor a To header").arg(current.path));
        return true;
    }
}

} // namespace rapport
