// SPDX-License-Identifier: GPL-3.0-or-later
// The invariants every conversation reader keeps, whatever bytes it reads: opening fails only as bad input,
// a missing "me" is a usage error, and each record is a conversation with counterparts, a source key and a
// short summary, or carries the reason it is not one.
#pragma once

#include "core/conversations/ConversationSource.h"
#include "core/conversations/JsonFile.h"
#include "tests/fuzz/FuzzCheck.h"

namespace rapport::fuzz {

inline void checkRecords(Result<std::unique_ptr<ConversationSource>> source, const QStringList& me)
{
    if (!source) {
        FUZZ_CHECK(source.error().kind == ErrorKind::BadInput);
        return;
    }
    const Status identified = (*source)->identifyMe(me);
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
        // How someone can be reached depends on the export (a damaged users.json may give a Slack user
        // neither a name nor an address: the import then leaves them out), but each is someone.
        for (const Counterpart& person : record.counterparts)
            FUZZ_CHECK(!person.key.isEmpty());
    }
}

} // namespace rapport::fuzz
