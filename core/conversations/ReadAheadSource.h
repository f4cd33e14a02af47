// SPDX-License-Identifier: GPL-3.0-or-later
// A ConversationSource that reads its archive on a thread of its own, a few batches of records ahead of
// the one writing them, so that parsing (GMime, JSON) and the database's writes use two cores instead of
// taking turns on one: the parse is most of an import's time, and the writes then cost little more.
// The wrapped source is touched by one thread at a time: identifyMe() before the first next(), its reading
// thread until the last record or an error, formatName() and ignoredFiles() after that.
#pragma once

#include "core/conversations/ConversationSource.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace rapport {

class ReadAheadSource : public ConversationSource
{
public:
    explicit ReadAheadSource(std::unique_ptr<ConversationSource> source);
    // Stops the reading thread, if it runs, and waits for it: an import that stopped early (an error,
    // Cancel) leaves nothing behind.
    ~ReadAheadSource() override;
    ReadAheadSource(const ReadAheadSource&) = delete;
    ReadAheadSource& operator=(const ReadAheadSource&) = delete;

    Status identifyMe(const QStringList& given) override;
    // The records in the wrapped source's order, and its error at the point where it failed.
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override;
    QStringList ignoredFiles() const override;

private:
    struct Batch
    {
        std::vector<ConversationRecord> records;
        std::optional<Error> error; // after the records, when the source failed there
        bool last = false;          // nothing follows
    };

    void readAll();
    // Waits while the queue is full; false when the reader is asked to stop.
    bool hand(Batch batch);
    void stop();

    std::unique_ptr<ConversationSource> m_source;
    std::thread m_reader;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;
    bool m_stopping = false;
    Batch m_current;
    std::size_t m_taken = 0; // records of m_current already handed out
    bool m_finished = false; // the last batch has been taken
};

} // namespace rapport
