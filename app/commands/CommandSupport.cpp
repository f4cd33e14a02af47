// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/CommandSupport.h"

#include "core/base/Clock.h"
#include "core/base/IsoTime.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/FileDiagnosis.h"
#include "core/storage/TeamMemberRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <cstdio>

namespace rapport::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int exitCodeFor(const Error& error)
{
    switch (error.kind) {
    case ErrorKind::Usage:
        return UsageError;
    case ErrorKind::BadInput:
    case ErrorKind::NotFound:
        return BadInputError;
    case ErrorKind::Database:
    case ErrorKind::Cancelled:
        return DatabaseError;
    }
    return DatabaseError;
}

int fail(const QString& command, const Error& error)
{
    out().flush();
    err() << "rapport " << command << ": " << error.message << Qt::endl;
    return exitCodeFor(error);
}

QString counted(qint64 n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

Error optionError(const QString& option, const Error& error)
{
    const QString field = option + QStringLiteral(": ");
    const QString message = error.message.startsWith(field) ? error.message.mid(field.size()) : error.message;
    return {error.kind, QStringLiteral("--%1: %2").arg(option, message)};
}

std::optional<TeamMember> configuredMember(Database& db)
{
    const qint64 id = QSettings()
                          .value(QStringLiteral("currentMember"))
                          .toMap()
                          .value(QFileInfo(db.path()).absoluteFilePath())
                          .toLongLong();
    if (id <= 0)
        return std::nullopt;
    Result<TeamMember> member = TeamMemberRepository(db).get(id);
    return member ? std::optional<TeamMember>(std::move(*member)) : std::nullopt;
}

CommandParser::CommandParser(QString command, QString synopsis, const QString& description)
    : m_command(std::move(command))
    , m_synopsis(std::move(synopsis))
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption({QStringLiteral("database"),
                        QStringLiteral("The database file (default: %1).").arg(Database::defaultPath()),
                        QStringLiteral("PATH")});
    m_parser.addHelpOption();
}

void CommandParser::addPositional(const QString& name, const QString& description)
{
    m_positionals << name;
    m_parser.addPositionalArgument(name, description);
}

std::optional<int> CommandParser::parse(const QStringList& arguments)
{
    if (!m_parser.parse(QStringList{QStringLiteral("rapport")} + arguments))
        return fail(m_command, Error::usage(m_parser.errorText() + QStringLiteral("\nusage: ") + m_synopsis));
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << "usage: " << m_synopsis << "\n\n" << m_parser.helpText().section(QLatin1Char('\n'), 2);
        out().flush();
        return Success;
    }
    const QStringList given = m_parser.positionalArguments();
    if (given.size() > m_positionals.size() && !m_lastRepeats)
        return fail(m_command, Error::usage(QStringLiteral("unexpected argument '%1'\nusage: %2")
                                                .arg(given.at(m_positionals.size()), m_synopsis)));
    if (given.size() < m_positionals.size())
        return fail(
            m_command,
            Error::usage(
                QStringLiteral("missing %1\nusage: %2").arg(m_positionals.at(given.size()), m_synopsis)));
    return std::nullopt;
}

std::optional<int> CommandParser::requireOptions(std::initializer_list<const char*> names) const
{
    for (const char* name : names) {
        if (!m_parser.isSet(QString::fromLatin1(name)))
            return fail(m_command,
                        Error::usage(QStringLiteral("--%1 is required").arg(QString::fromLatin1(name))));
    }
    return std::nullopt;
}

Result<std::unique_ptr<Database>> CommandParser::openDatabase(Access access) const
{
    const QString option = QStringLiteral("database");
    const bool isDefault = !m_parser.isSet(option);
    // An explicitly empty --database (an unset shell variable, say) must not quietly mean the default.
    if (!isDefault && m_parser.value(option).trimmed().isEmpty())
        return Error::usage(QStringLiteral("--database: no path given (leave the option out to use the "
                                           "default database %1)")
                                .arg(Database::defaultPath()));
    const QString path = isDefault ? Database::defaultPath() : m_parser.value(option);
    if (access == Access::ReadOnly) {
        if (!QFileInfo::exists(path))
            return Error::database(
                QStringLiteral("no database at '%1'; create one with 'rapport demo' or 'rapport add-contact'")
                    .arg(path));
        return Database::open(path, OpenMode::ReadOnly);
    }
    if (isDefault)
        QDir().mkpath(QFileInfo(path).absolutePath());
    Result<std::unique_ptr<Database>> db = Database::open(path, OpenMode::ReadWrite);
    if (!db)
        return db;
    const std::optional<TeamMember> member = configuredMember(**db);
    (*db)->setChangeAttribution(
        {member ? std::optional<qint64>(member->id) : std::nullopt, ChangeSource::CommandLine});
    return db;
}

QCommandLineOption contactReferenceOption()
{
    return {QStringLiteral("contact"), QStringLiteral("Contact id, email, SERVICE:HANDLE or handle."),
            QStringLiteral("REF")};
}

Result<qint64> requiredContact(const CommandParser& parser, Database& db)
{
    if (!parser.isSet(QStringLiteral("contact")))
        return Error::usage(QStringLiteral("--contact is required"));
    const Result<qint64> id = ContactRepository(db).resolve(parser.value(QStringLiteral("contact")));
    if (!id)
        return optionError(QStringLiteral("contact"), id.error());
    return id;
}

Result<qint64> atOption(const CommandParser& parser)
{
    if (!parser.isSet(QStringLiteral("at")))
        return Clock::nowSeconds();
    const Result<qint64> at = parseIsoMoment(parser.value(QStringLiteral("at")));
    if (!at)
        return Error::badInput(QStringLiteral("--at: %1").arg(at.error().message));
    return at;
}

// A report file that cannot be written is a fault of the environment (a read-only folder, a full disk),
// reported like a database file that cannot be written: exit code 3, the path and what to do.
Error outputError(const QString& path, const QString& systemText)
{
    const QString reason = fileDiagnosis::whyCannotWrite(path);
    return Error::database(
        QStringLiteral("--output: cannot write '%1': %2").arg(path, reason.isEmpty() ? systemText : reason));
}

} // namespace rapport::cli
