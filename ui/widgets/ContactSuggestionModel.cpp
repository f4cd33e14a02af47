// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ContactSuggestionModel.h"

#include "core/storage/ContactDirectory.h"
#include "core/storage/SearchIndex.h"
#include "ui/session/DatabaseSession.h"

#include <QHash>

namespace rapport::ui {

namespace {

QString describeRow(const ContactRow& row)
{
    QStringList details;
    if (!row.organization.isEmpty())
        details << row.organization;
    if (!row.primaryEmail.isEmpty())
        details << row.primaryEmail;
    if (details.isEmpty())
        return row.name;
    return QStringLiteral("%1 — %2").arg(row.name, details.join(QStringLiteral(" · ")));
}

} // namespace

ContactSuggestionModel::ContactSuggestionModel(DatabaseSession& session, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session)
{}

ContactSuggestionModel::~ContactSuggestionModel() = default;

Status ContactSuggestionModel::search(const QString& text, int limit)
{
    QList<Suggestion> suggestions;
    if (!text.trimmed().isEmpty()) {
        const Result<QList<qint64>> found = SearchIndex(m_session.database()).findContacts(text, limit);
        if (!found)
            return found.error();
        const Result<QHash<qint64, ContactRow>> rows = ContactDirectory(m_session.database()).rows(*found);
        if (!rows)
            return rows.error();
        QHash<QString, int> seen;
        for (const qint64 id : *found) {
            if (const auto row = rows->constFind(id); row != rows->cend()) {
                suggestions.append({id, describeRow(*row)});
                ++seen[suggestions.constLast().text];
            }
        }
        for (Suggestion& suggestion : suggestions) {
            if (seen.value(suggestion.text) > 1)
                suggestion.text += QStringLiteral(" · #%1").arg(suggestion.contactId);
        }
    }
    beginResetModel();
    m_suggestions = std::move(suggestions);
    endResetModel();
    return {};
}

Result<QString> ContactSuggestionModel::describe(qint64 contactId) const
{
    const Result<QHash<qint64, ContactRow>> rows = ContactDirectory(m_session.database()).rows({contactId});
    if (!rows)
        return rows.error();
    if (!rows->contains(contactId))
        return Error::notFound(QStringLiteral("no contact with id %1").arg(contactId));
    return describeRow(rows->value(contactId));
}

int ContactSuggestionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_suggestions.size());
}

QVariant ContactSuggestionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_suggestions.size())
        return {};
    const Suggestion& suggestion = m_suggestions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return suggestion.text;
    case ContactIdRole:
        return suggestion.contactId;
    default:
        return {};
    }
}

} // namespace rapport::ui
