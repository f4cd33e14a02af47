// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the DiscordChatExporter CSV reader. The reader takes the channel from the file's name, so the
// input's first byte chooses one: odd for a DM ("Direct Messages - ann [7].csv"), even for a server
// channel ("Guild - general [42].csv"); the rest is the file.
#include "core/conversations/DiscordCsv.h"
#include "tests/fuzz/ConversationChecks.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir folder;
    if (size == 0)
        return 0;
    const QString path = folder.filePath((data[0] & 1) != 0 ? QStringLiteral("Direct Messages - ann [7].csv")
                                                            : QStringLiteral("Guild - general [42].csv"));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_CHECK(file.write(reinterpret_cast<const char*>(data) + 1, static_cast<qint64>(size - 1)) ==
                   static_cast<qint64>(size - 1));
    }
    // The author id and name the seeds use for me.
    fuzz::checkRecords(DiscordCsv::open(path, true), {QStringLiteral("100"), QStringLiteral("me")});
    return 0;
}
