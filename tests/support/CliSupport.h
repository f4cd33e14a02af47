// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of the command-line tests: run the real `rapport` binary and a database in a temporary folder
// to run commands on.
#pragma once

#include "tests/support/TestSupport.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace rapport::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QByteArray outBytes; // stdout exactly as written (BOM, CRLF)
};

Run runRapport(const QStringList& arguments);
// Runs the binary in `process`, set up by the caller (environment, user), and collects what it wrote.
Run runRapport(QProcess& process, const QStringList& arguments, int timeoutMs = 120000);

class CliDatabase
{
public:
    CliDatabase();
    QString path() const { return m_dir.filePath(QStringLiteral("cli.sqlite3")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    // Runs `rapport COMMAND --database PATH ARGUMENTS…`.
    Run run(const QString& command, QStringList arguments) const;
    // Adds a contact and returns its id.
    QString addContact(const QStringList& arguments) const;
    void log(const QString& contact, const QString& at, const QString& direction) const;

private:
    QTemporaryDir m_dir;
};

// Runs `rapport COMMAND --database PATH ARGUMENTS…` with its QSettings in `configHome`, where the
// desktop app keeps its "I am" member.
Run runWithConfigHome(const CliDatabase& db, const QString& configHome, const QString& command,
                      const QStringList& arguments);
// Makes `memberId` the "I am" member for the database, as DatabaseSession::setCurrentMemberId does.
void setCurrentMember(const QString& configHome, const QString& databasePath, qint64 memberId);

} // namespace rapport::test
