#include "ContactPicker.h"

#include "DatabaseSession.h"
#include "storage/ContactDirectory.h"
#include "storage/SearchIndex.h"

#include <QCompleter>
#include <QStringListModel>

namespace rapport::ui {

namespace {

constexpr int suggestionCount = 12;

QString suggestionText(const ContactRow& row)
{
    QString text = row.name;
    if (!row.primaryEmail.isEmpty())
        text += QStringLiteral(" <%1>").arg(row.primaryEmail);
    else if (!row.organization.isEmpty())
        text += QStringLiteral(" (%1)").arg(row.organization);
    return text;
}

} // namespace

ContactPicker::ContactPicker(DatabaseSession& session, QWidget* parent)
    : QLineEdit(parent)
    , m_session(session)
    , m_completer(new QCompleter(this))
    , m_suggestions(new QStringListModel(this))
{
    setPlaceholderText(tr("Name, email or handle"));
    setClearButtonEnabled(true);
    m_completer->setModel(m_suggestions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    // Search already filtered the list; the completer must show it as is.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(suggestionCount);
    setCompleter(m_completer);
    connect(this, &QLineEdit::textEdited, this, &ContactPicker::search);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &ContactPicker::choose);
}

ContactPicker::~ContactPicker() = default;

void ContactPicker::setContact(qint64 contactId)
{
    const Result<QHash<qint64, ContactRow>> rows = ContactDirectory(m_session.database()).rows({contactId});
    if (!rows || !rows->contains(contactId))
        return;
    const QString text = suggestionText(rows->value(contactId));
    m_idOfSuggestion.insert(text, contactId);
    setText(text);
    m_contactId = contactId;
    emit contactChosen(contactId);
}

void ContactPicker::search(const QString& text)
{
    m_contactId = 0;
    const Result<QList<qint64>> found = SearchIndex(m_session.database()).findContacts(text, suggestionCount);
    if (!found)
        return;
    const Result<QHash<qint64, ContactRow>> rows = ContactDirectory(m_session.database()).rows(*found);
    if (!rows)
        return;
    QStringList suggestions;
    m_idOfSuggestion.clear();
    for (const qint64 id : *found) {
        const auto row = rows->constFind(id);
        if (row == rows->cend())
            continue;
        const QString suggestion = suggestionText(*row);
        m_idOfSuggestion.insert(suggestion, id);
        suggestions << suggestion;
    }
    m_suggestions->setStringList(suggestions);
    if (!suggestions.isEmpty())
        m_completer->complete();
}

void ContactPicker::choose(const QString& suggestion)
{
    const auto found = m_idOfSuggestion.constFind(suggestion);
    if (found == m_idOfSuggestion.cend())
        return;
    m_contactId = *found;
    emit contactChosen(m_contactId);
}

} // namespace rapport::ui
