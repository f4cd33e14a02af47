// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ContactImport.h"

#include "core/import/RowProblems.h"
#include "core/model/DayRange.h"
#include "core/services/PersonData.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/ContactUidRepository.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TrustNoteRepository.h"

#include <QRegularExpression>
#include <cmath>

namespace rapport {

namespace {

// Items of a list cell: Rapport writes "a; b", Google "a ::: b".
QStringList splitList(const QString& text, bool commas)
{
    static const QRegularExpression separators(QStringLiteral(";|:::"));
    static const QRegularExpression separatorsAndCommas(QStringLiteral(";|:::|,"));
    QStringList items;
    for (const QString& item : text.split(commas ? separatorsAndCommas : separators)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items << trimmed;
    }
    return items;
}

// "https://www.linkedin.com/in/ada-lovelace/" -> "ada-lovelace"; anything else is kept.
QString linkedInHandle(const QString& value)
{
    static const QRegularExpression profile(QStringLiteral("linkedin\\.com/in/([^/?#]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = profile.match(value);
    return match.hasMatch() ? match.captured(1) : value;
}

QString methodKey(MethodKind kind, const QString& value)
{
    return methodKindName(kind) + QLatin1Char('\n') + normalizeMethodValue(kind, value);
}

// Emails and handles tell people apart; phones and websites are often shared.
bool identifies(MethodKind kind)
{
    return kind != MethodKind::Phone && kind != MethodKind::Website;
}

QString describe(const ContactMethod& method)
{
    return method.kind == MethodKind::Email
               ? QStringLiteral("email %1").arg(method.value)
               : QStringLiteral("%1 %2").arg(methodKindName(method.kind), method.value);
}

std::optional<bool> parseFlag(const QString& text)
{
    const QString key = text.trimmed().toLower();
    if (key == QLatin1String("1") || key == QLatin1String("true") || key == QLatin1String("yes"))
        return true;
    if (key == QLatin1String("0") || key == QLatin1String("false") || key == QLatin1String("no"))
        return false;
    return std::nullopt;
}

} // namespace

Status ContactImport::begin(bool writing, qint64)
{
    m_writing = writing;
    m_claimed.clear();
    m_seen.clear();
    m_changed.clear();
    Result<TeamMemberCache> members = TeamMemberCache::load(m_db);
    if (!members)
        return members.error();
    m_members = std::move(*members);
    return {};
}

ContactDraft ContactImport::read(const MappedRow& row, RowProblems& problems) const
{
    ContactDraft draft;
    draft.line = row.line();
    draft.location = row.location(-1);
    Contact& c = draft.contact;
    c.givenName = QStringList{row.text(ImportField::GivenName), row.text(ImportField::MiddleName)}
                      .join(QLatin1Char(' '))
                      .trimmed();
    c.familyName = row.text(ImportField::FamilyName);
    c.displayName = row.text(ImportField::DisplayName);
    draft.hasDisplayName = !c.displayName.isEmpty();
    c.organization = row.text(ImportField::Organization);
    c.title = row.text(ImportField::Title);

    QSet<QString> keys;
    auto add = [&](MethodKind kind, const QString& value, int column) {
        if (const QString problem = validateMethodValue(kind, value); !problem.isEmpty()) {
            problems.add(column, problem);
            return;
        }
        const QString key = methodKey(kind, value);
        if (keys.contains(key))
            return;
        keys.insert(key);
        c.methods << ContactMethod{0, kind, value, QString()};
        draft.methodLocations << row.location(column);
    };
    for (const MappedRow::Value& cell : row.values(ImportField::Email)) {
        for (const QString& item : splitList(cell.text, true))
            add(MethodKind::Email, item, cell.column);
    }
    for (const auto& [field, kind] : {std::pair{ImportField::Phone, MethodKind::Phone},
                                      std::pair{ImportField::Website, MethodKind::Website}}) {
        for (const MappedRow::Value& cell : row.values(field)) {
            for (const QString& item : splitList(cell.text, false))
                add(kind, item, cell.column);
        }
    }
    for (const MappedRow::Value& cell : row.values(ImportField::Handle)) {
        const QString value = cell.service == MethodKind::LinkedIn ? linkedInHandle(cell.text) : cell.text;
        add(cell.service, value, cell.column);
    }
    for (const MappedRow::Value& cell : row.values(ImportField::Handles)) {
        for (const QString& item : splitList(cell.text, false)) {
            const qsizetype colon = item.indexOf(QLatin1Char(':'));
            const std::optional<MethodKind> kind =
                colon > 0 ? parseMethodKind(item.left(colon)) : std::optional<MethodKind>();
            if (kind)
                add(*kind, item.mid(colon + 1).trimmed(), cell.column);
            else
                problems.add(cell.column, QStringLiteral("'%1' is not service:handle; services are %2")
                                              .arg(item, methodKindNames().join(QStringLiteral(", "))));
        }
    }

    for (const MappedRow::Value& cell : row.values(ImportField::Tags)) {
        for (const QString& tag : splitList(cell.text, false)) {
            // Google's own groups ("* myContacts", "* starred") are not the user's tags.
            if (tag.startsWith(QLatin1String("* ")))
                continue;
            if (!c.tags.contains(tag, Qt::CaseInsensitive))
                c.tags << tag;
        }
    }
    draft.owner = row.text(ImportField::Owner);
    if (const QString cadence = row.text(ImportField::Cadence); !cadence.isEmpty()) {
        bool isNumber = false;
        const double days = cadence.toDouble(&isNumber);
        const QString outOfRange = dayRangeProblem(isNumber ? days : -1);
        if (!outOfRange.isEmpty())
            problems.add(ImportField::Cadence, QStringLiteral("'%1': %2").arg(cadence, outOfRange));
        else
            c.cadenceDays = days;
    }
    if (const QString archived = row.text(ImportField::Archived); !archived.isEmpty()) {
        draft.archived = parseFlag(archived);
        if (draft.archived)
            c.archived = *draft.archived;
        else
            problems.add(ImportField::Archived, QStringLiteral("'%1' is not 0 or 1").arg(archived));
    }

    // Without a name, the best thing to show for the person.
    if (c.effectiveDisplayName().isEmpty()) {
        for (const ContactMethod& method : std::as_const(c.methods)) {
            if (method.kind == MethodKind::Email) {
                c.displayName = method.value;
                break;
            }
        }
    }
    if (c.effectiveDisplayName().isEmpty() && !c.methods.isEmpty())
        c.displayName = c.methods.constFirst().value;
    if (c.effectiveDisplayName().isEmpty())
        c.displayName = c.organization;
    if (!c.effectiveDisplayName().isEmpty()) {
        c.displayName = c.effectiveDisplayName();
        if (const QString problem = ContactRepository::validationError(c); !problem.isEmpty())
            problems.add(-1, problem);
    }
    return draft;
}

Result<std::optional<qint64>> ContactImport::match(const ContactDraft& draft) const
{
    ContactRepository contacts(m_db);
    std::optional<qint64> found;
    QString foundBy;
    if (!draft.uid.isEmpty()) {
        const Result<std::optional<qint64>> id = ContactUidRepository(m_db).find(draft.uid);
        if (!id)
            return id.error();
        if (id->has_value()) {
            found = **id;
            foundBy = QStringLiteral("UID %1").arg(draft.uid);
        }
    }
    const auto problem = [&draft](qsizetype method, const QString& message) {
        return Error::badInput(QStringLiteral("%1: %2").arg(draft.methodLocations.at(method), message));
    };
    for (qsizetype i = 0; i < draft.contact.methods.size(); ++i) {
        const ContactMethod& method = draft.contact.methods.at(i);
        if (!identifies(method.kind))
            continue;
        const Result<std::optional<qint64>> id = contacts.findByMethod(method.value, method.kind);
        if (!id) {
            if (id.error().kind == ErrorKind::Database)
                return id.error();
            return problem(i, id.error().message);
        }
        if (!id->has_value())
            continue;
        if (found && *found != **id)
            return problem(i, QStringLiteral("%1 belongs to contact %2 but %3 to contact %4: merge them "
                                             "first, or correct this row")
                                  .arg(foundBy)
                                  .arg(*found)
                                  .arg(describe(method))
                                  .arg(**id));
        found = **id;
        foundBy = describe(method);
    }
    if (found)
        return found;
    for (const ContactMethod& method : draft.contact.methods) {
        if (identifies(method.kind))
            return std::optional<qint64>(); // a new email or handle: a new person
    }
    // Nothing identifies the row: the one contact with this name, if there is exactly one.
    SqliteStatement byName(m_db.handle(),
                           "SELECT id FROM contacts WHERE display_name = ?1 COLLATE NOCASE LIMIT 2");
    byName.bind(1, draft.contact.displayName);
    QList<qint64> ids;
    while (byName.step())
        ids << byName.columnInt64(0);
    if (!byName.ok())
        return Error::database(byName.errorMessage());
    if (ids.size() > 1)
        return Error::notFound(QStringLiteral("several contacts are named '%1' and the row has no email or "
                                              "handle to tell them apart")
                                   .arg(draft.contact.displayName));
    return ids.isEmpty() ? std::optional<qint64>() : std::optional<qint64>(ids.constFirst());
}

Result<bool> ContactImport::merge(Contact& contact, const ContactDraft& draft)
{
    const Contact& in = draft.contact;
    bool changed = false;
    auto replace = [&changed](QString& field, const QString& value) {
        if (!value.isEmpty() && field != value) {
            field = value;
            changed = true;
        }
    };
    if (draft.hasDisplayName)
        replace(contact.displayName, in.displayName);
    replace(contact.givenName, in.givenName);
    replace(contact.familyName, in.familyName);
    replace(contact.organization, in.organization);
    replace(contact.title, in.title);
    QSet<QString> known;
    for (const ContactMethod& method : std::as_const(contact.methods))
        known.insert(methodKey(method.kind, method.value));
    for (const ContactMethod& method : in.methods) {
        if (!known.contains(methodKey(method.kind, method.value))) {
            contact.methods << method;
            changed = true;
        }
    }
    for (const QString& tag : in.tags) {
        if (!contact.tags.contains(tag, Qt::CaseInsensitive)) {
            contact.tags << tag;
            changed = true;
        }
    }
    if (in.cadenceDays && (!contact.cadenceDays || std::abs(*contact.cadenceDays - *in.cadenceDays) > 1e-9)) {
        contact.cadenceDays = in.cadenceDays;
        changed = true;
    }
    if (draft.archived && contact.archived != *draft.archived) {
        contact.archived = *draft.archived;
        changed = true;
    }
    if (!draft.owner.isEmpty()) {
        const Result<std::optional<qint64>> owner = m_members->idFor(m_db, draft.owner, m_writing);
        if (!owner)
            return owner.error();
        // In the checking pass a new owner has no id yet; it is a change all the same.
        if (!owner->has_value() || contact.ownerId != *owner) {
            contact.ownerId = *owner;
            changed = true;
        }
    }
    return changed;
}

Result<QString> ContactImport::forgottenMethod(const ContactDraft& draft) const
{
    const PersonEraser eraser(m_db);
    for (const ContactMethod& method : draft.contact.methods) {
        const Result<bool> forgotten =
            eraser.isForgotten(methodKindName(method.kind), normalizeMethodValue(method.kind, method.value));
        if (!forgotten)
            return forgotten.error();
        if (*forgotten)
            return describe(method);
    }
    return QString();
}

Result<ContactImport::Additions> ContactImport::additions(qint64 contactId, const ContactDraft& draft) const
{
    Additions missing;
    QStringList known;
    // A CSV row has neither: no queries for the rows of a large file.
    if (draft.uid.isEmpty() && draft.notes.isEmpty())
        return missing;
    if (contactId > 0) {
        const Result<QStringList> uids = ContactUidRepository(m_db).uidsOf(contactId);
        if (!uids)
            return uids.error();
        missing.uid = !draft.uid.isEmpty() && !uids->contains(draft.uid);
        const Result<QList<TrustNote>> notes = TrustNoteRepository(m_db).listForContact(contactId);
        if (!notes)
            return notes.error();
        for (const TrustNote& note : *notes)
            known << note.text.trimmed();
    } else {
        missing.uid = !draft.uid.isEmpty();
    }
    // Each stored note accounts for one note of the draft with its text: a card that says the same thing
    // twice, as its contact's notes did, gets both back once and no more on the next import.
    for (const QString& note : draft.notes) {
        const QString text = note.trimmed();
        if (text.isEmpty())
            continue;
        if (const qsizetype stored = known.indexOf(text); stored >= 0)
            known.removeAt(stored);
        else
            missing.notes << text;
    }
    return missing;
}

Status ContactImport::write(qint64 contactId, const ContactDraft& draft, const Additions& additions)
{
    if (additions.uid) {
        if (Status kept = ContactUidRepository(m_db).add(contactId, draft.uid); !kept) {
            if (kept.error().kind == ErrorKind::Database)
                return kept;
            return Error::badInput(QStringLiteral("%1: %2").arg(draft.uidLocation, kept.error().message));
        }
    }
    TrustNoteRepository notes(m_db);
    for (const QString& text : additions.notes) {
        TrustNote note;
        note.contactId = contactId;
        note.createdAt = draft.notesTime;
        note.kind = TrustKind::Context;
        note.text = text;
        if (const Result<qint64> inserted = notes.insert(note); !inserted)
            return inserted.error();
    }
    return {};
}

Result<RowResult> ContactImport::row(const MappedRow& row)
{
    RowProblems problems(row);
    const ContactDraft draft = read(row, problems);
    if (!problems.isEmpty())
        return problems.result();
    return importContact(draft);
}

Result<RowResult> ContactImport::importContact(const ContactDraft& draft)
{
    if (draft.contact.effectiveDisplayName().isEmpty())
        return RowResult{RowOutcome::Skipped, QStringLiteral("no name, email or handle")};

    QStringList keys;
    for (const ContactMethod& method : draft.contact.methods) {
        if (identifies(method.kind))
            keys << methodKey(method.kind, method.value);
    }
    if (keys.isEmpty())
        keys << QStringLiteral("name\n") + draft.contact.displayName.toCaseFolded();
    if (!draft.uid.isEmpty())
        keys << QStringLiteral("uid\n") + draft.uid;
    for (const QString& key : std::as_const(keys)) {
        if (const auto claimed = m_claimed.constFind(key); claimed != m_claimed.cend())
            return RowResult{RowOutcome::Skipped, QStringLiteral("same person as line %1").arg(*claimed)};
    }

    const Result<std::optional<qint64>> matched = match(draft);
    if (!matched) {
        if (matched.error().kind == ErrorKind::NotFound)
            return RowResult{RowOutcome::Skipped, matched.error().message};
        return matched.error();
    }
    if (matched->has_value()) {
        if (const auto seen = m_seen.constFind(**matched); seen != m_seen.cend())
            return RowResult{RowOutcome::Skipped, QStringLiteral("same person as line %1").arg(*seen)};
    } else if (!m_includeForgotten) {
        const Result<QString> forgotten = forgottenMethod(draft);
        if (!forgotten)
            return forgotten.error();
        if (!forgotten->isEmpty())
            return RowResult{RowOutcome::Skipped,
                             QStringLiteral("forgotten: %1 belonged to a person who was forgotten "
                                            "(--include-forgotten imports it)")
                                 .arg(*forgotten)};
    }
    for (const QString& key : std::as_const(keys))
        m_claimed.insert(key, draft.line);

    // The contacts' histories say "imported", one entry for a new contact and one per changed field of a
    // matched one.
    const ChangeSourceScope importing(m_db, ChangeSource::Import);
    ContactRepository contacts(m_db);
    if (matched->has_value()) {
        const qint64 id = **matched;
        m_seen.insert(id, draft.line);
        Result<Contact> existing = contacts.get(id);
        if (!existing)
            return existing.error();
        const Result<bool> changed = merge(*existing, draft);
        if (!changed)
            return changed.error();
        const Result<Additions> added = additions(id, draft);
        if (!added)
            return added.error();
        if (!*changed && !added->uid && added->notes.isEmpty())
            return RowResult{RowOutcome::Unchanged, {}};
        if (m_writing) {
            if (*changed) {
                if (Status updated = contacts.update(*existing); !updated) {
                    if (updated.error().kind == ErrorKind::Database)
                        return updated.error();
                    return Error::badInput(
                        QStringLiteral("%1: %2").arg(draft.location, updated.error().message));
                }
            }
            if (Status written = write(id, draft, *added); !written)
                return written.error();
            m_changed << id;
        }
        return RowResult{RowOutcome::Updated, {}};
    }

    Contact contact = draft.contact;
    const Result<std::optional<qint64>> owner = m_members->idFor(m_db, draft.owner, m_writing);
    if (!owner)
        return owner.error();
    contact.ownerId = *owner;
    if (m_writing) {
        const Result<qint64> created = contacts.create(contact);
        if (!created) {
            if (created.error().kind == ErrorKind::Database)
                return created.error();
            return Error::badInput(QStringLiteral("%1: %2").arg(draft.location, created.error().message));
        }
        const Result<Additions> added = additions(0, draft);
        if (!added)
            return added.error();
        if (Status written = write(*created, draft, *added); !written)
            return written.error();
        m_seen.insert(*created, draft.line);
        m_changed << *created;
    }
    return RowResult{RowOutcome::Created, {}};
}

} // namespace rapport
