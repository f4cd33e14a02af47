// SPDX-License-Identifier: GPL-3.0-or-later
// Undoable changes to the links between contacts: who introduced a contact (set, replaced or removed),
// and whether two contacts know each other. Undo puts back the link that was there, with its note and
// date, through the repository, so both contacts' histories record the undo as well.
#pragma once

#include "core/model/ContactLink.h"
#include "ui/undo/DatabaseCommand.h"

#include <optional>

namespace rapport::ui {

// The other end of a link with what was said about it.
struct LinkTarget
{
    qint64 contactId = 0;
    LinkDetails details;
};

class ChangeIntroducerCommand : public DatabaseCommand
{
public:
    // Makes `introducer` the contact's introducer, replacing any other; nullopt removes the introducer.
    // `introducerName` names the new introducer, or the one removed, in the undo menu.
    ChangeIntroducerCommand(DatabaseSession& session, qint64 contactId, std::optional<LinkTarget> introducer,
                            const QString& contactName, const QString& introducerName);

protected:
    Status apply() override;
    Status revert() override;

private:
    // Returns the link the write replaced or removed.
    Result<std::optional<ContactLink>> write(const std::optional<LinkTarget>& introducer);
    void touchContacts();

    qint64 m_contactId;
    std::optional<LinkTarget> m_after;
    std::optional<LinkTarget> m_before; // read from what the first write replaced
};

class ChangeKnowsCommand : public DatabaseCommand
{
public:
    // Records that the two know each other with `details`, or, with nullopt, that they do not.
    ChangeKnowsCommand(DatabaseSession& session, qint64 contactId, qint64 otherId,
                       std::optional<LinkDetails> details, const QString& contactName,
                       const QString& otherName);

protected:
    Status apply() override;
    Status revert() override;

private:
    // Returns the link the write replaced or removed.
    Result<std::optional<ContactLink>> write(const std::optional<LinkDetails>& details);
    void touchContacts();

    qint64 m_contactId;
    qint64 m_otherId;
    std::optional<LinkDetails> m_after;
    std::optional<LinkDetails> m_before; // read from what the first write replaced
};

} // namespace rapport::ui
