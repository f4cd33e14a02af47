// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ReadAheadSource.h"

namespace rapport {

namespace {

// Records per hand-over, and hand-overs in flight: the lock is taken once per batch, and the records read
// ahead stay a few thousand, whatever the size of the archive.
constexpr std::size_t batchSize = 256;
constexpr std::size_t batchesAhead = 8;

} // namespace

ReadAheadSource::ReadAheadSource(std::unique_ptr<ConversationSource> source)
    : m_source(std::move(source))
{}

ReadAheadSource::~ReadAheadSource()
{
    stop();
}

Status ReadAheadSource::identifyMe(const QStringList& given)
{
    return m_source->identifyMe(given);
}

Result<bool> ReadAheadSource::next(ConversationRecord& record)
{
    if (!m_reader.joinable() && !m_finished)
        m_reader = std::thread([this] { readAll(); });
    while (m_taken == m_current.records.size()) {
        if (m_current.error) {
            const Error error = *m_current.error;
            m_current.error.reset();
            m_finished = true;
            stop();
            return error;
        }
        if (m_current.last || m_finished) {
            m_finished = true;
            stop();
            return false;
        }
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty(); });
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
        m_taken = 0;
        lock.unlock();
        m_changed.notify_all();
    }
    record = std::move(m_current.records[m_taken++]);
    return true;
}

QString ReadAheadSource::formatName() const
{
    return m_source->formatName();
}

QStringList ReadAheadSource::ignoredFiles() const
{
    return m_source->ignoredFiles();
}

void ReadAheadSource::readAll()
{
    Batch batch;
    for (;;) {
        ConversationRecord record;
        const Result<bool> more = m_source->next(record);
        if (!more || !*more) {
            if (!more)
                batch.error = more.error();
            batch.last = true;
            hand(std::move(batch));
            return;
        }
        batch.records.push_back(std::move(record));
        if (batch.records.size() == batchSize) {
            if (!hand(std::move(batch)))
                return;
            batch = Batch();
            batch.records.reserve(batchSize);
        }
    }
}

bool ReadAheadSource::hand(Batch batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopping || m_queue.size() < batchesAhead; });
    if (m_stopping)
        return false;
    m_queue.push_back(std::move(batch));
    lock.unlock();
    m_changed.notify_all();
    return true;
}

void ReadAheadSource::stop()
{
    if (!m_reader.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_reader.join();
    m_queue.clear();
}

} // namespace rapport
