// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of the file-fault tests: files nobody may write even though the tests run as root, a small
// disk that fills up, another program holding a lock, and a hash of a file's bytes.
//
// The POSIX lock rule applies to tests too: closing any descriptor of a database file drops all of the
// process's SQLite locks on it. So fileHash() must only be called on a file this process has no open
// Database on.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>

namespace rapport::test {

// The files in a folder, hidden ones too, by name: what a fault must not leave behind.
QStringList filesIn(const QString& folder);

// Some faults need root (a tmpfs) or another user (permission bits): without them, say so and skip.
#define SKIP_WITH_WARNING(why)                                                                               \
    do {                                                                                                     \
        WARN(::rapport::test::skipReason(why));                                                              \
        return;                                                                                              \
    } while (false)
std::string skipReason(const char* why);
std::string skipReason(const QString& why);

// SHA-256 of the file's bytes; empty when it cannot be read.
QByteArray fileHash(const QString& path);
void writeFileBytes(const QString& path, const QByteArray& bytes);
QByteArray readFileBytes(const QString& path);
void setMode(const QString& path, unsigned mode);

// Root is not stopped by permission bits. While a FewerPrivileges object lives, a root test process
// acts as user and group "nobody" (effective ids only, restored afterwards), so that chmod 0444 and
// 0555 mean what they mean to a user. As another user it does nothing: the bits apply already.
class FewerPrivileges
{
public:
    FewerPrivileges();
    ~FewerPrivileges();
    FewerPrivileges(const FewerPrivileges&) = delete;
    FewerPrivileges& operator=(const FewerPrivileges&) = delete;
    // False when the ids could not be changed; the test should then WARN and skip.
    bool active() const { return m_active; }

private:
    bool m_active = true;
    bool m_changed = false;
};

// The ids a child process runs as when permissions must apply (nobody when the tests run as root).
bool runsAsRoot();
// Makes a QProcess child drop to "nobody" before it starts the program, when the tests run as root.
void runChildWithFewerPrivileges(QProcess& process);

// A tmpfs of `kilobytes` mounted on a new temporary folder (root only); unmounted on destruction.
class SmallDisk
{
public:
    explicit SmallDisk(int kilobytes);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return m_mounted; }
    QString why() const { return m_why; }
    QString path() const { return m_path; }
    QString file(const QString& name) const { return m_path + QLatin1Char('/') + name; }
    // Fills the disk with a filler file until at most `bytesLeft` are free.
    void fillLeaving(qint64 bytesLeft) const;
    qint64 bytesFree() const;

private:
    QString m_path;
    QString m_why;
    bool m_mounted = false;
};

// Another program (the sqlite3 shell) holding an exclusive lock on a database until destroyed.
class ExclusiveLockHolder
{
public:
    explicit ExclusiveLockHolder(const QString& path);
    ~ExclusiveLockHolder();
    ExclusiveLockHolder(const ExclusiveLockHolder&) = delete;
    ExclusiveLockHolder& operator=(const ExclusiveLockHolder&) = delete;
    bool holding() const { return m_holding; }
    QString why() const { return m_why; }

private:
    std::unique_ptr<QProcess> m_shell;
    bool m_holding = false;
    QString m_why;
};

} // namespace rapport::test
