// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the readers of unpacked exports (Slack, Mastodon, Discord's data package) with arbitrary files.
// The input is a folder written as text: each "@@ path" line starts a file, whose bytes run to the next
// such line, so that mutations reach both the file names the readers look for and the JSON inside them.
// Each reader is given the folder whether or not it recognizes it, as --format slack (and so on) does.
#include "core/conversations/ArchiveFolder.h"
#include "core/conversations/DiscordPackage.h"
#include "core/conversations/MastodonArchive.h"
#include "core/conversations/SlackArchive.h"
#include "tests/fuzz/ConversationChecks.h"

#include <QHash>

using namespace rapport;

namespace {

class MemoryFolder : public ArchiveFolder
{
public:
    explicit MemoryFolder(const QByteArray& text)
        : ArchiveFolder(QStringLiteral("fuzz"))
    {
        const QByteArray marker = "@@ ";
        qsizetype at = text.startsWith(marker) ? 0 : text.indexOf("\n" + marker);
        while (at >= 0) {
            const qsizetype nameStart = at + (text.at(at) == '\n' ? 1 : 0) + marker.size();
            const qsizetype nameEnd = text.indexOf('\n', nameStart);
            const QString name =
                QString::fromUtf8(text.mid(nameStart, nameEnd < 0 ? -1 : nameEnd - nameStart));
            const qsizetype next = nameEnd < 0 ? -1 : text.indexOf("\n" + marker, nameEnd);
            const qsizetype contentStart = nameEnd < 0 ? text.size() : nameEnd + 1;
            m_contents.insert(name, text.mid(contentStart, next < 0 ? -1 : next - contentStart));
            at = next;
        }
        setFiles(m_contents.keys());
    }

    QString where(const QString& file) const override { return QStringLiteral("fuzz: ") + file; }

protected:
    Result<QByteArray> readStored(const QString& stored) const override
    {
        const auto found = m_contents.constFind(stored);
        if (found == m_contents.cend())
            return Error::badInput(QStringLiteral("fuzz: no file %1").arg(stored));
        return *found;
    }

private:
    QHash<QString, QByteArray> m_contents;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // The ids and handles the seeds use for me.
    const QStringList me{QStringLiteral("U1"), QStringLiteral("me"), QStringLiteral("100")};
    fuzz::checkRecords(SlackArchive::open(std::make_unique<MemoryFolder>(text), true), me);
    fuzz::checkRecords(MastodonArchive::open(std::make_unique<MemoryFolder>(text), true), me);
    fuzz::checkRecords(DiscordPackage::open(std::make_unique<MemoryFolder>(text), true), me);
    return 0;
}
