// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ContactRowCache.h"

#include "ui/session/DatabaseSession.h"

#include <algorithm>

namespace rapport::ui {

namespace {

// Rows fetched around a missing one: a screenful and some, so scrolling rarely waits.
constexpr int fetchBatch = 200;
// Cached rows beyond this are dropped; a view only ever shows a few dozen.
constexpr int cacheLimit = 4000;

} // namespace

ContactRowCache::ContactRowCache(DatabaseSession& session, QString failureText)
    : m_session(session)
    , m_failureText(std::move(failureText))
{}

const ContactRow* ContactRowCache::row(int row, int count, const std::function<qint64(int)>& contactAt)
{
    const qint64 id = contactAt(row);
    if (const auto cached = m_rows.constFind(id); cached != m_rows.cend())
        return &*cached;
    if (m_rows.size() > cacheLimit)
        m_rows.clear();
    QList<qint64> batch;
    const int first = std::max(0, row - fetchBatch / 4);
    const int last = std::min(count, first + fetchBatch);
    for (int r = first; r < last; ++r) {
        if (!m_rows.contains(contactAt(r)))
            batch << contactAt(r);
    }
    const Result<QHash<qint64, ContactRow>> fetched = ContactDirectory(m_session.database()).rows(batch);
    if (fetched) {
        m_rows.insert(*fetched);
        m_unreadable = false;
    } else if (!m_unreadable) {
        m_unreadable = true;
        emit m_session.errorOccurred(m_failureText.arg(fetched.error().message));
    }
    const auto found = m_rows.constFind(id);
    return found == m_rows.cend() ? nullptr : &*found;
}

} // namespace rapport::ui
