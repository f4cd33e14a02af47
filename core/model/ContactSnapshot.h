// SPDX-License-Identifier: GPL-3.0-or-later
// Everything that belongs to one contact, kept to create the contact again under the same ids.
#pragma once

#include "core/model/Contact.h"
#include "core/model/ContactChange.h"
#include "core/model/ContactLink.h"
#include "core/model/Event.h"
#include "core/model/FollowUp.h"
#include "core/model/Interaction.h"
#include "core/model/ReachOutHold.h"
#include "core/model/TrustNote.h"

#include <QList>
#include <QStringList>

namespace rapport {

struct ContactSnapshot
{
    Contact contact; // with its methods and tags
    QList<Interaction> interactions;
    QList<TrustNote> notes;
    QList<qint64> distinctFrom; // contacts marked "not the same person" as this one
    QList<FollowUp> followUps;
    QList<ContactChange> changes;             // newest first
    QStringList vcardUids;                    // the UIDs kept from imported vCards, the first kept first
    std::optional<ReachOutHold> reachOutHold; // snoozed or dismissed on Today
    QList<ContactLink> links; // introductions and acquaintances with the contact at either end
    QList<EventParticipant> participations; // the events the contact was in, with the interactions they wrote
};

} // namespace rapport
