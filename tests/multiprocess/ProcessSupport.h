// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of the multi-process and crash tests: run `rapport`, `sqlite3` and the rapport_holder stand-in
// for the desktop app as child processes, with a bound on every wait.
//
// The test process itself never opens the database file or its -wal/-shm: closing any descriptor of a
// file drops every POSIX lock the process holds on it, so only the children touch the files (the tests
// only stat them, with QFileInfo::exists).
#pragma once

#include "tests/support/TestSupport.h"

#include <QHash>
#include <QProcess>
#include <QStringList>

namespace rapport::mptest {

struct Finished
{
    QString what; // the command line, to name it in failures
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

// Runs a program to its end. One still running after timeoutMs is killed, and the test fails naming it.
Finished runProgram(const QString& program, const QStringList& arguments, int timeoutMs = 60000);
// Runs `rapport ARGUMENTS…`.
Finished runRapport(const QStringList& arguments, int timeoutMs = 60000);
// Runs `rapport COMMAND --database FILE ARGUMENTS…`.
Finished rapportOn(const QString& file, const QString& command, const QStringList& arguments = {},
                   int timeoutMs = 60000);
// Like rapportOn, and fails the test with its stderr unless it exits 0.
Finished rapportOk(const QString& file, const QString& command, const QStringList& arguments = {},
                   int timeoutMs = 60000);
// A one-line description of a finished run for INFO: command, exit code, stderr.
std::string describe(const Finished& run);

// `sqlite3 FILE SQL`'s trimmed output; fails the test unless sqlite3 exits 0.
QString sqlite(const QString& file, const QString& sql);

// The id in `rapport log`'s "logged interaction N; …", or 0.
qint64 loggedId(const QString& out);

// Rows of an RFC 4180 CSV text (quotes, "" escapes, CRLF), header included.
QList<QStringList> parseCsv(const QString& text);
// `rapport export interactions` on FILE: summary by interaction id.
QHash<qint64, QString> exportedSummaries(const QString& file);

// The desktop app's stand-in: rapport_holder holding FILE open (main connection, worker connections,
// a read transaction every 100 ms), driven one command line at a time.
class Holder
{
public:
    // Starts the holder and waits for its "ready".
    explicit Holder(const QString& file);
    // A holder still running is told to quit, then killed if it does not.
    ~Holder();
    Holder(const Holder&) = delete;
    Holder& operator=(const Holder&) = delete;

    // Sends one command and returns the holder's one-line answer; fails the test if none comes in time.
    QString ask(const QString& command, int timeoutMs = 30000);
    void reopen(int times);
    qint64 log(qint64 contactId, const QString& summary);
    qint64 count();
    // The ids of the interactions with this summary, "none" when there is none.
    QString find(const QString& summary);
    // "wal=open shm=open" while the holder still has both files and they are still in the folder.
    QString fds();
    // Quits and checks that it read without a failure and exited 0; returns its "bye …" line.
    QString quit();
    QString errors() const { return m_errors; }

private:
    QString readLine(int timeoutMs, const QString& waitingFor);
    QProcess m_process;
    QByteArray m_buffer;
    QString m_errors;
    bool m_running = false;
};

} // namespace rapport::mptest
