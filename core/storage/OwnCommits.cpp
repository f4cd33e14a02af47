// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/OwnCommits.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

namespace rapport {

namespace {

struct Registry
{
    QMutex mutex;
    QHash<QString, QSet<qint64>> revisions;
};

Registry& registry()
{
    static Registry instance;
    return instance;
}

} // namespace

void OwnCommits::record(const QString& canonicalPath, qint64 revision)
{
    Registry& all = registry();
    const QMutexLocker lock(&all.mutex);
    all.revisions[canonicalPath].insert(revision);
}

bool OwnCommits::takeAllOwn(const QString& canonicalPath, qint64 seen, qint64 current)
{
    Registry& all = registry();
    const QMutexLocker lock(&all.mutex);
    QSet<qint64>& own = all.revisions[canonicalPath];
    bool allOwn = current >= seen && current - seen <= own.size();
    for (qint64 revision = seen + 1; allOwn && revision <= current; ++revision)
        allOwn = own.contains(revision);
    own.removeIf([current](qint64 revision) { return revision <= current; });
    return allOwn;
}

void OwnCommits::forgetUpTo(const QString& canonicalPath, qint64 current)
{
    Registry& all = registry();
    const QMutexLocker lock(&all.mutex);
    all.revisions[canonicalPath].removeIf([current](qint64 revision) { return revision <= current; });
}

} // namespace rapport
