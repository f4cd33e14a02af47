// SPDX-License-Identifier: GPL-3.0-or-later
// What a vCard's properties become in Rapport and back (the README's vCard section):
//   FN → display name; N → family and given names (the additional names join the given name);
//   ORG → organization (its units after a comma); TITLE → title; EMAIL, TEL, URL → emails, phones,
//   websites with their label (TYPE, or Apple's itemN.X-ABLabel); IMPP, X-SOCIALPROFILE and
//   SOCIALPROFILE (RFC 9554) → handles on the services Rapport knows (another service's profile URL
//   → a website labelled with the service); CATEGORIES → tags; NOTE → context trust notes; UID → kept
//   with the contact; REV → when the notes were written.
// A card without FN is named by N, else by its first email; a card with none of them is refused.
#pragma once

#include "core/import/ContactDraft.h"
#include "core/vcard/VCardReader.h"
#include "core/vcard/VCardWriter.h"

#include <QStringList>

namespace rapport {

struct VCardContact
{
    ContactDraft draft;
    QStringList problems;   // why the card cannot be imported, each naming the file, the line, the property
    QString skipReason;     // a card that is no person (a group of contacts): skipped, not refused
    QStringList unimported; // properties Rapport keeps nothing of: "ADR", "PHOTO", "IMPP (xmpp)"
};

// The contact a card read by `reader` holds.
VCardContact contactFromVCard(const VCard& card, const VCardReader& reader);

// What an export writes about a contact besides its fields.
struct VCardExtras
{
    QString uid;       // the UID kept from an imported card; empty: a UID made from the contact's id
    QStringList notes; // context trust notes, oldest first
};

// The card of a contact, for writeVCard with the same version.
VCard vcardFromContact(const Contact& contact, const VCardExtras& extras, VCardVersion version);

// The UID an export gives a contact that was not imported from a card: the same on every export of it.
QString madeVCardUid(const Contact& contact);

} // namespace rapport
