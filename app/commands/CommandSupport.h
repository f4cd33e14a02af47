// SPDX-License-Identifier: GPL-3.0-or-later
// What every headless command shares: option parsing with usage errors, opening the database,
// printing errors to stderr and mapping them to the documented exit codes.
#pragma once

#include "core/base/Result.h"
#include "core/model/TeamMember.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <initializer_list>
#include <memory>
#include <optional>

namespace rapport::cli {

enum ExitCode : int
{
    Success = 0,
    UsageError = 1,
    BadInputError = 2,
    DatabaseError = 3
};

QTextStream& out();
QTextStream& err();

int exitCodeFor(const Error& error);
// Prints "rapport <command>: <message>" to stderr and returns the exit code for the error.
int fail(const QString& command, const Error& error);
// Puts the option's name on a core error about the value given for it, keeping the error's kind. Core
// errors already name their field ("contact: no contact…"); that name gives way to "--contact".
Error optionError(const QString& option, const Error& error);
// "1 conversation", "3 conversations".
QString counted(qint64 n, const char* one, const char* many);

// The desktop app's "I am" member for this database (DatabaseSession keeps it in QSettings by the file's
// absolute path); nullopt when none is set or it was removed since.
std::optional<TeamMember> configuredMember(Database& db);

// A parser that knows --database and --help besides the command's own options.
class CommandParser
{
public:
    CommandParser(QString command, QString synopsis, const QString& description);
    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    // Declares a required positional argument (e.g. "FILE"), in order. A command declares none by
    // default, and then any positional argument is a usage error.
    void addPositional(const QString& name, const QString& description);
    // Lets the last declared positional argument repeat ("OTHER_ID..."): one or more values.
    void repeatLastPositional() { m_lastRepeats = true; }
    // Parses the arguments after the command name. nullopt means "stop with this exit code": a usage
    // error was printed, or the help was.
    std::optional<int> parse(const QStringList& arguments);
    // After parse(): the usage error's exit code for the first of these options that is missing.
    std::optional<int> requireOptions(std::initializer_list<const char*> names) const;
    // The declared positional arguments' values, in order, after a successful parse().
    QStringList positionals() const { return m_parser.positionalArguments(); }
    const QCommandLineParser& parser() const { return m_parser; }
    QString value(const QString& name) const { return m_parser.value(name); }
    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    enum class Access
    {
        ReadWrite, // creates the file when it does not exist, upgrades an older schema
        ReadOnly   // OpenMode::ReadOnly: a missing, empty or older file is refused, nothing is written
    };
    // Opens --database, or the default database when it is not given; an empty --database is a usage
    // error. Contact histories attribute the command's writes to the configured member, as made on the
    // command line.
    Result<std::unique_ptr<Database>> openDatabase(Access access = Access::ReadWrite) const;
    const QString& command() const { return m_command; }

private:
    QString m_command;
    QString m_synopsis;
    QStringList m_positionals;
    bool m_lastRepeats = false;
    QCommandLineParser m_parser;
};

// --contact REF, naming a contact by id, email, SERVICE:HANDLE or handle.
QCommandLineOption contactReferenceOption();
// The contact --contact names (id, email or handle); a usage error when the option is missing.
Result<qint64> requiredContact(const CommandParser& parser, Database& db);

// The moment --at gives (an ISO 8601 date or date-time), or now when it is not given.
Result<qint64> atOption(const CommandParser& parser);

// A report file that cannot be written (--output): exit code 3, the path and what to do.
Error outputError(const QString& path, const QString& systemText);

} // namespace rapport::cli
