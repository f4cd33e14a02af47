// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes VCardReader with arbitrary bytes; every card it reads, written by the vCard writer, must read back
// as one card without a syntax problem and with the same properties, and its mapping to a contact either
// names the contact or says why it cannot; a card refused for its syntax is refused naming a line.
#include "core/vcard/VCardContactMapping.h"
#include "core/vcard/VCardReader.h"
#include "core/vcard/VCardWriter.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QBuffer>

using namespace rapport;

namespace {

QList<VCard> readCards(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    FUZZ_CHECK(buffer.open(QIODevice::ReadOnly));
    VCardReader reader(buffer, QStringLiteral("fuzz.vcf"));
    QList<VCard> cards;
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more) {
            FUZZ_CHECK(more.error().kind == ErrorKind::BadInput);
            FUZZ_CHECK(!reader.next().ok());
            return cards;
        }
        if (!*more)
            return cards;
        const VCardContact contact = contactFromVCard(reader.card(), reader);
        if (!reader.card().syntaxProblem.isEmpty()) {
            FUZZ_CHECK(reader.card().syntaxProblem.startsWith(QLatin1String("fuzz.vcf: line ")));
            FUZZ_CHECK(contact.problems.contains(reader.card().syntaxProblem));
            FUZZ_CHECK(contact.skipReason.isEmpty());
        }
        FUZZ_CHECK(!contact.problems.isEmpty() || !contact.draft.contact.effectiveDisplayName().isEmpty());
        FUZZ_CHECK(contact.draft.methodLocations.size() == contact.draft.contact.methods.size());
        cards << reader.card();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QList<VCard> cards = readCards(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    for (const VCard& card : cards) {
        const QList<VCard> again = readCards(writeVCard(card));
        FUZZ_CHECK(again.size() == 1);
        FUZZ_CHECK(again.constFirst().syntaxProblem.isEmpty());
        for (const VCardProperty& property : card.properties) {
            if (property.name == QLatin1String("VERSION") || property.value.contains(QLatin1Char('\n')) ||
                property.value.contains(QLatin1Char('\r')))
                continue;
            const VCardProperty* back = again.constFirst().first(property.name);
            FUZZ_CHECK(back != nullptr);
        }
    }
    return 0;
}
