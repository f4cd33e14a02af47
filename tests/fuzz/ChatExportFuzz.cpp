// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the JSON export readers (Discourse topics, DiscordChatExporter exports) with arbitrary bytes:
// whatever they make of a document, each record is a conversation with counterparts, a date and a short
// summary, or carries the reason it is not one; errors are bad input or, for a missing "me", usage.
#include "core/conversations/DiscordExport.h"
#include "core/conversations/DiscourseTopic.h"
#include "core/conversations/JsonFile.h"
#include "tests/fuzz/ConversationChecks.h"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Result<QJsonDocument> document = parseJsonFile(bytes, QStringLiteral("fuzz.json"));
    if (!document) {
        FUZZ_CHECK(document.error().kind == ErrorKind::BadInput);
        FUZZ_CHECK(document.error().message.startsWith(QStringLiteral("fuzz.json: line ")));
        return 0;
    }
    // The usernames and ids the seeds use for me.
    const QStringList me{QStringLiteral("me"), QStringLiteral("100")};
    fuzz::checkRecords(DiscourseTopic::open(QStringLiteral("fuzz.json"), *document, true), me);
    fuzz::checkRecords(DiscordExport::open(QStringLiteral("fuzz.json"), *document, true), me);
    return 0;
}
