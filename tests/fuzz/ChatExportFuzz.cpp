// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the JSON export readers (Discourse topics, DiscordChatExporter exports) with arbitrary bytes:
// whatever they make of a document, each record is a conversation with counterparts, a date and a short
// summary, or carries the reason it is not one; errors are bad input or, for a missing "me", usage.
#include "core/conversations/DiscordExport.h"
#include "core/conversations/DiscourseTopic.h"
#include "core/conversations/JsonFile.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace rapport;

namespace {

void readAll(Result<std::unique_ptr<ConversationSource>> source)
{
    if (!source) {
        FUZZ_CHECK(source.error().kind == ErrorKind::BadInput);
        return;
    }
    // The usernames and ids the seeds use for me.
    const Status identified = (*source)->identifyMe({QStringLiteral("me"), QStringLiteral("100")});
    if (!identified) {
        FUZZ_CHECK(identified.error().kind == ErrorKind::Usage);
        return;
    }
    ConversationRecord record;
    for (int records = 0; records < 10000; ++records) {
        const Result<bool> more = (*source)->next(record);
        if (!more) {
            FUZZ_CHECK(more.error().kind == ErrorKind::BadInput);
            return;
        }
        if (!*more)
            return;
        if (!record.skipReason.isEmpty())
            continue;
        FUZZ_CHECK(!record.counterparts.isEmpty());
        FUZZ_CHECK(!record.sourceKey.isEmpty());
        FUZZ_CHECK(record.summary.size() <= chatSummaryLimit);
        for (const Counterpart& person : record.counterparts)
            FUZZ_CHECK(!person.key.isEmpty() && person.handleKind);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Result<QJsonDocument> document = parseJsonFile(bytes, QStringLiteral("fuzz.json"));
    if (!document) {
        FUZZ_CHECK(document.error().kind == ErrorKind::BadInput);
        FUZZ_CHECK(document.error().message.startsWith(QStringLiteral("fuzz.json: line ")));
        return 0;
    }
    readAll(DiscourseTopic::open(QStringLiteral("fuzz.json"), *document, true));
    readAll(DiscordExport::open(QStringLiteral("fuzz.json"), *document, true));
    return 0;
}
