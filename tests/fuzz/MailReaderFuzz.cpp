// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the mail reader (GMime) and the mail rules with arbitrary bytes as an mbox, an .eml file or
// either by content: whatever GMime makes of them, each record is a conversation with 1 to 10 counterparts
// none of whom is me, an inbound message has exactly one, and every record has a date and a source key;
// or it carries the reason it is not one. Errors are bad input naming the file.
#include "core/conversations/MailRules.h"
#include "core/conversations/MailSource.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QFile>
#include <QTemporaryDir>

using namespace rapport;

namespace {

const QString me = QStringLiteral("me@example.org");

// MailReader reads files, so each input is written to the same file in a folder of this process.
QString inputPath()
{
    static QTemporaryDir dir;
    FUZZ_CHECK(dir.isValid());
    return dir.filePath(QStringLiteral("fuzz.mbox"));
}

void readAll(const QString& path, MailFormat format, bool withBodies)
{
    Result<std::unique_ptr<MailReader>> reader = MailReader::open(path, format, withBodies);
    if (!reader) {
        FUZZ_CHECK(reader.error().kind == ErrorKind::BadInput);
        FUZZ_CHECK(reader.error().message.contains(QStringLiteral("fuzz.mbox")));
        return;
    }
    MailSource source(std::move(*reader));
    FUZZ_CHECK(source.identifyMe({me}).ok());
    ConversationRecord record;
    for (int records = 0; records < 10000; ++records) {
        const Result<bool> more = source.next(record);
        if (!more) {
            FUZZ_CHECK(more.error().kind == ErrorKind::BadInput);
            return;
        }
        if (!*more)
            return;
        FUZZ_CHECK(!record.location.isEmpty());
        if (!record.skipReason.isEmpty())
            continue;
        FUZZ_CHECK(!record.counterparts.isEmpty() && record.counterparts.size() <= broadcastLimit);
        FUZZ_CHECK(record.direction == Direction::Outbound || record.counterparts.size() == 1);
        FUZZ_CHECK(record.sourceKey.startsWith("email\n"));
        FUZZ_CHECK(withBodies || record.body.isEmpty());
        for (const Counterpart& person : record.counterparts) {
            FUZZ_CHECK(!person.email.isEmpty());
            FUZZ_CHECK(person.key == mailKey(person.email));
            FUZZ_CHECK(person.key != mailKey(me));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the format and whether bodies are read, so that every path is reached.
    static const MailFormat formats[] = {MailFormat::Auto, MailFormat::Mbox, MailFormat::Eml};
    const MailFormat format = formats[(data[0] & 3) % 3];
    const bool withBodies = (data[0] & 4) != 0;
    const QString path = inputPath();
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    FUZZ_CHECK(file.write(reinterpret_cast<const char*>(data) + 1, static_cast<qint64>(size - 1)) ==
               static_cast<qint64>(size - 1));
    file.close();
    readAll(path, format, withBodies);
    return 0;
}
