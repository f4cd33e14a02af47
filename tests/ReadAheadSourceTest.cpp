// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ReadAheadSource.h"

#include <atomic>
#include <catch2/catch.hpp>

using namespace rapport;

namespace {

// Records "message 0" … "message count-1" from the thread that reads it, then the end or an error.
class CountingSource : public ConversationSource
{
public:
    CountingSource(int count, bool failAtEnd, std::atomic<int>& read, std::atomic<bool>& destroyed)
        : m_count(count)
        , m_failAtEnd(failAtEnd)
        , m_read(read)
        , m_destroyed(destroyed)
    {}
    ~CountingSource() override { m_destroyed = true; }

    Status identifyMe(const QStringList& given) override
    {
        if (given.isEmpty())
            return Error::usage(QStringLiteral("no me"));
        return {};
    }
    Result<bool> next(ConversationRecord& record) override
    {
        if (m_next == m_count) {
            if (m_failAtEnd)
                return Error::badInput(QStringLiteral("archive: message %1: broken").arg(m_next));
            return false;
        }
        record = ConversationRecord();
        record.location = QStringLiteral("message %1").arg(m_next++);
        ++m_read;
        return true;
    }
    QString formatName() const override { return QStringLiteral("counting"); }
    QStringList ignoredFiles() const override { return {QStringLiteral("notes.txt")}; }

private:
    int m_count;
    bool m_failAtEnd;
    int m_next = 0;
    std::atomic<int>& m_read;
    std::atomic<bool>& m_destroyed;
};

} // namespace

TEST_CASE("Read ahead hands over every record in order, then the end, and forwards the rest",
          "[conversations]")
{
    std::atomic<int> read = 0;
    std::atomic<bool> destroyed = false;
    {
        ReadAheadSource source(std::make_unique<CountingSource>(5000, false, read, destroyed));
        CHECK(source.identifyMe({}).error().kind == ErrorKind::Usage);
        CHECK(source.identifyMe({QStringLiteral("me")}));
        ConversationRecord record;
        for (int i = 0; i < 5000; ++i) {
            const Result<bool> more = source.next(record);
            REQUIRE(more);
            REQUIRE(*more);
            REQUIRE(record.location == QStringLiteral("message %1").arg(i));
        }
        const Result<bool> end = source.next(record);
        REQUIRE(end);
        CHECK_FALSE(*end);
        CHECK_FALSE(*source.next(record));
        CHECK(source.formatName() == QStringLiteral("counting"));
        CHECK(source.ignoredFiles() == QStringList{QStringLiteral("notes.txt")});
    }
    CHECK(read == 5000);
    CHECK(destroyed);
}

TEST_CASE("Read ahead gives the records before a failure, then the source's error", "[conversations]")
{
    std::atomic<int> read = 0;
    std::atomic<bool> destroyed = false;
    ReadAheadSource source(std::make_unique<CountingSource>(300, true, read, destroyed));
    ConversationRecord record;
    int records = 0;
    for (;;) {
        const Result<bool> more = source.next(record);
        if (!more) {
            CHECK(more.error().kind == ErrorKind::BadInput);
            CHECK(more.error().message == QStringLiteral("archive: message 300: broken"));
            break;
        }
        REQUIRE(*more);
        ++records;
    }
    CHECK(records == 300);
}

TEST_CASE("Read ahead stopped early stops reading: a few batches ahead, never the whole archive",
          "[conversations]")
{
    std::atomic<int> read = 0;
    std::atomic<bool> destroyed = false;
    {
        ReadAheadSource source(std::make_unique<CountingSource>(10'000'000, false, read, destroyed));
        ConversationRecord record;
        REQUIRE(*source.next(record));
        CHECK(record.location == QStringLiteral("message 0"));
    }
    CHECK(destroyed);
    // Eight batches of 256 wait in the queue, one more is being filled, one is being handed out.
    CHECK(read < 10 * 256 + 1);
}
