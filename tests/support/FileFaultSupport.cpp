// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/FileFaultSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <vector>

namespace rapport::test {

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
}

std::string skipReason(const char* why)
{
    return why;
}

std::string skipReason(const QString& why)
{
    return why.toStdString();
}

namespace {

struct Ids
{
    uid_t user = 65534;
    gid_t group = 65534;
};

Ids nobody()
{
    Ids ids;
    if (const passwd* entry = ::getpwnam("nobody")) {
        ids.user = entry->pw_uid;
        ids.group = entry->pw_gid;
    }
    return ids;
}

std::vector<gid_t> savedGroups;

} // namespace

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

void writeFileBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
}

QByteArray readFileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void setMode(const QString& path, unsigned mode)
{
    ::chmod(QFile::encodeName(path).constData(), mode);
}

bool runsAsRoot()
{
    return ::geteuid() == 0;
}

FewerPrivileges::FewerPrivileges()
{
    if (!runsAsRoot())
        return;
    const int count = ::getgroups(0, nullptr);
    savedGroups.assign(count > 0 ? count : 0, 0);
    if (count > 0)
        ::getgroups(count, savedGroups.data());
    const Ids ids = nobody();
    // Supplementary groups first (root's group could grant access), then group, then user: once the
    // user is nobody, the group can no longer be changed.
    if (::setgroups(0, nullptr) != 0 || ::setegid(ids.group) != 0 || ::seteuid(ids.user) != 0) {
        ::seteuid(0);
        ::setegid(0);
        ::setgroups(savedGroups.size(), savedGroups.data());
        m_active = false;
        return;
    }
    m_changed = true;
}

FewerPrivileges::~FewerPrivileges()
{
    if (!m_changed)
        return;
    ::seteuid(0);
    ::setegid(0);
    ::setgroups(savedGroups.size(), savedGroups.data());
}

void runChildWithFewerPrivileges(QProcess& process)
{
    if (!runsAsRoot())
        return;
    const Ids ids = nobody();
    process.setChildProcessModifier([ids] {
        // A child that stayed root would pass permission checks and make the test meaningless.
        if (::setgroups(0, nullptr) != 0 || ::setgid(ids.group) != 0 || ::setuid(ids.user) != 0)
            ::_exit(126);
    });
}

SmallDisk::SmallDisk(int kilobytes)
{
    QByteArray folder = QFile::encodeName(QDir::tempPath() + QStringLiteral("/rapport-small-disk-XXXXXX"));
    if (!::mkdtemp(folder.data())) {
        m_why = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    m_path = QFile::decodeName(folder);
    const QByteArray options = "size=" + QByteArray::number(kilobytes) + "k,mode=0777";
    if (::mount("tmpfs", folder.constData(), "tmpfs", 0, options.constData()) != 0) {
        m_why = QStringLiteral("mount -t tmpfs: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_mounted = true;
}

SmallDisk::~SmallDisk()
{
    if (m_path.isEmpty())
        return;
    const QByteArray folder = QFile::encodeName(m_path);
    if (m_mounted)
        ::umount2(folder.constData(), MNT_DETACH);
    ::rmdir(folder.constData());
}

qint64 SmallDisk::bytesFree() const
{
    struct statvfs info = {};
    if (::statvfs(QFile::encodeName(m_path).constData(), &info) != 0)
        return -1;
    return static_cast<qint64>(info.f_bavail) * static_cast<qint64>(info.f_frsize);
}

void SmallDisk::fillLeaving(qint64 bytesLeft) const
{
    QFile filler(file(QStringLiteral("filler")));
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return;
    const QByteArray page(4096, 'f');
    while (bytesFree() > bytesLeft) {
        if (filler.write(page.constData(), qMin<qint64>(page.size(), bytesFree() - bytesLeft)) <= 0)
            break;
        filler.flush();
    }
}

ExclusiveLockHolder::ExclusiveLockHolder(const QString& path)
    : m_shell(std::make_unique<QProcess>())
{
    m_shell->setProcessChannelMode(QProcess::MergedChannels);
    m_shell->start(QStringLiteral("sqlite3"), {path});
    if (!m_shell->waitForStarted(10000)) {
        m_why = QStringLiteral("cannot start sqlite3: %1").arg(m_shell->errorString());
        return;
    }
    // In WAL mode, EXCLUSIVE locking mode takes an exclusive lock on the file itself at the first read and
    // keeps it: no other connection can even read.
    m_shell->write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT 'locked', count(*) FROM "
                   "sqlite_schema;\n");
    QByteArray output;
    while (!output.contains("locked") && m_shell->waitForReadyRead(10000))
        output += m_shell->readAll();
    m_holding = output.contains("locked|");
    if (!m_holding)
        m_why = QStringLiteral("sqlite3 did not take the lock: %1").arg(QString::fromUtf8(output));
}

ExclusiveLockHolder::~ExclusiveLockHolder()
{
    if (m_shell->state() == QProcess::NotRunning)
        return;
    m_shell->write("ROLLBACK;\n");
    m_shell->closeWriteChannel();
    if (!m_shell->waitForFinished(10000)) {
        m_shell->kill();
        m_shell->waitForFinished(10000);
    }
}

} // namespace rapport::test
